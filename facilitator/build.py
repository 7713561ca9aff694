"""Build one pack from a :class:`~facilitator.request.BuildRequest`: load, plan, assemble, publish.

Every output is first written into a staging folder beside the target; only when all of them
succeeded is the staging folder swapped in for the old pack, so a failure leaves an existing pack
exactly as it was. ``manifest.json`` records the inputs' digest, so ``build-all`` can tell an
unchanged pack from content hashes alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from facilitator import __version__
from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.pack import Pack
from facilitator.planner import Plan, plan_to_yaml, titles_of
from facilitator.request import BuildRequest


@dataclass(frozen=True)
class Output:
    """One document a pack can hold: its file name, the function that writes it (returning how
    many slides or pages it has) and the unit of that count."""

    name: str
    filename: str
    write: Callable[[Pack, Path, BuildRequest], int]
    unit: str = "pages"
    empty: str = ""
    """Why a writer that returned 0 and wrote no file wrote nothing (e.g. a plan with no cards):
    the file is then left out of the pack and its manifest, and the summary says why."""


def _deck(pack: Pack, path: Path, request: BuildRequest) -> int:
    from decks.writer import write_deck

    return write_deck(pack, path, template=request.template)


def _print_options(request: BuildRequest) -> Any:
    from handouts.options import PrintOptions

    fonts = None
    if request.locale is not None:
        from facilitator.localepack import load_locale

        fonts = load_locale(request.locale).font_paths()
    regular, bold = fonts or (None, None)
    return PrintOptions(paper=request.paper, large_print=request.large_print, font_regular=regular, font_bold=bold)


def _handout(pack: Pack, path: Path, request: BuildRequest) -> int:
    from handouts.handout import write_handout

    return write_handout(pack.participant, path, _print_options(request))


def _cards(pack: Pack, path: Path, request: BuildRequest) -> int:
    from handouts.cards import write_cards

    return write_cards(pack.participant, path, _print_options(request))


def _guide(pack: Pack, path: Path, request: BuildRequest) -> int:
    from handouts.guide import write_guide

    return write_guide(pack.facilitator, path, _print_options(request))


OUTPUTS: dict[str, Output] = {
    "deck": Output("deck", "deck.pptx", _deck, "slides"),
    "handout": Output("handout", "handout.pdf", _handout),
    "cards": Output("cards", "cards.pdf", _cards, empty="not written, the plan has no scenario or role-play cards"),
    "guide": Output("guide", "guide.pdf", _guide),
}
"""Every output by name, in the order they are written. Writers are imported only when used."""


def describe(count: int, unit: str) -> str:
    """``26 slides``, ``1 page``."""
    return f"{count} {unit if count != 1 else unit.rstrip('s')}"


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


def load_for(request: BuildRequest) -> Library:
    """The shipped library, translated by the request's locale (whose own sections come next),
    with the request's extra folders on top."""
    from facilitator.loader import load_library, shipped_sections_dir

    folders = [shipped_sections_dir()]
    if request.locale is None:
        return load_library([*folders, *request.libraries])
    from facilitator.catalog import lookup_in
    from facilitator.localepack import load_locale

    locale = load_locale(request.locale)
    own = [locale.sections] if locale.sections else []
    return load_library([*folders, *own, *request.libraries], lookup_in(locale.catalog), written_in_language=own)


def make_request_plan(request: BuildRequest, library: Library) -> Plan:
    """The plan a request asks for: its plan file, or one planned from its options."""
    from dataclasses import replace

    from facilitator.planner import make_plan, read_plan

    if request.plan_file is not None:
        plan = read_plan(request.plan_file, library)
        # What is printed on the day may change without re-planning.
        return replace(plan, title=request.title or plan.title, date=request.date or plan.date, place=request.place or plan.place)
    assert request.audience is not None
    return make_plan(
        library, request.audience, request.minutes, topics=list(request.topics), start=request.start or Plan.start,
        title=request.title, date=request.date, place=request.place,
    )


