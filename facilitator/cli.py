"""The ``facilitator`` command: parse, call, report. Writers are imported lazily."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from facilitator.errors import FacilitatorError, Problem

if TYPE_CHECKING:
    from facilitator.build.pipeline import Loaded
    from facilitator.library import Library

try:  # typer 0.16 and later carry their own copy of click
    from typer._click import exceptions as click_errors  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older typer depends on click
    from click import exceptions as click_errors  # type: ignore[no-redef]

app = typer.Typer(
    name="facilitator",
    help="Build age-appropriate session packs for online-safety peer education.\n\n"
    "Start with `facilitator pack` (a 60-minute session for 13-15 year olds), or see what the "
    "library holds with `facilitator sections`.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

AgeOption = Annotated[
    str | None,
    typer.Option("--age", "-a", metavar="AGE", help="A band (10-12, 13-15, 16-17, adults), a range (12-14) or an age (14)."),
]
ContactsOption = Annotated[
    Path | None,
    typer.Option("--contacts", metavar="FILE", help="Your local helplines (a contacts.yaml; start one with `facilitator contacts init`): printed on every slide, handout and card, and kept in plan.yaml."),
]
LocaleOption = Annotated[
    str | None,
    typer.Option("--locale", metavar="LOCALE", help="A shipped locale (nl, fil) or a locale pack folder: the pack's language, country, contacts and local sections."),
]
LibraryOption = Annotated[
    list[Path] | None,
    typer.Option("--library", "-L", metavar="DIR", help="Extra folder of section files; a file with an existing id replaces that section. Repeatable."),
]


DEBUG = {"on": False}
STOPPED = {"by": 0}
"""The signal that stopped the command, if one did (see :func:`main`)."""
"""Set by ``--debug``: show the traceback of an unexpected error instead of one line."""


def reports_errors(command: F) -> F:
    """Print a :class:`FacilitatorError` as one line per problem and exit 2, never a traceback; an
    unexpected error is one line asking for a report (the traceback only with ``--debug``)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FacilitatorError as exc:
            for problem in exc.problems:
                err.print(f"error: {problem}", markup=False)
            raise typer.Exit(2) from None
        except (typer.Exit, click_errors.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            if STOPPED["by"]:  # a library turned the stop signal into an error of its own
                err.print("error: interrupted; nothing was written", markup=False)
                raise typer.Exit(128 + STOPPED["by"]) from None
            if DEBUG["on"]:
                raise
            err.print(
                f"error: internal error ({type(exc).__name__}: {str(exc)[:200]}). This is a bug in facilitator: "
                "please report it with the command you ran; `facilitator --debug ...` shows the details.",
                markup=False,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an unexpected error (for bug reports).")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and stop.")] = False,
) -> None:
    """Build age-appropriate session packs for online-safety peer education."""
    DEBUG["on"] = debug
    if version:
        from facilitator import __version__

        out.print(f"facilitator {__version__}", markup=False)
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help(), markup=False)
        raise typer.Exit()


def _library(extra: list[Path] | None, locale: str | None = None) -> Library:
    """The shipped library (translated by ``locale``) with ``extra`` folders on top."""
    return _loaded(extra, locale).library


def _loaded(extra: list[Path] | None, locale: str | None = None) -> Loaded:
    """The library and the locale pack, as a build would load them."""
    from facilitator.build.pipeline import Loaded, load

    if locale is None:  # the common case, without importing what packs and locales need
        from facilitator.loader import load_library, shipped_sections_dir

        for folder in extra or ():
            if not folder.is_dir():
                raise FacilitatorError(Problem(field="--library", message=f"{folder} is not a folder", hint="give a folder of section .yaml files"))
        return Loaded(load_library([shipped_sections_dir(), *(extra or [])]))
    from facilitator.request import BuildRequest

    return load(BuildRequest.from_options(libraries=extra, locale=locale))


