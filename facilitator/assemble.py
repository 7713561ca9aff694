"""Assemble the Pack from a plan: each section's two views for the audience's band, the agenda
with clock times, the glossary, the contacts and the local-contacts slot, what was left out.

Section text arrives here already in the pack's language (the loader applied the locale's
catalog); here it is typeset (typographic quotes and dashes) and split into what participants may
see and what only the facilitator reads. The result depends on nothing but :mod:`facilitator.model`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from babel.dates import format_date

from facilitator import __version__
from facilitator.audience_words import Voice, voice
from facilitator.contacts import ContactEntry
from facilitator.errors import FacilitatorError, Problem
from facilitator.guide_wording import guide_wording, printed
from facilitator.library import Library
from facilitator.loader import outline_ids
from facilitator.localepack import LocalePack
from facilitator.model import (
    AgendaItem,
    Band,
    Card,
    Contact,
    FacilitatorBlock,
    FacilitatorPack,
    GuideQuestion,
    LeftOut,
    LocalContact,
    Pack,
    ParticipantBlock,
    ParticipantPack,
    Plan,
    Prompt,
    SessionInfo,
    Statement,
    Story,
    Term,
    Tip,
    Words,
)
from facilitator.model.words import ENGLISH
from facilitator.planner import validate_plan
from facilitator.schema import ForBands, Note, Section, for_band, pick
from facilitator.typography import typeset


def assemble(plan: Plan, library: Library, words: Words = ENGLISH, org: str = "", locale: LocalePack | None = None,
             local_help: tuple[ContactEntry, ...] | None = None) -> Pack:
    """Build the Pack for ``plan`` (in ``locale``'s language and country, when given), with the
    tool's ``words`` in that language and the ``local_help`` contacts (by default the locale's);
    refuses a plan that breaks a rule."""
    _ = words
    language = words.language
    broken = validate_plan(plan, library)
    if broken:
        raise FacilitatorError([p for _i, p in broken])
    band = plan.audience.band
    sections = [library[b.section_id] for b in plan.blocks]
    # Blocks keep their planned minutes (a person may have retimed them in the plan file).
    fblocks = tuple(_timed(facilitator_view(s, band, language), clock, b.minutes) for s, (clock, b) in zip(sections, plan.clock()))
    pblocks = tuple(f.participant for f in fblocks)
    agenda = tuple(AgendaItem(clock, b.minutes, pb.title, b.section_id) for (clock, b), pb in zip(plan.clock(), pblocks))
    info = SessionInfo(
        title=one_line(plan.title) or _("Staying safe online"),
        audience=plan.audience.label,
        band=band,
        minutes=plan.minutes,
        start=plan.start,
        end=plan.end,
        date=plan.date,
        place=one_line(plan.place),
        language=language,
        tool=f"facilitator {__version__}",
        org=one_line(org),
        date_text=format_date(plan.date, "long", locale="en_GB" if language == "en" else language.replace("-", "_")) if plan.date else "",
    )
    glossary = _glossary(pblocks)
    given = local_help if local_help is not None else (locale.contacts if locale else ())
    national = tuple(_contact(c) for c in given)
    contacts = national + tuple(c for b in pblocks for c in b.contacts)
    if not contacts:
        raise FacilitatorError(Problem(field="plan", message="no contacts to print in 'where to get help'", hint="add a contacts section with at least one contact"))
    outline = {row: words.text(f"outline|{row}", name) for row, name in outline_ids().items()}
    rows = sorted({row for s in sections for row in s.source})
    safeguarding = tuple(facilitator_view(s, band, language) for s in library.ordered() if s.facilitator_only)
    says = voice(band)
    cards = cards_of(pblocks)
    local = local_contacts(says, words, given)
    line = help_line(says, words, local)
    notices: list[str] = []
    if (locale is not None or local_help is not None) and not local[0].filled:
        notices.append(_("This locale pack has no child helpline: find your national child helpline in Child Helpline International’s directory, check it, and add it to the pack’s contacts.yaml (or write it on the handouts) before the session."))
    if locale is not None and locale.draft:
        notices.append(_("Draft translation: needs review by a native speaker before it is used with children."))
    guide = guide_wording()
    card_line = f"{_(says.help_line)} {local[0].label}: {local[0].shown}"
    return Pack(
        plan=plan,
        participant=ParticipantPack(info, agenda, pblocks, glossary, contacts, local, line, card_line, _(says.discuss), cards),
        facilitator=FacilitatorPack(
            info, agenda, fblocks, safeguarding, glossary, contacts, local,
            tuple((r, outline[r]) for r in rows), _left_out(plan, library, language),
            cards=cards, draft_translation=bool(locale and locale.draft), notices=tuple(notices),
            preparation=printed(guide.preparation, words, len(cards)), to_print=printed(guide.to_print, words, len(cards)),
        ),
    )


def cards_of(blocks: tuple[ParticipantBlock, ...]) -> tuple[Card, ...]:
    """The cards a plan's blocks give, in session order: one per scenario and per role-play prompt."""
    cards: list[Card] = []
    for b in blocks:
        if b.kind == "scenario":
            cards.append(Card("scenario", b.title, b.story.text if b.story else b.body, b.questions, b.content_note))
        cards.extend(Card("role-play", p.title, p.setup, b.questions) for p in b.prompts)
    return tuple(cards)


def one_line(text: str) -> str:
    """A title, place or organisation as one line: line breaks and runs of spaces become one space."""
    return " ".join(text.split())


