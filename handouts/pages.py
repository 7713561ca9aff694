"""Pages: the body frame, the running header and footer ("page X of Y"), metadata and the build.

Every printable is built by :func:`build_pdf`: the glyph check runs first, the document is laid
out into memory with ``invariant=1`` (so the same inputs and ``SOURCE_DATE_EPOCH`` give the same
bytes) and only a finished document is written to ``path``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from facilitator.messages import _
from handouts.styles import ACCENT, MUTED, RULE, TINT, Printer

MARGIN_X = 18 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 11 * mm
GAP = 5 * mm
"""Between the running header or footer and the body."""
FOOTER_PAD = 2.2 * mm


@dataclass(frozen=True)
class Running:
    """What every page of a document repeats."""

    title: str
    """Left of the header (the session title)."""
    right: str
    """Right of the header: which document, and the date."""
    footer: str = ""
    """Left of the footer, boxed: where to get help (participant documents)."""


@dataclass(frozen=True)
class Metadata:
    """The PDF's document information and language."""

    title: str
    subject: str
    language: str
    creator: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """The rectangle the story flows into, in points from the bottom left."""

    x: float
    y: float
    width: float
    height: float


def body_area(printer: Printer, margin_x: float = MARGIN_X) -> Body:
    """The page minus margins, the running header and the (up to two-line) footer."""
    width, height = printer.page_size
    line = printer.sizes.chrome * 1.3
    top = height - MARGIN_TOP - line - GAP
    bottom = MARGIN_BOTTOM + 2 * line + 2 * FOOTER_PAD + GAP
    return Body(margin_x, bottom, width - 2 * margin_x, top - bottom)


def fit_line(text: str, font: str, size: float, width: float, min_size: float = 6.0) -> tuple[str, float]:
    """``text`` and a size at which it fits ``width`` on one line: shrunk, then cut with "..."."""
    while size > min_size and stringWidth(text, font, size) > width:
        size -= 0.25
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "...", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "...", size


def fit_paragraph(markup: str, style: ParagraphStyle, width: float, height: float, min_size: float = 5.0) -> Paragraph:
    """A paragraph of ``markup`` shrunk until it fits ``width`` x ``height``."""
    size = style.fontSize
    while True:
        p = Paragraph(markup, ParagraphStyle("fit", parent=style, fontSize=size, leading=size * 1.25))
        _w, h = p.wrap(width, height)
        if h <= height or size <= min_size:
            return p
        size -= 0.25


def _decorate(printer: Printer, running: Running, margin_x: float) -> Callable[[Canvas, int, int], None]:
    """The function that draws the header and footer once the page count is known."""
    fonts, chrome = printer.fonts, printer.sizes.chrome
    width, height = printer.page_size
    title, right, footer = printer.text(running.title), printer.text(running.right), running.footer
    footer_markup = printer.markup(footer) if footer else ""
    line = chrome * 1.3
    inner = width - 2 * margin_x

    def draw(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        # Header: session title left (bold, accent), the document right, a rule below.
        base = height - MARGIN_TOP - chrome
        right_text, right_size = fit_line(right, fonts.regular, chrome, inner * 0.42)
        right_w = stringWidth(right_text, fonts.regular, right_size)
        title_text, title_size = fit_line(title, fonts.bold, chrome, inner - right_w - 6 * mm)
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.bold, title_size)
        canvas.drawString(margin_x, base, title_text)
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.regular, right_size)
        canvas.drawRightString(width - margin_x, base, right_text)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(margin_x, base - 0.35 * line - 1.5, width - margin_x, base - 0.35 * line - 1.5)
        # Footer: "where to get help" boxed on the left, "Page X of Y" on the right.
        number = _("Page {page} of {total}", page=page, total=total)
        widest = _("Page {page} of {total}", page=total, total=total)
        number_w = stringWidth(widest, fonts.regular, chrome) + 2
        box_h = 2 * line + 2 * FOOTER_PAD
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.regular, chrome)
        canvas.drawRightString(width - margin_x, MARGIN_BOTTOM + box_h / 2 - chrome / 3, number)
        if footer_markup:
            box_w = inner - number_w - 5 * mm
            canvas.setFillColor(TINT)
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(0.6)
            canvas.rect(margin_x, MARGIN_BOTTOM, box_w, box_h, stroke=1, fill=1)
            p = fit_paragraph(footer_markup, printer.styles["chrome"], box_w - 2 * FOOTER_PAD, 2 * line)
            _w, h = p.wrap(box_w - 2 * FOOTER_PAD, 2 * line)
            p.drawOn(canvas, margin_x + FOOTER_PAD, MARGIN_BOTTOM + (box_h - h) / 2)
        else:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(margin_x, MARGIN_BOTTOM + box_h, width - margin_x, MARGIN_BOTTOM + box_h)
        canvas.restoreState()

    return draw


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, so each can say "page X of Y"."""

    decorate: Callable[[Canvas, int, int], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for page, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self.decorate(self, page, total)
            Canvas.showPage(self)
        Canvas.save(self)


def _canvas_maker(decorate: Callable[[Canvas, int, int], None]) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.decorate = decorate
        return canvas

    return make


def build_pdf(
    printer: Printer,
    path: Path,
    story: Sequence[Flowable],
    meta: Metadata,
    running: Running,
    frames: Sequence[Frame] | None = None,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    margin_x: float = MARGIN_X,
) -> int:
    """Check glyphs, lay ``story`` out into ``frames`` (one body frame by default), write ``path``;
    return the number of pages."""
    decorate = _decorate(printer, running, margin_x)  # records the running texts before the check
    printer.text(meta.title)
    printer.check_glyphs()
    area = body_area(printer, margin_x)
    if frames is None:
        frames = [Frame(area.x, area.y, area.width, area.height, 0, 0, 0, 0, id="body")]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=printer.page_size,
        title=meta.title,
        subject=meta.subject,
        author="facilitator",
        creator=meta.creator,
        keywords=list(meta.keywords),
        lang=meta.language,
        invariant=1,
        initialFontName=printer.fonts.regular,
        initialFontSize=printer.sizes.body,
        displayDocTitle=1,
        leftMargin=area.x,
        rightMargin=printer.page_size[0] - area.x - area.width,
        topMargin=printer.page_size[1] - area.y - area.height,
        bottomMargin=area.y,
    )
    template = PageTemplate(id="page", frames=list(frames), onPage=on_page or (lambda canvas, doc: None), pagesize=printer.page_size)
    doc.addPageTemplates([template])
    doc.build(list(story), canvasmaker=_canvas_maker(decorate))
    path.write_bytes(buffer.getvalue())
    return int(doc.page)
