"""Pages: the body frame, the running header and footer ("page X of Y"), what is kept together
across page breaks, metadata and the build.

Every printable is built by :func:`build_pdf` (or :func:`build_shortest_pdf`): the glyph check
runs first, the document is laid out into memory with ``invariant=1`` (so the same inputs and
``SOURCE_DATE_EPOCH`` give the same bytes) and only a finished document is written to ``path``.

Nothing important breaks across a page: boxes and other units are :class:`Keep` groups (moved whole
to the next page, and split only when taller than a page), every heading goes with the start of
what follows it (:class:`WithNext`) and a closing line with the end of what precedes it
(:class:`WithPrevious`); :func:`keep_headings` groups them before the layout.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, NullActionFlowable
from reportlab.platypus.flowables import UseUpSpace

from facilitator.fitting import largest_fitting
from handouts.printer import ACCENT, MUTED, RULE, TINT, Printer

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
    first_page: bool = True
    """Whether page 1 has the header too; a document whose first page opens with a title block
    (which names the document and the session) leaves it out, so the title is said once."""


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


def header_rule(printer: Printer) -> float:
    """The height of the rule under the running header, in points from the bottom of the page."""
    chrome = printer.sizes.chrome
    return printer.page_size[1] - MARGIN_TOP - chrome - 0.35 * chrome * 1.3 - 1.5


def footer_top(printer: Printer) -> float:
    """The height of the top of the running footer (its box or its rule)."""
    return MARGIN_BOTTOM + 2 * printer.sizes.chrome * 1.3 + 2 * FOOTER_PAD


def fit_line(text: str, font: str, size: float, width: float, min_size: float = 6.0) -> tuple[str, float]:
    """``text`` and a size at which it fits ``width`` on one line: shrunk, then cut with "..."."""
    size = largest_fitting(size, min_size, lambda size: stringWidth(text, font, size) <= width, 0.25) or min_size
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "...", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "...", size


def fit_paragraph(markup: str, style: ParagraphStyle, width: float, height: float, min_size: float = 5.0) -> Paragraph:
    """A paragraph of ``markup`` shrunk until it fits ``width`` x ``height``."""
    def at(size: float) -> Paragraph:
        return Paragraph(markup, ParagraphStyle("fit", parent=style, fontSize=size, leading=size * 1.25))

    size = largest_fitting(style.fontSize, min_size, lambda size: at(size).wrap(width, height)[1] <= height, 0.25)
    p = at(min_size if size is None else size)
    p.wrap(width, height)
    return p


def _decorate(printer: Printer, running: Running, margin_x: float) -> Callable[[Canvas, int, int], None]:
    """The function that draws the header and footer once the page count is known."""
    _ = printer.words
    fonts, chrome = printer.fonts, printer.sizes.chrome
    width, height = printer.page_size
    title, right, footer = printer.text(running.title), printer.text(running.right), running.footer
    footer_markup = printer.markup(footer) if footer else ""
    line = chrome * 1.3
    inner = width - 2 * margin_x

    def _header(canvas: Canvas) -> None:
        # Session title left (bold, accent), the document right, a rule below.
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
        canvas.line(margin_x, header_rule(printer), width - margin_x, header_rule(printer))

    def draw(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        if page > 1 or running.first_page:
            _header(canvas)
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


# -- keeping things together ----------------------------------------------------------------------


_BREAKS = (ActionFlowable, UseUpSpace, CondPageBreak)
"""Flowables that take no room of their own but may end a page."""


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height ``flowables`` take one after the other, with the space between them (space
    before the first and after the last left out); what :class:`Keep` holds counts whole."""
    total, after, first = 0.0, 0.0, True
    for f in flowables:
        if isinstance(f, _BREAKS):
            continue
        if isinstance(f, KeepTogether):
            inner = list(f._content)
            h = stack_height(inner, width)
            before, next_after = _space(inner[0], "before") if inner else 0.0, _space(inner[-1], "after") if inner else 0.0
        else:
            _w, h = f.wrap(width, 0xFFFFFF)
            before, next_after = f.getSpaceBefore(), f.getSpaceAfter()
        if h <= 1e-6 and not first:
            continue
        total += h if first else h + max(before - after, 0) + after
        after, first = next_after, False
    return total


