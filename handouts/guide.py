"""The facilitator discussion guide: a working document for running the session.

Page one: the session at a glance and the agenda drawn as a timeline; then objectives, materials
and a preparation checklist; the safeguarding brief with the disclosure protocol and the contacts;
every block in order (clock time and minutes first; what to say; questions set apart from what to
listen for; notes; safeguarding boxed) and an appendix (glossary, the law, the guide's parts the
session draws on, what is not in this session, attribution).

It is read standing up: no text is set under 10.5 pt but the running header and footer, and it
prints no internal ids or codes (section ids, OUTLINE ids, section kinds).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from reportlab.lib.colors import white
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from facilitator.model import AgendaItem, FacilitatorBlock, FacilitatorPack, GuideQuestion, LeftOut, RenderConfig, Words, band_named
from facilitator.typography import typeset
from handouts.flowables import (
    PAD,
    aside,
    bullets,
    checklist,
    contacts_table,
    document_line,
    glossary_table,
    heading,
    numbered,
    panel,
    ruled_table,
    title_block,
    together,
    write_in_table,
)
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.printer import ACCENT, INK, RULE, TINT, Printer

# The session's frame: its objectives are not listed at a glance.
_FRAME_KINDS = frozenset({"opening", "closing", "contacts"})


def write(pack: FacilitatorPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the facilitator guide for ``pack`` to ``out`` as PDF."""
    printer = Printer(config, band_named("adults"), guide=True)  # the guide is read by adults
    _ = printer.words
    width = body_area(printer).width
    document = _("Facilitator guide")
    parts = _part_names(pack)
    story: list[Flowable] = title_block(printer, pack.info, document)
    story += _at_a_glance(printer, pack, width)
    story += _objectives_and_materials(printer, pack)
    story += _preparation(printer, pack, width)
    story += _safeguarding(printer, pack, width, parts)
    # The session starts on a page of its own, unless the brief's last lines leave most of one.
    story.append(CondPageBreak(body_area(printer).height * 0.6))
    for item, block, following in zip(pack.agenda, pack.blocks, [*pack.agenda[1:], None]):
        story += _block(printer, item, block, following, width)
    story += _appendix(printer, pack, width)
    meta = Metadata(
        title=f"{pack.info.title} \u2013 {document}",
        subject=_.plural("Facilitator guide, ages {audience}, {minutes} minute", "Facilitator guide, ages {audience}, {minutes} minutes", pack.info.minutes, audience=pack.info.audience, minutes=pack.info.minutes),
        language=pack.info.language,
        creator=pack.info.tool,
    )
    # Page 1 opens with the title block, so its running header would only say the title again.
    return build_pdf(printer, out, story, meta, Running(pack.info.title, document_line(pack.info, document), first_page=False))


def _clock(start: dt.time, minutes: int = 0) -> str:
    """``start`` plus ``minutes`` as HH:MM."""
    return f"{(dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)):%H:%M}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- the guide's parts, by name --------------------------------------------------------------------

_OUTLINE_ID = re.compile(r"\b[A-Z]\d{2,3}\b")


@dataclass(frozen=True)
class _Part:
    """A part of ECPAT International's guide, as the OUTLINE describes it: a short name (the
    words before the first colon, semicolon or bracket) and what the part holds."""

    name: str
    detail: str


def _part(description: str) -> _Part:
    match = re.search(r":\s|;\s|\s\(", description)
    if not match:
        return _Part(description.strip(), "")
    name, rest = description[: match.start()].strip(), description[match.end():].strip()
    if match.group(0).strip() == "(":
        rest = "(" + rest
    return _Part(name, rest)


def _part_names(pack: FacilitatorPack) -> dict[str, _Part]:
    # The OUTLINE is the tool's own data, typeset here like the tool's other words.
    return {ref: _part(typeset(what, pack.info.language)) for ref, what in pack.sources}


def _readable_source(source: str, parts: dict[str, _Part]) -> str:
    """A contact's source with OUTLINE ids replaced by the part's name ("ECPAT guide, G40" ->
    "ECPAT guide, “Where to report”"); an id the session does not cite is left out."""

    def name(match: re.Match[str]) -> str:
        part = parts.get(match.group(0))
        return f"\u201c{part.name}\u201d" if part else ""

    text = _OUTLINE_ID.sub(name, source)
    return re.sub(r"(,\s*)+$", "", re.sub(r",\s*(,|$)", r"\1", text)).strip()


