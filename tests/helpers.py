"""Helpers the tests share: the library's facilitator-only text, text comparison, and writing one
document to a file."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from facilitator.library import Library
from facilitator.loader import iter_texts
from facilitator.model import FacilitatorPack, Pack, ParticipantPack, RenderConfig


def squash(text: str) -> str:
    """All whitespace removed: line breaks inside a wrapped (or split long) word do not count."""
    return re.sub(r"\s+", "", text)


def facilitator_only_texts(lib: Library) -> set[str]:
    """Every facilitator-only string in ``lib`` (all band variants), minus those that also appear
    verbatim in some participant text (a script may quote the slide)."""
    participant = " ".join(
        squash(text) for s in lib.values() for _path, variants in iter_texts(s, participant_only=True)
        for value in variants.values() for text in (value if isinstance(value, list) else [value])
    )
    found: set[str] = set()
    for s in lib.values():
        f = s.facilitator
        found.update(f.say.values() if f.say else ())
        found.update([*(n.text for n in (*f.notes, *f.safeguarding)), *f.protocol, *f.materials])
        found.update(f.key_message.values() if f.key_message else [])
        for q in s.questions:
            found.update(n.text for n in (*q.listen_for, *q.follow_up))
    return {t for t in found if squash(t) not in participant}


# -- writing one document to a file (the writers write to a stream) ---------------------------------


def write_file(write: Callable[[Any, BinaryIO, RenderConfig], int], view: Any, path: Path, config: RenderConfig | None = None) -> int:
    """Write one document with a writer's ``write`` to ``path`` (no file when it writes nothing)."""
    out = io.BytesIO()
    count = write(view, out, config or RenderConfig())
    if out.getvalue():
        path.write_bytes(out.getvalue())
    return count


def write_deck(pack: Pack, path: Path, template: Path | None = None, config: RenderConfig | None = None) -> int:
    from decks.writer import write

    return write_file(write, pack, path, replace(config or RenderConfig(), template=template))


def write_handout(view: ParticipantPack, path: Path, config: RenderConfig | None = None) -> int:
    from handouts.handout import write

    return write_file(write, view, path, config)


def write_cards(view: ParticipantPack, path: Path, config: RenderConfig | None = None) -> int:
    from handouts.cards import write

    return write_file(write, view, path, config)


def write_guide(view: FacilitatorPack, path: Path, config: RenderConfig | None = None) -> int:
    from handouts.guide import write

    return write_file(write, view, path, config)
