"""``build-all``: every pack an organisation needs, built in parallel worker processes.

A build config (YAML) lists the packs, each with the options of ``facilitator pack``; without one,
every band at 60 minutes. Each worker loads the library once and builds the packs it is given; a
pack whose inputs hash the same as its manifest's is left alone ("unchanged"). One failing pack does
not stop the others.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from facilitator.errors import FacilitatorError, Problem
from facilitator.loader import problems_from
from facilitator.model.audience import BAND_NAMES
from facilitator.request import BuildRequest
from facilitator.schema import Model
from facilitator.yamlfile import read_yaml

if TYPE_CHECKING:
    from facilitator.build.pipeline import Loaded

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
RESERVED = frozenset({"index.md", "index.html"})
"""Names build-all writes beside the packs: no pack may take them."""


class PackOptions(Model):
    """The options of one pack in a build config (those of ``facilitator pack``)."""

    age: str | None = None
    minutes: int | None = None
    topics: list[str] | None = None
    start: str | int | None = None
    title: str | None = None
    date: str | None = None
    place: str | None = None
    org: str | None = None
    plan: str | None = None
    only: list[str] | None = None
    template: str | None = None
    contacts: str | None = None
    paper: str | None = None
    large_print: bool | None = None
    locale: str | None = None
    strict: bool | None = None


class PackEntry(PackOptions):
    name: str
    """The pack's folder under ``--out``."""


class BuildConfig(Model):
    defaults: PackOptions = field(default_factory=PackOptions)  # type: ignore[assignment]
    packs: list[PackEntry]


@dataclass(frozen=True)
class Job:
    """One pack to build: its name and its validated request."""

    name: str
    request: BuildRequest


@dataclass(frozen=True)
class Outcome:
    """What happened to one pack (picklable: it travels back from a worker)."""

    name: str
    status: str
    """``built``, ``unchanged`` or ``failed``."""
    folder: Path
    documents: dict[str, int] = field(default_factory=dict)
    """Slides or pages per document written."""
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    error: str = ""
    age: str = ""
    minutes: int = 0


def default_jobs(out_dir: Path) -> list[Job]:
    """Every band at 60 minutes, one folder each (``10-12-60``)."""
    return [Job(f"{band}-60", BuildRequest.from_options(out_dir=out_dir / f"{band}-60", age=band, minutes=60)) for band in BAND_NAMES]


def read_config(path: Path, out_dir: Path, libraries: list[Path] | None = None) -> list[Job]:
    """The jobs a build config lists, validated like a plan: every problem as ``FILE:LINE``."""
    data, lines = read_yaml(path)
    file = str(path)
    if not isinstance(data, dict):
        raise FacilitatorError(Problem(file, 1, "", "is not a build config (expected `packs:`)", "see the README's build-all section"))
    try:
        config = BuildConfig.model_validate(data)
    except ValidationError as exc:
        found = problems_from(exc, file, lines, "use name, " + ", ".join(PackOptions.model_fields))
        # People count packs from 1.
        raise FacilitatorError([replace(p, field=re.sub(r"^packs\.(\d+)", lambda m: f"packs.{int(m.group(1)) + 1}", p.field)) for p in found]) from None
    jobs: list[Job] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    base = path.parent
    for i, entry in enumerate(config.packs):
        where = ("packs", i)
        shown = entry.name.encode("unicode_escape").decode("ascii")[:80]  # a newline stays on the one line
        if not _NAME.fullmatch(entry.name):
            problems.append(Problem(file, lines.line(*where, "name"), f"packs.{i + 1}.name", f"'{shown}' is not a folder name", "use letters, digits, dots, dashes and underscores"))
            continue
        if entry.name.lower() in RESERVED:
            problems.append(Problem(file, lines.line(*where, "name"), f"packs.{i + 1}.name", f"'{shown}' is the name of the index build-all writes beside the packs",
                                    "give the pack another name"))
            continue
        if entry.name in seen:
            problems.append(Problem(file, lines.line(*where, "name"), f"packs.{i + 1}.name", f"'{entry.name}' is already the name of pack {seen[entry.name]}", "give each pack its own name"))
            continue
        seen[entry.name] = i + 1
        defaults = config.defaults.model_dump(exclude_none=True)
        if entry.plan is not None:  # a plan file decides its own audience, length and topics
            defaults = {k: v for k, v in defaults.items() if k not in ("age", "minutes", "topics", "start")}
        options = {**defaults, **entry.model_dump(exclude_none=True, exclude={"name"})}
        keys = {k: f"packs.{i + 1}.{k}" for k in PackOptions.model_fields}
        try:
            request = BuildRequest.from_options(
                out_dir=out_dir / entry.name,
                plan_file=(base / options["plan"]) if "plan" in options else None,
                age=options.get("age"),
                minutes=options.get("minutes"),
                topics=options.get("topics"),
                start=options.get("start"),
                title=options.get("title"),
                date=options.get("date"),
                place=options.get("place"),
                org=options.get("org"),
                only=options.get("only"),
                template=(base / options["template"]) if "template" in options else None,
                contacts=(base / options["contacts"]) if "contacts" in options else None,
                paper=options.get("paper"),
                large_print=bool(options.get("large_print", False)),
                locale=str(base / options["locale"]) if "locale" in options and (base / options["locale"]).is_dir() else options.get("locale"),
                strict=bool(options.get("strict", False)),
                libraries=libraries,
                where=file,
                names={**keys, "topic": keys["topics"], "plan": keys["plan"]},
            )
        except FacilitatorError as exc:
            for p in exc.problems:
                key = p.field.rsplit(".", 1)[-1] if p.field.startswith("packs.") else ""
                line = lines.line(*where, key) if key in entry.model_fields_set else lines.line("defaults", key) if key in config.defaults.model_fields_set else lines.line(*where)
                problems.append(Problem(file, p.line or line, p.field, p.message, p.hint))
            continue
        jobs.append(Job(entry.name, request))
    if problems:
        raise FacilitatorError(problems)
    if not jobs:
        raise FacilitatorError(Problem(file, lines.line("packs"), "packs", "lists no packs", "add at least one pack"))
    return jobs


