"""Locale packs: a language and a country for the whole pack, without touching code.

A locale pack is a folder: ``locale.yaml`` (language, country, script direction, paper, fonts,
review status), ``messages.po`` (every translatable string; see :mod:`facilitator.catalog`),
``contacts.yaml`` (national contacts, each with its source) and ``sections/`` (local sections, and
replacements by id). ``--locale nl`` names a shipped pack, ``--locale path/to/folder`` an
organisation's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from pydantic import Field, ValidationError

from facilitator.contacts import ContactEntry, read_contacts, starter
from facilitator.errors import FacilitatorError, Problem
from facilitator.schema import Model, NonEmpty
from facilitator.yamlfile import read_yaml

LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PA", "PR", "DO", "CR", "SV", "NI", "BZ"})
"""Countries that print on US Letter; everywhere else A4."""


class Fonts(Model):
    regular: NonEmpty
    bold: NonEmpty


class Review(Model):
    status: Literal["draft", "reviewed"] = "draft"
    by: NonEmpty | None = None
    on: dt.date | None = None


class Avoid(Model):
    """A phrase the language's terminology guidelines avoid, with what to say instead."""

    phrase: NonEmpty
    instead: NonEmpty


class LocaleFile(Model):
    """``locale.yaml``."""

    language: NonEmpty
    country: NonEmpty
    direction: Literal["ltr", "rtl"] = "ltr"
    paper: Literal["a4", "letter"] | None = None
    fonts: Fonts | None = None
    review: Review = Field(default_factory=Review)
    avoid: list[Avoid] = Field(default_factory=list)
    """Terms to avoid in participant text in this language (checked like the English list)."""


def shipped_locales_dir() -> Path:
    return Path(str(resources.files("facilitator") / "locales"))


def shipped_locales() -> list[str]:
    folder = shipped_locales_dir()
    return sorted(p.name for p in folder.iterdir() if (p / "locale.yaml").is_file()) if folder.is_dir() else []


@dataclass(frozen=True)
class LocalePack:
    """A validated locale pack folder."""

    folder: Path
    settings: LocaleFile
    contacts: tuple[ContactEntry, ...]

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def country(self) -> str:
        return self.settings.country.upper()

    @property
    def paper(self) -> str:
        return self.settings.paper or ("letter" if self.country in LETTER_COUNTRIES else "a4")

    @property
    def draft(self) -> bool:
        return self.settings.review.status == "draft"

    @property
    def sections(self) -> Path | None:
        folder = self.folder / "sections"
        return folder if folder.is_dir() and any(folder.glob("*.y*ml")) else None

    @property
    def messages(self) -> Path:
        return self.folder / "messages.po"

    @cached_property
    def catalog(self) -> Catalog:
        """The catalog, parsed once (when first used)."""
        from facilitator.catalog import read_catalog

        return read_catalog(self.messages, self.language, self.folder)

    @cached_property
    def lookup(self) -> Callable[[str, str], str | None]:
        """The catalog's usable translations as one dictionary lookup: (context, English) -> text."""
        from facilitator.catalog import lookup_in

        return lookup_in(self.catalog, self.messages)

    def font_paths(self) -> tuple[Path, Path] | None:
        if self.settings.fonts is None:
            return None
        return self.folder / self.settings.fonts.regular, self.folder / self.settings.fonts.bold

    def describe(self) -> dict[str, Any]:
        """What the manifest records of the locale."""
        review = self.settings.review
        return {
            "language": self.language,
            "country": self.country,
            "folder": self.folder.name,
            "status": review.status,
            "reviewed_by": review.by,
            "reviewed_on": review.on.isoformat() if review.on else None,
        }


def resolve(name: str, option: str = "--locale") -> Path:
    """``nl`` (a shipped locale) or a folder path -> the locale pack's folder."""
    if not name.strip():
        raise FacilitatorError(Problem(field=option, message="is empty", hint="give a locale such as nl, or a locale pack folder"))
    candidate = Path(name)
    if candidate.is_dir():
        return candidate
    if name in shipped_locales():
        return shipped_locales_dir() / name
    shipped = ", ".join(shipped_locales()) or "none"
    raise FacilitatorError(Problem(field=option, message=f"'{name}' is neither a shipped locale nor a folder", hint=f"shipped locales: {shipped}; or make one with `facilitator locale init`"))


