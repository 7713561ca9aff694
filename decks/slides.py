"""The slide kinds of a deck, before any text is fitted or drawn.

One :class:`SlideSpec` type serves every kind; each kind reads the fields it needs (see
:data:`Kind`). Visible fields hold participant text only; ``notes`` hold the facilitator's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decks.fitting import Para

Kind = Literal[
    "title", "agenda", "opener", "points", "discussion", "story", "chat", "statement", "answer",
    "activity", "note", "help", "closing",
]
"""
- ``title``: ``title``, ``lines`` (audience, date and time, place, organisation).
- ``agenda``: ``rows``, one per block (grouped opening blocks), drawn as a timeline.
- ``opener``: ``label`` (the part's number), ``title``, ``text`` (why it matters).
- ``points``: ``points`` (at most five); ``text`` and ``label`` add one question to talk about.
- ``discussion``: ``text`` (one question, large), ``label`` (how to discuss it: "Talk in pairs · 3 min").
- ``story``: ``label`` (the character), ``text`` (the story) on a card.
- ``chat``: ``label`` (the character), ``chat`` (sender, message) as bubbles.
- ``statement``: ``text`` (the myth-or-fact statement).
- ``answer``: ``label`` ("Myth" or "Fact"), ``text`` (why), ``lines`` (the statement again).
- ``activity``: ``points`` (steps), ``label`` (minutes), ``lines`` (what to bring).
- ``note``: ``text`` (the content note), ``lines`` (the right to pass or step out).
- ``help``: ``lines`` (local contacts), ``points`` (the guide's contacts).
- ``closing``: ``title`` ("Thank you"), ``text`` (where to get help).
"""


@dataclass(frozen=True)
class AgendaRow:
    start: str
    title: str
    minutes: int


@dataclass(frozen=True)
class SlideSpec:
    kind: Kind
    title: str
    notes: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    text: str = ""
    label: str = ""
    lines: tuple[str, ...] = ()
    rows: tuple[AgendaRow, ...] = ()
    chat: tuple[tuple[str, str], ...] = ()
    numbered: bool = False
    choices: tuple[str, ...] = ()
    """``statement``: the two answers to choose from ("Myth?", "Fact?")."""
    fact: bool = False
    """``answer``: the statement is a fact (``label`` says so in words)."""
    need: str = ""
    """``activity``: what to bring, in one line ("You need: …")."""
    continued: int = 0
    """0 for a first slide; 1, 2, ... for the slides its text continues on (last resort)."""

    def paras(self) -> list[Para]:
        """All visible text below the title as plain paragraphs, in reading order (for an
        organisation's template, whose one body placeholder holds every kind)."""

        def plain(texts: tuple[str, ...] | list[str], bold: bool = False) -> list[Para]:
            return [Para(t, bullet=False, bold=bold) for t in texts]

        text = [t.strip() for t in self.text.split("\n\n") if t.strip()]
        points = plain([f"{i}. {p}" for i, p in enumerate(self.points, 1)]) if self.numbered else [Para(p) for p in self.points]
        label = plain([self.label]) if self.label else []
        if self.kind == "agenda":
            return plain([f"{r.start}   {r.title}" for r in self.rows])
        if self.kind == "chat":
            return plain([f"{who}: {line}" if who else line for who, line in self.chat])
        if self.kind in ("title", "help"):
            return plain(self.lines, bold=True) + points + plain(text)
        if self.kind == "answer":
            return plain([self.label], bold=True) + plain(self.lines) + plain(text)
        if self.kind == "story":
            return plain([self.label], bold=True) + plain(text)
        if self.kind == "points":
            return points + plain(text, bold=True) + (label if self.text else [])
        if self.kind == "discussion":
            return plain(text, bold=True) + label
        if self.kind == "activity":
            return points + label + plain(self.lines)
        if self.kind == "note":
            return plain(text) + plain(self.lines, bold=True)
        return plain(text) + points  # opener, statement, closing
