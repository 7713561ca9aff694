"""The Pack: the one document model between a plan and the writers.

It holds two views with different types. :class:`ParticipantPack` is all that slides' visible
text, the handout and the cards may show; :class:`FacilitatorPack` adds notes, listen-for points,
safeguarding and timings. Participant writers take a :class:`ParticipantPack` only, so a leak of
facilitator text is a type error. :func:`facilitator.assemble.assemble` makes a Pack from a plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.model.audience import Band
from facilitator.model.blocks import Card, Contact, FacilitatorBlock, LocalContact, ParticipantBlock, Term
from facilitator.model.plan import Plan
from facilitator.model.reasons import Reason


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
    """The organisation running the session (``--org``), for the title slide."""
    date_text: str = ""
    """The date as the pack's language writes it ("1 December 2026", "1 december 2026")."""


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
    """One short line saying where to get help, for every slide's and page's footer, worded for the
    audience, with the local child helpline when the pack has it."""
    card_help_line: str
    """Where to get help on a cut-out card: the audience's words and the local helpline."""
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
    reason: Reason
    """Why it was left out (a code: its words are chosen when printed)."""
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
    left_out: tuple[LeftOut, ...] = ()
    """The sections the plan left out, with titles, minutes and why, in the plan's order."""
    cards: tuple[Card, ...] = ()
    """The same cut-out cards as the participants', for the guide's list of what to print."""
    draft_translation: bool = False
    """The locale pack is a draft: the guide's colophon says it needs a native speaker's review."""
    notices: tuple[str, ...] = ()
    """What the facilitator must do before the session that the pack could not do (e.g. add a
    child helpline the locale pack lacks; review a draft translation)."""
    preparation: tuple[str, ...] = ()
    """The preparation checklist (``content/guide.yaml``), in the pack's language."""
    to_print: tuple[str, ...] = ()
    """What to print, and how many (``content/guide.yaml``), in the pack's language."""


@dataclass(frozen=True)
class Pack:
    """The one document model the writers read; ``plan`` is what ``plan.yaml`` and the manifest
    record."""

    participant: ParticipantPack
    facilitator: FacilitatorPack
    plan: Plan
