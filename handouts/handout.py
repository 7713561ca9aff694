"""The participant handout: what we talked about, the words we used, the tips, a worksheet and
where to get help.

It takes a :class:`~facilitator.pack.ParticipantPack` only, so no facilitator text can reach it.
Every page's footer says where to get help; the last part lists every contact in a boxed panel.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from facilitator.messages import _
from facilitator.pack import ParticipantPack
from facilitator.views import ParticipantBlock
from handouts.options import PrintOptions
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.parts import (
    NotesArea,
    bullets,
    contacts_grid,
    document_line,
    glossary_table,
    heading,
    line_spacing,
    local_contacts_table,
    panel,
    panel_inner,
    title_block,
    together,
    write_in,
)
from handouts.styles import Printer

# Kinds whose key points are not "what we talked about": the session's frame, and the parts the
# handout prints in full elsewhere (the glossary, the tips, the contacts).
_NOT_SUMMARISED = frozenset({"opening", "closing", "glossary", "contacts", "tips", "safeguarding"})


def write_handout(pack: ParticipantPack, path: Path, options: PrintOptions) -> int:
    """Write the participant handout for ``pack`` to ``path`` as PDF."""
    printer = Printer(options, pack.info.band)
    area = body_area(printer)
    width = area.width
    document = _("Participant handout")
    story: list[Flowable] = title_block(printer, pack.info, document)
    worksheet = _worksheet_block(pack.blocks)
    # A worksheet scenario's key points would answer its questions, so they are not summarised.
    story += _talked_about(printer, tuple(b for b in pack.blocks if b is not worksheet or b.kind != "scenario"))
    if pack.glossary:
        story += heading(printer, _("Words we used"))
        story.append(glossary_table(printer, pack.glossary, width))
    story += _tips(printer, pack.blocks)
    help_panel = _help(printer, pack, width)
    story += _worksheet(printer, worksheet, then=help_panel.wrap(width, area.height)[1], page=area.height)
    # Kept whole on one page when it fits: a contacts list cut in two is easy to lose.
    story.append(together([help_panel]))
    meta = Metadata(
        title=f"{pack.info.title} \u2013 {document}",
        subject=_("Participant handout, ages {audience}", audience=pack.info.audience),
        language=pack.info.language,
        creator=pack.info.tool,
    )
    return build_pdf(printer, path, story, meta, Running(pack.info.title, document_line(pack.info, document), pack.help_line))


def _talked_about(printer: Printer, blocks: tuple[ParticipantBlock, ...]) -> list[Flowable]:
    parts = [b for b in blocks if b.kind not in _NOT_SUMMARISED and b.key_points]
    if not parts:
        return []
    out = heading(printer, _("What we talked about"))
    for b in parts:
        out.append(together([printer.para(b.title, "h3"), *bullets(printer, b.key_points[:1])]))
        out += bullets(printer, b.key_points[1:])
    return out


def _tips(printer: Printer, blocks: tuple[ParticipantBlock, ...]) -> list[Flowable]:
    out: list[Flowable] = []
    for b in blocks:
        if b.kind != "tips" or not b.tips:
            continue
        out += heading(printer, b.title)
        out += printer.paras(b.body)
        for i, tip in enumerate(b.tips, 1):
            out.append(printer.bullet(tip.text, marker=f"{i}.", lead=tip.title))
    return out


SENSITIVITY_ORDER = ("low", "medium", "high")


def _worksheet_block(blocks: tuple[ParticipantBlock, ...]) -> ParticipantBlock | None:
    """The least sensitive scenario (the handout goes home); without one, the first other block
    with questions."""
    scenarios = sorted((b for b in blocks if b.kind == "scenario" and b.questions), key=lambda b: SENSITIVITY_ORDER.index(b.sensitivity))
    others = [b for b in blocks if b.questions and b.kind not in ("opening", "closing")]
    candidates = scenarios or others
    return candidates[0] if candidates else None


def _worksheet(printer: Printer, b: ParticipantBlock | None, then: float, page: float) -> list[Flowable]:
    """One story with its questions and lines to write on, then room for notes if what follows
    (``then`` points high, on pages ``page`` points high) has to start a new page anyway."""
    if b is None:
        return []
    out = heading(printer, _("Worksheet"), keep=printer.sizes.body * 16)
    if b.story:
        intro = _("Read the story and write your thoughts under each question. You do not have to share what you write.")
    else:
        intro = _("Write your thoughts under each question. You do not have to share what you write.")
    out.append(printer.para(intro, "small"))
    out.append(printer.para(b.title, "h2"))
    if b.content_note:
        out.append(printer.para(b.content_note, "small", lead=_("Content note:")))
    out += printer.paras(b.story.text if b.story else b.body)
    for i, question in enumerate(b.questions, 1):
        out.append(together([printer.bullet("", marker=f"{i}.", lead=question), write_in(printer)]))
    label = printer.para(_("My notes"), "h3", spaceBefore=0)
    out.append(NotesArea(label, line_spacing(printer), then, page))
    return out


def _help(printer: Printer, pack: ParticipantPack, width: float) -> Flowable:
    """The boxed "where to get help" panel: the first steps, then every contact."""
    steps = [p for b in pack.blocks if b.kind == "contacts" for p in b.key_points]
    # Local numbers first: the ones a child can actually call.
    content: list[Flowable] = [local_contacts_table(printer, pack.local_contacts, panel_inner(width))]
    content += bullets(printer, steps) if steps else [printer.para(pack.help_line)]
    # Three narrow columns keep the list short; large print needs the wider two.
    content += contacts_grid(printer, pack.contacts, panel_inner(width), columns=2 if printer.options.large_print else 3)
    return panel(printer, _("Where to get help"), content, width, strong=True, label_style="h2")