def local_contacts(says: Voice, words: Words = ENGLISH, national: tuple[ContactEntry, ...] = ()) -> tuple[LocalContact, ...]:
    """The local-contacts slot: the national child helpline, the emergency number and a crisis
    line (for someone who cannot cope or wants to hurt themselves), from the locale pack's
    contacts when it has them, else left to write in (no number is ever made up)."""

    def slot(label: str, roles: tuple[str, ...]) -> LocalContact:
        found = next((c for role in roles for c in national if c.role == role and (c.phone or c.website)), None)
        if found is None:
            return LocalContact(label)
        return LocalContact(label, found.name, found.phone or "", found.website or "", found.source.cited)

    # With no crisis line of its own, the crisis slot gives the child helpline: a number to call
    # is never left blank where one is known.
    return (slot(words(says.helpline), ("helpline",)), slot(words(says.emergency), ("emergency", "police")), slot(words(says.crisis), ("crisis", "helpline")))


def _contact(c: ContactEntry) -> Contact:
    """A national contact as the writers list it, ahead of the guide's international ones."""
    about = c.description or c.audience or ""
    if c.hours:
        about = f"{about} ({c.hours})" if about else c.hours
    return Contact(c.name, about, c.website, c.phone, c.role in ("hotline", "police"), c.source.cited)


def help_line(says: Voice, words: Words, local: tuple[LocalContact, ...]) -> str:
    """"Where to get help" in one line, worded for the audience, with the local child helpline when
    it is known (a directory of helplines is no place to send a child in trouble)."""
    helpline = local[0]
    if not helpline.filled:
        return words(says.help_line)
    return words(says.help_line_contact, name=helpline.name or helpline.label, where=helpline.first)


def _left_out(plan: Plan, library: Library, language: str) -> tuple[LeftOut, ...]:
    """The plan's left-out sections with their titles and the minutes each would add."""
    band = plan.audience.band
    planned = {b.section_id for b in plan.blocks}
    out = []
    for sid, why in plan.left_out:
        if sid not in library:
            continue
        s = library[sid]
        minutes = sum(_needed(s, library, planned, {}).values())
        ages = f"{s.min_age}\u2013{s.max_age}" if s.max_age is not None else f"{s.min_age}+"
        out.append(LeftOut(sid, typeset(pick(s.title, band), language), minutes, why, not plan.audience.admits(s), ages))
    return tuple(out)


def _needed(s: Section, library: Library, planned: set[str], needed: dict[str, int]) -> dict[str, int]:
    """``s`` and every section it requires that the plan does not hold, with their minutes."""
    if s.id not in planned and s.id not in needed:
        needed[s.id] = s.minutes
        for r in s.requires:
            if r in library:
                _needed(library[r], library, planned, needed)
    return needed


def _glossary(blocks: tuple[ParticipantBlock, ...]) -> tuple[Term, ...]:
    seen: dict[str, Term] = {}
    for b in blocks:
        for t in b.terms:
            seen.setdefault(t.term.casefold(), t)
    return tuple(sorted(seen.values(), key=lambda t: t.term.casefold()))


def _timed(block: FacilitatorBlock, start: dt.time, minutes: int) -> FacilitatorBlock:
    """The block at its clock time, with its planned minutes (a person may have retimed it)."""
    return replace(block, start=start, participant=replace(block.participant, minutes=minutes))


# -- one section's two views ------------------------------------------------------------------------


T = TypeVar("T", bound=ForBands)


def shown(items: list[T], band: Band) -> list[T]:
    """The list items written for ``band`` (items without ``bands:`` are for every band)."""
    return [item for item in items if item.shown_to(band)]


def participant_view(s: Section, band: Band, language: str = "en") -> ParticipantBlock:
    """What participants in ``band`` see of ``s``, typeset (typographic quotes and dashes)."""
    p = s.participant

    def text(variants: dict[str, str] | None) -> str:
        return typeset(pick(variants, band), language) if variants else ""

    def texts(variants: dict[str, list[str]] | None) -> tuple[str, ...]:
        return tuple(typeset(t, language) for t in pick(variants, band)) if variants else ()

    story = None
    if p.story:
        chat = tuple((who, typeset(line, language)) for who, line in pick(p.story.chat, band)) if p.story.chat else ()
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
        materials=tuple(typeset(m, language) for m in p.materials),
    )


def facilitator_view(s: Section, band: Band, language: str = "en") -> FacilitatorBlock:
    """Everything the facilitator needs for ``s`` with participants in ``band``, typeset."""
    f = s.facilitator

    def each(items: list[str]) -> tuple[str, ...]:
        return tuple(typeset(t, language) for t in items)

    def lines(notes: list[Note]) -> tuple[str, ...]:
        return each(for_band(notes, band))

    return FacilitatorBlock(
        participant=participant_view(s, band, language),
        objectives=lines(s.objectives),
        say=typeset(pick(f.say, band), language) if f.say else "",
        questions=tuple(
            GuideQuestion(typeset(pick(q.ask, band), language), lines(q.listen_for), lines(q.follow_up)) for q in shown(s.questions, band)
        ),
        notes=lines(f.notes),
        safeguarding=lines(f.safeguarding),
        key_message=typeset(pick(f.key_message, band), language) if f.key_message else "",
        materials=each(f.materials),
        protocol=each(f.protocol),
        source=tuple(s.source),
    )