@app.command("sections")
@reports_errors
def sections_command(
    age: AgeOption = None,
    topic: Annotated[list[str] | None, typer.Option("--topic", "-t", metavar="TOPIC", help="Only sections on this topic. Repeatable.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", metavar="KIND", help="Only sections of this kind (concept, scenario, ...). Repeatable.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")] = False,
    library: LibraryOption = None,
    locale: LocaleOption = None,
) -> None:
    """List the sections in the library.

    Examples:

      facilitator sections --age 10-12

      facilitator sections --topic grooming --kind scenario

      facilitator sections --json > sections.json
    """
    from facilitator.model.audience import parse_audience

    audience = parse_audience(age) if age else None
    lib = _library(library, locale)
    if topic:
        known = set(lib.topics())
        unknown = [t for t in topic if t not in known]
        if unknown:
            raise FacilitatorError(Problem(field="--topic", message=f"no section covers {', '.join(unknown)}", hint="topics: " + ", ".join(sorted(known))))
    if kind:
        from typing import get_args

        from facilitator.schema import Kind

        unknown_kinds = [k for k in kind if k not in get_args(Kind)]
        if unknown_kinds:
            raise FacilitatorError(Problem(field="--kind", message=f"'{unknown_kinds[0]}' is not a kind", hint="kinds: " + ", ".join(get_args(Kind))))
    chosen = lib.select(audience, topic, kind)
    band = audience.band if audience else None
    from facilitator.model.audience import BANDS
    from facilitator.schema import pick

    rows = [
        {
            "id": s.id,
            "kind": s.kind,
            "title": pick(s.title, band or BANDS[-1]),
            "min_age": s.min_age,
            "minutes": s.minutes,
            "sensitivity": s.sensitivity,
            "topics": s.topics,
            "source": s.source,
        }
        for s in chosen
    ]
    if as_json:
        out.print(json.dumps(rows, indent=2, ensure_ascii=False), markup=False)
        return
    table = Table(title=f"{len(rows)} sections" + (f" for ages {audience.label}" if audience else ""), title_justify="left")
    for name, justify in (("id", "left"), ("kind", "left"), ("title", "left"), ("youngest", "right"), ("minutes", "right"), ("sensitivity", "left")):
        # The id is what a person types into plan.yaml: never cut or wrapped (the title wraps instead).
        table.add_column(name, justify=justify, no_wrap=name in ("id", "kind"), min_width=max((len(r[name]) for r in rows), default=2) if name == "id" else None)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r["id"], r["kind"], r["title"], str(r["min_age"]), str(r["minutes"]), r["sensitivity"])
    out.print(table)


@app.command("show")
@reports_errors
def show_command(
    section_id: Annotated[str, typer.Argument(metavar="ID", help="The section's id (see `facilitator sections`).")],
    age: AgeOption = "13-15",
    facilitator: Annotated[bool, typer.Option("--facilitator", "-f", help="Also print the facilitator-only notes.")] = False,
    library: LibraryOption = None,
    locale: LocaleOption = None,
) -> None:
    """Print one section as participants of an age would see it.

    Examples:

      facilitator show grooming --age 10-12

      facilitator show scenario-k --age 16-17 --facilitator
    """
    import difflib

    from facilitator.assemble import facilitator_view, participant_view
    from facilitator.model import Words
    from facilitator.model.audience import parse_audience
    from facilitator.plaintext import facilitator_text, participant_text

    audience = parse_audience(age or "13-15")
    loaded = _loaded(library, locale)
    lib, language = loaded.library, loaded.locale.language if loaded.locale else "en"
    words = Words(loaded.locale.lookup, language) if loaded.locale else Words()
    if section_id not in lib:
        close = difflib.get_close_matches(section_id, list(lib), n=3)
        hint = ("did you mean " + ", ".join(close) + "?") if close else "list them with `facilitator sections`"
        raise FacilitatorError(Problem(field="ID", message=f"no section '{section_id}'", hint=hint))
    s = lib[section_id]
    lines: list[str] = []
    if s.facilitator_only:
        lines += [f"{section_id} is for facilitators only; participants never see it."]
    elif not audience.admits(s):
        lines += [f"{section_id} is for ages {s.min_age} and up; participants aged {audience.label} would not see it."]
    else:
        lines += participant_text(participant_view(s, audience.band, language), words)
    if facilitator:
        lines += facilitator_text(facilitator_view(s, audience.band, language), words)
    out.print("\n".join(lines), markup=False)