def _space(f: Flowable, where: str) -> float:
    if isinstance(f, KeepTogether):
        inner = list(f._content)
        return _space(inner[0 if where == "before" else -1], where) if inner else 0.0
    return float(f.getSpaceBefore() if where == "before" else f.getSpaceAfter())


class Keep(KeepTogether):
    """Flowables kept on one page: moved whole to the next page when they do not fit, and only
    split (between its parts) when they are taller than a page. Unlike reportlab's
    ``KeepTogether``, one :class:`Keep` may hold another: the inner one is measured by its
    content, so a worksheet can keep its story and its questions together, and still keep the
    questions together on a page of their own when the whole does not fit."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._H = stack_height(self._content, aW)
        first = next((f for f in self._content if not isinstance(f, _BREAKS)), None)
        self._H0 = stack_height([first], aW) if first is not None else 0
        self._wrapInfo = aW, aH
        return aW, 0xFFFFFF  # always asked to split, like KeepTogether

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is not None:
            page = frame._height - frame._topPadding - frame._bottomPadding
            first_whole = bool(self._content) and isinstance(self._content[0], KeepTogether)
            if self._H > page and (first_whole or aH >= page * 0.5 or getattr(frame, "_atTop", False)):
                # No page holds it all, and most of this one is free (or its first part moves
                # on whole by itself): its parts go on from here (each part that is a Keep still
                # moves on whole). With less room left, it starts a new page, so it is cut in
                # two pieces rather than three.
                return _queued(list(self._content))
            if self._H > page:
                return _queued([FrameBreak(), *self._content])
        return _queued(super().split(aW, aH))


def _queued(parts: list[Flowable]) -> list[Flowable]:
    """``parts`` as a split result the document puts back on its list whole: reportlab draws the
    first part of a split at once, which a :class:`Keep` (always asking to be split) cannot be."""
    return parts if parts and isinstance(parts[0], ActionFlowable) else [NullActionFlowable(), *parts]


class _Around(Keep):
    """A group whose :meth:`_split` decides how it breaks; it stays whole when it fits."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return _queued(self._split(aW, aH))

    def _split(self, aW: float, aH: float) -> list[Flowable]:
        raise NotImplementedError

    def _whole(self, aW: float, aH: float) -> list[Flowable] | None:
        """The group's content when it fits where it stands, else None."""
        self.wrap(aW, aH)
        return list(self._content) if self._H <= aH else None


class WithNext(_Around):
    """Headings and the flowable after them: a page never ends with the headings. When the
    flowable does not fit under them, its first part goes with them (a table's first rows, a
    paragraph's first lines); a flowable kept whole goes to the next page with them."""

    def _split(self, aW: float, aH: float) -> list[Flowable]:
        content = self._whole(aW, aH)
        if content is not None:
            return content
        content = list(self._content)
        heads, follow = content[:-1], content[-1]
        room = aH - stack_height(heads, aW) - max(follow.getSpaceBefore() - heads[-1].getSpaceAfter(), 0) - heads[-1].getSpaceAfter()
        if room > 0:
            parts = _split_inside(self, follow, aW, room)
            if parts and not isinstance(parts[0], _BREAKS) and stack_height(parts[:1], aW) <= room:
                return [*heads, *parts]
        return _next_page(self, content)


class WithPrevious(_Around):
    """A closing line and the flowable before it: the line never starts a page on its own. When
    both do not fit, the flowable gives up its end (a paragraph's last lines, a table's last
    rows) to go to the next page with the line; a flowable kept whole goes with it."""

    def _split(self, aW: float, aH: float) -> list[Flowable]:
        content = self._whole(aW, aH)
        if content is not None:
            return content
        content = list(self._content)
        before, line = content
        room = aH - stack_height([line], aW) - max(line.getSpaceBefore(), before.getSpaceAfter())
        if room > 0:
            parts = _split_inside(self, before, aW, room)
            if len(parts) >= 2 and not isinstance(parts[0], _BREAKS) and stack_height(parts[:1], aW) <= room:
                return [*parts[:-1], WithPrevious([parts[-1], line])]
        return _next_page(self, content)


def _next_page(group: Flowable, content: list[Flowable]) -> list[Flowable]:
    """``content`` moved to the next page, unless this page is fresh: a whole page would not hold
    it either, so it flows from here."""
    frame = getattr(group, "_frame", None)
    if frame is not None and getattr(frame, "_atTop", False):
        return content
    return [FrameBreak(), *content]


