"""Read section files into a :class:`~facilitator.library.Library`, reporting every problem at once.

Each file is read with :func:`facilitator.yamlfile.read_yaml` (which keeps every value's line);
pydantic validates the values and each error is mapped back to ``FILE:LINE: field``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.model.audience import BAND_NAMES, band_of
from facilitator.schema import ALL_BANDS, Section
from facilitator.yamlfile import LineMap, read_yaml


def shipped_sections_dir() -> Path:
    """The content library that ships with the package."""
    return Path(str(resources.files("facilitator") / "content" / "sections"))


def outline_ids() -> dict[str, str]:
    """The guide's OUTLINE rows that sections may cite in ``source:``."""
    text = (resources.files("facilitator") / "content" / "outline.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yaml.safe_load(text).items()}


def _field(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in loc)


def problems_from(exc: ValidationError, file: str, lines: LineMap, fields_hint: str = "check the spelling; docs/section-format.md lists the fields") -> list[Problem]:
    """Pydantic's errors as problems naming ``FILE:LINE: field``."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            message, hint = "is not a known field", fields_hint
        elif kind == "missing":
            message, hint = "is missing", "add it"
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message, hint = f"'{err.get('input')}' is not allowed", f"use {expected}"
        elif kind == "value_error":
            message, hint = str(err["msg"]).removeprefix("Value error, "), ""
        else:
            got = repr(err.get("input"))
            message, hint = f"{err['msg'][0].lower()}{err['msg'][1:]} (got {got[:40] + '…' if len(got) > 40 else got})", ""
        problems.append(Problem(file, lines.line(*loc), _field(loc), message, hint))
    return problems


Lookup = Callable[[str, str], "str | None"]
"""A translation lookup: (context, source text) -> translation, or None (see :mod:`facilitator.catalog`)."""


def load_section(path: Path, lookup: Lookup | None = None) -> Section:
    """Load and validate one section file on its own, translated with ``lookup`` when given
    (texts it does not know stay as written, and are listed in ``Section.untranslated``)."""
    data, lines = read_yaml(path)
    file = str(path)
    if not isinstance(data, dict):
        raise FacilitatorError(Problem(file, 1, "", "is not a section (expected `id: ...`, `kind: ...` and the other fields)", "see docs/section-format.md"))
    untranslated: list[Any] = []
    if lookup is not None:
        from facilitator.catalog import localise_data

        data, untranslated = localise_data(str(data.get("id", path.stem)), data, lookup)
    try:
        section = Section.model_validate(data)
    except ValidationError as exc:
        raise FacilitatorError(problems_from(exc, file, lines)) from None
    section._origin = file
    section._lines = lines
    section._untranslated = tuple(untranslated)
    problems = []
    if section.max_age is not None and section.max_age < section.min_age:
        problems.append(Problem(file, section.line_of("max_age"), "max_age", f"{section.max_age} is below min_age {section.min_age}", "raise max_age or remove it"))
    if path.stem != section.id:
        problems.append(Problem(file, section.line_of("id"), "id", f"'{section.id}' does not match the file name '{path.name}'", f"rename the file to {section.id}.yaml"))
    problems.extend(_band_problems(section))
    if problems:
        raise FacilitatorError(problems)
    return section


MAX_SECTIONS = 500
"""The most section files one folder may hold (the shipped library has about 60): checked before
any is read, so a folder of thousands never makes a build or `locale update` crawl."""


def section_files(folder: Path) -> list[Path]:
    """The ``.yaml`` and ``.yml`` files in ``folder`` (links among them included, to be checked
    by :func:`outside_folder`). More than :data:`MAX_SECTIONS` is refused."""
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if len(files) > MAX_SECTIONS:
        raise FacilitatorError(Problem(str(folder), 0, "", f"holds {len(files):,} section files, more than the {MAX_SECTIONS} a library may have",
                                       "keep only the sections you use in the folder"))
    return files


def outside_folder(path: Path, folder: Path) -> Problem | None:
    """A problem when ``path`` is not a regular file inside ``folder`` once links are followed: a
    library may only read its own files, and never quotes another file's contents (the one rule
    for every input folder: :func:`facilitator.inputs.refused`)."""
    from facilitator.inputs import refused

    return refused(path, folder)


def load_library(folders: Iterable[Path] | None = None, lookup: Lookup | None = None, written_in_language: Iterable[Path] = ()) -> Library:
    """Load every section in ``folders`` (the shipped library by default), translated with
    ``lookup`` when given, except those in ``written_in_language`` (a locale's own sections);
    later folders replace sections of the same id. Raises one :class:`FacilitatorError` listing
    every problem."""
    native = {Path(f) for f in written_in_language}
    folders = list(folders) if folders is not None else [shipped_sections_dir()]
    problems: list[Problem] = []
    sections: dict[str, Section] = {}
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem(str(folder), 0, "", "is not a folder", "give a folder of section .yaml files"))
            continue
        files = section_files(folder)
        if not files:
            problems.append(Problem(str(folder), 0, "", "holds no section files", "add .yaml section files"))
        in_folder: dict[str, Section] = {}
        for path in files:
            if (refused := outside_folder(path, folder)) is not None:
                problems.append(refused)
                continue
            try:
                section = load_section(path, None if folder in native else lookup)
            except FacilitatorError as exc:
                problems.extend(exc.problems)
                continue
            if section.id in in_folder:
                first = in_folder[section.id].origin
                problems.append(Problem(str(path), section.line_of("id"), "id", f"'{section.id}' is already used by {Path(first).name}", "give each section its own id"))
                continue
            in_folder[section.id] = section
        sections.update(in_folder)
    problems.extend(cross_check(sections))
    if problems:
        raise FacilitatorError(sorted(problems))
    return Library(sections)


def cross_check(sections: dict[str, Section]) -> list[Problem]:
    """Problems that need the whole library: unknown ids and ``requires`` cycles."""
    problems: list[Problem] = []
    outline = outline_ids()
    for s in sections.values():
        for i, req in enumerate(s.requires):
            if req not in sections:
                problems.append(Problem(s.origin, s.line_of("requires", i), "requires", f"'{req}' is not a section", "use the id of an existing section"))
            elif sections[req].min_age > s.min_age:
                problems.append(Problem(s.origin, s.line_of("requires", i), "requires", f"'{req}' is for ages {sections[req].min_age}+ but this section is for {s.min_age}+", "raise min_age or drop the requirement"))
        for i, row in enumerate(s.source):
            if row not in outline:
                problems.append(Problem(s.origin, s.line_of("source", i), "source", f"'{row}' is not an OUTLINE row", "use an id from G01 to G42"))
    problems.extend(_cycles(sections))
    return problems


def _band_problems(s: Section) -> list[Problem]:
    """A variant for a band younger than anyone who may see the section is dead text."""
    youngest_band = band_of(s.min_age).name
    too_young = set(BAND_NAMES[: BAND_NAMES.index(youngest_band)])
    problems = []
    for path, variants in iter_texts(s):
        for band in sorted(too_young & set(variants)):
            problems.append(Problem(s.origin, s.line_of(*path), ".".join(map(str, path)), f"has a {band} variant but min_age is {s.min_age}", "remove the variant or lower min_age"))
    return problems


def _cycles(sections: dict[str, Section]) -> list[Problem]:
    problems = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(sid: str, trail: list[str]) -> None:
        state[sid] = 1
        for req in sections[sid].requires:
            if req not in sections:
                continue
            if state.get(req) == 1:
                cycle = trail[trail.index(req):] + [sid, req] if req in trail else [sid, req]
                s = sections[sid]
                problems.append(Problem(s.origin, s.line_of("requires"), "requires", "forms a cycle: " + " -> ".join(dict.fromkeys(cycle)) + f" -> {req}", "remove one of these requirements"))
            elif state.get(req) is None:
                visit(req, trail + [sid])
        state[sid] = 2

    for sid in sorted(sections):
        if sid not in state:
            visit(sid, [])
    return problems


def iter_texts(s: Section, participant_only: bool = False) -> Iterable[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every variant text of ``s`` with its field path: participant fields first, then (unless
    ``participant_only``) facilitator fields."""
    for path, variants, _bands in iter_participant_texts(s):
        yield path, variants
    if not participant_only and s.facilitator.say:
        yield ("facilitator", "say"), s.facilitator.say


def iter_participant_texts(s: Section) -> Iterable[tuple[tuple[str | int, ...], dict[str, Any], Sequence[str] | None]]:
    """Every participant text of ``s``: its field path, its variants, and the bands its list item
    is limited to (``None``: every band the section admits)."""
    yield ("title",), s.title, None
    p = s.participant
    for name in ("why", "key_points", "body", "content_note", "steps"):
        value = getattr(p, name)
        if value is not None:
            yield ("participant", name), value, None
    if p.story:
        yield ("participant", "story", "text"), p.story.text, None
        if p.story.chat:
            lines = {band: [f"{who}: {text}" if who else text for who, text in chat] for band, chat in p.story.chat.items()}
            yield ("participant", "story", "chat"), lines, None
    if p.materials:
        yield ("participant", "materials"), {ALL_BANDS: list(p.materials)}, None
    items: list[tuple[str, list[Any], tuple[str, ...]]] = [
        ("terms", p.terms, ("definition",)),
        ("tips", p.tips, ("title", "text")),
        ("statements", p.statements, ("statement", "explanation")),
        ("prompts", p.prompts, ("title", "setup")),
        ("contacts", p.contacts, ("description",)),
    ]
    for name, values, fields in items:
        for i, item in enumerate(values):
            for f in fields:
                yield ("participant", name, i, f), getattr(item, f), item.bands
    for i, q in enumerate(s.questions):
        yield ("questions", i, "ask"), q.ask, q.bands