@app.command("check")
@reports_errors
def check_command(
    folder: Annotated[Path | None, typer.Argument(metavar="[DIR]", help="A folder of section files (default: the shipped library).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors and the summary only, not readability warnings.")] = False,
    library: LibraryOption = None,
    locale: LocaleOption = None,
) -> None:
    """Validate a section library and report terminology, readability and outline coverage.

    Exit code 0 when there are no errors (warnings allowed), 2 with errors.

    Examples:

      facilitator check                          # the shipped library

      facilitator check --library my-sections/   # the shipped library with your sections added

      facilitator check complete-library/        # a library of your own, on its own

      facilitator check --locale nl              # the library as translated by a locale pack
    """
    from facilitator.checks import check_library
    from facilitator.loader import load_library, shipped_sections_dir

    if locale is None:
        lib = load_library([folder or shipped_sections_dir(), *(library or [])])
        report = check_library(lib)
    else:
        from facilitator.localepack import load_locale, resolve

        pack = load_locale(resolve(locale))
        lib = _library(library, locale)
        report = check_library(lib, pack.language, tuple((a.phrase, a.instead) for a in pack.settings.avoid))
        from facilitator.termbase import check_terms, load_terms

        report.errors.extend(check_terms(pack.catalog, load_terms(pack.folder), pack.messages))
        from facilitator.catalog import placeholder_problems

        report.errors.extend(placeholder_problems(pack.catalog, pack.messages))
    for problem in report.errors:
        err.print(f"error: {problem}", markup=False)
    if not quiet:
        for problem in report.warnings:
            err.print(f"warning: {problem}", markup=False)
    coverage = "all OUTLINE rows covered" if not report.uncovered else "OUTLINE rows not covered: " + ", ".join(report.uncovered)
    if not report.measured:
        coverage += "; readability not measured (no formula for this language)"
    out.print(
        f"{len(lib)} sections: {len(report.errors)} errors, {len(report.warnings)} readability warnings; {coverage}",
        markup=False,
    )
    if report.errors:
        raise typer.Exit(2)


MinutesOption = Annotated[int | None, typer.Option("--minutes", "-m", min=1, max=600, metavar="MINUTES", help="Length of the session in minutes (default 60).")]
TopicOption = Annotated[list[str] | None, typer.Option("--topic", "-t", metavar="TOPIC", help="Focus on a topic (grooming, sextortion, ...). Repeatable.")]
StartOption = Annotated[str | None, typer.Option("--start", "-s", metavar="HH:MM", help="Start time, HH:MM (default 09:00).")]
TitleOption = Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Session title for the slides and handouts.")]
DateOption = Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="Session date, YYYY-MM-DD (printed on the title slide and handouts).")]
PlaceOption = Annotated[str | None, typer.Option("--place", metavar="TEXT", help="Where the session happens.")]
OrgOption = Annotated[str | None, typer.Option("--org", metavar="TEXT", help="Your organisation's name, for the title slide.")]


def _say_free_minutes(plan: Any) -> None:
    """Minutes the plan leaves free of the time asked for, and why (nothing else fits in them)."""
    free = (plan.requested_minutes or plan.minutes) - plan.minutes
    if free > 0:
        them = "them" if free > 1 else "it"
        out.print(f"{free} minute{'s are' if free > 1 else ' is'} free: no other section fits in {them}; use {them} for questions or a longer discussion.", markup=False)


def _print_agenda(plan: Any, lib: Any) -> None:
    from facilitator.schema import pick

    table = Table(title=f"Ages {plan.audience.label}, {plan.minutes} minutes, {plan.start:%H:%M}–{plan.end:%H:%M}", title_justify="left")
    table.add_column("time")
    table.add_column("min", justify="right")
    table.add_column("section")
    table.add_column("id", no_wrap=True)
    for clock, block in plan.clock():
        table.add_row(f"{clock:%H:%M}", str(block.minutes), pick(lib[block.section_id].title, plan.audience.band), block.section_id)
    out.print(table)
    _say_free_minutes(plan)
    by_age = [sid for sid, _why in plan.left_out if not plan.audience.admits(lib[sid])]
    others = [(sid, why) for sid, why in plan.left_out if sid not in by_age]
    if others:
        out.print("Left out:", markup=False)
        for sid, why in others:
            out.print(f"  {sid}: {why.english}", markup=False)
    if by_age:
        out.print(f"Not for this age: {len(by_age)} sections (see `facilitator sections`).", markup=False)


@app.command("plan")
@reports_errors
def plan_command(
    age: AgeOption = None,
    minutes: MinutesOption = None,
    topic: TopicOption = None,
    start: StartOption = None,
    title: TitleOption = None,
    date: DateOption = None,
    place: PlaceOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the plan to this YAML file to edit it.")] = None,
    contacts: ContactsOption = None,
    library: LibraryOption = None,
    locale: LocaleOption = None,
) -> None:
    """Plan a session: choose, order and time sections, and print the agenda.

    Examples:

      facilitator plan --age 12-14 --minutes 60 --topic grooming --topic sextortion

      facilitator plan --age 10-12 --minutes 45 --start 13:30 -o plan.yaml

      facilitator plan --contacts uk-contacts.yaml -o plan.yaml
    """
    from facilitator.build.pipeline import load, plan_for
    from facilitator.planner import naming_contacts, plan_to_yaml, titles_of
    from facilitator.request import BuildRequest

    if output is not None and (not str(output).strip() or output.is_dir()):
        raise FacilitatorError(Problem(str(output), 0, "--output", "is a folder or empty, not a file name", "give a file name, e.g. -o plan.yaml"))
    request = BuildRequest.from_options(age=age, minutes=minutes, topics=topic, start=start, title=title, date=date, place=place, libraries=library,
                                        locale=locale, contacts=contacts)
    lib = load(request).library
    plan = plan_for(request, lib)
    _print_agenda(plan, lib)
    if output:
        if contacts is not None:  # named from the plan's folder, as `pack PLAN.yaml` reads it
            plan = naming_contacts(plan, contacts, output.resolve().parent)
        _write_text(output, plan_to_yaml(plan, titles_of(lib, plan)))
        out.print(f"Wrote {output}. Edit it, then build it with: facilitator pack {output}", markup=False)