def is_country(code: str) -> bool:
    """Whether ``code`` is a two-letter ISO 3166 country code Babel knows (``XX`` is not one)."""
    code = code.upper()
    return len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"} and code in Locale("en").territories


def load_locale(folder: Path) -> LocalePack:
    """Read and check a locale pack: its settings, contacts and font files. The catalog is read
    when first used. Refuses right-to-left scripts until they can be printed correctly."""
    from facilitator.inputs import files_in, refused

    settings_path = folder / "locale.yaml"
    if not settings_path.exists() and not settings_path.is_symlink():
        raise FacilitatorError(Problem(str(folder), 0, "--locale", "has no locale.yaml", "make a locale pack with `facilitator locale init LANG --country CC DIR`"))
    # One rule for every file of the pack: regular files inside its folder, links out refused by
    # their own name (never followed), FIFOs and devices refused before anything reads them.
    _files, problems = files_in(folder)
    sections = folder / "sections"
    if sections.is_dir() and not problems:
        problems += files_in(sections, ("*.yaml", "*.yml"))[1]
    if problems:
        raise FacilitatorError(sorted(problems))
    if (problem := refused(settings_path, folder)) is not None:
        raise FacilitatorError(problem)
    data, lines = read_yaml(settings_path, folder=folder)
    settings = _validated(LocaleFile, data, settings_path, lines)
    try:
        locale = Locale.parse(settings.language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise FacilitatorError(Problem(str(settings_path), lines.line("language"), "language", f"'{settings.language}' is not a language code Babel knows", "use a code such as nl, fil or de")) from None
    if settings.direction == "rtl" and locale.character_order != "right-to-left":
        raise FacilitatorError(Problem(str(settings_path), lines.line("direction"), "direction",
                                       f"is rtl, but {locale.english_name} is written left to right; and right-to-left packs cannot be printed correctly yet",
                                       "write direction: ltr (or leave it out)"))
    if settings.direction == "rtl" or locale.character_order == "right-to-left":
        raise FacilitatorError(Problem(str(settings_path), lines.line("language"), "language",
                                       f"{locale.english_name} is written right to left, which this tool cannot print correctly yet",
                                       "packs in right-to-left scripts are not supported; nothing was written"))
    if len(settings.country) != 2 or not settings.country.isalpha() or not settings.country.isascii():
        raise FacilitatorError(Problem(str(settings_path), lines.line("country"), "country", f"'{settings.country}' is not a two-letter country code", "use e.g. NL or PH"))
    if not is_country(settings.country):
        raise FacilitatorError(Problem(str(settings_path), lines.line("country"), "country", f"'{settings.country}' is not a country code (ISO 3166)", "use e.g. NL or PH"))
    if settings.fonts is not None:
        for key in ("regular", "bold"):
            path = folder / getattr(settings.fonts, key)
            try:
                inside = path.resolve(strict=True).is_relative_to(folder.resolve())
            except OSError:
                inside = False
            if not inside or not path.resolve().is_file():
                raise FacilitatorError(Problem(str(settings_path), lines.line("fonts", key), f"fonts.{key}", f"{getattr(settings.fonts, key)} is not a font file inside the locale folder", "put the .ttf file in the locale folder"))
    contacts_path = folder / "contacts.yaml"
    contacts = read_contacts(contacts_path, folder) if contacts_path.exists() or contacts_path.is_symlink() else ()
    return LocalePack(folder, settings, contacts)


def _validated(model: Any, data: Any, path: Path, lines: Any) -> Any:
    from facilitator.loader import problems_from

    if not isinstance(data, dict):
        raise FacilitatorError(Problem(str(path), 1, "", "is not a mapping of settings", "see the README's localisation section"))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FacilitatorError(problems_from(exc, str(path), lines, "use the fields the README's localisation section lists")) from None


# -- making and keeping a locale pack ------------------------------------------------------------


def library_template(extra: list[Path] | None = None, pack: Path | None = None) -> Catalog:
    """The catalog template of the shipped library, of ``extra`` section folders (an NGO's own,
    ``--library``) and of a locale pack's own ``sections/`` (``pack``): every message with its
    ``#:`` reference (``facilitator/content/sections/grooming.yaml:12`` for the shipped library,
    ``sections/law.yaml:3`` in a pack, ``FOLDER/law.yaml:3`` for a library folder)."""
    from facilitator.catalog import SectionSource, template
    from facilitator.loader import outline_ids, outside_folder, section_files, shipped_sections_dir

    folders: list[tuple[Path, str]] = [(shipped_sections_dir(), "facilitator/content/sections")]
    folders += [(folder, folder.resolve().name or str(folder)) for folder in extra or []]
    if pack is not None and (pack / "sections").is_dir():
        folders.append((pack / "sections", "sections"))
    sections = []
    for folder, name in folders:
        for path in section_files(folder):
            if (refused := outside_folder(path, folder)) is not None:
                raise FacilitatorError(refused)
            data, lines = read_yaml(path, folder=folder)
            if isinstance(data, dict):
                sections.append(SectionSource(str(data.get("id", path.stem)), data, f"{name}/{path.name}", lines))
    return template(sections, outline_ids())


def shipped_template() -> Path:
    """The shipped ``.pot`` template (``facilitator locale template`` keeps it current)."""
    return shipped_locales_dir() / "messages.pot"


def write_library_template(path: Path, extra: list[Path] | None = None) -> int:
    """Write the library's template (with ``extra`` folders) to ``path``; how many messages."""
    from facilitator.catalog import write_template

    catalog = library_template(extra)
    if path.exists() and path.is_dir():
        raise FacilitatorError(Problem(str(path), 0, "-o", "is a folder", "give a file name such as messages.pot"))
    if not path.parent.is_dir():
        raise FacilitatorError(Problem(str(path), 0, "-o", "is in a folder that does not exist", "make the folder first"))
    write_template(catalog, path)
    return len(catalog)


LOCALE_YAML = """\
# A locale pack for facilitator: the language and country of the packs it builds.
language: {language}            # {name}
country: {country}
direction: ltr
paper: {paper}                  # a4 or letter
# fonts:                        # font files in this folder, when the shipped DejaVu Sans lacks letters
#   regular: MyFont-Regular.ttf
#   bold: MyFont-Bold.ttf
review:
  status: draft                 # draft until a native speaker has reviewed it; then reviewed
  # by: Name of the reviewer
  # on: 2026-12-01
# avoid:                        # terms to avoid in participant text, with what to say instead
#   - {{phrase: "...", instead: "..."}}
"""



def init_locale(language: str, country: str, folder: Path) -> tuple[Path, int]:
    """Scaffold a locale pack in ``folder`` (which must not exist or be empty); returns its
    folder and how many messages its catalog holds."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise FacilitatorError(Problem(field="LANG", message=f"'{language}' is not a language code Babel knows", hint="use a code such as nl, fil or de")) from None
    if locale.character_order == "right-to-left":
        raise FacilitatorError(Problem(field="LANG", message=f"{locale.english_name} is written right to left, which this tool cannot print correctly yet", hint="right-to-left packs are not supported"))
    if len(country) != 2 or not country.isalpha() or not is_country(country):
        raise FacilitatorError(Problem(field="--country", message=f"'{country}' is not a two-letter country code", hint="use e.g. NL or PH"))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FacilitatorError(Problem(str(folder), 0, "DIR", "already exists and is not empty", "choose a new folder, or use `facilitator locale update`"))
    from facilitator.catalog import stable_date, write_catalog

    catalog = library_template()
    stable_date(catalog, _shipped_template_catalog())
    catalog.locale = locale
    catalog.project, catalog.fuzzy = "facilitator", False
    catalog.revision_date = catalog.creation_date
    import shutil

    existed = folder.exists()
    paper = "letter" if country.upper() in LETTER_COUNTRIES else "a4"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sections").mkdir(exist_ok=True)
        (folder / "locale.yaml").write_text(LOCALE_YAML.format(language=language, name=locale.english_name, country=country.upper(), paper=paper), encoding="utf-8")
        (folder / "contacts.yaml").write_text(starter(country), encoding="utf-8")
        (folder / "sections" / "README.md").write_text(
            "Put local sections here (the national law, a local case), one YAML file each, checked like any\n"
            "section; a file whose id is that of a shipped section replaces it.\n", encoding="utf-8")
        write_catalog(catalog, folder / "messages.po")
    except (OSError, FacilitatorError) as exc:
        # Nothing half-made is left: the folder is removed (or emptied, when it was there before).
        if not existed:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for child in list(folder.iterdir()) if folder.is_dir() else []:
                shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
        if isinstance(exc, FacilitatorError):
            raise
        raise FacilitatorError(Problem(str(folder), 0, "DIR", f"cannot be written: {exc.strerror}", "choose a folder you may write in")) from None
    return folder, len(catalog)


def _shipped_template_catalog() -> Catalog | None:
    from facilitator.catalog import read_catalog

    path = shipped_template()
    try:
        return read_catalog(path) if path.is_file() else None
    except FacilitatorError:
        return None


def update_locale(folder: Path, libraries: list[Path] | None = None) -> dict[str, int]:
    """Merge the current library (with ``libraries``, an NGO's own section folders, and the
    pack's own ``sections/``) into the pack's catalog, as ``msgmerge`` does: changed strings
    become fuzzy, new ones untranslated, removed ones obsolete; references and comments come
    from the template, translations and the header's values stay. Returns the counts."""
    from facilitator.catalog import stable_date, write_catalog

    pack = load_locale(folder)
    catalog = pack.catalog
    before = {(m.context, m.id) for m in catalog if m.id}
    fuzzy_before = {(m.context, m.id) for m in catalog if m.id and m.fuzzy}
    fresh = library_template(libraries, pack.folder)
    stable_date(fresh, catalog)
    catalog.update(fresh, no_fuzzy_matching=False, update_creation_date=True)
    after = {(m.context, m.id) for m in catalog if m.id}
    newly_fuzzy = {(m.context, m.id) for m in catalog if m.id and m.fuzzy} - fuzzy_before
    write_catalog(catalog, pack.messages)
    return {
        "new": len(after - before - newly_fuzzy),
        "fuzzy": len(newly_fuzzy),
        "obsolete": len(catalog.obsolete),
        "total": len(after),
    }


def status_rows(folder: Path, plan_file: Path | None = None) -> tuple[list[tuple[str, Any]], Any]:
    """Counts per section (and for the tool's own words), or, with ``plan_file``, for what
    participants see in that plan: its sections' participant texts for its band and the tool's
    words."""
    from facilitator.catalog import TOOL, Counts, section_texts

    pack = load_locale(folder)
    catalog = pack.catalog
    keep_ids: set[str] | None = None
    band = None
    participant_contexts: set[str] | None = None
    if plan_file is not None:
        from facilitator.build.pipeline import load
        from facilitator.planner import read_plan
        from facilitator.request import BuildRequest

        library = load(BuildRequest.from_options(locale=str(folder))).library
        plan = read_plan(plan_file, library)
        band = plan.audience.band.name
        keep_ids = {b.section_id for b in plan.blocks}
        participant_contexts = set()
        for sid in keep_ids:
            data, _lines = read_yaml(Path(library[sid].origin))
            participant_contexts |= {t.context for t in section_texts(sid, data) if t.participant and t.band in (band, "*")}
    by_part: dict[str, Counts] = {}
    for message in catalog:
        if not message.id or not message.context:
            continue
        part = message.context.split("|", 1)[0]
        if keep_ids is not None and part != TOOL and (part not in keep_ids or message.context not in (participant_contexts or set())):
            continue
        by_part[part] = by_part.get(part, Counts()) + counts_one(message)
    rows = sorted(by_part.items())
    total = sum((c for _p, c in rows), Counts())
    return rows, total


def counts_one(message: Any) -> Any:
    from facilitator.catalog import Counts

    if message.fuzzy:
        return Counts(fuzzy=1)
    return Counts(translated=1) if message.string else Counts(untranslated=1)