# -- running ---------------------------------------------------------------------------------------

_loaded: dict[tuple[tuple[Path, ...], Path | None], Loaded] = {}


def _load(request: BuildRequest) -> Loaded:
    """The library (and locale) for ``request``, loaded once per worker for each set of folders
    and locale."""
    from facilitator.build.pipeline import load

    key = (request.libraries, request.locale)
    if key not in _loaded:
        _loaded[key] = load(request)
    return _loaded[key]


def run_job(job: Job) -> Outcome:
    """Build one pack in this process (a worker loads the library once, for all its packs)."""
    from facilitator.build.pipeline import build

    if _STOPPING["by"]:
        raise SystemExit(128 + _STOPPING["by"])
    start = time.perf_counter()
    folder = job.request.out_dir
    try:
        result = build(job.request, _load(job.request), skip_unchanged=True)
    except FacilitatorError as exc:
        return Outcome(job.name, "failed", folder, seconds=time.perf_counter() - start, error="; ".join(str(p) for p in exc.problems))
    except Exception as exc:  # noqa: BLE001 - one broken pack must not stop the others
        return Outcome(job.name, "failed", folder, seconds=time.perf_counter() - start, error=f"internal error: {type(exc).__name__}: {exc}")
    return Outcome(
        job.name, "unchanged" if result.unchanged else "built", folder, dict(result.counts), time.perf_counter() - start,
        result.warnings, age=result.plan.audience.label, minutes=result.plan.minutes,
    )


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) during ``build-all``: the packs finished before it, in job order. The
    others were stopped before their swap, so no pack folder is left half written."""

    def __init__(self, finished: list[Outcome], total: int) -> None:
        super().__init__("interrupted")
        self.finished = finished
        self.total = total


def _worker_init() -> None:
    """In a worker: Ctrl-C in the terminal reaches the whole process group; only the main
    process acts on it (it stops the workers with SIGTERM, which unwinds a build cleanly)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def stop(signum: int, frame: object) -> None:
        _STOPPING["by"] = signum
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


_STOPPING = {"by": 0}
"""Set in a worker told to stop: it starts no further pack (jobs already queued to it included)."""