def build(
    request: BuildRequest,
    library: Library | None = None,
    *,
    skip_unchanged: bool = False,
    progress: Callable[[str], None] = lambda name: None,
) -> BuildResult:
    """Load (unless ``library`` is given), plan, assemble and publish the pack ``request`` asks
    for. With ``skip_unchanged``, a pack whose manifest records the same inputs digest and whose
    files still match their hashes is left alone."""
    from facilitator.pack import assemble

    library = library if library is not None else load_for(request)
    plan = make_request_plan(request, library)
    digest = inputs_digest(request, plan, library)
    if skip_unchanged and is_up_to_date(request.out_dir, digest):
        manifest = _manifest(request.out_dir) or {}
        counts = {str(k): int(v) for k, v in (manifest.get("documents") or {}).items()}
        files = {name: (request.out_dir / name, "") for name in [*manifest.get("files", {}), "manifest.json"]}
        return BuildResult(plan, files, counts, unchanged=True)
    from facilitator import messages

    locale = None
    if request.locale is not None:
        from facilitator.localepack import load_locale

        locale = load_locale(request.locale)
        messages.use_catalog(locale.catalog, locale.language)
    try:
        pack = assemble(plan, library, language=locale.language if locale else "en", org=request.org, locale=locale)
        from facilitator.glyphs import check_pack

        check_pack(pack, locale.font_paths() if locale else None)
        fell_back = _fallbacks(plan, library)

        def translated_enough() -> list[str]:
            """What fell back to English (checked once every document is written, before any is
            published): refused with ``--strict``, else warnings."""
            missing = fell_back + [f"{context}: {text}" for context, text in messages.missing()]
            if missing and request.strict:
                where = str(locale.messages) if locale else ""
                raise FacilitatorError([Problem(where, 0, "--strict", f"{len(missing)} texts have no translation; nothing was written", "translate them or leave out --strict")]
                                       + [Problem(where, 0, "untranslated", m) for m in missing])
            return [f"untranslated, printed in English: {m}" for m in missing]

        files, counts, warned = write_pack(pack, request, digest, progress, translated_enough if locale else None)
    finally:
        messages.use_catalog(None)
    # A document the pack has no content for is listed with why, but not as a file.
    notes = tuple(f"{name}: {about}" for name, (path, about) in files.items() if name not in counts and name in _OUTPUT_FILES)
    return BuildResult(plan, files, counts, warnings=notes + tuple(warned))


def _fallbacks(plan: Plan, library: Library) -> list[str]:
    """The texts of the plan's sections (and the safeguarding brief) that have no translation,
    for the plan's band, as ``context: text`` lines."""
    band = plan.audience.band.name
    used = [b.section_id for b in plan.blocks] + [s.id for s in library.ordered() if s.facilitator_only]
    return [f"{t.context}: {t.text}" for sid in used for t in library[sid].untranslated if t.band in (band, "*")]


