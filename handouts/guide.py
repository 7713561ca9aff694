"""The facilitator discussion guide: a working document for running the session.

Session at a glance, a preparation checklist, the safeguarding brief with the disclosure protocol
and the contacts, the agenda with clock times on one page, then every block in order (clock time
and minutes first; what to say; questions set apart from what to listen for; notes; safeguarding
boxed) and an appendix (glossary, the law, sources, attribution).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, PageBreak

from facilitator.messages import _
from facilitator.pack import AgendaItem, FacilitatorPack
from facilitator.views import FacilitatorBlock, GuideQuestion
from handouts.options import PrintOptions
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.parts import (
    aside,
    bullets,
    cards_of,
    checklist,
    contacts_table,
    document_line,
    glossary_table,
    heading,
    numbered,
    panel,
    ruled_table,
    space,
    title_block,
    together,
    write_in_table,
)
from handouts.styles import ACCENT, Printer

# The session's frame: its objectives are not listed at a glance.
_FRAME_KINDS = frozenset({"opening", "closing", "contacts"})


def write_guide(pack: FacilitatorPack, path: Path, options: PrintOptions) -> int:
    """Write the facilitator guide for ``pack`` to ``path`` as PDF."""
    printer = Printer(options, "adults")
    width = body_area(printer).width
    document = _("Facilitator guide")
    story: list[Flowable] = title_block(printer, pack.info, document)
    story += _at_a_glance(printer, pack, width)
    story += _preparation(printer, width)
    story += _safeguarding(printer, pack, width)
    story += _agenda(printer, pack, width)
    for item, block, following in zip(pack.agenda, pack.blocks, [*pack.agenda[1:], None]):
        story += _block(printer, item, block, following, width)
    story += _appendix(printer, pack, width)
    meta = Metadata(
        title=f"{pack.info.title} \u2013 {document}",
        subject=_("Facilitator guide, ages {audience}, {minutes} minutes", audience=pack.info.audience, minutes=pack.info.minutes),
        language=pack.info.language,
        creator=pack.info.tool,
    )
    return build_pdf(printer, path, story, meta, Running(pack.info.title, document_line(pack.info, document)))


def _kind_name(kind: str) -> str:
    """A section kind in words (the names are the tool's own, so they go through ``_``)."""
    names = {
        "intro": _("introduction"), "concept": _("concept"), "glossary": _("words"), "scenario": _("scenario"),
        "example": _("example"), "law": _("the law"), "action": _("taking action"), "tips": _("tips"),
        "contacts": _("where to get help"), "activity": _("activity"), "opening": _("opening"),
        "closing": _("closing"), "safeguarding": _("safeguarding"),
    }
    return names.get(kind, kind)


def _clock(start: dt.time, minutes: int = 0) -> str:
    """``start`` plus ``minutes`` as HH:MM."""
    return f"{(dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)):%H:%M}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- before the session ---------------------------------------------------------------------------


def _at_a_glance(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    """Audience, time, what to print and content notes in a table; objectives and materials as
    lists after it (they can be long, and a table row cannot break across pages)."""
    info = pack.info
    audience = info.audience if info.audience == info.band else _("{audience} (texts for the {band} band)", audience=info.audience, band=info.band)
    rows: list[tuple[str, list[Flowable]]] = [
        (_("Audience"), [printer.para(audience, "cell")]),
        (_("Time"), [printer.para(_("{minutes} minutes, {start}\u2013{end}", minutes=info.minutes, start=_clock(info.start), end=_clock(info.end)), "cell")]),
        (_("What to print"), bullets(printer, _to_print(pack), "bullet_small")),
    ]
    sensitive = [f"{_clock(a.start)} {b.title}" for a, b in zip(pack.agenda, pack.blocks) if b.participant.sensitivity == "high"]
    if sensitive:
        rows.append((_("Content notes before"), bullets(printer, sensitive, "bullet_small")))
    out = [*heading(printer, _("Session at a glance"), "h2")]
    out.append(ruled_table(printer, [[printer.para(label, "cell_bold"), cells] for label, cells in rows], [width * 0.24, width * 0.76]))
    objectives = _unique(o for b in pack.blocks if b.participant.kind not in _FRAME_KINDS for o in b.objectives)
    if objectives:
        out += heading(printer, _("Objectives"), "h3")
        out += bullets(printer, objectives, "bullet_small")
    materials = _unique(m for b in pack.blocks for m in b.materials)
    if materials:
        out += heading(printer, _("Materials"), "h3")
        out += bullets(printer, materials, "bullet_small")
    return out


def _to_print(pack: FacilitatorPack) -> list[str]:
    cards = len(cards_of(b.participant for b in pack.blocks))
    out = [_("Participant handout: one per participant, and a few spare.")]
    if cards:
        out.append(_("Scenario and role-play cards (number of cards: {count}): one set per small group of three or four, cut along the marks.", count=cards))
    out.append(_("This guide: one per facilitator."))
    return out


def _preparation(printer: Printer, width: float) -> list[Flowable]:
    items = [
        _("Tell the safeguarding lead of the school or organisation about the session: the date, the group and the topics. Agree how to reach them on the day."),
        _("Plan for small groups, not an assembly, with a second adult in the room."),
        _("Know the local contacts: the national child helpline, child protection services and how to report to the police. Write them under Local contacts in the safeguarding brief."),
        _("Before printing, fill in the local-contacts slot: type the national child helpline and the emergency number onto the help slide, and write them in the boxes of one handout and one set of cards, then copy those. Check every number yourself; never guess one."),
        _("Read the safeguarding brief and the disclosure protocol."),
        _("Print the handouts and cards (see What to print)."),
    ]
    return [*heading(printer, _("Preparation checklist"), "h2"), checklist(printer, items, width)]


# Safeguarding and disclosure boxes are kept whole (moved to the next page rather than split), so
# "If a child is in immediate danger..." never stands at the top of a page without its heading.


def _safeguarding(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    out = [PageBreak(), printer.para(_("Safeguarding brief"), "h1", spaceBefore=0)]
    if not pack.safeguarding:
        # A library without a brief must not leave the facilitator without any instruction.
        out.append(together([panel(printer, _("Safeguarding"), [printer.para(_("This content library has no safeguarding brief. Follow your organisation's safeguarding procedure, and agree with its safeguarding lead what to do if a child discloses abuse."))], width, strong=True)]))
    for b in pack.safeguarding:
        out.append(printer.para(b.title, "h2"))
        out += printer.paras(b.say)
        out += bullets(printer, b.notes)
        if b.protocol:
            steps = numbered(printer, b.protocol, bold=False)
            out.append(together([panel(printer, _("Disclosure protocol: if a child tells you about abuse"), steps, width, strong=True, label_style="h3")]))
        if b.safeguarding:
            out.append(together([panel(printer, _("Safeguarding"), bullets(printer, b.safeguarding), width, strong=True)]))
        if b.key_message:
            out.append(printer.para(b.key_message, lead=_("In short:")))
    out += heading(printer, _("Local contacts"), "h2")
    out.append(printer.para(_("Fill these in before the session. Never print a number you have not checked."), "small"))
    labels = [_("Safeguarding lead"), _("National child helpline"), _("Child protection services"), _("Police")]
    out.append(write_in_table(printer, labels, width))
    out += heading(printer, _("Where participants can get help"), "h2")
    out.append(contacts_table(printer, pack.contacts, width))
    return out


def _agenda(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    """The agenda on one page: set smaller, down to 6 pt, if the session has very many parts."""
    area = body_area(printer)
    size = printer.sizes.body
    while True:
        sized = printer.resized(size)
        title = sized.para(_("Agenda"), "h1", spaceBefore=0)
        table = _agenda_table(sized, pack, width)
        height = title.wrap(width, area.height)[1] + title.getSpaceAfter() + table.wrap(width, area.height)[1]
        if height <= area.height - printer.sizes.body or size <= 6:
            break
        size -= 0.5
    # Only an absurdly long session would still overflow; it is scaled down rather than split.
    fitted = KeepInFrame(area.width, area.height - printer.sizes.body, [title, table], mode="shrink", vAlign="TOP", fakeWidth=False)
    return [PageBreak(), fitted, PageBreak()]


def _agenda_table(printer: Printer, pack: FacilitatorPack, width: float) -> Flowable:
    head = [printer.para(x, "cell_bold") for x in (_("Time"), _("Min."), _("Part"), _("Note"))]
    rows = [head]
    for item, b in zip(pack.agenda, pack.blocks):
        note = _kind_name(b.participant.kind)
        if b.participant.sensitivity == "high":
            note += "; " + _("content note first")
        rows.append([printer.para(f"{_clock(item.start)}\u2013{_clock(item.start, item.minutes)}", "cell"), printer.para(str(item.minutes), "cell"), printer.para(item.title, "cell"), printer.para(note, "cell_small")])
    rows.append([printer.para(_clock(pack.info.end), "cell_bold"), printer.para(str(pack.info.minutes), "cell_bold"), printer.para(_("End"), "cell_bold"), printer.para("", "cell")])
    return ruled_table(printer, rows, [width * 0.19, width * 0.1, width * 0.43, width * 0.28], header=True)


# -- the blocks -----------------------------------------------------------------------------------


def _block(printer: Printer, item: AgendaItem, b: FacilitatorBlock, following: AgendaItem | None, width: float) -> list[Flowable]:
    p = b.participant
    end = _clock(item.start, item.minutes)
    when = _("{start}\u2013{end} \u00b7 {minutes} min", start=_clock(item.start), end=end, minutes=item.minutes)
    kind = f"{when} \u00b7 {_kind_name(p.kind)}"
    if p.sensitivity == "high":
        kind += " \u00b7 " + _("high sensitivity")
    out: list[Flowable] = [
        CondPageBreak(printer.sizes.body * 14),
        printer.para(kind, "h3", textColor=ACCENT, spaceBefore=printer.sizes.body * 1.2, spaceAfter=0),
        printer.para(b.title, "h1", spaceBefore=0),
    ]
    if p.sensitivity == "high" and p.content_note:
        note = [printer.para(_("Read this aloud before you start, and remind the group that anyone may pass or step out:"), "small"), printer.para(p.content_note)]
        out.append(together([panel(printer, _("Content note: high sensitivity"), note, width, strong=True)]))
    if b.objectives:
        out += heading(printer, _("Objectives"), "label")
        out += bullets(printer, b.objectives, "bullet_small")
    if b.say:
        out += heading(printer, _("What to say"), "h3")
        out += printer.paras(b.say)
    out += _participant_material(printer, b)
    for i, q in enumerate(b.questions, 1):
        out += _question(printer, i, q, width)
    if b.notes:
        out += heading(printer, _("Notes"), "h3")
        out += bullets(printer, b.notes)
    if b.safeguarding:
        out.append(together([panel(printer, _("Safeguarding"), bullets(printer, b.safeguarding), width, strong=True)]))
    if b.key_message:
        out.append(printer.para(b.key_message, lead=_("Key message:")))
    if b.materials:
        out += heading(printer, _("Materials"), "label")
        out += bullets(printer, b.materials, "bullet_small")
    timing = _("Timing: {minutes} minutes, {start} to {end}.", minutes=item.minutes, start=_clock(item.start), end=end)
    if following is not None:
        timing += " " + _("Next: {title} at {start}.", title=following.title, start=_clock(following.start))
    out.append(printer.para(timing, "small", spaceBefore=printer.sizes.body * 0.4))
    return out


def _participant_material(printer: Printer, b: FacilitatorBlock) -> list[Flowable]:
    """What participants see in this block, for the facilitator to have at hand."""
    p = b.participant
    out: list[Flowable] = []
    if p.story:
        out += heading(printer, _("The story (on the card)"), "h3")
        out += printer.paras(p.story.text)
    if p.key_points:
        out += heading(printer, _("On the slides"), "h3")
        out += bullets(printer, p.key_points)
    if p.steps:
        out += heading(printer, _("Steps"), "h3")
        out += numbered(printer, p.steps)
    if p.prompts:
        out += heading(printer, _("Role-play cards"), "h3")
        out += [printer.bullet(pr.setup, lead=pr.title) for pr in p.prompts]
    if p.statements:
        out += heading(printer, _("Myth or fact: the answers"), "h3")
        for st in p.statements:
            answer = _("Fact.") if st.is_fact else _("Myth.")
            out.append(printer.bullet(st.statement))
            out.append(printer.para(st.explanation, "bullet_small", lead=answer, leftIndent=printer.sizes.body * 2.6, spaceAfter=printer.sizes.body * 0.3))
    if p.tips:
        out += heading(printer, _("Tips"), "h3")
        out += numbered(printer, [t.title for t in p.tips])
    return out


def _question(printer: Printer, number: int, q: GuideQuestion, width: float) -> list[Flowable]:
    """The question in bold, then what to listen for and follow-ups set apart beside a rule."""
    indent = printer.sizes.body * 1.4
    parts: list[Flowable] = [printer.bullet("", marker=_("Q{number}", number=number), lead=q.ask)]
    if q.listen_for:
        parts.append(aside(printer, _("Listen for"), q.listen_for, width, indent))
    if q.follow_up:
        parts.append(aside(printer, _("If the group is stuck, ask"), q.follow_up, width, indent))
    return [together(parts[:2]), *parts[2:]]


# -- appendix -------------------------------------------------------------------------------------


def _appendix(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), printer.para(_("Appendix"), "h1", spaceBefore=0)]
    if pack.glossary:
        out += heading(printer, _("Glossary"), "h2")
        out.append(glossary_table(printer, pack.glossary, width))
    laws = [b for b in pack.blocks if b.participant.kind == "law"]
    if laws:
        out += heading(printer, _("The law"), "h2")
        for b in laws:
            out += heading(printer, b.title, "h3")
            out += printer.paras(b.participant.body) if b.participant.body else bullets(printer, b.participant.key_points)
    if pack.sources:
        out += heading(printer, _("Sources"), "h2")
        out.append(printer.para(_("This session draws on these parts of the guide:"), "small"))
        out.append(ruled_table(printer, [[printer.para(ref, "cell_bold"), printer.para(what, "cell")] for ref, what in pack.sources], [width * 0.14, width * 0.86]))
    if pack.left_out:
        out += heading(printer, _("Not in this session"), "h2")
        out.append(printer.para("; ".join(f"{sid} ({why})" for sid, why in pack.left_out) + ".", "small"))
    out += heading(printer, _("Attribution"), "h2")
    out.append(printer.para(_("Content adapted from ECPAT International's guide for children and young people on online sexual exploitation.")))
    out.append(printer.para(_("Made with {tool}.", tool=pack.info.tool), "small"))
    out.append(space(1))
    return out