# -- page one ---------------------------------------------------------------------------------------


def _at_a_glance(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    """Audience, time and what to print in a table, then the agenda as a timeline."""
    _ = printer.words
    info = pack.info
    audience = info.audience if info.audience == info.band.name else _("{audience} (texts for the {band} band)", audience=info.audience, band=info.band.name)
    rows: list[tuple[str, list[Flowable]]] = [
        (_("Audience"), [printer.para(audience, "cell")]),
        (_("Time"), [printer.para(_.plural("{minutes} minute, {start}\u2013{end}", "{minutes} minutes, {start}\u2013{end}", info.minutes, minutes=info.minutes, start=_clock(info.start), end=_clock(info.end)), "cell")]),
        (_("What to print"), bullets(printer, list(pack.to_print), "bullet_small")),
    ]
    out = [*heading(printer, _("Session at a glance"), "h2")]
    out.append(ruled_table(printer, [[printer.para(label, "cell_bold"), cells] for label, cells in rows], [width * 0.27, width * 0.73]))
    out += heading(printer, _("Agenda"), "h2")
    out.append(Timeline(printer, _timeline_rows(pack, _), width))
    return out


def _objectives_and_materials(printer: Printer, pack: FacilitatorPack) -> list[Flowable]:
    _ = printer.words
    out: list[Flowable] = []
    objectives = _unique(o for b in pack.blocks if b.participant.kind not in _FRAME_KINDS for o in b.objectives)
    if objectives:
        out += heading(printer, _("Objectives"), "h3")
        out += bullets(printer, objectives, "bullet_small")
    materials = _unique(m for b in pack.blocks for m in b.materials)
    if materials:
        out += heading(printer, _("Materials"), "h3")
        out += bullets(printer, materials, "bullet_small")
    return out


def _notes(b: FacilitatorBlock, _: Words) -> list[str]:
    """What the facilitator must have ready for a block, in words: a content note, cards."""
    p = b.participant
    out = []
    if p.sensitivity == "high":
        out.append(_("read the content note first"))
    if p.kind == "scenario":
        out.append(_("scenario cards"))
    if p.prompts:
        out.append(_("role-play cards"))
    return out


@dataclass(frozen=True)
class _Row:
    start: str
    title: str
    minutes: int | None
    note: str = ""


def _timeline_rows(pack: FacilitatorPack, _: Words) -> list[_Row]:
    rows = [_Row(_clock(a.start), a.title, a.minutes, "; ".join(_notes(b, _))) for a, b in zip(pack.agenda, pack.blocks)]
    return [*rows, _Row(_clock(pack.info.end), _("End"), None)]


class Timeline(Flowable):
    """The agenda drawn as a timeline: a line down the left with a dot at each block's clock time,
    the block's title beside it (and, in words, what to have ready), and its minutes on the
    right above a bar as long as the block is (the longest block fills the bar). Readable in
    black and white; splits between rows."""

    def __init__(self, printer: Printer, rows: Sequence[_Row], width: float, longest: int | None = None, joins_above: bool = False) -> None:
        _ = printer.words
        super().__init__()
        self.printer, self.rows, self.width = printer, list(rows), width
        self.longest = longest or max((r.minutes or 0 for r in rows), default=1) or 1
        self.joins_above = joins_above
        size = printer.sizes.body
        fonts = printer.fonts
        self.size = size
        self.time_w = stringWidth("00:00", fonts.bold, size) + size * 0.6
        self.rail_w = size * 1.4
        self.min_w = stringWidth(_("{minutes} min", minutes=120), fonts.regular, size) + size * 0.4
        self.bar_w = size * 5
        self.text_w = width - self.time_w - self.rail_w - self.min_w - self.bar_w - size * 0.8
        self.gap = size * 0.4
        self._paras = [self._texts(r) for r in self.rows]
        self._heights = [self._height(ps) for ps in self._paras]

    def _texts(self, r: _Row) -> list[Paragraph]:
        if r.minutes is None:
            return [self.printer.para(r.title, "cell_bold")]
        out = [self.printer.para(r.title, "cell")]
        if r.note:
            out.append(self.printer.para(r.note[:1].upper() + r.note[1:] + ".", "cell_small", textColor=ACCENT))
        return out

    def _height(self, paras: list[Paragraph]) -> float:
        return sum(p.wrap(self.text_w, 0xFFFFFF)[1] for p in paras) + self.gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, sum(self._heights)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, k = 0.0, 0
        while k < len(self.rows) and used + self._heights[k] <= avail_height:
            used += self._heights[k]
            k += 1
        k = min(k, len(self.rows) - 2)  # never the end (or one block) alone on a page
        if k < 2:
            return []
        return [
            Timeline(self.printer, self.rows[:k], self.width, self.longest, self.joins_above),
            Timeline(self.printer, self.rows[k:], self.width, self.longest, joins_above=True),
        ]

    def draw(self) -> None:
        _ = self.printer.words
        c = self.canv
        fonts, size = self.printer.fonts, self.size
        top = sum(self._heights)
        rail_x = self.time_w + self.rail_w * 0.45
        radius = size * 0.32
        first_base = size * 1.0  # the first line's baseline, from the top of a row
        dots: list[float] = []
        y = top
        for r, paras, h in zip(self.rows, self._paras, self._heights):
            base = y - first_base
            dots.append(base + size * 0.33)
            c.saveState()
            c.setFillColor(INK)
            c.setFont(fonts.bold, size)
            c.drawString(0, base, self.printer.text(r.start))
            py = y
            for para in paras:
                _w, ph = para.wrap(self.text_w, 0xFFFFFF)
                py -= ph
                para.drawOn(c, self.time_w + self.rail_w, py)
            if r.minutes is not None:
                label = self.printer.text(_("{minutes} min", minutes=r.minutes))
                c.setFont(fonts.regular, size)
                c.drawRightString(self.width, base, label)
                bar_w = max(self.bar_w * r.minutes / self.longest, 1.5)
                c.setStrokeColor(ACCENT)
                c.setFillColor(TINT)
                c.setLineWidth(0.6)
                c.rect(self.width - self.min_w - self.bar_w, base - size * 0.05, bar_w, size * 0.55, stroke=1, fill=1)
            c.restoreState()
            y -= h
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(1.6)
        c.line(rail_x, dots[-1], rail_x, top if self.joins_above else dots[0])
        for r, dy in zip(self.rows, dots):
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.2)
            if r.minutes is None:  # the end: an open ring
                c.setFillColor(white)
                c.circle(rail_x, dy, radius, stroke=1, fill=1)
            else:
                c.setFillColor(ACCENT)
                c.circle(rail_x, dy, radius, stroke=1, fill=1)
        c.restoreState()