# -- inputs digest -------------------------------------------------------------------------------


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_digest(request: BuildRequest, plan: Plan, library: Library) -> str:
    """A hash of everything a pack's bytes depend on: the tool version, the options, the plan,
    the files of the sections it uses (and the safeguarding brief the guide prints), the session
    rules, the template and ``SOURCE_DATE_EPOCH``. Content hashes only, never file times."""
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
        "locale": {p.name: _file_digest(p) for p in sorted(request.locale.glob("*.*"))} if request.locale else None,
        "strict": request.strict,
        "source_date_epoch": request.source_date_epoch,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _manifest(out_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_up_to_date(out_dir: Path, digest: str) -> bool:
    """The pack in ``out_dir`` was built from the same inputs and its files are as written (the
    check ``facilitator verify`` makes)."""
    from facilitator.verify import check_file, read_manifest

    manifest = _manifest(out_dir)
    if not manifest or manifest.get("inputs_sha256") != digest:
        return False
    try:
        entries = read_manifest(out_dir / "manifest.json")
    except FacilitatorError:
        return False
    return not any(check_file(out_dir / name, sha, size) for name, (sha, size) in entries.items())


# -- writing and publishing ----------------------------------------------------------------------


def write_pack(
    pack: Pack,
    request: BuildRequest,
    digest: str,
    progress: Callable[[str], None] = lambda name: None,
    before_publish: Callable[[], list[str]] | None = None,
) -> tuple[dict[str, tuple[Path, str]], dict[str, int], list[str]]:
    """Write the requested outputs, ``plan.yaml`` and ``manifest.json`` and publish them into
    ``request.out_dir`` all at once. Returns each file's final path with a few words about it
    (e.g. "34 slides"), and each document's count. A document its writer had nothing for (0
    pages, no file) is not in the pack or its manifest: it is returned with its path and why,
    and without a count."""
    plan = pack.plan
    out_dir = request.out_dir
    for name in [*outputs_in(request.only), "plan.yaml", "manifest.json"]:
        existing = out_dir / name
        if existing.is_symlink() or (existing.exists() and not existing.is_file()):
            raise FacilitatorError(Problem(str(existing), 0, "--out", "is in the way: it is not a file the pack can replace", "move it away, or choose another folder with --out"))
    staging: Path | None = None
    try:
        with _signals_held():  # the staging folder is noted before a signal can end the build
            staging = _staging_dir(out_dir)
        written: list[Path] = []
        about: dict[str, str] = {}
        counts: dict[str, int] = {}
        empty: dict[str, str] = {}
        for name in request.only:
            output = OUTPUTS[name]
            progress(output.filename)
            target = staging / output.filename
            count = output.write(pack, target, request)
            if count == 0 and output.empty and not target.exists():
                empty[output.filename] = output.empty
                continue
            counts[output.filename] = count
            about[output.filename] = describe(counts[output.filename], output.unit)
            written.append(target)
        warnings = before_publish() if before_publish is not None else []
        plan_path = staging / "plan.yaml"
        if request.plan_file is not None and _same_file(request.plan_file, out_dir / "plan.yaml"):
            # Never overwrite the plan a person wrote: the pack keeps it as it is.
            shutil.copyfile(request.plan_file, plan_path)
        else:
            plan_path.write_text(plan_to_yaml(plan, {a.section_id: a.title for a in pack.facilitator.agenda}), encoding="utf-8")
        files = {p.name: {"sha256": _file_digest(p), "bytes": p.stat().st_size} for p in [*written, plan_path]}
        manifest = {
            "tool": f"facilitator {__version__}",
            "inputs": _inputs(request, plan, pack),
            "inputs_sha256": digest,
            "plan": {
                "age": plan.audience.label,
                "band": plan.audience.band.name,
                "start": f"{plan.start:%H:%M}",
                "minutes": plan.minutes,
                "blocks": [{"section": b.section_id, "minutes": b.minutes} for b in plan.blocks],
                "left_out": [{"section": s, "why": why} for s, why in plan.left_out],
            },
            "locale": _locale_record(request, pack, len(warnings)),
            "files": files,
            "documents": counts,
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        with _signals_held():  # never stop between taking the old pack away and putting the new one in
            published = _publish(staging, out_dir, drop=frozenset(empty))
        result = {name: (path, about.get(name, "")) for name, path in published.items()}
        result.update({name: (out_dir / name, why) for name, why in empty.items()})
        return result, counts, warnings
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _locale_record(request: BuildRequest, pack: Pack, fell_back: int) -> dict[str, Any]:
    """The manifest's record of the pack's language: the locale, its review status and its
    catalog's counts."""
    if request.locale is None:
        return {"language": "en", "status": "source text (English)"}
    from facilitator.catalog import counts
    from facilitator.localepack import load_locale

    locale = load_locale(request.locale)
    c = counts(locale.catalog)
    return {**locale.describe(), "catalog": {"translated": c.translated, "fuzzy": c.fuzzy, "untranslated": c.untranslated},
            "fell_back_to_english": fell_back}


def _inputs(request: BuildRequest, plan: Plan, pack: Pack) -> dict[str, Any]:
    return {
        "plan_file": str(request.plan_file) if request.plan_file else None,
        "age": plan.audience.label,
        "minutes": request.minutes if request.plan_file is None else None,
        "topics": list(plan.topics),
        "start": f"{plan.start:%H:%M}",
        "title": pack.participant.info.title,
        "org": request.org,
        "template": {"path": str(request.template), "sha256": _file_digest(request.template)} if request.template else None,
        "library": [str(p) for p in request.libraries],
        "locale": request.locale.name if request.locale else None,
        "strict": request.strict,
        "only": list(request.only),
        "paper": request.paper,
        "large_print": request.large_print,
        "source_date_epoch": None if request.source_date_epoch is None else str(request.source_date_epoch),
    }


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the step inside is done, then take effect (and the build's
    clean-up runs): a stopped build never leaves a staging folder behind or a pack half swapped."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _staging_dir(out_dir: Path) -> Path:
    """A fresh folder beside ``out_dir`` (same file system, so publishing is a rename)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", "is a file, not a folder", "choose a folder name with --out"))
    parent = out_dir.parent if _can_swap(out_dir) else out_dir
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".facilitator-", dir=parent))
    except OSError as exc:
        raise FacilitatorError(Problem(str(parent), 0, "--out", f"cannot write here: {exc.strerror}", "choose another folder with --out")) from None


def _can_swap(out_dir: Path) -> bool:
    """A pack folder can be swapped whole unless it is the working folder (or holds it)."""
    try:
        here, target = Path.cwd().resolve(), out_dir.resolve()
    except OSError:
        return False
    return here != target and target not in here.parents


def _publish(staging: Path, out_dir: Path, drop: frozenset[str] = frozenset()) -> dict[str, Path]:
    """Move the staged pack into ``out_dir`` all at once: files the pack does not write (a
    person's own files, documents left out by ``--only``) are carried into the staging folder,
    then the old folder is swapped out and the new one in. A failure restores the old folder.
    Documents in ``drop`` (the pack has none this time) are not carried over from the old pack."""
    names = sorted(p.name for p in staging.iterdir())
    if not _can_swap(out_dir) or not out_dir.exists():
        if not out_dir.exists():
            os.chmod(staging, 0o755)
            staging.rename(out_dir)
        else:  # the working folder: file by file
            for name in names:
                os.replace(staging / name, out_dir / name)
        return {name: out_dir / name for name in names}
    try:
        for old in out_dir.iterdir():
            if old.name not in names and old.name not in drop and not old.name.startswith(".facilitator-"):
                _carry(old, staging / old.name)
        os.chmod(staging, os.stat(out_dir).st_mode & 0o7777)
        backup = Path(tempfile.mkdtemp(prefix=".facilitator-old-", dir=out_dir.parent))
        os.rmdir(backup)
        os.rename(out_dir, backup)
    except OSError as exc:
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", f"cannot be replaced: {exc.strerror}", "close any program using the pack's files, or choose another folder with --out")) from None
    try:
        os.rename(staging, out_dir)
    except OSError as exc:
        os.rename(backup, out_dir)
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", f"cannot be replaced: {exc.strerror}", "choose another folder with --out")) from None
    shutil.rmtree(backup, ignore_errors=True)
    return {name: out_dir / name for name in names}


def _carry(source: Path, target: Path) -> None:
    """Bring a file the new pack keeps from the old folder (a hard link where possible)."""
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


_OUTPUT_FILES = frozenset(o.filename for o in OUTPUTS.values())


def outputs_in(names: Iterable[str]) -> list[str]:
    """The file names of the outputs ``names``, in writing order."""
    return [OUTPUTS[n].filename for n in OUTPUTS if n in set(names)]
