"""The one pipeline: request -> load -> plan -> assemble -> render (in memory) -> publish.

:func:`render` turns a :class:`~facilitator.request.BuildRequest` into documents held in memory;
:func:`build` renders and publishes them (see :mod:`facilitator.build.publish`). The ``pack``
command, ``build-all``, the tests and every other front end call these functions and nothing
below them. A locale is read once per build and its catalog parsed once.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from facilitator.build import manifest
from facilitator.build.publish import publish, same_file
from facilitator.contacts import read_contacts
from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.localepack import LocalePack, load_locale
from facilitator.model import Pack, Plan, RenderConfig, Words
from facilitator.outputs import outputs, writer_of
from facilitator.request import BuildRequest

Progress = Callable[[str], None]


def _quiet(name: str) -> None:
    """No progress report."""


@dataclass(frozen=True)
class Loaded:
    """What a request reads before planning: the library (translated by the locale) and the
    locale pack itself."""

    library: Library
    locale: LocalePack | None = None


@dataclass(frozen=True)
class Rendered:
    """A pack rendered in memory: every file it will hold, by name, with the documents' counts."""

    pack: Pack
    files: dict[str, bytes]
    """Every file of the pack, in writing order: the documents, ``plan.yaml`` and ``manifest.json``."""
    counts: dict[str, int]
    """Slides or pages of each document written."""
    about: dict[str, str]
    """A few words per document ("34 slides"), and for a document the pack has nothing for, why."""
    empty: frozenset[str] = frozenset()
    """Documents the pack has nothing for (no cards in the plan): not written, not carried over."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildResult:
    """What one build did: the files (path and a few words, e.g. "26 slides"), the plan, and
    whether the pack was already up to date."""

    plan: Plan
    files: dict[str, tuple[Path, str]]
    counts: dict[str, int] = field(default_factory=dict)
    """Slides or pages per document written."""
    unchanged: bool = False
    warnings: tuple[str, ...] = ()


def load(request: BuildRequest) -> Loaded:
    """The shipped library, translated by the request's locale (whose own sections come next),
    with the request's extra folders on top."""
    from facilitator.loader import load_library, shipped_sections_dir

    folders = [shipped_sections_dir()]
    if request.locale is None:
        return Loaded(load_library([*folders, *request.libraries]))
    locale = request.locale_pack or load_locale(request.locale)
    own = [locale.sections] if locale.sections else []
    return Loaded(load_library([*folders, *own, *request.libraries], locale.lookup, written_in_language=own), locale)


def plan_for(request: BuildRequest, library: Library) -> Plan:
    """The plan a request asks for: its plan file, or one planned from its options; naming the
    request's contacts file, as the pack's ``plan.yaml`` will."""
    from facilitator.planner import make_plan, naming_contacts, read_plan

    if request.plan_file is not None:
        plan = read_plan(request.plan_file, library)
        # What is printed on the day may change without re-planning.
        plan = replace(plan, title=request.title or plan.title, date=request.date or plan.date, place=request.place or plan.place)
    else:
        assert request.audience is not None
        plan = make_plan(
            library, request.audience, request.minutes, topics=list(request.topics), start=request.start or Plan.start,
            title=request.title, date=request.date, place=request.place,
        )
    return naming_contacts(plan, request.contacts, request.out_dir) if request.contacts is not None else plan


def render(request: BuildRequest, loaded: Loaded | None = None, plan: Plan | None = None, progress: Progress = _quiet) -> Rendered:
    """Plan (unless ``plan`` is given), assemble and render every document ``request`` asks for,
    in memory; nothing is written. Refuses (``--strict``) a pack with text that would fall back to
    English."""
    from facilitator.assemble import assemble
    from facilitator.glyphs import check_pack

    loaded = loaded or load(request)
    library, locale = loaded.library, loaded.locale
    plan = plan or plan_for(request, library)
    contacts_file = contacts_of(request, plan)
    local_help = read_contacts(contacts_file) if contacts_file is not None else None
    digest = manifest.inputs_digest(request, plan, library, contacts_file)
    words = Words(locale.lookup, locale.language) if locale else Words()
    pack = assemble(plan, library, words, org=request.org, locale=locale, local_help=local_help)
    fonts = locale.font_paths() if locale else None
    check_pack(pack, fonts)
    regular, bold = fonts or (None, None)
    config = RenderConfig(words=words, paper=request.paper, large_print=request.large_print, font_regular=regular, font_bold=bold,
                          epoch=request.source_date_epoch, template=request.template, templates=request.templates, lead=request.lead)
    views = {"pack": pack, "participant": pack.participant, "facilitator": pack.facilitator}
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    about: dict[str, str] = {}
    empty: set[str] = set()
    for output in outputs().values():
        if output.name not in request.only:
            continue
        progress(output.filename)
        out = io.BytesIO()
        count = writer_of(output)(views[output.view], out, config)
        if count == 0 and output.empty and not out.getvalue():
            empty.add(output.filename)
            about[output.filename] = output.empty
            continue
        files[output.filename] = out.getvalue()
        counts[output.filename] = count
        about[output.filename] = describe(count, output.unit)
    fell_back = _untranslated(plan, library, words) if locale else []
    trust: list[str] = []
    if locale:  # a translation may not take help away, nor print a facilitator's note for participants
        from facilitator.helpcheck import copied_facilitator_text, help_warnings

        trust = help_warnings(pack, words, files) + copied_facilitator_text(plan, library, locale.lookup)
    if trust and request.strict:
        where = str(locale.messages) if locale else ""
        raise FacilitatorError([Problem(where, 0, "--strict", f"{len(trust)} translations would mislead participants; nothing was written", "fix them or leave out --strict")]
                               + [Problem(where, 0, "translation", m) for m in trust])
    if fell_back and request.strict:
        where = str(locale.messages) if locale else ""
        raise FacilitatorError([Problem(where, 0, "--strict", f"{len(fell_back)} texts have no translation; nothing was written", "translate them or leave out --strict")]
                               + [Problem(where, 0, "untranslated", m) for m in fell_back])
    files[manifest.PLAN] = _plan_file(request, pack)
    files[manifest.MANIFEST] = manifest.manifest(request, pack, digest, files, counts, locale, len(fell_back))
    # A document the pack has no content for is listed with why, but not as a file.
    notes = tuple(f"{name}: {about[name]}" for name in sorted(empty))
    if not any(c.filled for c in pack.participant.local_contacts):
        notes += (NO_LOCAL_HELP,)
    return Rendered(pack, files, counts, about, frozenset(empty), notes + tuple(trust) + tuple(f"untranslated, printed in English: {m}" for m in fell_back))


