"""The ``facilitator`` command: parse, call, report. Writers are imported lazily."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from facilitator.errors import FacilitatorError, Problem

app = typer.Typer(
    name="facilitator",
    help="Build age-appropriate session packs for online-safety peer education.\n\n"
    "Start with `facilitator pack` (a 60-minute session for 13-15 year olds), or see what the "
    "library holds with `facilitator sections`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

AgeOption = Annotated[
    str | None,
    typer.Option("--age", "-a", help="A band (10-12, 13-15, 16-17, adults), a range (12-14) or an age (14)."),
]
LibraryOption = Annotated[
    list[Path] | None,
    typer.Option("--library", "-L", help="Extra folder of section files; a file with an existing id replaces that section. Repeatable."),
]


def reports_errors(command: F) -> F:
    """Print a :class:`FacilitatorError` as one line per problem and exit 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FacilitatorError as exc:
            for problem in exc.problems:
                err.print(f"error: {problem}", markup=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _library(extra: list[Path] | None) -> Any:
    from facilitator.loader import load_library, shipped_sections_dir

    return load_library([shipped_sections_dir(), *(extra or [])])


@app.command("sections")
@reports_errors
def sections_command(
    age: AgeOption = None,
    topic: Annotated[list[str] | None, typer.Option("--topic", "-t", help="Only sections on this topic. Repeatable.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Only sections of this kind (concept, scenario, ...). Repeatable.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")] = False,
    library: LibraryOption = None,
) -> None:
    """List the sections in the library.

    Examples:

      facilitator sections --age 10-12

      facilitator sections --topic grooming --kind scenario

      facilitator sections --json > sections.json
    """
    from facilitator.audience import parse_audience

    lib = _library(library)
    audience = parse_audience(age) if age else None
    if topic:
        known = set(lib.topics())
        unknown = [t for t in topic if t not in known]
        if unknown:
            raise FacilitatorError(Problem(field="--topic", message=f"no section covers {', '.join(unknown)}", hint="topics: " + ", ".join(sorted(known))))
    chosen = lib.select(audience, topic, kind)
    band = audience.band if audience else None
    from facilitator.audience import BANDS
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
    for name, justify in (("id", "left"), ("kind", "left"), ("title", "left"), ("youngest", "right"), ("min", "right"), ("sensitivity", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
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
) -> None:
    """Print one section as participants of an age would see it.

    Examples:

      facilitator show grooming --age 10-12

      facilitator show scenario-k --age 16-17 --facilitator
    """
    import difflib

    from facilitator.audience import parse_audience
    from facilitator.showtext import facilitator_text, participant_text
    from facilitator.views import facilitator_view, participant_view

    lib = _library(library)
    audience = parse_audience(age or "13-15")
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
        lines += participant_text(participant_view(s, audience.band))
    if facilitator:
        lines += facilitator_text(facilitator_view(s, audience.band))
    out.print("\n".join(lines), markup=False)


@app.command("check")
@reports_errors
def check_command(
    folder: Annotated[Path | None, typer.Argument(help="A folder of section files (default: the shipped library).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors and the summary only, not readability warnings.")] = False,
) -> None:
    """Validate a section library and report terminology, readability and outline coverage.

    Exit code 0 when there are no errors (warnings allowed), 2 with errors.

    Examples:

      facilitator check

      facilitator check my-sections/
    """
    from facilitator.checks import check_library
    from facilitator.loader import load_library

    lib = load_library([folder] if folder else None)
    report = check_library(lib)
    for problem in report.errors:
        err.print(f"error: {problem}", markup=False)
    if not quiet:
        for problem in report.warnings:
            err.print(f"warning: {problem}", markup=False)
    coverage = "all OUTLINE rows covered" if not report.uncovered else "OUTLINE rows not covered: " + ", ".join(report.uncovered)
    out.print(
        f"{len(lib)} sections: {len(report.errors)} errors, {len(report.warnings)} readability warnings; {coverage}",
        markup=False,
    )
    if report.errors:
        raise typer.Exit(2)


def main() -> None:
    app(prog_name="facilitator")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
