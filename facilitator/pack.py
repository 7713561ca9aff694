"""The Pack: the one document model between a plan and the writers, in one module.

A section becomes a :class:`ParticipantBlock` and a :class:`FacilitatorBlock` (see
:mod:`facilitator.views`); the Pack holds two views with different types. :class:`ParticipantPack` is all that slides' visible text,
the handout and the cards may show; :class:`FacilitatorPack` adds notes, listen-for points,
safeguarding and timings. Participant writers take a :class:`ParticipantPack` only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from babel.dates import format_date

from facilitator import __version__
from facilitator.audience import Band
from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.loader import outline_ids
from facilitator.localepack import LocalContact as NationalContact
from facilitator.localepack import LocalePack
from facilitator.messages import _, translated
from facilitator.planner import Plan, validate_plan
from facilitator.schema import Section, pick
from facilitator.typography import typeset
from facilitator.voice import Voice, voice

# -- one section's two views (made by facilitator.views) ----------------------------------------


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


# -- the pack --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionInfo:
    """What every output's title and footer say about the session."""

    title: str
    audience: str
    band: Band
    """The band the texts are written for, with the type sizes every writer uses."""
    minutes: int
    start: dt.time
    end: dt.time
    date: dt.date | None
    place: str
    language: str
    tool: str
    org: str = ""
    date_text: str = ""
    """The date as the pack's language writes it ("1 December 2026", "1 december 2026")."""
    """The organisation running the session (``--org``), for the title slide."""


@dataclass(frozen=True)
class AgendaItem:
    start: dt.time
    minutes: int
    title: str
    section_id: str


@dataclass(frozen=True)
class ParticipantPack:
    """Everything participants may see, in session order."""

    info: SessionInfo
    agenda: tuple[AgendaItem, ...]
    blocks: tuple[ParticipantBlock, ...]
    glossary: tuple[Term, ...]
    contacts: tuple[Contact, ...]
    local_contacts: tuple[LocalContact, ...]
    """The national child helpline and emergency number, first on every "where to get help"."""
    help_line: str
    """One short line saying where to get help, for footers, worded for the audience."""
    card_help_line: str
    """Where to get help on a cut-out card: the audience's words and the local helpline."""
    short_help_line: str = ""
    """The audience's words alone ("Need help? Tell an adult you trust, or call a child
    helpline."), for slide footers."""
    discuss: str = ""
    """How this audience is asked to discuss a question ("Talk in pairs")."""
    cards: tuple[Card, ...] = ()
    """The cut-out cards, in session order: one per scenario and per role-play prompt."""


@dataclass(frozen=True)
class LeftOut:
    """A section the plan left out, as the guide's "Not in this session" lists it."""

    section_id: str
    title: str
    """Its title for this audience."""
    minutes: int
    """The minutes it would add to the session, with any section it needs that is not in it."""
    reason: str
    """Why it was left out, in words (the planner's reason)."""
    for_age: bool = False
    """It is not for this audience's ages (written for older, or for younger, participants):
    more time would not bring it in."""
    ages: str = ""
    """The ages it is written for: "15+", or "10–17" for a section with a ``max_age``."""


@dataclass(frozen=True)
class FacilitatorPack:
    """The facilitator's view: every block with its notes, plus the safeguarding brief."""

    info: SessionInfo
    agenda: tuple[AgendaItem, ...]
    blocks: tuple[FacilitatorBlock, ...]
    safeguarding: tuple[FacilitatorBlock, ...]
    glossary: tuple[Term, ...]
    contacts: tuple[Contact, ...]
    local_contacts: tuple[LocalContact, ...]
    sources: tuple[tuple[str, str], ...]
    """The guide's parts the session draws on: (OUTLINE id, what the part is)."""
    left_out: tuple[tuple[str, str], ...]
    left_out_blocks: tuple[LeftOut, ...] = ()
    """:attr:`left_out` with titles and minutes, in the same order."""
    cards: tuple[Card, ...] = ()
    """The same cut-out cards as the participants', for the guide's list of what to print."""
    draft_translation: bool = False
    """The locale pack is a draft: the guide's colophon says it needs a native speaker's review."""
    notices: tuple[str, ...] = ()
    """What the facilitator must do before the session that the pack could not do (e.g. add a
    child helpline the locale pack lacks; review a draft translation)."""


@dataclass(frozen=True)
class Pack:
    """The one document model the writers read; ``plan`` is what ``plan.yaml`` and the manifest
    record."""

    participant: ParticipantPack
    facilitator: FacilitatorPack
    plan: Plan