def _split_inside(group: Flowable, f: Flowable, aW: float, aH: float) -> list[Flowable]:
    """``f.split`` as if ``f`` stood where ``group`` stands, without reportlab's no-op markers."""
    f._frame = getattr(group, "_frame", None)  # type: ignore[attr-defined]
    f.canv = getattr(group, "canv", None)
    try:
        parts = list(f.split(aW, aH))
    finally:
        for name in ("_frame", "canv"):
            if name in f.__dict__:
                delattr(f, name)
    while parts and isinstance(parts[0], NullActionFlowable):
        parts = parts[1:]
    return parts


def is_heading(f: Flowable) -> bool:
    return bool(getattr(f, "keep_with_next", False))


def keeps_with_previous(f: Flowable) -> bool:
    return bool(getattr(f, "keep_with_previous", False))


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with every run of headings grouped with the flowable after it (see
    :class:`WithNext`); a page break or a room check between headings is dropped, the one
    before the first heading stays. A closing line (``keep_with_previous``) is grouped with the
    flowable before it (see :class:`WithPrevious`). Inside a :class:`Keep`, the same is done."""
    out: list[Flowable] = []
    items = list(story)
    i = 0
    while i < len(items):
        f = items[i]
        if isinstance(f, Keep) and not isinstance(f, (WithNext, WithPrevious)):
            f = Keep(keep_headings(f._content))
        if keeps_with_previous(f) and out and not isinstance(out[-1], _BREAKS):
            out.append(WithPrevious([out.pop(), f]))
            i += 1
            continue
        if not is_heading(f):
            out.append(f)
            i += 1
            continue
        heads = [f]
        j = i + 1
        while j < len(items) and (is_heading(items[j]) or (isinstance(items[j], (CondPageBreak, Spacer)) and j + 1 < len(items) and is_heading(items[j + 1]))):
            if is_heading(items[j]):
                heads.append(items[j])
            j += 1
        follow = items[j] if j < len(items) else None
        if follow is None or isinstance(follow, _BREAKS):
            out += heads
            i = j
            continue
        if isinstance(follow, Keep) and not isinstance(follow, WithNext):
            follow = Keep(keep_headings(follow._content))
        out.append(WithNext([*heads, follow]))
        i = j + 1
    return out


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
        # Printed at actual size, never "fit to page": the cut marks and write-in lines land true.
        canvas.setViewerPreference("PrintScaling", "None")
        return canvas

    return make


def build_pdf(
    printer: Printer,
    out: BinaryIO,
    story: Sequence[Flowable],
    meta: Metadata,
    running: Running,
    frames: Sequence[Frame] | None = None,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    margin_x: float = MARGIN_X,
) -> int:
    """Check glyphs, lay ``story`` out into ``frames`` (one body frame by default), write it to ``out``;
    return the number of pages."""
    data, pages = _layout(printer, story, meta, running, frames, on_page, margin_x)
    out.write(data)
    return pages


def build_shortest_pdf(printer: Printer, out: BinaryIO, stories: Sequence[Callable[[], Sequence[Flowable]]], meta: Metadata, running: Running) -> int:
    """Lay out each of ``stories`` (the same parts in different orders, each made afresh) and
    write the one with the fewest pages, the first of those on a tie; return its page count."""
    best: tuple[bytes, int] | None = None
    for make in stories:
        data, pages = _layout(printer, make(), meta, running)
        if best is None or pages < best[1]:
            best = (data, pages)
    assert best is not None
    out.write(best[0])
    return best[1]


def _layout(
    printer: Printer,
    story: Sequence[Flowable],
    meta: Metadata,
    running: Running,
    frames: Sequence[Frame] | None = None,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    margin_x: float = MARGIN_X,
) -> tuple[bytes, int]:
    """The finished PDF's bytes (glyphs checked first) and its number of pages."""
    decorate = _decorate(printer, running, margin_x)  # records the running texts before the check
    printer.text(meta.title)
    printer.check_glyphs()
    area = body_area(printer, margin_x)
    if frames is None:
        frames = [Frame(area.x, area.y, area.width, area.height, 0, 0, 0, 0, id="body")]
        story = keep_headings(story)
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
    return buffer.getvalue(), int(doc.page)
