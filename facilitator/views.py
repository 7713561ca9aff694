"""The two views of a section for one age band, as different types.

:class:`ParticipantBlock` holds only what participants may see; :class:`FacilitatorBlock` holds the
facilitator's notes *and* (for reference in the guide) a copy of the participant block. Participant
writers are typed to take participant blocks only, so facilitator text cannot reach them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeVar

from facilitator.audience import Band
from facilitator.messages import language
from facilitator.schema import ForBands, Section, pick
from facilitator.typography import typeset as _typeset


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


T = TypeVar("T", bound=ForBands)


def typeset(text: str) -> str:
    """Typographic quotes and dashes for the language of the pack being made."""
    return _typeset(text, language())


def shown(items: list[T], band: Band) -> list[T]:
    """The list items written for ``band`` (items without ``bands:`` are for every band)."""
    return [item for item in items if item.shown_to(band)]


def participant_view(s: Section, band: Band) -> ParticipantBlock:
    """What participants in ``band`` see of ``s``, typeset (typographic quotes and dashes)."""
    p = s.participant

    def text(variants: dict[str, str] | None) -> str:
        return typeset(pick(variants, band)) if variants else ""

    def texts(variants: dict[str, list[str]] | None) -> tuple[str, ...]:
        return tuple(typeset(t) for t in pick(variants, band)) if variants else ()

    story = None
    if p.story:
        chat = tuple((who, typeset(line)) for who, line in pick(p.story.chat, band)) if p.story.chat else ()
        story = Story(p.story.character, text(p.story.text), chat)
    return ParticipantBlock(
        section_id=s.id,
        kind=s.kind,
        title=text(s.title),
        minutes=s.minutes,
        sensitivity=s.sensitivity,
        why=text(p.why),
        key_points=texts(p.key_points),
        body=text(p.body),
        content_note=text(p.content_note),
        story=story,
        questions=tuple(text(q.ask) for q in shown(s.questions, band)),
        terms=tuple(Term(t.term, text(t.definition)) for t in shown(p.terms, band)),
        tips=tuple(Tip(text(t.title), text(t.text)) for t in shown(p.tips, band)),
        statements=tuple(Statement(text(st.statement), st.answer == "fact", text(st.explanation)) for st in shown(p.statements, band)),
        steps=texts(p.steps),
        prompts=tuple(Prompt(text(pr.title), text(pr.setup)) for pr in shown(p.prompts, band)),
        contacts=tuple(
            Contact(c.name, text(c.description), c.website, c.phone, c.takes_reports, c.source) for c in shown(p.contacts, band)
        ),
        materials=tuple(typeset(m) for m in p.materials),
    )


def facilitator_view(s: Section, band: Band) -> FacilitatorBlock:
    """Everything the facilitator needs for ``s`` with participants in ``band``, typeset."""
    f = s.facilitator

    def each(items: list[str]) -> tuple[str, ...]:
        return tuple(typeset(t) for t in items)

    return FacilitatorBlock(
        participant=participant_view(s, band),
        objectives=each(s.objectives),
        say=typeset(pick(f.say, band)) if f.say else "",
        questions=tuple(
            GuideQuestion(typeset(pick(q.ask, band)), each(q.listen_for), each(q.follow_up)) for q in shown(s.questions, band)
        ),
        notes=each(f.notes),
        safeguarding=each(f.safeguarding),
        key_message=typeset(f.key_message or ""),
        materials=each(f.materials),
        protocol=each(f.protocol),
        source=tuple(s.source),
    )
