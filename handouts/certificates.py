"""Certificates for peer educators who completed their training (``facilitator certificates``):
one page each, landscape, the organisation's name and colours (from its .pptx theme, when
given), the wording of the ``certificate.j2`` template, the date as the locale writes it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer

from facilitator.documents import parse, render
from facilitator.model import RenderConfig, band_named
from handouts.printer import ACCENT, Printer
from handouts.templated import field


def write(people: Sequence[dict[str, str]], out: BinaryIO, config: RenderConfig, org: str, accent: str | None = None, frame_colour: str | None = None) -> int:
    """One page per person of ``people`` (each with name, training and the date as printed)."""
    import io

    printer = Printer(config, band_named("adults"))
    colour = colors.HexColor(accent) if accent else ACCENT
    edge = colors.HexColor(frame_colour) if frame_colour else colour
    size = landscape(printer.page_size)
    width = size[0] - 50 * mm
    b = printer.sizes.body * 1.4
    styles = {
        "title": printer.styles["title"].clone("ctitle", fontSize=b * 2.6, leading=b * 3.0, alignment=TA_CENTER, textColor=colour, spaceAfter=b),
        "heading": printer.styles["title"].clone("cname", fontSize=b * 2.0, leading=b * 2.4, alignment=TA_CENTER, textColor=colors.black, spaceBefore=b * 0.4, spaceAfter=b * 0.8),
        "para": printer.styles["body"].clone("cbody", fontSize=b, leading=b * 1.4, alignment=TA_CENTER, spaceAfter=b * 0.6),
    }
    story: list[Flowable] = []
    for i, person in enumerate(people):
        if i:
            story.append(PageBreak())
        story.append(Spacer(1, 14 * mm))
        variables = {"name": person["name"], "training": person["training"], "date": person["date"], "org": org}
        for block in parse(render("certificate.j2", variables, config.templates, config.words)):
            if block.kind == "field":
                story.append(Spacer(1, b))
                story.append(field(printer, block.text, width * 0.5))
                story[-1].hAlign = "CENTER"
            elif block.kind in styles:
                story.append(printer.para(block.text, "body", **{k: getattr(styles[block.kind], k) for k in ("fontSize", "leading", "alignment", "textColor", "spaceAfter", "spaceBefore", "fontName")}))
            elif block.text:
                story.append(printer.para(block.text, "body", alignment=TA_CENTER))

    def border(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(edge)
        canvas.setLineWidth(3)
        canvas.rect(12 * mm, 12 * mm, size[0] - 24 * mm, size[1] - 24 * mm)
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(0.8)
        canvas.rect(16 * mm, 16 * mm, size[0] - 32 * mm, size[1] - 32 * mm)
        canvas.restoreState()

    printer.text(org)
    printer.check_glyphs()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=size, title=printer.words("Certificate"), author="facilitator", creator="facilitator", invariant=1,
                          initialFontName=printer.fonts.regular, lang=config.language)
    doc.addPageTemplates([PageTemplate(id="c", frames=[Frame(25 * mm, 22 * mm, width, size[1] - 44 * mm, id="body")], onPage=border, pagesize=size)])
    doc.build(story)
    out.write(buffer.getvalue())
    return int(doc.page)
