"""The letter home, with a consent and withdrawal slip (PDF): its wording is the ``letter.j2``
template (``--templates DIR`` overrides it), what the session covers comes from the plan's
participant view (section titles and why lines, never facilitator text)."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable

from facilitator.documents import parse, render
from facilitator.documents.session import variables
from facilitator.model import ParticipantPack, RenderConfig
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.printer import Printer
from handouts.templated import help_panel, lay_out


def blocks(pack: ParticipantPack, config: RenderConfig) -> list:  # type: ignore[type-arg]
    """The letter's blocks, as its template renders them (shared with the .docx letter)."""
    return parse(render("letter.j2", variables(pack, config), config.templates, config.words))


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the letter home for ``pack`` to ``out`` as PDF; return its number of pages."""
    printer = Printer(config, pack.info.band)
    _ = printer.words
    width = body_area(printer).width
    document = _("Letter home")

    def contacts() -> list[Flowable]:
        return [help_panel(printer, pack, width, everyone=True)]

    story = lay_out(printer, blocks(pack, config), width, {"contacts": contacts})
    meta = Metadata(title=f"{pack.info.title} \u2013 {document}", subject=_("A letter to parents and carers"), language=pack.info.language, creator=pack.info.tool)
    running = Running(pack.info.org or pack.info.title, document, pack.help_line, first_page=True)
    return build_pdf(printer, out, story, meta, running)