def run_all(jobs: list[Job], workers: int, done: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Build ``jobs`` with ``workers`` processes (in this process when 1); outcomes in job order.
    Ctrl-C stops every worker within a few seconds and raises :class:`Interrupted` with the
    packs that were finished."""
    outcomes: dict[str, Outcome] = {}

    def finished() -> list[Outcome]:
        return [outcomes[job.name] for job in jobs if job.name in outcomes]

    if workers <= 1 or len(jobs) <= 1:
        try:
            for job in jobs:
                outcomes[job.name] = run_job(job)
                done(outcomes[job.name])
        except KeyboardInterrupt:
            raise Interrupted(finished(), len(jobs)) from None
        return [outcomes[job.name] for job in jobs]
    stamps = {job.name: _stamp(job.request.out_dir) for job in jobs}
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_worker_init)
    try:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for future in as_completed(futures):
            outcome = future.result()
            outcomes[outcome.name] = outcome
            done(outcome)
    except (KeyboardInterrupt, SystemExit):
        _stop(pool, [job.request.out_dir for job in jobs])
        for job in jobs:  # a pack whose swap was under way when the stop came was finished (its outcome never came back)
            if job.name not in outcomes and _stamp(job.request.out_dir) != stamps[job.name]:
                outcomes[job.name] = Outcome(job.name, "built", job.request.out_dir)
        raise Interrupted(finished(), len(jobs)) from None
    pool.shutdown(wait=True)
    return [outcomes[job.name] for job in jobs]


def _stamp(folder: Path) -> tuple[int, int] | None:
    """Which manifest a pack folder holds (its inode and time), to tell a pack published since."""
    try:
        st = (folder / "manifest.json").stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _stop(pool: ProcessPoolExecutor, folders: list[Path], grace: float = 5.0) -> None:
    """Stop ``pool`` now: no new job starts, every worker gets SIGTERM (its build unwinds and
    removes its staging folder; a swap in progress finishes first), and a worker still alive
    after ``grace`` seconds is killed, its staging folder removed here."""
    import shutil
    import signal

    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    killed = False
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)
            killed = True
    if killed:  # a killed worker could not clean up after itself
        for parent in {folder.parent for folder in folders}:
            for staging in parent.glob(".facilitator-*"):
                if not staging.name.startswith(".facilitator-old-"):
                    shutil.rmtree(staging, ignore_errors=True)


def write_index(out_dir: Path, outcomes: list[Outcome]) -> Path:
    """``index.html``, a page a person opens in a browser: every pack with its audience, length,
    documents, state and warnings, linking only to what exists; and ``index.md`` for scripts.
    Returns the HTML page."""
    from html import escape

    lines = ["# Session packs", "", "| pack | ages | minutes | documents | state | warnings |", "|---|---|---|---|---|---|"]
    rows = []
    for o in outcomes:
        built = o.status != "failed" and (out_dir / o.name).is_dir()
        documents = sorted(name for name in o.documents if (out_dir / o.name / name).is_file()) if built else []
        state = o.status if o.status != "failed" else f"failed: {o.error}"
        docs_md = ", ".join(f"[{name}]({o.name}/{name})" for name in documents) or "–"
        lines.append(f"| {f'[{o.name}]({o.name}/)' if built else o.name} | {o.age or '–'} | {o.minutes or '–'} | {docs_md} | {state} | {'; '.join(o.warnings) or '–'} |")
        docs_html = "".join(f'<li><a href="{escape(o.name)}/{escape(name)}">{escape(name)}</a></li>' for name in documents) or "<li>none</li>"
        warnings = "".join(f"<li>{escape(w)}</li>" for w in o.warnings)
        name = f'<a href="{escape(o.name)}/">{escape(o.name)}</a>' if built else escape(o.name)
        rows.append(f"<tr><th scope=\"row\">{name}</th><td>{escape(o.age or '–')}</td><td>{o.minutes or '–'}</td><td><ul>{docs_html}</ul></td>"
                    f"<td>{escape(state)}</td><td>{f'<ul>{warnings}</ul>' if warnings else '–'}</td></tr>")
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Session packs</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;line-height:1.4}"
        "table{border-collapse:collapse}th,td{border-bottom:1px solid #ccc;padding:.4rem .8rem;text-align:left;vertical-align:top}"
        "ul{margin:0;padding-left:1.1rem}a{color:#0b4f9c}</style></head><body><h1>Session packs</h1>"
        "<table><thead><tr><th>pack</th><th>ages</th><th>minutes</th><th>documents</th><th>state</th><th>warnings</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table></body></html>\n"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    import tempfile

    for name, text in (("index.md", "\n".join(lines) + "\n"), ("index.html", page)):
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")  # two runs at once never share one
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(tmp, 0o644)
            os.replace(tmp, out_dir / name)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise FacilitatorError(Problem(str(out_dir / name), 0, "--out", f"cannot be written: {exc.strerror}", "move away what is in the way, or choose another folder with --out")) from None
    return out_dir / "index.html"


def summary_rows(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [
        {
            "pack": o.name,
            "documents": len(o.documents),
            "slides": sum(n for name, n in o.documents.items() if name.endswith(".pptx")),
            "pages": sum(n for name, n in o.documents.items() if name.endswith(".pdf")),
            "seconds": round(o.seconds, 2),
            "warnings": len(o.warnings),
            "state": o.status,
        }
        for o in outcomes
    ]