DRAFT = "Draft translation: needs review by a native speaker before it is used with children."
"""The colophon's warning on a draft translation (the same words as the checklist's notice)."""


def _preparation(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    _ = printer.words
    # What the pack itself could not do (a helpline the locale lacks, a draft translation) comes first.
    items = [*pack.notices, *pack.preparation]
    return [*heading(printer, _("Preparation checklist"), "h2"), checklist(printer, items, width)]


# -- the safeguarding brief --------------------------------------------------------------------------

# The disclosure protocol and the brief's safeguarding rules are boxes kept whole, and kept on one
# page together when they fit: "Child in immediate danger..." never stands on a page that does not
# say it belongs to the disclosure protocol.


def _safeguarding(printer: Printer, pack: FacilitatorPack, width: float, parts: dict[str, _Part]) -> list[Flowable]:
    _ = printer.words
    out = [PageBreak(), printer.para(_("Safeguarding brief"), "h1", spaceBefore=0)]
    if not pack.safeguarding:
        # A library without a brief must not leave the facilitator without any instruction.
        out.append(together([panel(printer, _("Safeguarding"), [printer.para(_("This content library has no safeguarding brief. Follow your organisation's safeguarding procedure, and agree with its safeguarding lead what to do if a child discloses abuse."))], width, strong=True)]))
    for b in pack.safeguarding:
        out.append(printer.para(b.title, "h2"))
        out += printer.paras(b.say)
        out += bullets(printer, b.notes)
        boxes: list[Flowable] = []
        if b.protocol:
            steps = numbered(printer, b.protocol, bold=False)
            boxes.append(together([panel(printer, _("Disclosure protocol: if a child tells you about abuse"), steps, width, strong=True, label_style="h3")]))
        if b.safeguarding:
            label = _("Disclosure protocol: what never to do, and urgent cases") if b.protocol else _("Safeguarding")
            boxes.append(together([panel(printer, label, bullets(printer, b.safeguarding), width, strong=True, label_style="h3" if b.protocol else "label")]))
        if boxes:
            out.append(together(boxes))
        if b.key_message:
            out.append(printer.para(b.key_message, lead=_("In short:")))
    helpline, emergency, crisis = (f"{c.name}: {c.where}" if c.name and c.filled else c.where for c in pack.local_contacts)
    rows = [(_("Safeguarding lead"), ""), (_("Deputy safeguarding lead"), ""), (_("National child helpline"), helpline), (_("Emergency number"), emergency),
            (_("Crisis line"), crisis), (_("Child protection services"), ""), (_("Police"), ""), (_("Second adult in the room"), "")]
    out.append(together([
        *heading(printer, _("Local contacts"), "h2"),
        printer.para(_("Fill these in before the session. Never print a number you have not checked."), "small"),
        write_in_table(printer, rows, width),
    ]))
    out += heading(printer, _("Where participants can get help"), "h2")
    contacts = [replace(c, source=_readable_source(c.source, parts)) for c in pack.contacts]
    out.append(contacts_table(printer, contacts, width))
    return out


# -- the blocks -----------------------------------------------------------------------------------


def _block(printer: Printer, item: AgendaItem, b: FacilitatorBlock, following: AgendaItem | None, width: float) -> list[Flowable]:
    _ = printer.words
    p = b.participant
    end = _clock(item.start, item.minutes)
    when = _("{start}\u2013{end} \u00b7 {minutes} min", start=_clock(item.start), end=end, minutes=item.minutes)
    if p.sensitivity == "high":
        when += " \u00b7 " + _("content note first")
    out: list[Flowable] = [
        CondPageBreak(printer.sizes.body * 14),
        printer.para(when, "h3", textColor=ACCENT, spaceBefore=printer.sizes.body * 1.2, spaceAfter=0),
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
    timing = _.plural("Timing: {minutes} minute, {start} to {end}.", "Timing: {minutes} minutes, {start} to {end}.", item.minutes, minutes=item.minutes, start=_clock(item.start), end=end)
    if following is not None:
        timing += " " + _("Next, at {start}: \u201c{title}\u201d.", title=following.title, start=_clock(following.start))
    closing = printer.para(timing, "small", spaceBefore=printer.sizes.body * 0.4)
    closing.keep_with_previous = True  # type: ignore[attr-defined]  # never a page of its own
    out.append(closing)
    return out


def _participant_material(printer: Printer, b: FacilitatorBlock) -> list[Flowable]:
    """What participants see in this block, for the facilitator to have at hand."""
    _ = printer.words
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
            out.append(together([
                printer.bullet(st.statement),
                printer.para(st.explanation, "bullet_small", lead=answer, leftIndent=printer.sizes.body * 2.6, spaceAfter=printer.sizes.body * 0.3),
            ]))
    if p.tips:
        out += heading(printer, _("Tips"), "h3")
        out += numbered(printer, [t.title for t in p.tips])
    return out


def _question(printer: Printer, number: int, q: GuideQuestion, width: float) -> list[Flowable]:
    """The question in bold, then what to listen for and follow-ups set apart beside a rule."""
    _ = printer.words
    indent = printer.sizes.body * 1.4
    parts: list[Flowable] = [printer.bullet("", marker=_("Q{number}", number=number), lead=q.ask)]
    if q.listen_for:
        parts.append(aside(printer, _("Listen for"), q.listen_for, width, indent))
    if q.follow_up:
        parts.append(aside(printer, _("If the group is stuck, ask"), q.follow_up, width, indent))
    return [together(parts[:2]), *parts[2:]]


# -- appendix -------------------------------------------------------------------------------------


def _appendix(printer: Printer, pack: FacilitatorPack, width: float) -> list[Flowable]:
    _ = printer.words
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
        out.append(printer.para(_("This session draws on these parts of ECPAT International's guide:")))
        for part in _part_names(pack).values():
            out.append(printer.bullet(part.detail, lead=part.name + (":" if part.detail and not part.detail.startswith("(") else "")))
    out += _answer_key(printer, pack)
    out += _left_out(printer, pack.left_out, pack.info.audience, width)
    attribution = heading(printer, _("Attribution"), "h2")
    out += [attribution[0], together([
        attribution[1],
        printer.para(_("Content adapted from ECPAT International's guide for children and young people on online sexual exploitation.")),
        printer.para(_("Made with {tool}.", tool=pack.info.tool), "small"),
        *([printer.para(_(DRAFT), "small")] if pack.draft_translation else []),
    ])]
    return out


def _answer_key(printer: Printer, pack: FacilitatorPack) -> list[Flowable]:
    """The knowledge check's answers (check.pdf, the same items in the same order): in the guide
    only, never on the participants' sheet."""
    from facilitator.documents.session import check_items

    _ = printer.words
    items = check_items([b.participant for b in pack.blocks])
    if not items:
        return []
    out = heading(printer, _("Knowledge check: the answers"), "h2")
    out.append(printer.para(_("The same sheet before and after the session. Count the right answers per statement; pair the two sheets by the code. The last statement has no right answer: count how many tick Yes.")))
    for i, item in enumerate(items, 1):
        answer = _("True") if item.true else _("False")
        out.append(printer.bullet(f"{item.text} \u2013 {item.explanation}" if item.explanation else item.text, marker=f"{i}.", lead=f"{answer}:"))
    out.append(printer.bullet(_("Yes, Not sure or No: what the participant feels, not a right or wrong answer."), marker=f"{len(items) + 1}.",
                              lead=_("I know where I could get help.")))
    return out


def _left_out(printer: Printer, left: Sequence[LeftOut], audience: str, width: float) -> list[Flowable]:
    """"Not in this session": the parts a longer session could hold, with the minutes each would
    add; then those left out for another reason, and those written for other ages, each with
    why. Two columns of titles, so a long list stays short."""
    _ = printer.words
    if not left:
        return []
    out = heading(printer, _("Not in this session"), "h2")
    timed = [x for x in left if not x.for_age and x.reason.code == "time"]
    other = [x for x in left if not x.for_age and x not in timed]
    for_age = [x for x in left if x.for_age]
    groups = [
        (_("A longer session could add these parts; beside each, the minutes it would add."), [(x.title, _("{minutes} min", minutes=x.minutes)) for x in timed]),
        (_("Left out for another reason, given beside each."), [(x.title, x.reason.text(_)) for x in other]),
        (_("Written for other ages than {audience}; beside each, the ages it is for.", audience=audience), [(x.title, _("ages {ages}", ages=x.ages)) for x in for_age]),
    ]
    for intro, items in groups:
        if items:
            lead = printer.para(intro)
            lead.keep_with_next = True  # type: ignore[attr-defined]  # with the table's first rows
            out += [lead, _two_columns(printer, items, width)]
    return out


def _two_columns(printer: Printer, items: Sequence[tuple[str, str]], width: float) -> Flowable:
    """(title, note) pairs in two columns, read down the left column first; each note on one
    line right beside its title."""
    half = -(-len(items) // 2)
    columns = [items[:half], items[half:]]
    gap = PAD * 3
    col = (width - gap) / 2
    note = min(max(stringWidth(n, printer.fonts.regular, printer.sizes.body) for _t, n in items) + 2, col * 0.45)
    rows = []
    for i in range(half):
        row: list[Flowable | str] = []
        for c in columns:
            row += [printer.para(c[i][0], "cell"), printer.para(c[i][1], "cell", alignment=TA_RIGHT)] if i < len(c) else ["", ""]
        rows.append(row)
    table = ruled_table(printer, rows, [col - note, note + gap, col - note, note])
    # Titles keep a little room from their notes; the gap between the columns is after a note.
    table.setStyle([("RIGHTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (1, 0), (1, -1), gap), ("RIGHTPADDING", (3, 0), (3, -1), 0), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return table
