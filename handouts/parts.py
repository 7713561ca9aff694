"""Building blocks the printables share: lists, boxed panels, tables, ruled lines and cards.

Each function takes the document's :class:`~handouts.styles.Printer` (so text is escaped and
recorded for the glyph check) and returns flowables. Boxes carry a written label, so black-and-white
printing loses no meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from facilitator.messages import _
from facilitator.pack import SessionInfo
from facilitator.views import Contact, ParticipantBlock, Term
from handouts.styles import ACCENT, MUTED, RULE, TINT, Printer

PAD = 2.6 * mm


def bullets(printer: Printer, items: Iterable[str], style: str = "bullet") -> list[Flowable]:
    """A bulleted list."""
    return [printer.bullet(item, style=style) for item in items]


def numbered(printer: Printer, items: Iterable[str], style: str = "bullet", bold: bool = False) -> list[Flowable]:
    """A numbered list ("1." ...); ``bold`` sets the items in bold."""
    out: list[Flowable] = []
    for i, item in enumerate(items, 1):
        out.append(printer.bullet("", marker=f"{i}.", style=style, lead=item) if bold else printer.bullet(item, marker=f"{i}.", style=style))
    return out


def heading(printer: Printer, text: str, level: str = "h1", keep: float = 0) -> list[Flowable]:
    """A heading that does not sit alone at the foot of a page (``keep`` points must follow it)."""
    room = keep or printer.sizes.body * 6
    return [CondPageBreak(room), printer.para(text, level)]


def panel(printer: Printer, label: str, content: Sequence[Flowable], width: float, strong: bool = False, label_style: str = "label") -> Table:
    """A tinted box with a bold written label; one row per flowable so it can break across pages."""
    rows = [[printer.para(label, label_style, spaceBefore=0)]] + [[f] for f in content]
    style = [
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("BOX", (0, 0), (-1, -1), 1.6 if strong else 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), PAD),
        ("BOTTOMPADDING", (0, -1), (-1, -1), PAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    return Table(rows, colWidths=[width], style=TableStyle(style), hAlign="LEFT", spaceBefore=printer.sizes.body * 0.4, spaceAfter=printer.sizes.body * 0.8)


def panel_inner(width: float) -> float:
    """The width left for content inside a :func:`panel` of ``width``."""
    return width - 2 * PAD * 1.4


def aside(printer: Printer, label: str, items: Sequence[str], width: float, indent: float = 0) -> Flowable:
    """Points set apart from the main text by a rule in the margin (e.g. "Listen for")."""
    rows = [[printer.para(label, "label")]] + [[printer.bullet(item, style="bullet_small")] for item in items]
    style = [
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
    ]
    t = Table(rows, colWidths=[width - indent], style=TableStyle(style), hAlign="LEFT", spaceBefore=2, spaceAfter=printer.sizes.body * 0.6)
    return _Indented(t, indent)


class _Indented(Flowable):
    """``flowable`` drawn ``indent`` points in from the left edge (tables have no left indent)."""

    def __init__(self, flowable: Table, indent: float) -> None:
        super().__init__()
        self.flowable, self.indent = flowable, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.flowable.wrap(avail_width - self.indent, avail_height)
        return w + self.indent, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [_Indented(part, self.indent) for part in self.flowable.split(avail_width - self.indent, avail_height)]

    def draw(self) -> None:
        self.flowable.drawOn(self.canv, self.indent, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.flowable.getSpaceAfter()


def ruled_table(rows: list[list[Flowable]], col_widths: Sequence[float], header: bool = False) -> Table:
    """A table with light horizontal rules and no vertical ones; ``header`` rows repeat on page breaks."""
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 2),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 0.9),
    ]
    if header:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 1.0, ACCENT))
    return Table(rows, colWidths=list(col_widths), style=TableStyle(style), hAlign="LEFT", repeatRows=1 if header else 0, spaceAfter=6)


def glossary_table(printer: Printer, terms: Sequence[Term], width: float) -> Table:
    """Terms in bold on the left, their definitions on the right."""
    rows = [[printer.para(t.term, "cell_bold"), printer.para(t.definition, "cell")] for t in terms]
    return ruled_table(rows, [width * 0.3, width * 0.7])


def contact_entry(printer: Printer, c: Contact, width: float, style: str = "cell_small", sources: bool = False) -> list[Flowable]:
    """One contact: its name, where to reach it, what it does, "you can report here" in words, and
    (for the facilitator, with ``sources``) where the contact comes from. An address is shrunk
    to fit ``width`` rather than broken in the middle."""
    st = printer.styles[style]
    out: list[Flowable] = [printer.para(c.name, style, fontName=printer.fonts.bold)]
    for where in (c.phone, c.website):
        if where:
            size = min(st.fontSize, max(st.fontSize * 0.7, st.fontSize * width / max(stringWidth(where, st.fontName, st.fontSize), 1)))
            out.append(printer.para(where, style, fontSize=size))
    out.append(printer.para(c.description, style))
    if c.takes_reports:
        out.append(printer.para(_("You can report here."), style, fontName=printer.fonts.bold, textColor=ACCENT))
    if sources:
        out.append(printer.para(_("Source: {source}", source=c.source), style, textColor=MUTED))
    return out


def contacts_grid(printer: Printer, contacts: Sequence[Contact], width: float, columns: int = 2) -> list[Flowable]:
    """Contacts side by side, ``columns`` to a row; one small table per row so a panel holding
    them can break between rows."""
    gap = PAD * 2
    col = (width - gap * (columns - 1)) / columns
    rows: list[Flowable] = []
    for i in range(0, len(contacts), columns):
        cells: list[list[Flowable] | str] = [contact_entry(printer, c, col) for c in contacts[i : i + columns]]
        cells += [""] * (columns - len(cells))
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (-1, -1), gap),
            ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 0.7),
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
        ]
        widths = [col] + [col + gap] * (columns - 1)
        rows.append(Table([cells], colWidths=widths, style=TableStyle(style), hAlign="LEFT"))
    return rows


def contacts_table(printer: Printer, contacts: Sequence[Contact], width: float) -> Table:
    """Every contact on its own ruled row, with its source (for the facilitator)."""
    left, right = width * 0.36, width * 0.64
    rows = []
    for c in contacts:
        entry = contact_entry(printer, c, left - PAD * 2, "cell", sources=True)
        places = 1 + sum(1 for x in (c.phone, c.website) if x)
        rows.append([entry[:places], entry[places:]])
    return ruled_table(rows, [left, right])


class RuledLines(Flowable):
    """Lines to write on, spaced for handwriting."""

    def __init__(self, count: int, spacing: float) -> None:
        super().__init__()
        self.count, self.spacing = count, spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing + 2

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        for i in range(self.count):
            y = 2 + i * self.spacing
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


def write_in(printer: Printer, lines: int = 3) -> Flowable:
    """Ruled lines under a worksheet question (more room in large print)."""
    spacing = 11 * mm if printer.options.large_print else 8 * mm
    return RuledLines(lines, spacing)


def together(flowables: Sequence[Flowable]) -> Flowable:
    return KeepTogether(list(flowables))


def space(points: float) -> Spacer:
    return Spacer(1, points)


# -- cards --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One cut-out card: a scenario or a role-play prompt, with the questions to talk about."""

    kind: str
    """"scenario" or "role-play"."""
    title: str
    text: str
    questions: tuple[str, ...]
    content_note: str = ""


