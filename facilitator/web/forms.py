"""The page's forms, read into the command line's options and checked by the same code.

A form is turned into the keyword arguments of
:meth:`facilitator.request.BuildRequest.from_options`, so a bad value is refused in the same words
as ``facilitator pack`` refuses it; each problem is then placed next to the field it concerns.
Uploads are saved under fixed names in the draft's own folder (never a name from the browser),
after a size limit, and read by the same hardened readers as the command line.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from facilitator.errors import FacilitatorError, Problem

LIMITS = {"template": 20 * 1024 * 1024, "plan": 256 * 1024, "contacts": 256 * 1024}
"""The largest upload of each kind, in bytes."""
TEMPLATE_UNPACKED = 200 * 1024 * 1024
"""The most a template may hold once unpacked: a larger one is a zip bomb, not a template."""
FIELD_OF_OPTION = {
    "--age": "age_text", "--minutes": "minutes", "--start": "start", "--topic": "topics", "--title": "title", "--date": "date",
    "--place": "place", "--org": "org", "--paper": "paper", "--template": "template", "--contacts": "contacts", "--locale": "language",
}
"""The form field a command-line option's problem is shown next to."""
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_phone", "contact_website", "contact_source", "contact_checked")

Errors = dict[str, list[str]]


def add(errors: Errors, field: str, problem: Problem | str) -> None:
    """Note a problem next to ``field``, in the command line's words (without its option name)."""
    if isinstance(problem, Problem):
        text = problem.message + (f" ({problem.hint})" if problem.hint else "")
        if problem.line:
            text = f"line {problem.line}: " + (f"{problem.field}: " if problem.field and not problem.field.startswith("--") else "") + text
    else:
        text = problem
    errors.setdefault(field, []).append(text)


def place(errors: Errors, exc: FacilitatorError, uploads: Mapping[str, Path] = {}) -> None:
    """Put each problem of ``exc`` next to its field: an option's by its name, an upload's by its file."""
    for problem in exc.problems:
        by_file = next((name for name, path in uploads.items() if problem.file and Path(problem.file) == path), None)
        add(errors, by_file or FIELD_OF_OPTION.get(problem.field, "form"), problem)


def save_upload(storage: Any, kind: str, target: Path, errors: Errors) -> Path | None:
    """Save an uploaded file (a werkzeug ``FileStorage``) as ``target``, within its size limit;
    ``None`` (and a problem next to the field) when it is too large or empty."""
    if storage is None or not getattr(storage, "filename", ""):
        return None
    data = storage.stream.read(LIMITS[kind] + 1)
    if len(data) > LIMITS[kind]:
        add(errors, kind, f"is larger than {LIMITS[kind] // 1024} KB (choose the right file)")
        return None
    if not data:
        add(errors, kind, "is empty (choose the right file)")
        return None
    target.write_bytes(data)
    if kind == "template":
        problem = template_problem(target)
        if problem:
            target.unlink()
            add(errors, kind, problem)
            return None
    return target


def template_problem(path: Path) -> str:
    """Why an uploaded template cannot be a .pptx (not a zip, or a zip bomb), or ``""``."""
    try:
        with zipfile.ZipFile(path) as z:
            entries = z.infolist()
    except (zipfile.BadZipFile, OSError):
        return "is not a .pptx file (save it from PowerPoint or LibreOffice as .pptx)"
    if sum(e.file_size for e in entries) > TEMPLATE_UNPACKED or len(entries) > 5000:
        return f"unpacks to more than {TEMPLATE_UNPACKED // (1024 * 1024)} MB, which no template needs (save it again from PowerPoint)"
    if any((e.external_attr >> 16) & 0o170000 == 0o120000 for e in entries):  # a symbolic link stored in the zip
        return "holds a link to another file, which a template never does (save it again from PowerPoint)"
    if "ppt/presentation.xml" not in {e.filename for e in entries}:
        return "is not a .pptx file (save it from PowerPoint or LibreOffice as .pptx)"
    return ""


def session_options(form: Mapping[str, Any], errors: Errors) -> dict[str, Any]:
    """The ``pack`` options a "Make a session" form asks for (without uploads and language)."""
    options: dict[str, Any] = {}
    age = (form.get("age_text") or "").strip() or (form.get("age") or "").strip()
    options["age"] = age or None
    minutes = (form.get("minutes") or "").strip()
    if minutes:
        if minutes.isdigit():
            options["minutes"] = int(minutes)
        else:
            add(errors, "minutes", "is not a whole number (write it in digits, e.g. 60)")
    for name in ("start", "title", "date", "place", "org", "paper"):
        value = (form.get(name) or "").strip()
        if value:
            options[name] = value
    topics = form.getlist("topics") if hasattr(form, "getlist") else form.get("topics", [])
    options["topics"] = [t for t in topics if t]
    options["large_print"] = form.get("large_print") in ("on", "1", "true")
    return options


def contact_form_given(form: Mapping[str, Any]) -> bool:
    return any((form.get(name) or "").strip() for name in CONTACT_FIELDS if name != "contact_role")  # the role always has a value


def write_contact_form(form: Mapping[str, Any], target: Path, errors: Errors) -> Path | None:
    """Write the short contact form as a ``contacts.yaml`` (as ``contacts init`` starts one), or
    note what is missing. The file is then read by the same reader as ``--contacts``."""
    get = {name: (form.get(name) or "").strip() for name in CONTACT_FIELDS}
    missing = False
    for name, label in (("contact_name", "the helpline's name"), ("contact_source", "where you found it"), ("contact_checked", "the date you checked it")):
        if not get[name]:
            add(errors, name, f"is missing: write {label}")
            missing = True
    if not (get["contact_phone"] or get["contact_website"]):
        add(errors, "contact_phone", "is missing: a contact needs a phone number or a website")
        missing = True
    if missing:
        return None
    entry: dict[str, Any] = {"role": get["contact_role"] or "helpline", "name": get["contact_name"]}
    for key in ("phone", "website"):
        if get[f"contact_{key}"]:
            entry[key] = get[f"contact_{key}"]
    entry["source"] = {"name": get["contact_source"], "date": get["contact_checked"]}
    text = "# Written by the facilitator page from its contact form.\n" + yaml.safe_dump({"contacts": [entry]}, allow_unicode=True, sort_keys=False)
    target.write_text(text, encoding="utf-8")
    return target
