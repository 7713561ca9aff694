"""A pack's ``manifest.json``: what it records (inputs, the plan, the locale, a sha256 of every
file), the digest of everything a pack's bytes depend on, and reading it back. Shared by the
pipeline (writing), ``verify`` (checking) and ``build-all`` (the unchanged check)."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator import __version__
from facilitator.errors import FacilitatorError, Problem

if TYPE_CHECKING:  # reading a manifest (verify) needs none of these
    from facilitator.library import Library
    from facilitator.localepack import LocalePack
    from facilitator.model import Pack, Plan
    from facilitator.request import BuildRequest

MANIFEST = "manifest.json"
PLAN = "plan.yaml"
MAX_MANIFEST_BYTES = 5_000_000
"""A real manifest is a few kilobytes; anything far larger is not one."""
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str:
    """The sha256 of a regular file, read in pieces; a FIFO or device is never opened."""
    from facilitator.inputs import refused

    if refused(path) is not None:
        return "not a regular file"
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def inputs_digest(request: BuildRequest, plan: Plan, library: Library, contacts: Path | None = None) -> str:
    """A hash of everything a pack's bytes depend on: the tool version, the options, the plan,
    the files of the sections it uses (and the safeguarding brief the guide prints), the session
    rules, the template, the contacts file and ``SOURCE_DATE_EPOCH``. Content hashes only, never
    file times."""
    from facilitator.planner import plan_to_yaml, titles_of

    content = resources.files("facilitator") / "content"
    used = sorted({b.section_id for b in plan.blocks} | {s.id for s in library.values() if s.facilitator_only})
    parts = {
        "tool": __version__,
        "only": list(request.only),
        "org": request.org,
        "paper": request.paper,
        "large_print": request.large_print,
        "plan": plan_to_yaml(plan, titles_of(library, plan)),
        "sections": {sid: _file_digest(Path(library[sid].origin)) for sid in used},
        "rules": {name: _file_digest(Path(str(content / name))) for name in ("session.yaml", "audiences.yaml", "outline.yaml")},
        "template": _file_digest(request.template) if request.template else None,
        "contacts": _file_digest(contacts) if contacts is not None and contacts.is_file() else None,
        "locale": {p.name: _file_digest(p) for p in sorted(request.locale.glob("*.*"))} if request.locale else None,
        "strict": request.strict,
        "source_date_epoch": request.source_date_epoch,
        # The documents around the session (issue 18): an organisation's templates and the lead.
        "lead": request.lead,
        "templates": {str(p.relative_to(request.templates)): _file_digest(p) for p in sorted(request.templates.rglob("*")) if p.is_file()} if request.templates else None,
    }
    return sha256(json.dumps(parts, sort_keys=True).encode())


def manifest(request: BuildRequest, pack: Pack, digest: str, files: dict[str, bytes], counts: dict[str, int],
             locale: LocalePack | None, fell_back: int) -> bytes:
    """``manifest.json`` for a pack of ``files`` (name -> bytes, ``plan.yaml`` included)."""
    plan = pack.plan
    record = {
        "tool": f"facilitator {__version__}",
        "inputs": _inputs(request, pack),
        "inputs_sha256": digest,
        "plan": {
            "age": plan.audience.label,
            "band": plan.audience.band.name,
            "start": f"{plan.start:%H:%M}",
            "minutes": plan.minutes,
            "blocks": [{"section": b.section_id, "minutes": b.minutes} for b in plan.blocks],
            "left_out": [{"section": s, "why": why.english} for s, why in plan.left_out],
        },
        "locale": _locale_record(locale, fell_back),
        "files": {name: {"sha256": sha256(data), "bytes": len(data)} for name, data in files.items()},
        "documents": counts,
    }
    return (json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _locale_record(locale: LocalePack | None, fell_back: int) -> dict[str, Any]:
    """The manifest's record of the pack's language: the locale, its review status and its
    catalog's counts."""
    if locale is None:
        return {"language": "en", "status": "source text (English)"}
    from facilitator.catalog import counts

    c = counts(locale.catalog)
    return {**locale.describe(), "catalog": {"translated": c.translated, "fuzzy": c.fuzzy, "untranslated": c.untranslated},
            "fell_back_to_english": fell_back}


