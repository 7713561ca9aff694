"""How a section becomes its two views for one age band: :func:`participant_view` (only what
participants may see) and :func:`facilitator_view` (the facilitator's notes and a copy of the
participant view), both typeset for the pack's language. The view types are the Pack's, in
:mod:`facilitator.pack`."""

from __future__ import annotations

from typing import TypeVar

from facilitator.audience import Band
from facilitator.messages import language
from facilitator.pack import (
    Card,
    Contact,
    FacilitatorBlock,
    GuideQuestion,
    LocalContact,
    ParticipantBlock,
    Prompt,
    Statement,
    Story,
    Term,
    Tip,
)
from facilitator.schema import ForBands, Section, pick
from facilitator.typography import typeset as _typeset

__all__ = [
    "Card", "Contact", "FacilitatorBlock", "GuideQuestion", "LocalContact", "ParticipantBlock", "Prompt", "Statement", "Story",
    "Term", "Tip", "facilitator_view", "participant_view", "shown",
]


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
