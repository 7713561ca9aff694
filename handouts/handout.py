"""The participant handout: what we talked about, the words we used, the tips, where to get help
and a worksheet.

It takes a :class:`~facilitator.pack.ParticipantPack` only, so no facilitator text can reach it.
Every page's footer says where to get help; a boxed panel lists every contact, local numbers first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.platypus import Flowable

from facilitator.model import ParticipantBlock, ParticipantPack, RenderConfig
from handouts.flowables import (
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
from handouts.pages import Metadata, Running, body_area, build_shortest_pdf
from handouts.printer import Printer

# Kinds whose key points are not "what we talked about": the session's frame, and the parts the
# handout prints in full elsewhere (the glossary, the tips, the contacts).
_NOT_SUMMARISED = frozenset({"opening", "closing", "glossary", "contacts", "tips", "safeguarding"})


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the participant handout for ``pack`` to ``out`` as PDF.

    After what we talked about and the words we used come the tips, the "where to get help"
    panel and the worksheet, in the order that takes the fewest pages (the panel and the
    worksheet each stay whole on a page, so their order decides how full the pages are)."""
    printer = Printer(config, pack.info.band)
    _ = printer.words
    area = body_area(printer)
    width = area.width
    document = _("Participant handout")
    worksheet = _worksheet_block(pack.blocks)

    def story(order: tuple[str, ...]) -> Callable[[], list[Flowable]]:
        def make() -> list[Flowable]:
            out: list[Flowable] = title_block(printer, pack.info, document)
            # A worksheet scenario's key points would answer its questions, so they are not summarised.
            out += _talked_about(printer, tuple(b for b in pack.blocks if b is not worksheet or b.kind != "scenario"))
            if pack.glossary:
                out += heading(printer, _("Words we used"))
                out.append(glossary_table(printer, pack.glossary, width))
            last = order[-1]
            parts = {
                "tips": lambda: _tips(printer, pack.blocks),
                # Kept whole on one page when it fits: a contacts list cut in two is easy to lose.
                "help": lambda: [together([_help(printer, pack, width)])],
                # The rest of its page is room for notes, when what follows starts a new page.
                "worksheet": lambda: _worksheet(printer, worksheet, width, then=float("inf") if last == "worksheet" else _height(_help(printer, pack, width), width, area.height), page=area.height),
            }
            for name in order:
                out += parts[name]()
            return out

        return make

    orders = [("tips", "help", "worksheet"), ("help", "tips", "worksheet"), ("tips", "worksheet", "help")]
    meta = Metadata(
        title=f"{pack.info.title} \u2013 {document}",
        subject=_("Participant handout, ages {audience}", audience=pack.info.audience),
        language=pack.info.language,
        creator=pack.info.tool,
    )
    # Page 1 opens with the title block, so its running header would only say the title again.
    running = Running(pack.info.title, document_line(pack.info, document), pack.help_line, first_page=False)
    return build_shortest_pdf(printer, out, [story(o) for o in orders], meta, running)


def _height(f: Flowable, width: float, height: float) -> float:
    return f.wrap(width, height)[1]


def _talked_about(printer: Printer, blocks: tuple[ParticipantBlock, ...]) -> list[Flowable]:
    _ = printer.words
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
            out.append(together([_tip_title(printer, i, tip.title), printer.para(tip.text, leftIndent=_indent(printer))]))
    return out


def _indent(printer: Printer) -> float:
    return printer.sizes.body * 1.6


def _tip_title(printer: Printer, number: int, title: str) -> Flowable:
    """A tip's title as a numbered heading line of its own, its number hanging in the margin."""
    h3 = printer.styles["h3"]
    p = printer.para(title, "h3", leftIndent=_indent(printer), bulletIndent=0, bulletFontName=printer.fonts.bold, bulletFontSize=h3.fontSize, spaceBefore=printer.sizes.body * 0.5)
    p.bulletText = printer.text(f"{number}.")
    return p


SENSITIVITY_ORDER = ("low", "medium", "high")


def _worksheet_block(blocks: tuple[ParticipantBlock, ...]) -> ParticipantBlock | None:
    """The least sensitive scenario (the handout goes home); without one, the least sensitive
    other block with questions."""
    scenarios = sorted((b for b in blocks if b.kind == "scenario" and b.questions), key=lambda b: SENSITIVITY_ORDER.index(b.sensitivity))
    others = sorted((b for b in blocks if b.questions and b.kind not in ("opening", "closing")), key=lambda b: SENSITIVITY_ORDER.index(b.sensitivity))
    candidates = scenarios or others
    return candidates[0] if candidates else None


def _worksheet(printer: Printer, b: ParticipantBlock | None, width: float, then: float, page: float) -> list[Flowable]:
    """One story in a box, then its numbered questions, each with lines to write on, kept on one
    page with the story when they fit, and on a page of their own when they do not. Then room
    for notes, filling the page, if what follows (``then`` points high, on pages ``page``
    points high) has to start a new page anyway; ``then`` is infinite when nothing follows."""
    _ = printer.words
    if b is None:
        return []
    title = heading(printer, _("Worksheet"))
    if b.story:
        intro = _("Read the story in the box. Then write your answer to each question on the lines under it. You do not have to share what you write.")
    else:
        intro = _("Read the text in the box. Then write your answer to each question on the lines under it. You do not have to share what you write.")
    text: list[Flowable] = []
    if b.content_note:
        text.append(printer.para(b.content_note, "note", lead=_("Content note:")))
    # A story, or for a part without one its key points (its whole text can be longer than a page).
    text += printer.paras(b.story.text) if b.story else (bullets(printer, b.key_points) if b.key_points else printer.paras(b.body))
    box = panel(printer, b.title, text, width, label_style="h3")
    questions = [together([printer.bullet("", marker=f"{i}.", lead=question), write_in(printer)]) for i, question in enumerate(b.questions, 1)]
    # The story with its heading and the instruction is one unit, the questions another; both
    # on one page when they fit, else each moves on whole.
    out: list[Flowable] = [title[0], together([together([title[1], printer.para(intro), box]), together(questions)])]
    notes = printer.para(_("My notes"), "h3", spaceBefore=0)
    notes.keep_with_next = False  # type: ignore[attr-defined]  # drawn by the notes area itself
    out.append(NotesArea(notes, line_spacing(printer), then, page))
    return out


def _help(printer: Printer, pack: ParticipantPack, width: float) -> Flowable:
    """The boxed "where to get help" panel: the first steps, then every contact."""
    _ = printer.words
    steps = [p for b in pack.blocks if b.kind == "contacts" for p in b.key_points]
    # Local numbers first: the ones a child can actually call.
    content: list[Flowable] = [local_contacts_table(printer, pack.local_contacts, panel_inner(width))]
    content += bullets(printer, steps) if steps else [printer.para(pack.help_line)]
    # Three narrow columns keep the list short; large print needs the wider two.
    content += contacts_grid(printer, pack.contacts, panel_inner(width), columns=2 if printer.config.large_print else 3)
    return panel(printer, _("Where to get help"), content, width, strong=True, label_style="h2")
