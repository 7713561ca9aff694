"""Benchmark ``facilitator``: whole-process timings against baselines, printed as one Markdown table.

    pip install -e '.[bench]'
    python benchmarks/run.py            # about 3-5 minutes on 2 cores
    python benchmarks/run.py --quick    # about a minute: 3 runs a figure, 1 round of build-all
    python benchmarks/run.py --runs 9   # more runs per figure

What each row compares, and why:

1. ``facilitator --help`` against ``python -c "import typer"``: the bare interpreter importing the
   CLI framework is the least any typer command can cost, so the ratio is the CLI's own start-up
   (its imports, building the command tree). Target: within 2x.
2. ``facilitator sections`` against the same bare interpreter: loading and validating the shipped
   library on top of start-up. Target: within 2x.
3. The default ``facilitator pack`` against ``benchmarks/floor.py``, a plain script that imports
   python-pptx and reportlab and writes as many slides (title, bullets, notes) and PDF pages (plain
   paragraphs, DejaVu Sans embedded) as the real default pack has, with no planning, fitting or
   checking. The counts come from a default pack built once at the start (manifest.json's
   "documents"); the floor sets the pack's own slide text. Target: within 1.5x.
4. ``facilitator pack --only deck`` against pandoc turning the same slides (written as Markdown
   from the same Pack, in this process) into a .pptx: what a general-purpose converter takes for the
   same deck. Target: within 3x.
5. ``facilitator build-all`` over every band at 30, 60 and 90 minutes (12 packs), with ``--jobs 1``
   and ``--jobs 2``, each into a fresh folder: packs per second and the speed-up (targets: >= 1.7x,
   >= 4 packs/s with 2 jobs); then the same ``--jobs 2`` build again into the folder it just filled,
   where every pack is unchanged, as a fraction of that first build (target: < 10%). The CPU time
   of both builds is shown too: when other work holds a core, the speed-up falls but the CPU time
   should not grow.
6. Peak resident memory of the default ``facilitator pack``: ``ru_maxrss`` of each pack process of
   row 3, read with ``os.wait4`` for that one child; the largest is reported. Target: < 200 MB.

Every figure is the median of several runs of a whole process (``subprocess``, wall clock with
``time.perf_counter``), after one untimed warm-up of each command (for row 3, the first pack and a
check that the floor writes the same counts; build-all runs code rows 3 and 4 warmed), so disk
caches and ``.pyc`` files are as they are in daily use. Every ratio comes from runs interleaved in
one loop (A, B, A, B, ...): it is the median of each round's A/B, so a slow patch of a shared
machine slows both sides of a round instead of only the side that happened to run then. Separate
loops would fold that drift into the ratio. The lowest and highest round's ratio follow in
brackets, to show how steady the machine was.

MB here are MiB (ru_maxrss is in KiB on Linux). Progress goes to stderr; stdout is only the
header and the table, ready to paste into the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOOR = HERE / "floor.py"
BANDS = ("10-12", "13-15", "16-17", "adults")
MINUTES = (30, 60, 90)

Command = Callable[[int], list[str]]
"""The argv of one side of a comparison for round ``i`` (rounds may need fresh folders)."""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    """User + system time of the process and the workers it waited for: steadier than the wall
    clock when other work shares the machine."""
    max_rss_kb: int


@dataclass(frozen=True)
class Row:
    what: str
    measured: str
    ratio: str
    target: str
    met: bool | None
    """``None`` where a row has no verdict of its own."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(argv: Sequence[str], cwd: Path) -> Run:
    """Run one whole process; its wall time and its own peak RSS (``wait4`` reports that child
    alone, unlike ``RUSAGE_CHILDREN``, which keeps the largest child seen so far)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"benchmark: {' '.join(argv)} exited {proc.returncode}:\n{err.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def interleaved(commands: Sequence[Command], rounds: int, cwd: Path, warm_up: Sequence[bool] | None = None) -> list[list[Run]]:
    """Run the commands in turn, ``rounds`` times (A, B, A, B, ...); one list of runs per command.
    Each command first runs once untimed (as round -1) unless ``warm_up`` says it was warmed already."""
    for command, warm in zip(commands, warm_up or [True] * len(commands), strict=True):
        if warm:
            run(command(-1), cwd)
    runs: list[list[Run]] = [[] for _ in commands]
    for i in range(rounds):
        for side, command in zip(runs, commands, strict=True):
            side.append(run(command(i), cwd))
    return runs


def median_s(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu_seconds for r in runs)


def paired_ratio(a: list[Run], b: list[Run]) -> float:
    """The median of each round's a/b."""
    return statistics.median(x.seconds / y.seconds for x, y in zip(a, b, strict=True))