def _write_text(path: Path, text: str) -> None:
    """Write a small file atomically (a temporary file renamed over the target)."""
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=".facilitator-", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise FacilitatorError(Problem(str(path), 0, "--output", f"cannot be written: {exc.strerror}", "choose another path")) from None


@app.command("pack")
@reports_errors
def pack_command(
    plan_file: Annotated[Path | None, typer.Argument(metavar="[PLAN.yaml]", help="A plan file from `facilitator plan -o`; without it, plan from the options.")] = None,
    age: AgeOption = None,
    minutes: MinutesOption = None,
    topic: TopicOption = None,
    start: StartOption = None,
    title: TitleOption = None,
    date: DateOption = None,
    place: PlaceOption = None,
    org: OrgOption = None,
    out_dir: Annotated[str, typer.Option("--out", "-O", metavar="DIR", help="Folder for the pack (created or updated).")] = "session-pack",
    only: Annotated[str | None, typer.Option("--only", metavar="LIST", help="Write only these outputs, comma-separated: deck,handout,cards,guide,letter,letter-docx,check,feedback.")] = None,
    template: Annotated[Path | None, typer.Option("--template", metavar="FILE.pptx", help="An organisation's .pptx template; its 'Title Slide' and 'Title and Content' layouts are used.")] = None,
    paper: Annotated[str | None, typer.Option("--paper", metavar="a4|letter", help="Paper for the PDFs: a4 or letter (default a4).")] = None,
    large_print: Annotated[bool, typer.Option("--large-print", help="Larger type in the PDFs (14 pt body).")] = False,
    contacts: ContactsOption = None,
    library: LibraryOption = None,
    locale: LocaleOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="With --locale: refuse to build when any text would fall back to English (it lists what).")] = False,
    templates: Annotated[Path | None, typer.Option("--templates", metavar="DIR", help="Your own wording for the letter home, check, feedback form (Jinja2 templates; start with `facilitator templates init DIR`).")] = None,
    lead: Annotated[str | None, typer.Option("--lead", metavar='"NAME, PHONE"', help="The safeguarding lead the letter home names; without it, a line to fill in.")] = None,
) -> None:
    """Build a session pack: slides, handout, cards, facilitator guide, letter home, knowledge check and feedback form.

    With no options: a 60-minute session for ages 13-15 in ./session-pack/.

    Examples:

      facilitator pack

      facilitator pack --age 10-12 --minutes 45 --title "Safe online, together"

      facilitator pack plan.yaml --out tuesday/ --template ngo.pptx

      facilitator pack --only handout --paper letter --large-print

      facilitator pack --locale nl --strict

      facilitator pack --contacts uk-contacts.yaml
    """
    from facilitator.request import BuildRequest

    request = BuildRequest.from_options(
        out_dir=out_dir, plan_file=plan_file, age=age, minutes=minutes, topics=topic, start=start, title=title, date=date,
        place=place, org=org, only=only, template=template, paper=paper, large_print=large_print, libraries=library,
        locale=locale, strict=strict, contacts=contacts, templates=templates, lead=lead,
    )
    from facilitator.build.manifest import MANIFEST, PLAN
    from facilitator.build.pipeline import build, load
    from facilitator.outputs import filenames_of

    loaded = load(request)
    lib = loaded.library
    with err.status("Building the pack…") as status:
        result = build(request, loaded, progress=lambda name: status.update(f"Writing {name}…"))
    plan = result.plan
    out.print(
        f"Session pack for ages {plan.audience.label}: {plan.minutes} minutes, {plan.start:%H:%M}–{plan.end:%H:%M}, {len(plan.blocks)} blocks.",
        markup=False,
    )
    _say_free_minutes(plan)
    for name in [*filenames_of(request.only), PLAN, MANIFEST]:
        path, about = result.files[name]
        out.print(f"  {path}" + (f"  ({about})" if about else ""), markup=False)
    unused = [sid for sid, _why in plan.left_out if plan.audience.admits(lib[sid])]
    if unused:
        out.print(f"{len(unused)} more sections suit this age but did not fit the time or topics: `facilitator plan` with the same options lists them.", markup=False)
    for warning in result.warnings:
        err.print(f"warning: {warning}", markup=False)


