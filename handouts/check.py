"""The before-and-after knowledge check (PDF): 6-10 statements drawn only from the plan's
sections (their myth-or-fact statements, then key points), the same sheet before and after, a
box for the anonymous code that pairs the two, and last "I know where I could get help". Tick
boxes with faces for 10-12. The answer key is in the facilitator guide only."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable

from facilitator.documents import parse, render
from facilitator.documents.session import variables
from facilitator.model import ParticipantPack, RenderConfig
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.printer import Printer
from handouts.templated import choices, help_panel, lay_out


def help_item(_: object) -> str:
    """The check's last item, the outcome that matters most (``_`` is the pack's words)."""
    return _("I know where I could get help.")  # type: ignore[operator,no-any-return]


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the knowledge check for ``pack`` to ``out`` as PDF; return its number of pages."""
    printer = Printer(config, pack.info.band)
    _ = printer.words
    width = body_area(printer).width
    document = _("Knowledge check")
    values = variables(pack, config)
    young = pack.info.band.name == "10-12"

    def items() -> list[Flowable]:
        labels = [_("True"), _("Not sure"), _("False")]
        rows = [choices(printer, item["text"], labels, width, young, number=f"{item['number']}.") for item in values["items"]]
        n = len(values["items"]) + 1
        rows.append(choices(printer, help_item(_), [_("Yes"), _("Not sure"), _("No")], width, young, number=f"{n}."))
        return rows

    def contacts() -> list[Flowable]:
        return [help_panel(printer, pack, width)]

    story = lay_out(printer, parse(render("check.j2", values, config.templates, config.words)), width, {"items": items, "contacts": contacts})
    meta = Metadata(title=f"{pack.info.title} \u2013 {document}", subject=_("Before and after: what do you know?"), language=pack.info.language, creator=pack.info.tool)
    running = Running(pack.info.title, document, pack.help_line, first_page=True)
    return build_pdf(printer, out, story, meta, running)