def _inputs(request: BuildRequest, pack: Pack) -> dict[str, Any]:
    plan = pack.plan
    return {
        "plan_file": str(request.plan_file) if request.plan_file else None,
        "age": plan.audience.label,
        "minutes": request.minutes if request.plan_file is None else None,
        "topics": list(plan.topics),
        "start": f"{plan.start:%H:%M}",
        "title": pack.participant.info.title,
        "org": request.org,
        "template": {"path": str(request.template), "sha256": _file_digest(request.template)} if request.template else None,
        "contacts": plan.contacts or None,
        "library": [str(p) for p in request.libraries],
        "locale": request.locale.name if request.locale else None,
        "strict": request.strict,
        "only": list(request.only),
        "paper": request.paper,
        "large_print": request.large_print,
        "source_date_epoch": None if request.source_date_epoch is None else str(request.source_date_epoch),
    }


def recorded(out_dir: Path) -> dict[str, Any] | None:
    """The manifest in ``out_dir`` as JSON, or ``None`` when there is none that can be read."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_up_to_date(out_dir: Path, digest: str) -> bool:
    """The pack in ``out_dir`` was built from the same inputs and its files are as written (the
    check ``facilitator verify`` makes)."""
    data = recorded(out_dir)
    if not data or data.get("inputs_sha256") != digest:
        return False
    try:
        entries = read_manifest(out_dir / MANIFEST)
    except FacilitatorError:
        return False
    return not any(check_file(out_dir / name, sha, size) for name, (sha, size) in entries.items())


def read_manifest(path: Path) -> dict[str, tuple[str, int | None]]:
    """The files ``manifest.json`` lists: name -> (sha256, size in bytes or ``None``)."""
    hint = "rebuild the pack with `facilitator pack --out DIR`"
    if path.is_symlink():  # never followed: a pack's manifest is its own file
        raise FacilitatorError(Problem(str(path), 0, "", "is a link, not the pack's own manifest (its target is not read)", "rebuild the pack with `facilitator pack --out DIR`"))
    from facilitator.inputs import refused

    if path.exists() and (problem := refused(path)) is not None:
        raise FacilitatorError(Problem(str(path), 0, "", problem.message, hint))
    if not path.is_file():
        message = "is missing: this folder is not a pack" if not path.exists() else "is not a file"
        raise FacilitatorError(Problem(str(path), 0, "", message, "give the folder of a pack made with `facilitator pack --out DIR`"))
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise FacilitatorError(Problem(str(path), 0, "", "is far too large to be a pack's manifest", hint))
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise FacilitatorError(Problem(str(path), 0, "", f"cannot be read: {exc.strerror}", "check the file's permissions")) from None
    except UnicodeDecodeError:
        raise FacilitatorError(Problem(str(path), 0, "", "is not UTF-8 text", hint)) from None
    except json.JSONDecodeError as exc:
        raise FacilitatorError(Problem(str(path), exc.lineno, "", f"is not valid JSON: {exc.msg}", hint)) from None
    except RecursionError:
        raise FacilitatorError(Problem(str(path), 0, "", "is nested too deeply to be a pack's manifest", hint)) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not files:
        raise FacilitatorError(Problem(str(path), 0, "files", "is missing or lists no files", hint))
    entries: dict[str, tuple[str, int | None]] = {}
    for name, entry in files.items():
        where = f"files: {name}"
        if not _plain_name(name):
            raise FacilitatorError(Problem(str(path), 0, "files", f"'{name}' is not the name of a file in the pack folder", hint))
        sha256 = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise FacilitatorError(Problem(str(path), 0, where, "has no valid sha256", hint))
        size = entry.get("bytes")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
            raise FacilitatorError(Problem(str(path), 0, where, f"'bytes' is not a file size: {size!r}", hint))
        entries[name] = (sha256, size)
    return entries


def _plain_name(name: str) -> bool:
    """A file name with no folder part (a manifest never points outside its folder)."""
    return bool(name) and name not in (".", "..", MANIFEST) and not any(c in name for c in "/\\\0") and name == name.strip()


def check_file(path: Path, sha256: str, size: int | None) -> str:
    """What is wrong with ``path`` (empty when it matches). A link is never followed: the pack's
    files are its own, so a link (even to an identical file) is a problem."""
    if path.is_symlink():
        return "is a link, not a file of the pack (its target is not read): rebuild the pack"
    if not path.exists():
        return "missing (the manifest lists it)"
    if not path.is_file():
        return "is not a file (the manifest lists a file)"
    try:
        actual_size = path.stat().st_size
        if size is not None and actual_size != size:
            return f"changed since the pack was built (size differs: {actual_size} bytes, the manifest says {size})"
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if digest.hexdigest() != sha256:
        return "changed since the pack was built (sha256 differs)"
    return ""
