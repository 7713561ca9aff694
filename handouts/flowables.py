"""Building blocks the printables share: lists, boxed panels, tables, ruled lines and cards.

Each function takes the document's :class:`~handouts.printer.Printer` (so text is escaped and
recorded for the glyph check) and returns flowables. Boxes carry a written label, so black-and-white
printing loses no meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from facilitator.model import Contact, LocalContact, SessionInfo, Term, Words
from facilitator.model.audience import print_type
from handouts.pages import Keep, body_area
from handouts.printer import ACCENT, INK, MUTED, RULE, TINT, Printer

PAD = 2.6 * mm


def table(printer: Printer, rows: list[list[Any]], widths: Sequence[float | str], commands: list[tuple[Any, ...]], **kw: Any) -> Table:
    """A table in the document's font: reportlab would otherwise name (unembedded) Helvetica for
    every table, even one that holds only paragraphs."""
    base: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), printer.fonts.regular), ("TEXTCOLOR", (0, 0), (-1, -1), INK)]
    return Table(rows, colWidths=list(widths), style=TableStyle(base + commands), hAlign="LEFT", **kw)


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
    """A heading that does not sit alone at the foot of a page: it starts a new page unless
    ``keep`` points (six lines by default) are left under it, and it always goes with the
    first part of what follows it (see :func:`handouts.pages.keep_headings`)."""
    room = keep or printer.sizes.body * 6
    p = printer.para(text, level)
    p.keep_with_next = True  # type: ignore[attr-defined]
    return [CondPageBreak(room), p]


def panel(printer: Printer, label: str, content: Sequence[Flowable], width: float, strong: bool = False, label_style: str = "label") -> Table:
    """A tinted box with a bold written label; one row per flowable so it can break across pages."""
    head = printer.para(label, label_style, spaceBefore=0)
    # The label shares the first row with the first item, so it never sits alone at a page foot.
    rows: list[list[Flowable | list[Flowable]]] = [[[head, *content[:1]]]] + [[f] for f in content[1:]]
    style = [
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("BOX", (0, 0), (-1, -1), 1.6 if strong else 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        # Rows are paragraphs: a little space between them, as between paragraphs outside a box.
        ("BOTTOMPADDING", (0, 0), (-1, -1), printer.sizes.body * 0.3),
        ("TOPPADDING", (0, 0), (-1, 0), PAD),
        ("BOTTOMPADDING", (0, -1), (-1, -1), PAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Close the box on both sides of a page break.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.6 if strong else 0.8, ACCENT),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 1.6 if strong else 0.8, ACCENT),
    ]
    return table(printer, rows, [width], style, spaceBefore=printer.sizes.body * 0.4, spaceAfter=printer.sizes.body * 0.8)


def panel_inner(width: float) -> float:
    """The width left for content inside a :func:`panel` of ``width``."""
    return width - 2 * PAD * 1.4


def aside(printer: Printer, label: str, items: Sequence[str], width: float, indent: float = 0) -> Flowable:
    """Points set apart from the main text by a rule in the margin (e.g. "Listen for")."""
    points: list[Flowable] = [printer.bullet(item, style="bullet_small") for item in items]
    # The label shares the first row with the first point, so it never sits alone at a page foot.
    rows: list[list[Flowable | list[Flowable]]] = [[[printer.para(label, "label"), *points[:1]]]] + [[f] for f in points[1:]]
    style = [
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD * 1.4),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
    ]
    t = table(printer, rows, [width - indent], style, spaceBefore=2, spaceAfter=printer.sizes.body * 0.6)
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


def ruled_table(printer: Printer, rows: list[list[Any]], col_widths: Sequence[float], header: bool = False) -> Table:
    """A table with light horizontal rules and no vertical ones; ``header`` rows repeat on page
    breaks. A row is never split across pages unless it is taller than a page."""
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD * 2),
        # Padding in proportion to the type, so a table set smaller to fit a page is tighter too.
        ("TOPPADDING", (0, 0), (-1, -1), printer.sizes.body * 0.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), printer.sizes.body * 0.5),
    ]
    if header:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 1.0, ACCENT))
    t = table(printer, rows, col_widths, style, repeatRows=1 if header else 0, spaceAfter=6)
    # Only a row taller than most of a page (absurdly long text) may break inside itself.
    t.wrap(sum(col_widths), 0xFFFFFF)
    if rows and max(t._rowHeights) > body_area(printer).height * 0.8:
        t.splitInRow = 1
    return t


def glossary_table(printer: Printer, terms: Sequence[Term], width: float) -> Table:
    """Terms in bold on the left, their definitions on the right."""
    rows = [[printer.para(t.term, "cell_bold"), printer.para(t.definition, "cell")] for t in terms]
    return ruled_table(printer, rows, [width * 0.3, width * 0.7])


def contact_entry(printer: Printer, c: Contact, width: float, style: str = "cell_small", sources: bool = False) -> list[Flowable]:
    """One contact: its name, where to reach it, what it does, "you can report here" in words, and
    (for the facilitator, with ``sources``) where the contact comes from. An address is shrunk
    to fit ``width`` rather than broken in the middle."""
    _ = printer.words
    st = printer.styles[style]
    out: list[Flowable] = [printer.para(c.name, style, fontName=printer.fonts.bold)]
    for where in (c.phone, c.website):
        if where:
            size = address_size(printer, where, st.fontName, st.fontSize, width)
            out.append(printer.para(where, style, fontSize=size))
    out.append(printer.para(c.description, style))
    if c.takes_reports:
        out.append(printer.para(_("You can report here."), style, fontName=printer.fonts.bold, textColor=ACCENT))
    if sources:
        out.append(printer.para(_("Source: {source}", source=c.source), style, textColor=MUTED))
    return out


def address_size(printer: Printer, where: str, font: str, size: float, width: float) -> float:
    """The size to set an address (a website, a number) at so it fits ``width`` on one line:
    ``size``, or smaller down to 70 % of it and never below the document's floor (below that
    it wraps rather than shrinks)."""
    # A little slack: reportlab breaks a line that fills the width exactly.
    fitting = size * width * 0.97 / max(stringWidth(where, font, size), 1)
    return min(size, max(size * 0.7, printer.sizes.floor, fitting))


def contacts_grid(printer: Printer, contacts: Sequence[Contact], width: float, columns: int = 2) -> list[Flowable]:
    """Contacts side by side, up to ``columns`` to a row (fewer if an address would have to be
    set smaller than 80 % of the text beside it to fit a column on one line); one small table per
    row so a panel holding them can break between rows."""
    gap = PAD * 2
    st = printer.styles["cell_small"]
    smallest = max(st.fontSize * 0.8, printer.sizes.floor)
    while columns > 1:
        col = (width - gap * (columns - 1)) / columns
        if all(stringWidth(w, st.fontName, smallest) <= col * 0.97 for c in contacts for w in (c.phone, c.website) if w):
            break
        columns -= 1
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
        rows.append(table(printer, [cells], widths, style))
    return rows


def contacts_table(printer: Printer, contacts: Sequence[Contact], width: float) -> Table:
    """Every contact on its own ruled row, with its source (for the facilitator). The left column
    is wide enough for every address on one line, up to half the width."""
    st = printer.styles["cell"]
    widest = max((stringWidth(w, st.fontName, st.fontSize) for c in contacts for w in (c.phone, c.website) if w), default=0)
    left = max(width * 0.36, widest / 0.96 + PAD * 2 + 1)
    if left > width * 0.5:
        # An address too long for a column (large print): each contact in one column, stacked.
        return ruled_table(printer, [[contact_entry(printer, c, width - PAD * 2, "cell", sources=True)] for c in contacts], [width])
    rows = []
    for c in contacts:
        entry = contact_entry(printer, c, left - PAD * 2, "cell", sources=True)
        places = 1 + sum(1 for x in (c.phone, c.website) if x)
        rows.append([entry[:places], entry[places:]])
    return ruled_table(printer, rows, [left, width - left])


class RuledLines(Flowable):
    """Lines to write on, spaced for handwriting."""

    def __init__(self, count: int, spacing: float) -> None:
        super().__init__()
        self.count, self.spacing = count, spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing + 2

    def draw(self) -> None:
        _draw_lines(self.canv, self.count, self.spacing, self.width)


def _draw_lines(canvas: Canvas, count: int, spacing: float, width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    for i in range(count):
        y = 2 + i * spacing
        canvas.line(0, y, width, y)
    canvas.restoreState()


def line_spacing(printer: Printer) -> float:
    """Room for one handwritten line (more in large print)."""
    return print_type(printer.config.large_print).write_line_mm * mm


def write_in(printer: Printer, lines: int = 3) -> Flowable:
    """Ruled lines under a worksheet question."""
    return RuledLines(lines, line_spacing(printer))


class NotesArea(Flowable):
    """A labelled block of ruled lines filling the rest of the page, but only when what follows
    (``then`` points high) would not fit there anyway: the page ends in room to write, not in a
    blank gap. Otherwise it takes no room at all."""

    def __init__(self, label: Paragraph, spacing: float, then: float, page: float, min_lines: int = 4) -> None:
        super().__init__()
        self.label, self.spacing, self.then, self.page, self.min_lines = label, spacing, then, page, min_lines
        self.lines = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = 0
        _w, label_h = self.label.wrap(avail_width, avail_height)
        # More room than a page means reportlab is only measuring (KeepTogether does that); at the
        # top of a page the lines would be all the page holds.
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        if avail_height <= self.page and avail_height < self.then and not at_top:
            lines = int((avail_height - label_h - 4) // self.spacing)
            self.lines = lines if lines >= self.min_lines else 0
        self.label_h = label_h
        return avail_width, (label_h + 2 + self.lines * self.spacing) if self.lines else 0

    def draw(self) -> None:
        if not self.lines:
            return
        height = self.label_h + 2 + self.lines * self.spacing
        self.label.drawOn(self.canv, 0, height - self.label_h)
        _draw_lines(self.canv, self.lines, self.spacing, self.width)


class CheckBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, -self.size * 0.2, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


def checklist(printer: Printer, items: Sequence[str], width: float) -> Table:
    """Items with a box to tick in front of each."""
    box = printer.sizes.body * 0.85
    rows = [[CheckBox(box), printer.para(item, "cell")] for item in items]
    return ruled_table(printer, rows, [box + PAD * 2, width - box - PAD * 2])


def write_in_table(printer: Printer, rows: Sequence[tuple[str, str]], width: float) -> Table:
    """A label on each row and what is known beside it, or a ruled space to write it in."""
    cells = [[printer.para(label, "cell_bold"), printer.para(value, "cell") if value else Spacer(1, 7 * mm)] for label, value in rows]
    return ruled_table(printer, cells, [width * 0.34, width * 0.66])


def local_contacts_table(printer: Printer, local: Sequence[LocalContact], width: float) -> Table:
    """The local-contacts slot: each label with its number, or a ruled space to write it in."""
    rows: list[list[Flowable]] = []
    for c in local:
        value: Flowable = printer.para(f"{c.name}: {c.where}" if c.name else c.where, "cell_bold") if c.filled else Spacer(1, 7 * mm)
        rows.append([printer.para(c.label, "cell_bold"), value])
    return ruled_table(printer, rows, [width * 0.42, width * 0.58])


def together(flowables: Sequence[Flowable]) -> Flowable:
    """``flowables`` on one page (see :class:`handouts.pages.Keep`)."""
    return Keep(list(flowables))


def space(points: float) -> Spacer:
    return Spacer(1, points)


# -- cards --------------------------------------------------------------------------------------


# -- session facts --------------------------------------------------------------------------------


def session_facts(info: SessionInfo, _: Words) -> list[tuple[str, str]]:
    """(label, value) pairs for the date, time and place; a missing date or place is left blank
    to write in by hand."""
    blank = "_" * 14
    return [
        (_("Date:"), info.date_text or blank),
        (_("Time:"), f"{info.start:%H:%M}\u2013{info.end:%H:%M}"),
        (_("Place:"), info.place or blank),
    ]


def title_block(printer: Printer, info: SessionInfo, document: str) -> list[Flowable]:
    """The first lines of a document: which document, the session title, date, time and place."""
    facts = "   ".join(f"{printer.markup(label, bold=True)} {printer.markup(value)}" for label, value in session_facts(info, printer.words))
    return [
        printer.para(document.upper(), "label"),
        printer.para(info.title, "title"),
        Paragraph(facts, printer.styles["body"]),
        space(printer.sizes.body * 0.4),
    ]


def document_line(info: SessionInfo, document: str) -> str:
    """The right of the running header: the document and, if known, the date."""
    return f"{document} \u00b7 {info.date_text}" if info.date_text else document
