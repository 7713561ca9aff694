"""The feedback form (PDF, one page), worded for the band: its questions are the
``feedback.j2`` template's (faces for 10-12), then where to get help."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable

from facilitator.documents import parse, render
from facilitator.documents.session import variables
from facilitator.model import ParticipantPack, RenderConfig
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.printer import Printer
from handouts.templated import help_panel, lay_out


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the feedback form for ``pack`` to ``out`` as PDF; return its number of pages."""
    printer = Printer(config, pack.info.band)
    _ = printer.words
    width = body_area(printer).width
    document = _("Feedback")

    def contacts() -> list[Flowable]:
        return [help_panel(printer, pack, width)]

    blocks = parse(render("feedback.j2", variables(pack, config), config.templates, config.words))
    story = lay_out(printer, blocks, width, {"contacts": contacts}, faces=pack.info.band.name == "10-12")
    meta = Metadata(title=f"{pack.info.title} \u2013 {document}", subject=_("Tell us what you think"), language=pack.info.language, creator=pack.info.tool)
    running = Running(pack.info.title, document, pack.help_line, first_page=True)
    return build_pdf(printer, out, story, meta, running)
