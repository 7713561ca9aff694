"""Write a pack's files into a folder, all or nothing, with a manifest.

Every output is first written into a temporary folder on the same file system; only when all of
them succeeded are they moved into place. A failure leaves an existing pack untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator import __version__
from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.pack import Pack
from facilitator.planner import Plan, plan_to_yaml


@dataclass(frozen=True)
class Output:
    """One document a pack can hold: its file name and the function that writes it."""

    name: str
    filename: str
    write: Callable[[Pack, Path, BuildOptions], str]
    """Writes the file and returns a few words about it for the summary ("34 slides")."""


@dataclass(frozen=True)
class BuildOptions:
    template: Path | None = None
    paper: str = "a4"
    large_print: bool = False


def _deck(pack: Pack, path: Path, options: BuildOptions) -> str:
    from decks.writer import write_deck

    return f"{write_deck(pack, path, template=options.template)} slides"


def _print_options(options: BuildOptions) -> Any:
    from handouts.options import PrintOptions

    return PrintOptions(paper=options.paper, large_print=options.large_print)


def _pages(count: int | None) -> str:
    return f"{count} page{'s' if count != 1 else ''}" if count else ""


def _handout(pack: Pack, path: Path, options: BuildOptions) -> str:
    from handouts.handout import write_handout

    return _pages(write_handout(pack.participant, path, _print_options(options)))


def _cards(pack: Pack, path: Path, options: BuildOptions) -> str:
    from handouts.cards import write_cards

    return _pages(write_cards(pack.participant, path, _print_options(options)))


def _guide(pack: Pack, path: Path, options: BuildOptions) -> str:
    from handouts.guide import write_guide

    return _pages(write_guide(pack.facilitator, path, _print_options(options)))


OUTPUTS: dict[str, Output] = {
    "deck": Output("deck", "deck.pptx", _deck),
    "handout": Output("handout", "handout.pdf", _handout),
    "cards": Output("cards", "cards.pdf", _cards),
    "guide": Output("guide", "guide.pdf", _guide),
}
"""Every output by name, in the order they are written. Writers are imported only when used."""


def parse_only(text: str | None) -> list[str]:
    """``deck,handout`` -> ["deck", "handout"]; all outputs when ``text`` is empty."""
    if not text:
        return list(OUTPUTS)
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in OUTPUTS]
    if unknown or not names:
        raise FacilitatorError(Problem(field="--only", message=f"'{text}' names no known output", hint="use a comma-separated list of " + ", ".join(OUTPUTS)))
    return [n for n in OUTPUTS if n in names]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_pack(
    pack: Pack,
    plan: Plan,
    library: Library,
    out_dir: Path,
    only: list[str],
    options: BuildOptions,
    inputs: dict[str, Any],
    progress: Callable[[str], None] = lambda name: None,
) -> dict[str, tuple[Path, str]]:
    """Write the chosen outputs, ``plan.yaml`` and ``manifest.json`` into ``out_dir`` atomically.

    Returns each file's final path with a few words about it (e.g. "34 slides")."""
    staging = _staging_dir(out_dir)
    try:
        written: dict[str, Path] = {}
        about: dict[str, str] = {}
        for name in only:
            output = OUTPUTS[name]
            progress(output.filename)
            target = staging / output.filename
            about[output.filename] = output.write(pack, target, options)
            written[name] = target
        (staging / "plan.yaml").write_text(plan_to_yaml(plan, library), encoding="utf-8")
        files = {p.name: {"sha256": sha256(p), "bytes": p.stat().st_size} for p in [*written.values(), staging / "plan.yaml"]}
        manifest = {
            "tool": f"facilitator {__version__}",
            "inputs": inputs,
            "plan": {
                "age": plan.audience.label,
                "band": plan.audience.band.name,
                "start": f"{plan.start:%H:%M}",
                "minutes": plan.minutes,
                "blocks": [{"section": b.section_id, "minutes": b.minutes} for b in plan.blocks],
                "left_out": [{"section": s, "why": why} for s, why in plan.left_out],
            },
            "locale": {"language": pack.participant.info.language, "status": "source text (English)"},
            "files": files,
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        return {name: (path, about.get(name, "")) for name, path in _publish(staging, out_dir).items()}
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _staging_dir(out_dir: Path) -> Path:
    """A fresh folder on the same file system as ``out_dir`` (so moves are atomic renames)."""
    parent = out_dir if out_dir.is_dir() else out_dir.parent
    if out_dir.exists() and not out_dir.is_dir():
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", "is a file, not a folder", "choose a folder name with --out"))
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".facilitator-", dir=parent))
    except OSError as exc:
        raise FacilitatorError(Problem(str(parent), 0, "--out", f"cannot write here: {exc.strerror}", "choose another folder with --out")) from None


def _publish(staging: Path, out_dir: Path) -> dict[str, Path]:
    names = sorted(p.name for p in staging.iterdir())
    if not out_dir.exists():
        os.chmod(staging, 0o755)
        staging.rename(out_dir)
    else:
        for name in names:
            os.replace(staging / name, out_dir / name)
    return {name: out_dir / name for name in names}