def assemble(plan: Plan, library: Library, language: str = "en", org: str = "", locale: LocalePack | None = None) -> Pack:
    """Build the Pack for ``plan`` (in ``locale``'s language and country, when given); refuses a
    plan that breaks a rule."""
    # Imported here: the views build this module's types, so they import it first.
    from facilitator.views import facilitator_view

    broken = validate_plan(plan, library)
    if broken:
        raise FacilitatorError([p for _i, p in broken])
    band = plan.audience.band
    sections = [library[b.section_id] for b in plan.blocks]
    # Blocks keep their planned minutes (a person may have retimed them in the plan file).
    fblocks = tuple(_timed(facilitator_view(s, band), clock, b.minutes) for s, (clock, b) in zip(sections, plan.clock()))
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
    national = tuple(_contact(c) for c in locale.contacts) if locale else ()
    contacts = national + tuple(c for b in pblocks for c in b.contacts)
    if not contacts:
        raise FacilitatorError(Problem(field="plan", message="no contacts to print in 'where to get help'", hint="add a contacts section with at least one contact"))
    outline = {row: translated(f"outline|{row}", name) for row, name in outline_ids().items()}
    rows = sorted({row for s in sections for row in s.source})
    safeguarding = tuple(facilitator_view(s, band) for s in library.ordered() if s.facilitator_only)
    words = voice(band)
    cards = cards_of(pblocks)
    local = local_contacts(words, locale.contacts if locale else ())
    line = help_line(words, local, contacts)
    notices: list[str] = []
    if locale is not None and not local[0].filled:
        notices.append(_("This locale pack has no child helpline: find your national child helpline in Child Helpline International’s directory, check it, and add it to the pack’s contacts.yaml (or write it on the handouts) before the session."))
    if locale is not None and locale.draft:
        notices.append(_("Draft translation: needs review by a native speaker before it is used with children."))
    card_line = f"{_(words.help_line)} {local[0].label}: {local[0].shown}"
    return Pack(
        plan=plan,
        participant=ParticipantPack(info, agenda, pblocks, glossary, contacts, local, line, card_line, _(words.help_line), _(words.discuss), cards),
        facilitator=FacilitatorPack(
            info, agenda, fblocks, safeguarding, glossary, contacts, local,
            tuple((r, outline[r]) for r in rows), plan.left_out, _left_out(plan, library),
            cards=cards, draft_translation=bool(locale and locale.draft), notices=tuple(notices),
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


def local_contacts(words: Voice, national: tuple[NationalContact, ...] = ()) -> tuple[LocalContact, ...]:
    """The local-contacts slot: the national child helpline and the emergency number, from the
    locale pack's contacts when it has them, else left to write in (no number is ever made up)."""

    def slot(label: str, roles: tuple[str, ...]) -> LocalContact:
        found = next((c for c in national if c.role in roles and (c.phone or c.website)), None)
        if found is None:
            return LocalContact(label)
        return LocalContact(label, found.name, found.phone or "", found.website or "", f"{found.source.name}, {found.source.date.isoformat()}")

    return (slot(_(words.helpline), ("helpline",)), slot(_(words.emergency), ("emergency", "police")))


def _contact(c: NationalContact) -> Contact:
    """A national contact as the writers list it, ahead of the guide's international ones."""
    about = c.description or c.audience or ""
    if c.hours:
        about = f"{about} ({c.hours})" if about else c.hours
    return Contact(c.name, about, c.website, c.phone, c.role in ("hotline", "police"), f"{c.source.name}, {c.source.date.isoformat()}")


def help_line(words: Voice, local: tuple[LocalContact, ...], contacts: tuple[Contact, ...]) -> str:
    """"Where to get help" in one line, worded for the audience: the local helpline when it is
    known, else the first contact with a phone number or website."""
    first = next((c for c in local if c.filled), None) or next((c for c in contacts if c.website or c.phone), None)
    if first is None:
        return _(words.help_line)
    if isinstance(first, LocalContact):
        return _(words.help_line_contact, name=first.name or first.label, where=first.where)
    return _(words.help_line_contact, name=first.name, where=first.phone or first.website)


def _left_out(plan: Plan, library: Library) -> tuple[LeftOut, ...]:
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
        out.append(LeftOut(sid, typeset(pick(s.title, band)), minutes, why, not plan.audience.admits(s), ages))
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
