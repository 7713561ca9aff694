"""One build request: every option of a pack, resolved and validated before anything is loaded.

The ``pack`` command, ``build-all``'s config entries and the benchmark all make a
:class:`BuildRequest` first, so a bad value (an unknown paper, an empty ``--age``, a
``SOURCE_DATE_EPOCH`` no zip file can hold) is refused in milliseconds, with nothing written.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.errors import FacilitatorError, Problem
from facilitator.model.audience import Audience, parse_audience
from facilitator.model.config import PAPERS
from facilitator.outputs import output_names

if TYPE_CHECKING:
    from facilitator.localepack import LocalePack

OUTPUT_NAMES: tuple[str, ...] = output_names()
"""Every document a pack can hold, in the order they are written."""
DEFAULT_AGE = "13-15"
DEFAULT_MINUTES = 60
MAX_DETAIL = 70
"""The longest place or organisation name: both fit the title slide's details in two lines."""
MAX_TITLE = 120
"""The longest session title: it fits the title slide (and the deck's properties hold at most
255 characters)."""
EPOCH_RANGE = (315532800, 4354819199)
"""``SOURCE_DATE_EPOCH`` values a zip file's dates can hold: 1980-01-01 to 2107-12-31."""


@dataclass(frozen=True)
class BuildRequest:
    """Everything that decides a pack's bytes, validated. Make one with :meth:`from_options`."""

    out_dir: Path
    audience: Audience | None = None
    """``None`` when :attr:`plan_file` decides the audience."""
    minutes: int = DEFAULT_MINUTES
    topics: tuple[str, ...] = ()
    start: dt.time | None = None
    title: str = ""
    date: dt.date | None = None
    place: str = ""
    org: str = ""
    """The organisation running the session, on the title slide."""
    plan_file: Path | None = None
    only: tuple[str, ...] = OUTPUT_NAMES
    template: Path | None = None
    paper: str = PAPERS[0]
    large_print: bool = False
    libraries: tuple[Path, ...] = ()
    """Extra section folders, on top of the shipped library."""
    source_date_epoch: int | None = field(default=None)
    locale: Path | None = None
    """A locale pack's folder (validated; its catalog is read when the pack is built)."""
    strict: bool = False
    """Refuse to build when any text would fall back to English."""
    contacts: Path | None = None
    """A contacts file (``--contacts``): the local numbers every participant output prints."""
    templates: Path | None = None
    """An organisation's folder of document templates (``--templates``)."""
    lead: str = ""
    """The safeguarding lead the letter home names (``--lead "Name, phone"``)."""
    locale_pack: LocalePack | None = field(default=None, compare=False, repr=False)
    """The locale pack, read once when the request was checked (its catalog is parsed when first used)."""

    @classmethod
    def from_options(
        cls,
        *,
        out_dir: Path | str = "session-pack",
        plan_file: Path | None = None,
        age: str | None = None,
        minutes: int | None = None,
        topics: list[str] | tuple[str, ...] | None = None,
        start: str | None = None,
        title: str | None = None,
        date: str | dt.date | None = None,
        place: str | None = None,
        org: str | None = None,
        only: str | list[str] | None = None,
        template: Path | str | None = None,
        paper: str | None = None,
        large_print: bool = False,
        libraries: list[Path] | tuple[Path, ...] | None = None,
        locale: str | None = None,
        strict: bool = False,
        contacts: Path | str | None = None,
        templates: Path | str | None = None,
        lead: str | None = None,
        where: str = "",
        names: dict[str, str] | None = None,
    ) -> BuildRequest:
        """Validate options as a user gave them. ``where`` (a file) and ``names`` (option -> how
        the user wrote it, e.g. ``{"age": "packs.3.age"}``) make problems point at a config file;
        by default they name command-line options (``--age``)."""

        def name(option: str) -> str:
            default = "PLAN.yaml" if option == "plan" else "--" + option.replace("_", "-")
            return (names or {}).get(option, default)

        def refuse(option: str, message: str, hint: str) -> FacilitatorError:
            return FacilitatorError(Problem(where, 0, name(option), message, hint))

        for option, value in (("age", age), ("start", start), ("title", title), ("place", place), ("org", org), ("paper", paper), ("only", only), ("out", out_dir), ("locale", locale)):
            if isinstance(value, str) and not value.strip():
                raise refuse(option, "is empty", "give a value or leave the option out")
        if plan_file is not None:
            given = [o for o, v in (("age", age), ("minutes", minutes), ("topic", topics), ("start", start)) if v]
            if given:
                raise FacilitatorError(Problem(str(plan_file), 0, name(given[0]), "cannot be combined with a plan file", "edit the plan file instead, or leave out the plan file"))
            if not plan_file.is_file():
                raise refuse("plan", f"{plan_file} is not a file", "give the path of a plan made with `facilitator plan -o plan.yaml`")
        audience = None
        if plan_file is None:
            try:
                audience = parse_audience(age or DEFAULT_AGE, field=name("age"))
            except FacilitatorError as exc:
                raise FacilitatorError([Problem(where, 0, p.field, p.message, p.hint) for p in exc.problems]) from None
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 600):
            raise refuse("minutes", f"'{minutes}' is not a number of minutes", "give a whole number from 1 to 600")
        clock = parse_clock(start, name("start"), where) if start is not None else None
        day = date if isinstance(date, dt.date) or date is None else parse_date(date, name("date"), where)
        for option, value, most in (("title", title, MAX_TITLE), ("place", place, MAX_DETAIL), ("org", org, MAX_DETAIL)):
            if value is not None and len(value) > most:
                raise refuse(option, f"is {len(value)} characters long", f"keep it under {most} characters")
            hidden = next((ch for ch in value or "" if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u00ad\u200c\u200d"), None)
            if hidden is not None:
                raise refuse(option, f"holds the invisible character U+{ord(hidden):04X} (a control, bidi or format character)", "retype it without that character")
        if paper is not None and paper.lower() not in PAPERS:
            raise refuse("paper", f"'{paper}' is not a paper size", "use " + " or ".join(PAPERS))
        template_path = Path(template) if template is not None else None
        if template_path is not None:
            if template_path.is_dir():
                raise refuse("template", f"{template_path} is a folder", "give the path of a .pptx file")
            if not template_path.exists() and not template_path.is_symlink():
                raise refuse("template", f"{template_path} does not exist", "give the path of a .pptx file")
            from facilitator.inputs import refused

            if (problem := refused(template_path, field=name("template"))) is not None:
                raise refuse("template", f"{template_path} {problem.message}", "give the path of a .pptx file")
        locale_folder = None
        locale_pack = None
        paper_default = PAPERS[0]
        if locale is not None:
            from facilitator.localepack import load_locale, resolve

            try:
                locale_folder = resolve(locale, name("locale"))
                locale_pack = load_locale(locale_folder)
                paper_default = locale_pack.paper  # paper follows the country
            except FacilitatorError as exc:
                raise FacilitatorError([Problem(p.file or where, p.line, p.field, p.message, p.hint) for p in exc.problems]) from None
        elif strict:
            raise refuse("strict", "needs a locale", "give --locale too; English text never falls back")
        for folder in libraries or ():
            if not Path(folder).is_dir():
                raise refuse("library", f"{folder} is not a folder", "give a folder of section .yaml files")
        out_problem = _out_problem(Path(out_dir), [Path(f) for f in libraries or ()], locale_folder)
        if out_problem is not None:
            raise refuse("out", *out_problem)
        templates_folder = None
        if templates is not None:
            templates_folder = Path(templates)
            if not templates_folder.is_dir():
                raise refuse("templates", f"{templates_folder} is not a folder", "give a folder made with `facilitator templates init DIR`")
        if lead is not None and (not lead.strip() or len(lead) > MAX_DETAIL):
            raise refuse("lead", "is empty" if not lead.strip() else f"is {len(lead)} characters long", f'write it as "Name, phone", under {MAX_DETAIL} characters')
        contacts_file = Path(contacts) if contacts is not None else None
        if contacts_file is not None:
            from facilitator.contacts import read_contacts

            read_contacts(contacts_file)  # refused now, with its line, before anything is built
        return cls(
            out_dir=Path(out_dir),
            audience=audience,
            minutes=DEFAULT_MINUTES if minutes is None else minutes,
            topics=tuple(topics or ()),
            start=clock,
            title=title or "",
            date=day,
            place=place or "",
            org=org or "",
            plan_file=plan_file,
            only=parse_only(only, name("only"), where),
            template=template_path,
            paper=(paper or paper_default).lower(),
            large_print=large_print,
            libraries=tuple(Path(p) for p in libraries or ()),
            source_date_epoch=source_date_epoch(),
            locale=locale_folder,
            strict=strict,
            contacts=contacts_file,
            templates=templates_folder,
            lead=(lead or "").strip(),
            locale_pack=locale_pack,
        )


def parse_only(value: str | list[str] | None, option: str = "--only", where: str = "") -> tuple[str, ...]:
    """``deck,handout`` -> ("deck", "handout"); every output when ``value`` is empty."""
    if not value:
        return OUTPUT_NAMES
    names = [n.strip().lower() for n in (value.split(",") if isinstance(value, str) else value) if n.strip()]
    if not names:
        raise FacilitatorError(Problem(where, 0, option, f"'{value}' names no output", "use a comma-separated list of " + ", ".join(OUTPUT_NAMES)))
    for name in names:
        if name not in OUTPUT_NAMES:
            raise FacilitatorError(Problem(where, 0, option, f"'{name}' is not an output", did_you_mean(name, OUTPUT_NAMES, "the outputs are")))
    return tuple(n for n in OUTPUT_NAMES if n in names)


def did_you_mean(word: str, choices: tuple[str, ...] | list[str], listed: str) -> str:
    """"did you mean handout?", else the list of what there is."""
    import difflib

    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    return f"did you mean {close[0]}?" if close else f"{listed} " + ", ".join(choices)


def parse_clock(text: object, option: str = "--start", where: str = "", line: int = 0) -> dt.time:
    """``09:30`` -> 09:30. An unquoted ``13:30`` in YAML arrives as the number 810: say so."""
    if isinstance(text, int) and not isinstance(text, bool):
        raise FacilitatorError(Problem(where, line, option, f"{text} is not a clock time (YAML read an unquoted time as a number)", 'put the time in quotes, e.g. start: "13:30"'))
    try:
        hours, minutes = str(text).strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise FacilitatorError(Problem(where, line, option, f"'{text}' is not a clock time", "write it as HH:MM, e.g. 09:30")) from None


def parse_date(text: str, option: str = "--date", where: str = "") -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FacilitatorError(Problem(where, 0, option, f"'{text}' is not a date", "write it as YYYY-MM-DD")) from None


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as an integer the outputs can hold, or ``None`` when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    low, high = EPOCH_RANGE
    try:
        value = int(raw.strip())
    except ValueError:
        raise FacilitatorError(Problem(field="SOURCE_DATE_EPOCH", message=f"'{raw}' is not a whole number of seconds", hint="set it to a Unix time, e.g. $(date +%s), or unset it")) from None
    if not low <= value <= high:
        raise FacilitatorError(Problem(field="SOURCE_DATE_EPOCH", message=f"{value} is outside 1980-2107, which zip and PDF dates can hold", hint=f"use a value from {low} to {high}"))
    return value


def _out_problem(out_dir: Path, libraries: list[Path], locale_folder: Path | None) -> tuple[str, str] | None:
    """Why ``out_dir`` may not receive a pack: a link (refused rather than followed, so the swap
    never replaces a link by a folder), or the same folder as, or a folder inside, an input
    folder (a library or the locale pack), which the pack would overwrite."""
    if out_dir.is_symlink():
        return f"{out_dir} is a link", "give the folder itself, not a link to it"
    try:
        target = out_dir.resolve()
    except (OSError, RuntimeError):
        return f"{out_dir} cannot be found", "choose another folder"
    inputs = [(folder, "--library") for folder in libraries] + ([(locale_folder, "--locale")] if locale_folder is not None else [])
    for folder, option in inputs:
        try:
            source = folder.resolve()
        except (OSError, RuntimeError):
            continue
        if target == source or source in target.parents:
            return (f"{out_dir} is {'the' if target == source else 'inside the'} {option} folder {folder}",
                    "write the pack to a folder of its own, outside the inputs")
    return None