def spread(a: list[Run], b: list[Run], percent: bool = False) -> str:
    """The lowest and highest round's a/b, to show how noisy the machine was."""
    ratios = [x.seconds / y.seconds for x, y in zip(a, b, strict=True)]
    if len(ratios) < 2:
        return ""
    low, high = min(ratios), max(ratios)
    return f" ({low:.1%}–{high:.1%})" if percent else f" ({low:.2f}–{high:.2f})"


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.0f} ms"


def yes_no(met: bool | None) -> str:
    return "–" if met is None else ("yes" if met else "**no**")


# -- the Pack, in this process ---------------------------------------------------------------------


def default_slides() -> list[dict[str, Any]]:
    """The default pack's slides before fitting: title, paragraph texts and notes."""
    from decks.slide_plan import outline
    from facilitator.assemble import assemble
    from facilitator.build.pipeline import load, plan_for
    from facilitator.model import Words
    from facilitator.request import BuildRequest

    request = BuildRequest.from_options(out_dir="unused")
    library = load(request).library
    pack = assemble(plan_for(request, library), library)
    slides: list[dict[str, Any]] = []
    for spec in outline(pack, Words()):
        # ``paras`` is a field in older trees and a method (every slide kind's visible text) in newer.
        paras = spec.paras() if callable(spec.paras) else spec.paras
        slides.append({"title": spec.title, "paras": [p.text for p in paras], "notes": list(spec.notes)})
    return slides


def _md(text: str) -> str:
    # Backslash Markdown's specials so pandoc reads the pack's text as text, not markup.
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def slides_markdown(slides: list[dict[str, Any]]) -> str:
    """One ``# title`` slide per spec: its paragraphs as bullets, its notes in ``::: notes``."""
    parts: list[str] = []
    for s in slides:
        lines = [f"# {_md(s['title'])}", ""]
        lines += [f"- {_md(p)}" for p in s["paras"]]
        notes = [n for n in s["notes"] if n.strip()]
        if notes:
            lines += ["", "::: notes", "\n\n".join(_md(n) for n in notes), ":::"]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


# -- the machine -----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def header(args: argparse.Namespace, pandoc: Path) -> list[str]:
    load = os.getloadavg()
    pandoc_version = subprocess.run([str(pandoc), "--version"], capture_output=True, text=True).stdout.split("\n", 1)[0]
    return [
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Python: {platform.python_version()} ({platform.python_implementation()})",
        f"- CPUs: {os.cpu_count()}",
        f"- Machine: {platform.machine()}, {cpu_model()}, {platform.system()} {platform.release()}",
        f"- Load average at start: {load[0]:.2f} (1 min), {load[1]:.2f} (5 min)",
        f"- Versions: facilitator {metadata.version('facilitator')}, python-pptx {metadata.version('python-pptx')}, "
        f"reportlab {metadata.version('reportlab')}, typer {metadata.version('typer')}, {pandoc_version}",
        f"- Runs: median of {args.runs} per figure ({args.build_runs} for build-all), after a warm-up; "
        f"`python benchmarks/run.py{' --quick' if args.quick else ''}{f' --runs {args.runs_given}' if args.runs_given else ''}`",
    ]