@app.command("app")
@reports_errors
def app_command(
    port: Annotated[int, typer.Option("--port", "-p", metavar="PORT", help="The port to listen on; a free one when left out.")] = 0,
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Listen beyond this computer (e.g. 0.0.0.0 for a youth centre's network): the page then needs the token printed at start.")] = "127.0.0.1",
    locales: Annotated[Path | None, typer.Option("--locales", metavar="DIR", help="A folder of locale packs to offer as languages, beside the shipped ones.")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the browser; just print the address.")] = False,
) -> None:
    """Open the facilitator page in your browser: make a session, change its plan and download the pack, without typing commands.

    It runs on this computer only and needs no internet. Press Ctrl-C to stop it.

    Examples:

      facilitator app

      facilitator app --port 8800 --no-browser

      facilitator app --locales my-locales/

      facilitator app --host 0.0.0.0 --port 8800
    """
    from facilitator.web.serve import serve

    serve(host, port, open_browser=not no_browser, locales=locales, say=lambda line: out.print(line, markup=False))


@app.command("build-all")
@reports_errors
def build_all_command(
    config: Annotated[Path | None, typer.Argument(metavar="[CONFIG.yaml]", help="A build config listing the packs; without it, every band at 60 minutes.")] = None,
    out_dir: Annotated[str, typer.Option("--out", "-O", metavar="DIR", help="Folder for the packs, one sub-folder each.")] = "session-packs",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, metavar="N", help="Packs built at once, in separate processes (default: the number of CPUs).")] = os.cpu_count() or 1,
    library: LibraryOption = None,
) -> None:
    """Build every pack an organisation needs, in parallel; unchanged packs are not rebuilt.

    Examples:

      facilitator build-all                          # every band at 60 minutes, in ./session-packs/

      facilitator build-all packs.yaml --out term-2/ --jobs 2

    A config lists packs with the options of `facilitator pack`:

      defaults: {minutes: 60, paper: a4}

      packs:

        - {name: juniors, age: 10-12, minutes: 45}

        - {name: parents-evening, age: adults, minutes: 90, title: Keeping children safe online}
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from facilitator.batch import Interrupted, default_jobs, read_config, run_all, summary_rows, write_index

    if out_dir.strip() in ("", "."):
        raise FacilitatorError(Problem(field="--out", message=f"'{out_dir}' is not a folder for packs", hint="name a folder, e.g. --out session-packs"))
    folder = Path(out_dir)
    work = read_config(config, folder, library) if config else default_jobs(folder)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("Building packs", total=len(work))
        try:
            outcomes = run_all(work, jobs, done=lambda outcome: progress.update(task, advance=1, description=f"Built {outcome.name}"))
        except Interrupted as stopped:
            progress.stop()
            built = [o.name for o in stopped.finished if o.status != "failed"]
            names = ", ".join(built) if built else "none"
            err.print(f"error: interrupted: {len(built)} of {stopped.total} packs finished ({names}); the others were not written "
                      "and their folders are as they were (run build-all again to finish)", markup=False)
            raise typer.Exit(130) from None
    index = write_index(folder, outcomes)
    rows = summary_rows(outcomes)
    table = Table(title=f"{len(rows)} packs in {out_dir}", title_justify="left")
    for name in ("pack", "documents", "slides", "pages", "seconds", "warnings", "state"):
        table.add_column(name, justify="left" if name in ("pack", "state") else "right")
    for r in rows:
        table.add_row(*(str(r[k]) for k in ("pack", "documents", "slides", "pages", "seconds", "warnings", "state")))
    out.print(table)
    for o in outcomes:  # the warnings the table counts, each in words
        for warning in o.warnings:
            err.print(f"warning: {o.name}: {warning}", markup=False)
    failed = [o for o in outcomes if o.status == "failed"]
    for o in failed:
        err.print(f"error: {o.name}: {o.error}", markup=False)
    out.print(f"Index: {index} (open it in a browser; {index.with_suffix('.md').name} beside it is for scripts)", markup=False)
    if failed:
        raise typer.Exit(1)


@app.command("verify")
@reports_errors
def verify_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A pack folder (made with `facilitator pack --out DIR`).")],
) -> None:
    """Check a pack against its manifest.json before printing it.

    Every file the manifest lists must be there, unchanged (same size and sha256). A deck, PDF or
    plan the manifest does not list is a problem too; other files of your own are only noted.
    Exit code 0 when the pack is as it was built, 1 when a file is changed, missing or not part of
    the pack, 2 when the folder is not a pack.

    Examples:

      facilitator verify session-pack/

      facilitator verify session-packs/juniors/ && lp session-packs/juniors/handout.pdf
    """
    from facilitator.verify import verify_pack

    report = verify_pack(folder)
    for finding in report.problems:
        out.print(str(finding), markup=False)
    for finding in report.notes:
        out.print(f"note: {finding}", markup=False)
    out.print(report.summary(), markup=False)
    if not report.ok:
        raise typer.Exit(1)


contacts_app = typer.Typer(help="Local help: a contacts file with your country's helplines, for every pack.", no_args_is_help=True)
app.add_typer(contacts_app, name="contacts")


@contacts_app.command("init")
@reports_errors
def contacts_init(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The contacts file to write, e.g. contacts.yaml.")] = Path("contacts.yaml"),
    country: Annotated[str, typer.Option("--country", "-c", metavar="CC", help="Two-letter country code, e.g. GB.")] = "XX",
) -> None:
    """Start a contacts file: what to look up for your country (never a number), to fill in and
    check, then build with `--contacts FILE`.

    Examples:

      facilitator contacts init --country GB uk-contacts.yaml

      facilitator pack --contacts uk-contacts.yaml
    """
    from facilitator.contacts import starter

    if len(country) != 2 or not country.isalpha():
        raise FacilitatorError(Problem(field="--country", message=f"'{country}' is not a two-letter country code", hint="use e.g. GB, KE or PH"))
    if file.exists():
        raise FacilitatorError(Problem(str(file), 0, "FILE", "already exists", "choose another name, or edit it"))
    _write_text(file, starter(country))
    out.print(f"Wrote {file}. Fill in each contact with its source and the date you checked it, then: facilitator pack --contacts {file}", markup=False)


locale_app = typer.Typer(help="Make and keep a locale pack: a language and a country, without touching code.", no_args_is_help=True)
app.add_typer(locale_app, name="locale")


@locale_app.command("init")
@reports_errors
def locale_init(
    language: Annotated[str, typer.Argument(metavar="LANG", help="Language code, e.g. nl, fil, de, pt-BR.")],
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A new folder for the locale pack.")],
    country: Annotated[str, typer.Option("--country", "-c", metavar="CC", help="Two-letter country code, e.g. NL.")],
) -> None:
    """Start a locale pack: locale.yaml, messages.po with every string to translate, contacts.yaml
    and a sections/ folder for local sections.

    Examples:

      facilitator locale init de --country DE my-locale/

      facilitator locale init pt-BR --country BR brasil/
    """
    from facilitator.localepack import init_locale

    made, messages = init_locale(language, country, folder)
    out.print(f"Made {made}/ with {messages} messages to translate in {made / 'messages.po'} (open it in Poedit, Weblate or Crowdin).", markup=False)
    out.print(f"Next: add your national contacts to {made / 'contacts.yaml'}, then build with: facilitator pack --locale {made}", markup=False)


@locale_app.command("update")
@reports_errors
def locale_update(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The locale pack's folder.")],
    library: Annotated[list[Path] | None, typer.Option("--library", "-l", metavar="DIR", help="A folder of your own sections to translate too. Repeatable.")] = None,
) -> None:
    """Bring a locale pack's catalog up to date with the library (and your own sections): changed
    strings become fuzzy (to check), new ones untranslated, removed ones obsolete. The file is
    written as gettext writes it, so msgmerge, Poedit and Weblate leave it as it is.

    Examples:

      facilitator locale update my-locale/

      facilitator locale update my-locale/ --library my-sections/
    """
    from facilitator.localepack import update_locale

    for extra in library or []:
        if not extra.is_dir():
            raise FacilitatorError(Problem(str(extra), 0, "--library", "is not a folder", "give the folder that holds your section files"))
    found = update_locale(folder, list(library or []))
    out.print(f"{found['total']} messages: {found['new']} new, {found['fuzzy']} changed (now fuzzy), {found['obsolete']} obsolete.", markup=False)


@locale_app.command("template")
@reports_errors
def locale_template(
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Where to write the template (default: the shipped facilitator/locales/messages.pot).")] = None,
    library: Annotated[list[Path] | None, typer.Option("--library", "-l", metavar="DIR", help="A folder of your own sections to include. Repeatable.")] = None,
) -> None:
    """Write the gettext template (.pot) of every string to translate: the library's sections
    (with their YAML file and line), the guide's part names and the tool's own words. Its date
    changes only when its messages do.

    Examples:

      facilitator locale template                          # keep the shipped messages.pot current

      facilitator locale template -o my.pot --library my-sections/

      msgmerge --update my-locale/messages.po my.pot       # gettext's tools work on it too
    """
    from facilitator.localepack import shipped_template, write_library_template

    for extra in library or []:
        if not extra.is_dir():
            raise FacilitatorError(Problem(str(extra), 0, "--library", "is not a folder", "give the folder that holds your section files"))
    path = output or shipped_template()
    count = write_library_template(path, list(library or []))
    out.print(f"Wrote {path} with {count} messages.", markup=False)


@locale_app.command("status")
@reports_errors
def locale_status(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The locale pack's folder.")],
    plan: Annotated[Path | None, typer.Option("--plan", metavar="PLAN.yaml", help="Count only what participants see in this plan.")] = None,
) -> None:
    """How much of a locale pack is translated: per section, and for a plan's participant view.

    Examples:

      facilitator locale status my-locale/

      facilitator locale status my-locale/ --plan plan.yaml
    """
    from facilitator.localepack import status_rows

    rows, total = status_rows(folder, plan)
    table = Table(title=f"{folder}: {total.translated} of {total.total} translated, {total.fuzzy} fuzzy, {total.untranslated} untranslated", title_justify="left")
    for name in ("part", "translated", "fuzzy", "untranslated"):
        table.add_column(name, justify="left" if name == "part" else "right")
    for part, c in rows:
        table.add_row(part, str(c.translated), str(c.fuzzy), str(c.untranslated))
    out.print(table)


templates_app = typer.Typer(help="The wording of the letter home, check, feedback form and certificate, as templates you can edit.", no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@templates_app.command("init")
@reports_errors
def templates_init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder to copy the shipped templates into (made if needed).")],
) -> None:
    """Copy the shipped templates into DIR, to edit and build with `pack --templates DIR`.

    Each template's variables and markup are described in docs/templates.md.

    Examples:

      facilitator templates init my-templates/

      facilitator pack --templates my-templates/ --only letter
    """
    from facilitator.documents import init_folder

    for path in init_folder(folder):
        out.print(f"  {path}", markup=False)


def _words_for(locale: str | None) -> tuple[Any, Any]:
    """The tool's words and the locale pack (or None) for a command outside a pack."""
    from facilitator.model import Words

    if locale is None:
        return Words(), None
    from facilitator.localepack import load_locale, resolve

    pack = load_locale(resolve(locale))
    return Words(pack.lookup, pack.language), pack


