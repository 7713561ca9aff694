"""Helpers the tests share: the library's facilitator-only text, and text comparison."""

from __future__ import annotations

import re

from facilitator.library import Library
from facilitator.loader import iter_texts


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
        found.update([*f.notes, *f.safeguarding, *f.protocol, *f.materials])
        found.update([f.key_message] if f.key_message else [])
        for q in s.questions:
            found.update([*q.listen_for, *q.follow_up])
    return {t for t in found if squash(t) not in participant}
