"""Scenario and role-play cards: four to a page (two in large print), with cut marks, in large type.

One card per scenario and per role-play prompt in the plan, each with its questions; a card too
long for one slot becomes two, "Story" and "Questions", set at the same size. A set of cards that
takes half a page or less is repeated to fill the page. Role-play cards say that the story is made
up and that anyone may step out. It takes a :class:`~facilitator.pack.ParticipantPack` only, so no
facilitator text can reach it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, Table
from reportlab.platypus.doctemplate import FrameBreak

from facilitator.model import Card, ParticipantPack, RenderConfig
from facilitator.model.audience import print_type
from handouts.flowables import PAD, document_line, numbered, space, table
from handouts.pages import Body, Metadata, Running, body_area, build_pdf, fit_paragraph, stack_height
from handouts.printer import ACCENT, INK, RULE, TINT, Printer, paragraphs_of

MARGIN_X = 11 * mm
"""Narrower than the other printables' margins: every millimetre makes the card type larger."""
CARD_PAD = 3.5 * mm
"""Inside each card, between the cut line and the text."""
MARK = 3 * mm
"""Length of a cut mark outside the card grid."""
MARK_CLEAR = 2 * mm
"""Between the end of a cut mark and the running header or footer."""
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
    size: float
    """The type size it is set at: both halves of a split card are set at the same size."""
    part: int = 0
    """0: the whole card; 1: the story; 2: the questions."""
    set_number: int = 1
    sets: int = 1
    piece: int = 1
    pieces: int = 1
    """A story too long for one slot in large print is printed in pieces."""


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the cut-out cards for ``pack`` to ``out`` as PDF and return the number of pages. A
    plan with no scenario or role-play has no cards: nothing is written and 0 is returned.

    A page is filled: when one set of cards takes half a page or less, the set is repeated
    (each card says which set it belongs to)."""
    cards = list(pack.cards)
    if not cards:
        return 0
    printer = Printer(config, pack.info.band, cards=True)
    _ = printer.words
    area = grid_area(printer)
    # Large print cannot fit four to a page: two wide cards instead.
    cols, rows = (1, 2) if config.large_print else (2, 2)
    cells = _cells(area, cols, rows)
    help_height = 2 * printer.sizes.chrome * 1.3
    width, height = cells[0][2] - 2 * CARD_PAD, cells[0][3] - 2 * CARD_PAD - help_height
    one_set = _faces(printer, cards, width, height)
    sets = len(cells) // len(one_set) if len(one_set) <= len(cells) // 2 else 1
    faces = [replace(f, set_number=n, sets=sets) for n in range(1, sets + 1) for f in one_set]
    story: list[Flowable] = []
    for i, face in enumerate(faces):
        if i:
            story.append(FrameBreak())
        story.append(_fitted(printer, face, len(cards), width, height))
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
    return build_pdf(printer, out, story, meta, running, frames=frames, on_page=on_page, margin_x=MARGIN_X)


def grid_area(printer: Printer) -> Body:
    """Where the cards go: the body of the page, less room for the cut marks above and below the
    grid, so they stay clear of the running header and footer."""
    body = body_area(printer, MARGIN_X)
    clear = MARK + MARK_CLEAR
    return Body(body.x, body.y + clear, body.width, body.height - 2 * clear)


def _faces(printer: Printer, cards: list[Card], width: float, height: float) -> list[_Face]:
    """One slot per card, or two (story, then questions, both set at the same size) for a card
    whose whole text would have to be set below the readable size. In large print nothing is set
    under 14 pt: a story too long for one slot at that size goes on as many slots as it needs,
    broken between sentences."""
    large = printer.config.large_print
    readable = READABLE_LARGE if large else READABLE
    faces: list[_Face] = []
    for n, card in enumerate(cards, 1):
        whole = _fit_size(printer, _Face(card, n, 0), len(cards), width, height)
        if not card.questions or whole >= readable:
            faces.append(_Face(card, n, whole))
            continue
        size = min(_fit_size(printer, _Face(card, n, 0, part), len(cards), width, height) for part in (1, 2))
        if large and size < printer.sizes.floor:
            size = printer.sizes.floor
            pieces = _story_pieces(printer.resized(size), card, n, len(cards), width, height)
            faces += [_Face(piece, n, size, 1, piece=i, pieces=len(pieces)) for i, piece in enumerate(pieces, 1)]
            faces.append(_Face(card, n, size, 2))
        else:
            faces += [_Face(card, n, size, 1), _Face(card, n, size, 2)]
    return faces


_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\u2019)])\s+")


def _story_pieces(printer: Printer, card: Card, number: int, total: int, width: float, height: float) -> list[Card]:
    """``card``'s story in as few pieces as fit a slot each at ``printer``'s size, broken between
    sentences (a paragraph stays whole when it fits); the content note stays on the first."""
    pieces: list[Card] = []
    current: list[str] = []  # paragraphs of the piece being filled

    def fits(paragraphs: list[str]) -> bool:
        piece = replace(card, text="\n\n".join(paragraphs), content_note=card.content_note if not pieces else "")
        content = _content(printer, _Face(piece, number, printer.sizes.body, 1, piece=len(pieces) + 1, pieces=2), total)
        return stack_height(content, width) <= height

    def close() -> None:
        pieces.append(replace(card, text="\n\n".join(current), content_note=card.content_note if not pieces else ""))
        current.clear()

    for paragraph in paragraphs_of(card.text):
        if fits([*current, paragraph]):
            current.append(paragraph)
            continue
        sentences, line = _SENTENCE_END.split(paragraph), ""
        for sentence in sentences:
            trial = f"{line} {sentence}".strip()
            if fits([*current, trial]):
                line = trial
                continue
            if line:
                current.append(line)
            if current:
                close()
            line = sentence  # a sentence longer than a whole slot is shrunk when drawn
        if line:
            current.append(line)
    if current or not pieces:
        close()
    return pieces


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
    """The largest type size (the band's card size at most, in quarter points) at which
    ``face`` fits, found by halving the range."""
    steps = int((printer.sizes.body - SMALLEST) / 0.25)

    def fits(step: int) -> bool:
        content = _content(printer.resized(SMALLEST + step * 0.25), face, total)
        return stack_height(content, width) <= height

    if fits(steps):
        return printer.sizes.body
    low, high = 0, steps  # fits(low) is assumed (SMALLEST), fits(high) is false
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if fits(mid) else (low, mid)
    return SMALLEST + low * 0.25


def _fitted(printer: Printer, face: _Face, total: int, width: float, height: float) -> Flowable:
    """``face`` set at its size (not scaled, so the text stays crisp); only text too long even
    at :data:`SMALLEST` is scaled down."""
    content = _content(printer.resized(face.size), face, total)
    return KeepInFrame(width, height, content, mode="shrink", vAlign="TOP", hAlign="LEFT", fakeWidth=False)


def _content(printer: Printer, face: _Face, total: int) -> list[Flowable]:
    _ = printer.words
    card = face.card
    kind = _("Scenario card") if card.kind == "scenario" else _("Role-play card")
    if face.part == 1:
        story = _("Story") if face.pieces == 1 else _("Story, part {number} of {total}", number=face.piece, total=face.pieces)
        kind = f"{kind} \u00b7 {story}"
    elif face.part == 2:
        kind = f"{kind} \u00b7 {_('Questions')}"
    numbers = []
    if total > 1:
        numbers.append(_("Card {number} of {total}", number=face.number, total=total))
    if face.sets > 1:
        numbers.append(_("Set {number} of {total}", number=face.set_number, total=face.sets))
    out: list[Flowable] = [_label_band(printer, kind.upper(), " \u00b7 ".join(numbers)), printer.para(card.title, "h2", spaceBefore=printer.sizes.body * 0.4)]
    if face.part in (0, 1):
        if card.content_note and face.piece == 1:
            out.append(printer.para(card.content_note, "note", lead=_("Content note:")))
        out += printer.paras(card.text)
        if card.kind == "role-play":
            note = _("This story is made up: every character is fictional, and nobody plays themselves. Anyone may step out at any time.")
            out.append(_strip(printer, printer.para(note, "note", lead=_("Remember:"), spaceAfter=0), boxed=True))
    if face.part in (0, 2) and card.questions:
        out.append(printer.para(_("Talk about it"), "h3", textColor=ACCENT))
        out += numbered(printer, card.questions)
    out.append(space(1))
    return out


def _label_band(printer: Printer, kind: str, number: str) -> Table:
    """The tinted strip at the top of a card: what kind of card it is (and which half), in
    words, and its number. Its type does not grow with the card's, so it stays on one line."""
    size = print_type(printer.config.large_print).card_label
    left = printer.para(kind, "label", spaceAfter=0, fontSize=size, leading=size * 1.25)
    if not number:
        return _strip(printer, left)
    right = printer.para(number, "label", spaceAfter=0, fontSize=size, leading=size * 1.25, fontName=printer.fonts.regular, alignment=TA_RIGHT)
    share = stringWidth(number, printer.fonts.regular, size) + 2 * PAD + 2
    return _strip(printer, [[left, right]], right_share=share)


def _strip(printer: Printer, content: Flowable | list[list[Flowable]], boxed: bool = False, right_share: float = 0) -> Table:
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
    # Relative widths for the left: KeepInFrame may lay the card out wider and scale it down.
    widths: list[float | str] = ["*", right_share] if cols == 2 else ["100%"]
    return table(printer, rows, widths, style, spaceBefore=printer.sizes.body * 0.3, spaceAfter=printer.sizes.body * 0.5)