def _write_whole(path: Path, data: bytes) -> None:
    """``data`` into ``path`` whole (a temporary file beside it, then renamed)."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command("report")
@reports_errors
def report_command(
    results: Annotated[list[Path], typer.Argument(metavar="RESULTS.csv...", help="The CSV of the checks' and feedback forms' results; several combine.")],
    output: Annotated[Path, typer.Option("--out", "-o", metavar="FILE.pdf", help="Where to write the report.")] = Path("report.pdf"),
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The report's title.")] = None,
    locale: LocaleOption = None,
    paper: Annotated[str | None, typer.Option("--paper", metavar="a4|letter", help="Paper for the PDF (default a4).")] = None,
) -> None:
    """An impact report with charts from the knowledge checks and feedback forms.

    The CSV has one row per form: session,band,form,code,q1,...,help,f1,... (see
    docs/example-results.csv and the README). No names: a column that looks like one is refused.
    A bad row is named with its line and column and left out; the rest is still reported.

    Examples:

      facilitator report docs/example-results.csv

      facilitator report monday.csv tuesday.csv --out term-report.pdf
    """
    import importlib
    import io

    from facilitator.documents.results import read_results
    from facilitator.model import RenderConfig

    words, pack = _words_for(locale)
    data = read_results(list(results))
    for warning in data.warnings:
        err.print(f"warning: {warning}", markup=False)
    config = RenderConfig(words=words, paper=(paper or (pack.paper if pack else "a4")).lower(), epoch=_epoch())
    buffer = io.BytesIO()
    pages = importlib.import_module("handouts.report").write(data, buffer, config, title=title or "")
    _write_whole(output, buffer.getvalue())
    left = f", {data.left_out} rows left out" if data.left_out else ""
    out.print(f"  {output}  ({pages} page{'s' if pages != 1 else ''}: {data.rows - data.left_out} forms{left})", markup=False)


def _epoch() -> int | None:
    from facilitator.request import source_date_epoch

    return source_date_epoch()


@app.command("certificates")
@reports_errors
def certificates_command(
    names: Annotated[Path, typer.Argument(metavar="NAMES.csv", help="One row per peer educator: name, and optionally training and date (YYYY-MM-DD).")],
    org: Annotated[str, typer.Option("--org", metavar="TEXT", help="Your organisation's name, printed on each certificate.")],
    output: Annotated[Path, typer.Option("--out", "-o", metavar="FILE.pdf", help="Where to write the certificates.")] = Path("certificates.pdf"),
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The date for rows without one.")] = None,
    template: Annotated[Path | None, typer.Option("--template", metavar="FILE.pptx", help="Your .pptx template: its theme colours are used.")] = None,
    templates: Annotated[Path | None, typer.Option("--templates", metavar="DIR", help="Your own certificate.j2 (see `facilitator templates init`).")] = None,
    locale: LocaleOption = None,
    paper: Annotated[str | None, typer.Option("--paper", metavar="a4|letter", help="Paper for the PDF (default a4).")] = None,
) -> None:
    """Certificates for peer educators who completed their training: one page each.

    Examples:

      facilitator certificates trained.csv --org "Youth Theatre Manila"

      facilitator certificates trained.csv --org "Safe Online NL" --locale nl --template ngo.pptx
    """
    import importlib
    import io

    from babel.dates import format_date

    from facilitator.documents import check_folder
    from facilitator.documents.people import read_people, theme_colours
    from facilitator.model import RenderConfig
    from facilitator.request import MAX_DETAIL, parse_date

    if not org.strip() or len(org) > MAX_DETAIL:
        raise FacilitatorError(Problem("", 0, "--org", "is empty" if not org.strip() else f"is {len(org)} characters long", f"give your organisation's name, under {MAX_DETAIL} characters"))
    default_day = parse_date(date) if date else None
    people = read_people(names)
    if template is not None and not template.is_file():
        raise FacilitatorError(Problem("", 0, "--template", f"{template} does not exist", "give the path of a .pptx file"))
    colours = theme_colours(template) if template is not None else None
    words, pack = _words_for(locale)
    language = pack.language if pack else "en"
    babel_locale = "en_GB" if language == "en" else language.replace("-", "_")
    rows = []
    for p in people:
        day = p.date or default_day
        rows.append({"name": p.name, "training": p.training, "date": format_date(day, "long", locale=babel_locale) if day else ""})
    fonts = pack.font_paths() if pack else None
    regular, bold = fonts or (None, None)
    config = RenderConfig(words=words, paper=(paper or (pack.paper if pack else "a4")).lower(), font_regular=regular, font_bold=bold, epoch=_epoch(),
                          templates=check_folder(templates) if templates else None)
    buffer = io.BytesIO()
    accent, frame = colours or (None, None)
    pages = importlib.import_module("handouts.certificates").write(rows, buffer, config, org.strip(), accent, frame)
    _write_whole(output, buffer.getvalue())
    out.print(f"  {output}  ({pages} certificate{'s' if pages != 1 else ''})", markup=False)


def _not_utf8(args: list[str]) -> Problem | None:
    """An argument that is not UTF-8 (Python keeps its bytes as surrogates, which nothing can
    print or encode): one problem naming the option, before anything is read."""
    for i, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            before = args[i - 1] if i and args[i - 1].startswith("-") else ""
            option = arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg else before or f"argument {i + 1}"
            return Problem(field=option, message="holds bytes that are not UTF-8",
                           hint="retype it; for a file, rename it so its name is UTF-8 text")
    return None


def main() -> None:
    """The ``facilitator`` command. Usage errors are one line; SIGTERM cleans up like Ctrl-C."""
    import signal
    import sys

    def stop(signum: int, frame: object) -> None:
        # A terminated build unwinds (and removes its staging folder) as an interrupted one does.
        STOPPED["by"] = signum
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    if (problem := _not_utf8(sys.argv[1:])) is not None:
        err.print(f"error: {problem}", markup=False)
        sys.exit(2)
    try:
        code = app(prog_name="facilitator", standalone_mode=False)
    except click_errors.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `facilitator` alone: the help, not an error
            out.print(exc.format_message(), markup=False)
            sys.exit(0)
        command = exc.ctx.command_path if exc.ctx else "facilitator"
        message = exc.format_message()
        # Say a number is wanted in the tool's words, not the parser's.
        message = re.sub(r"Invalid value for '([^']+)'(?: / '[^']+')?: Input should be a valid integer.*", r"\1: is not a whole number (write it in digits, e.g. 60)", message)
        err.print(f"error: {message} (see `{command} --help`)", markup=False)
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        err.print("error: interrupted; nothing was written", markup=False)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        if STOPPED["by"]:  # reportlab re-raises the stop with a message of its own
            err.print("error: interrupted; nothing was written", markup=False)
            sys.exit(128 + STOPPED["by"])
        raise
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