# -- the rows --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark facilitator; prints one Markdown table.")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5, 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer runs: about a minute")
    args = parser.parse_args()
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    args.runs_given = args.runs
    args.runs = args.runs or (3 if args.quick else 5)
    # build-all is most of the time: one round of it in a quick run.
    args.build_runs = 1 if args.quick else args.runs

    exe = Path(sys.executable)
    facilitator = exe.parent / "facilitator"
    if not facilitator.exists():
        facilitator = Path(shutil.which("facilitator") or sys.exit("benchmark: `facilitator` is not installed (pip install -e '.[bench]')"))
    try:
        import pypandoc

        pandoc = Path(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        sys.exit(f"benchmark: no pandoc ({exc}); pip install -e '.[bench]'")
    from facilitator.model.config import SHIPPED_FONTS

    font = SHIPPED_FONTS[0]
    fac = [str(facilitator)]
    bare = [str(exe), "-c", "import typer"]

    top = header(args, pandoc)  # now, so the date and the load are those the runs start under
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp_name:
        tmp = Path(tmp_name)  # every process runs here, so nothing lands in the checkout

        def fresh(name: str) -> Callable[[int], Path]:
            # A new folder per round: a first build, never an update of the last round's pack.
            return lambda i: tmp / f"{name}-{'warm' if i < 0 else i}"

        log("default pack, for its counts…")
        first = tmp / "first"
        run([*fac, "pack", "--out", str(first)], tmp)
        counts: dict[str, int] = json.loads((first / "manifest.json").read_text(encoding="utf-8"))["documents"]
        slides = default_slides()
        (tmp / "slides.json").write_text(json.dumps(slides), encoding="utf-8")
        (tmp / "slides.md").write_text(slides_markdown(slides), encoding="utf-8")

        log("row 1: --help…")
        helps, bares = interleaved([lambda i: [*fac, "--help"], lambda i: bare], args.runs, tmp)
        ratio = paired_ratio(helps, bares)
        rows.append(
            Row(
                "`facilitator --help` vs `python -c \"import typer\"`",
                f"{fmt_s(median_s(helps))} vs {fmt_s(median_s(bares))}", f"{ratio:.2f}x{spread(helps, bares)}", "≤ 2x", ratio <= 2,
            )
        )

        log("row 2: sections…")
        sections, bares = interleaved([lambda i: [*fac, "sections"], lambda i: bare], args.runs, tmp)
        ratio = paired_ratio(sections, bares)
        rows.append(
            Row(
                "`facilitator sections` vs `python -c \"import typer\"`",
                f"{fmt_s(median_s(sections))} vs {fmt_s(median_s(bares))}", f"{ratio:.2f}x{spread(sections, bares)}", "≤ 2x", ratio <= 2,
            )
        )

        log("row 3: pack vs floor…")
        pack_dir, floor_dir = fresh("pack"), fresh("floor")
        pdfs = [f"--pdf={name}={n}" for name, n in sorted(counts.items()) if name.endswith(".pdf")]
        floor_argv = [str(exe), str(FLOOR), "--slides", str(counts["deck.pptx"]), *pdfs, "--text", str(tmp / "slides.json"), "--font", str(font)]
        # The floor must really write as many slides and pages as the pack: check it once.
        wrote = json.loads(subprocess.run([*floor_argv, "--out", str(tmp / "floor-check")], capture_output=True, text=True, check=True).stdout)
        if wrote != counts:
            sys.exit(f"benchmark: floor.py wrote {wrote}, the pack has {counts}")
        # No warm-up: the first pack and the floor check above were both sides' warm-ups.
        packs, floors = interleaved(
            [lambda i: [*fac, "pack", "--out", str(pack_dir(i))], lambda i: [*floor_argv, "--out", str(floor_dir(i))]], args.runs, tmp, [False, False]
        )
        ratio = paired_ratio(packs, floors)
        pages = sum(n for name, n in counts.items() if name.endswith(".pdf"))
        rows.append(
            Row(
                f"default `facilitator pack` vs floor.py ({counts['deck.pptx']} slides, {pages} PDF pages)",
                f"{fmt_s(median_s(packs))} vs {fmt_s(median_s(floors))}", f"{ratio:.2f}x{spread(packs, floors)}", "≤ 1.5x", ratio <= 1.5,
            )
        )

        log("row 4: deck vs pandoc…")
        deck_dir, pandoc_out = fresh("deck"), fresh("pandoc")
        md = str(tmp / "slides.md")

        def pandoc_argv(i: int) -> list[str]:
            pandoc_out(i).mkdir(exist_ok=True)
            return [str(pandoc), "-f", "markdown", "-t", "pptx", "-o", str(pandoc_out(i) / "deck.pptx"), md]

        # The deck code is warm from row 3; pandoc's warm-up also makes the deck counted below.
        decks, pandocs = interleaved([lambda i: [*fac, "pack", "--only", "deck", "--out", str(deck_dir(i))], pandoc_argv], args.runs, tmp, [False, True])
        from pptx import Presentation

        pandoc_slides = len(Presentation(str(pandoc_out(-1) / "deck.pptx")).slides)
        ratio = paired_ratio(decks, pandocs)
        rows.append(
            Row(
                f"`facilitator pack --only deck` ({counts['deck.pptx']} slides) vs pandoc md→pptx ({pandoc_slides} slides)",
                f"{fmt_s(median_s(decks))} vs {fmt_s(median_s(pandocs))}", f"{ratio:.2f}x{spread(decks, pandocs)}", "≤ 3x", ratio <= 3,
            )
        )

        log(f"row 5: build-all, {args.build_runs} round(s)…")
        config = tmp / "packs.yaml"
        entries = [f"  - {{name: {band}-{m}, age: {band}, minutes: {m}}}" for band in BANDS for m in MINUTES]
        config.write_text("packs:\n" + "\n".join(entries) + "\n", encoding="utf-8")
        n_packs = len(entries)
        one_dir, two_dir = fresh("all-j1"), fresh("all-j2")

        def build_all(out: Callable[[int], Path], jobs: int) -> Command:
            return lambda i: [*fac, "build-all", str(config), "--out", str(out(i)), "--jobs", str(jobs)]

        ones: list[Run] = []
        twos: list[Run] = []
        agains: list[Run] = []
        for i in range(args.build_runs):
            # Not interleaved() (no warm-up: the rows above warmed the same code): the re-run must
            # follow the --jobs 2 build it re-runs, in the same round.
            ones.append(run(build_all(one_dir, 1)(i), tmp))
            twos.append(run(build_all(two_dir, 2)(i), tmp))
            agains.append(run(build_all(two_dir, 2)(i), tmp))
            # The re-run only measures skipping if it really skipped every pack.
            states = (two_dir(i) / "index.md").read_text(encoding="utf-8").count("| unchanged |")
            if states != n_packs:
                sys.exit(f"benchmark: the re-run of build-all left {states} of {n_packs} packs unchanged")
            for folder in (one_dir(i), two_dir(i)):
                shutil.rmtree(folder, ignore_errors=True)  # 24 packs a round: keep the disk tidy
        speedup = paired_ratio(ones, twos)
        per_s_1, per_s_2 = n_packs / median_s(ones), n_packs / median_s(twos)
        rows.append(
            Row(
                f"`facilitator build-all` ({n_packs} packs: 4 bands × 30/60/90 min), `--jobs 1` vs `--jobs 2`",
                f"{per_s_1:.2f} vs {per_s_2:.2f} packs/s ({fmt_s(median_s(ones))} vs {fmt_s(median_s(twos))}; "
                f"CPU {fmt_s(median_cpu(ones))} vs {fmt_s(median_cpu(twos))})",
                f"{speedup:.2f}x speed-up{spread(ones, twos)}", "speed-up ≥ 1.7x; ≥ 4 packs/s with 2 jobs", speedup >= 1.7 and per_s_2 >= 4,
            )
        )
        fraction = paired_ratio(agains, twos)
        rows.append(
            Row(
                f"`build-all --jobs 2` again, all {n_packs} packs unchanged, vs its first build",
                f"{fmt_s(median_s(agains))} vs {fmt_s(median_s(twos))}", f"{fraction:.1%}{spread(agains, twos, percent=True)}", "< 10%", fraction < 0.10,
            )
        )

        # Row 6 reuses row 3's pack processes: each one's own peak, read by wait4.
        peak_mb = max(r.max_rss_kb for r in packs) / 1024
        median_mb = statistics.median(r.max_rss_kb for r in packs) / 1024
        rows.append(
            Row(
                "peak RSS of the default `facilitator pack` (largest of row 3's runs)",
                f"{peak_mb:.0f} MB (median {median_mb:.0f} MB)", "–", "< 200 MB", peak_mb < 200,
            )
        )

    log(f"done in {time.perf_counter() - started:.0f} s")
    print("\n".join(top))
    print()
    print("| # | what | measured | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    numbers = ["1", "2", "3", "4", "5a", "5b", "6"]
    for number, row in zip(numbers, rows, strict=True):
        print(f"| {number} | {row.what} | {row.measured} | {row.ratio} | {row.target} | {yes_no(row.met)} |")
    print()
    print(f"Whole benchmark: {time.perf_counter() - started:.0f} s; load average at the end: {os.getloadavg()[0]:.2f} (1 min).")


if __name__ == "__main__":
    main()
