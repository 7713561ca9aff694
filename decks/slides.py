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
    continued: int = 0
    """0 for a first slide; 1, 2, ... for the slides its text continues on (last resort)."""

    def paras(self) -> list[Para]:
        """All visible text below the title as plain paragraphs (for an organisation's template,
        whose one body placeholder holds every kind)."""
        if self.kind == "agenda":
            return [Para(f"{r.start}   {r.title}", bullet=False) for r in self.rows]
        if self.kind == "chat":
            return [Para(f"{who}: {text}" if who else text, bullet=False, bold=False) for who, text in self.chat]
        out = [Para(line, bullet=False, bold=self.kind in ("help", "title")) for line in self.lines if self.kind in ("title", "help", "answer")]
        if self.kind == "answer":
            out = [Para(self.label, bullet=False, bold=True), *out]
        if self.kind in ("story", "opener") and self.label and self.kind == "story":
            out.append(Para(self.label, bullet=False, bold=True))
        if self.text and self.kind != "points":
            out += [Para(t.strip(), bullet=False, bold=self.kind == "discussion") for t in self.text.split("\n\n") if t.strip()]
        out += [Para(p, bullet=not self.numbered) if not self.numbered else Para(f"{i}. {p}", bullet=False) for i, p in enumerate(self.points, 1)]
        if self.kind == "points" and self.text:
            out.append(Para(self.text, bullet=False, bold=True))
        if self.kind in ("discussion", "activity") and self.label:
            out.append(Para(self.label, bullet=False))
        if self.kind in ("note", "activity"):
            out += [Para(line, bullet=False) for line in self.lines]
        return out
