"""Scenario and role-play cards: four to a page (two in large print), with cut marks, in large type.

One card per scenario and per role-play prompt in the plan, each with its questions. Role-play
cards say that the story is made up and that anyone may step out. It takes a
:class:`~facilitator.pack.ParticipantPack` only, so no facilitator text can reach it.
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, Table
from reportlab.platypus.doctemplate import FrameBreak

from facilitator.messages import _
from facilitator.pack import ParticipantPack
from handouts.options import PrintOptions
from handouts.pages import Body, Metadata, Running, body_area, build_pdf, fit_paragraph
from handouts.parts import PAD, Card, cards_of, document_line, numbered, space, table
from handouts.styles import ACCENT, INK, RULE, TINT, Printer

MARGIN_X = 11 * mm
"""Narrower than the other printables' margins: every millimetre makes the card type larger."""
CARD_PAD = 4.5 * mm
"""Inside each card, between the cut line and the text."""
MARK = 3 * mm
"""Length of a cut mark outside the card grid."""
READABLE = 11.0
"""A card whose whole text would be set smaller than this (14 pt in large print) becomes two."""
READABLE_LARGE = 14.0
SMALLEST = 6.0
"""Below this a card is scaled down instead (only absurdly long text gets there)."""


@dataclass(frozen=True)
class _Face:
    """What one card slot shows: a whole card, or (for a long card) its story or its questions."""

    card: Card
    number: int
    part: int = 0
    """0: the whole card; 1: the story; 2: the questions."""


def write_cards(pack: ParticipantPack, path: Path, options: PrintOptions) -> int:
    """Write the cut-out cards for ``pack`` to ``path`` as PDF (one page saying there are none,
    if the plan has no scenario or role-play)."""
    printer = Printer(options, pack.info.band, cards=True)
    area = body_area(printer, MARGIN_X)
    # Large print cannot fit four to a page: two wide cards instead.
    cols, rows = (1, 2) if options.large_print else (2, 2)
    cells = _cells(area, cols, rows)
    help_height = 2 * printer.sizes.chrome * 1.3
    width, height = cells[0][2] - 2 * CARD_PAD, cells[0][3] - 2 * CARD_PAD - help_height
    cards = cards_of(pack.blocks)
    faces = _faces(printer, cards, width, height)
    story: list[Flowable] = []
    for i, face in enumerate(faces):
        if i:
            story.append(FrameBreak())
        story.append(_fitted(printer, face, len(cards), width, height))
    if not faces:
        story.append(printer.para(_("This session has no scenario or role-play cards."), "h2"))
    frames = [Frame(x + CARD_PAD, y + CARD_PAD + help_height, width, height, 0, 0, 0, 0, id=f"card{n}") for n, (x, y, _w, _h) in enumerate(cells)]
    # Every card, once cut out, still says where to get help, with the local helpline to fill in.
    help_markup = printer.markup(pack.card_help_line)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        on_this_page = max(0, min(len(cells), len(faces) - len(cells) * (doc.page - 1)))
        _cut_marks(canvas, area, cols, rows, on_this_page)
        for x, y, _w, _h in cells[:on_this_page]:
            p = fit_paragraph(help_markup, printer.styles["chrome"], width, help_height)
            p.wrap(width, help_height)
            p.drawOn(canvas, x + CARD_PAD, y + CARD_PAD * 0.7)

    document = _("Scenario and role-play cards")
    meta = Metadata(
        title=f"{pack.info.title} \u2013 {document}",
        subject=_("Scenario and role-play cards, ages {audience}", audience=pack.info.audience),
        language=pack.info.language,
        creator=pack.info.tool,
    )
    running = Running(pack.info.title, document_line(pack.info, document), pack.help_line)
    return build_pdf(printer, path, story, meta, running, frames=frames, on_page=on_page, margin_x=MARGIN_X)


def _faces(printer: Printer, cards: list[Card], width: float, height: float) -> list[_Face]:
    """One slot per card, or two (story, then questions) for a card whose whole text would have
    to be set below the readable size."""
    readable = READABLE_LARGE if printer.options.large_print else READABLE
    faces: list[_Face] = []
    for n, card in enumerate(cards, 1):
        whole = _Face(card, n)
        if card.questions and _fit_size(printer, whole, len(cards), width, height) < readable:
            faces += [_Face(card, n, 1), _Face(card, n, 2)]
        else:
            faces.append(whole)
    return faces


def _cells(area: Body, cols: int, rows: int) -> list[tuple[float, float, float, float]]:
    """The card rectangles (x, y, width, height), left to right, top to bottom."""
    w, h = area.width / cols, area.height / rows
    return [(area.x + col * w, area.y + (rows - 1 - row) * h, w, h) for row in range(rows) for col in range(cols)]


