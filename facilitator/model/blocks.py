"""One section as a block of the Pack, in its two views: :class:`ParticipantBlock` (what slides'
visible text, the handout and the cards may show) and :class:`FacilitatorBlock` (the facilitator's
notes around a copy of it), with the small records they hold. Made by :mod:`facilitator.blocks`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


@dataclass(frozen=True)
class Tip:
    title: str
    text: str


@dataclass(frozen=True)
class Statement:
    statement: str
    is_fact: bool
    explanation: str


@dataclass(frozen=True)
class Prompt:
    title: str
    setup: str


@dataclass(frozen=True)
class Contact:
    name: str
    description: str
    website: str | None
    phone: str | None
    takes_reports: bool
    source: str


@dataclass(frozen=True)
class LocalContact:
    """A local number every participant output prints (the national child helpline, the emergency
    number): filled from the pack's contacts, or left as a line to write on. Never invented."""

    label: str
    name: str = ""
    phone: str = ""
    website: str = ""
    source: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.phone or self.website)

    @property
    def where(self) -> str:
        """The number (or website) to print; empty when it is to be written in."""
        return self.phone or self.website

    @property
    def shown(self) -> str:
        """The number, or a line to write it on."""
        return self.where or "_" * 14

    @property
    def first(self) -> str:
        """The first of several numbers ("1553 · 0919-057-1553"), or a line to write it on: for a
        slot too small for all of them (the handout's help panel lists every one)."""
        return self.shown.split(" · ")[0]


@dataclass(frozen=True)
class Story:
    character: str
    text: str
    chat: tuple[tuple[str, str], ...] = ()
    """The story as messages (sender, text; an empty sender is a narration line), when it is a chat."""


@dataclass(frozen=True)
class Card:
    """One cut-out card: a scenario or a role-play prompt, with the questions to talk about."""

    kind: str
    """"scenario" or "role-play"."""
    title: str
    text: str
    questions: tuple[str, ...]
    content_note: str = ""


@dataclass(frozen=True)
class ParticipantBlock:
    """One section as participants see it."""

    section_id: str
    kind: str
    title: str
    minutes: int
    sensitivity: str
    why: str = ""
    """One line on why this part matters (the section's opening slide)."""
    key_points: tuple[str, ...] = ()
    body: str = ""
    content_note: str = ""
    story: Story | None = None
    questions: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    tips: tuple[Tip, ...] = ()
    statements: tuple[Statement, ...] = ()
    steps: tuple[str, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    contacts: tuple[Contact, ...] = ()
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuideQuestion:
    ask: str
    listen_for: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacilitatorBlock:
    """One section as the facilitator prepares and runs it."""

    participant: ParticipantBlock
    objectives: tuple[str, ...] = ()
    say: str = ""
    questions: tuple[GuideQuestion, ...] = ()
    notes: tuple[str, ...] = ()
    safeguarding: tuple[str, ...] = ()
    key_message: str = ""
    materials: tuple[str, ...] = ()
    protocol: tuple[str, ...] = ()
    source: tuple[str, ...] = field(default=())
    start: dt.time = dt.time(0, 0)
    """When the block starts in the session (set when the Pack is assembled)."""

    @property
    def section_id(self) -> str:
        return self.participant.section_id

    @property
    def title(self) -> str:
        return self.participant.title