def build(request: BuildRequest, loaded: Loaded | None = None, *, plan: Plan | None = None, skip_unchanged: bool = False,
          progress: Progress = _quiet) -> BuildResult:
    """Render the pack ``request`` asks for (from ``loaded``, when the library is loaded already;
    from ``plan``, when one was made and edited already, as the web page does) and publish it into
    ``request.out_dir``. With ``skip_unchanged``, a pack whose manifest records the same inputs
    digest and whose files still match their hashes is left alone (and nothing is rendered)."""
    loaded = loaded or load(request)
    plan = plan or plan_for(request, loaded.library)
    if skip_unchanged and manifest.is_up_to_date(request.out_dir, manifest.inputs_digest(request, plan, loaded.library, contacts_of(request, plan))):
        recorded = manifest.recorded(request.out_dir) or {}
        counts = {str(k): int(v) for k, v in (recorded.get("documents") or {}).items()}
        files = {name: (request.out_dir / name, "") for name in [*recorded.get("files", {}), manifest.MANIFEST]}
        return BuildResult(plan, files, counts, unchanged=True)
    rendered = render(request, loaded, plan, progress)
    published = publish(rendered.files, request.out_dir, drop=rendered.empty)
    paths = {name: (path, rendered.about.get(name, "")) for name, path in published.items()}
    paths.update({name: (request.out_dir / name, rendered.about[name]) for name in sorted(rendered.empty)})
    return BuildResult(plan, paths, rendered.counts, warnings=rendered.warnings)


NO_LOCAL_HELP = ("no local contacts: the help slots on the slides, handout and cards are lines to write on; to print your numbers, "
                 "make a contacts file (facilitator contacts init --country XX contacts.yaml) and build with --contacts contacts.yaml")


def contacts_of(request: BuildRequest, plan: Plan) -> Path | None:
    """The contacts file a build prints: ``--contacts``, else the one its plan file names."""
    if request.contacts is not None:
        return request.contacts
    if plan.contacts and request.plan_file is not None:
        return request.plan_file.parent / plan.contacts
    return None


def describe(count: int, unit: str) -> str:
    """``26 slides``, ``1 page``."""
    return f"{count} {unit if count != 1 else unit.rstrip('s')}"


def _plan_file(request: BuildRequest, pack: Pack) -> bytes:
    """``plan.yaml``: the plan a person wrote, kept as it is when the pack is built inside its
    own folder; else the plan as the planner made it."""
    from facilitator.planner import plan_to_yaml

    if request.plan_file is not None and same_file(request.plan_file, request.out_dir / manifest.PLAN):
        return request.plan_file.read_bytes()
    return plan_to_yaml(pack.plan, {a.section_id: a.title for a in pack.facilitator.agenda}).encode("utf-8")


def _untranslated(plan: Plan, library: Library, words: Words) -> list[str]:
    """What fell back to English, as ``context: text`` lines: the texts of the plan's sections
    (and the safeguarding brief) for the plan's band, the titles of the parts left out (the
    guide lists them), then the tool's words the writers used."""
    band = plan.audience.band.name
    used = [b.section_id for b in plan.blocks] + [s.id for s in library.ordered() if s.facilitator_only]
    texts = [f"{t.context}: {t.text}" for sid in used for t in library[sid].untranslated if t.band in (band, "*")]
    titles = [f"{t.context}: {t.text}" for sid, _why in plan.left_out if sid in library for t in library[sid].untranslated
              if t.context in (f"{sid}|title|*", f"{sid}|title|{band}")]
    return texts + titles + [f"{context}: {text}" for context, text in words.missing()]