def _cut_marks(canvas: Canvas, area: Body, cols: int, rows: int, cards: int) -> None:
    """Dashed cut lines around the ``cards`` on this page, and solid marks where each line meets
    the edge of the grid (visible even when the dashes print faintly)."""
    if not cards:
        return
    used_cols, used_rows = min(cards, cols), -(-cards // cols)
    xs = [area.x + i * area.width / cols for i in range(used_cols + 1)]
    ys = [area.y + area.height - i * area.height / rows for i in range(used_rows + 1)]
    top, bottom, left, right = ys[0], ys[-1], xs[0], xs[-1]
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    for x in xs:
        canvas.line(x, top, x, bottom)
    for y in ys:
        canvas.line(left, y, right, y)
    canvas.setDash()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    for x in xs:
        canvas.line(x, top + 1, x, top + MARK)
        canvas.line(x, bottom - 1, x, bottom - MARK)
    for y in ys:
        canvas.line(left - 1, y, left - MARK, y)
        canvas.line(right + 1, y, right + MARK, y)
    canvas.restoreState()


def _fit_size(printer: Printer, face: _Face, total: int, width: float, height: float) -> float:
    """The largest type size (the band's card size at most) at which ``face`` fits."""
    size = printer.sizes.body
    while size > SMALLEST:
        content = _content(printer.resized(size), face, total)
        if sum(_height(f, width, height) for f in content) <= height:
            break
        size -= 0.25
    return size


def _fitted(printer: Printer, face: _Face, total: int, width: float, height: float) -> Flowable:
    """``face`` set at the largest size that fits (not scaled, so the text stays crisp); only
    text too long even at :data:`SMALLEST` is scaled down."""
    content = _content(printer.resized(_fit_size(printer, face, total, width, height)), face, total)
    return KeepInFrame(width, height, content, mode="shrink", vAlign="TOP", hAlign="LEFT", fakeWidth=False)


def _height(f: Flowable, width: float, height: float) -> float:
    _w, h = f.wrap(width, height)
    return h + f.getSpaceBefore() + f.getSpaceAfter()


def _content(printer: Printer, face: _Face, total: int) -> list[Flowable]:
    card = face.card
    kind = _("Scenario card") if card.kind == "scenario" else _("Role-play card")
    number = _("Card {number} of {total}", number=face.number, total=total)
    if face.part:
        number = _("Card {number} of {total} ({part}/2)", number=face.number, total=total, part=face.part)
    out: list[Flowable] = [_label_band(printer, kind.upper(), number), printer.para(card.title, "h2", spaceBefore=printer.sizes.body * 0.4)]
    if face.part in (0, 1):
        if card.content_note:
            out.append(printer.para(card.content_note, "small", lead=_("Content note:")))
        out += printer.paras(card.text)
        if card.kind == "role-play":
            note = _("This story is made up: every character is fictional, and nobody plays themselves. Anyone may step out at any time.")
            out.append(_strip(printer, printer.para(note, "small", lead=_("Remember:"), spaceAfter=0), boxed=True))
    if face.part in (0, 2) and card.questions:
        out.append(printer.para(_("Talk about it"), "h3", textColor=ACCENT))
        out += numbered(printer, card.questions)
    out.append(space(1))
    return out


def _label_band(printer: Printer, kind: str, number: str) -> Table:
    """The tinted strip at the top of a card: what kind of card it is, in words, and its number.
    Its type does not grow with the card's, so it stays on one line."""
    size = 12.0 if printer.options.large_print else 9.5
    left = printer.para(kind, "label", spaceAfter=0, fontSize=size, leading=size * 1.25)
    right = printer.para(number, "label", spaceAfter=0, fontSize=size, leading=size * 1.25, fontName=printer.fonts.regular, alignment=TA_RIGHT)
    return _strip(printer, [[left, right]])


def _strip(printer: Printer, content: Flowable | list[list[Flowable]], boxed: bool = False) -> Table:
    """A tinted strip across the card (``boxed``: with an accent border), one row of cells."""
    rows = content if isinstance(content, list) else [[content]]
    cols = len(rows[0])
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 0.7),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if boxed:
        style.append(("BOX", (0, 0), (-1, -1), 0.8, ACCENT))
    # Relative widths: KeepInFrame may lay the card out wider and scale it down to fit.
    widths = ["50%", "50%"] if cols == 2 else ["100%"]
    return table(printer, rows, widths, style, spaceBefore=printer.sizes.body * 0.3, spaceAfter=printer.sizes.body * 0.5)