def cards_of(blocks: Iterable[ParticipantBlock]) -> list[Card]:
    """The cards a plan's blocks give, in session order: one per scenario and per role-play prompt."""
    cards: list[Card] = []
    for b in blocks:
        if b.kind == "scenario":
            cards.append(Card("scenario", b.title, b.story.text if b.story else b.body, b.questions, b.content_note))
        cards.extend(Card("role-play", p.title, p.setup, b.questions) for p in b.prompts)
    return cards


CARDS_PER_PAGE = 4


# -- session facts --------------------------------------------------------------------------------


def session_facts(info: SessionInfo) -> list[tuple[str, str]]:
    """(label, value) pairs for the date, time and place; a missing date or place is left blank
    to write in by hand."""
    blank = "_" * 14
    return [
        (_("Date"), info.date.isoformat() if info.date else blank),
        (_("Time"), f"{info.start:%H:%M}\u2013{info.end:%H:%M}"),
        (_("Place"), info.place or blank),
    ]


def title_block(printer: Printer, info: SessionInfo, document: str) -> list[Flowable]:
    """The first lines of a document: which document, the session title, date, time and place."""
    facts = "   ".join(f"{printer.markup(label + ':', bold=True)} {printer.markup(value)}" for label, value in session_facts(info))
    return [
        printer.para(document.upper(), "label"),
        printer.para(info.title, "title"),
        Paragraph(facts, printer.styles["body"]),
        space(printer.sizes.body * 0.4),
    ]


def document_line(info: SessionInfo, document: str) -> str:
    """The right of the running header: the document and, if known, the date."""
    return f"{document} \u00b7 {info.date.isoformat()}" if info.date else document
