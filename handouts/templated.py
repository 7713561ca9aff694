"""Lays out the blocks a document template renders to (see :func:`facilitator.documents.parse`):
the letter home, the knowledge check, the feedback form. Every text goes through the document's
:class:`~handouts.printer.Printer`, which escapes it for reportlab's markup and records it for
the glyph check; nothing a template writes is read as markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from facilitator.documents import Block
from facilitator.model import ParticipantPack
from handouts.flowables import PAD, CheckBox, bullets, heading, line_spacing, local_contacts_table, panel, panel_inner, ruled_table, table, together, write_in
from handouts.printer import ACCENT, INK, RULE, Printer

FACES = ("happy", "neutral", "sad")


class Face(Flowable):
    """A face drawn with lines (no font needed): happy, neutral or sad; black and white print
    loses nothing."""

    def __init__(self, kind: str, size: float) -> None:
        super().__init__()
        self.kind, self.size = kind, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        r = s / 2
        c.saveState()
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        c.setLineWidth(max(s / 22, 0.8))
        c.circle(r, r, r * 0.92, stroke=1, fill=0)
        for x in (r * 0.62, r * 1.38):
            c.circle(x, r * 1.28, s * 0.055, stroke=0, fill=1)
        if self.kind == "happy":
            c.arc(r * 0.5, r * 0.45, r * 1.5, r * 1.15, 200, 140)
        elif self.kind == "sad":
            c.arc(r * 0.5, r * 0.42, r * 1.5, r * 1.12, 20, 140)
        else:
            c.line(r * 0.6, r * 0.66, r * 1.4, r * 0.66)
        c.restoreState()


class CutLine(Flowable):
    """A dashed line with scissors drawn at its start: cut here."""

    def __init__(self, label: str, printer: Printer) -> None:
        super().__init__()
        self.label, self.printer = printer.text(label), printer

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 9 * mm

    def draw(self) -> None:
        c = self.canv
        y = 4.5 * mm
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(4, 3)
        c.setLineWidth(0.8)
        c.line(0, y, self.width, y)
        c.setDash()
        size = self.printer.sizes.chrome
        c.setFont(self.printer.fonts.regular, size)
        c.setFillColor(INK)
        c.drawRightString(self.width, y + 2, self.label)
        c.restoreState()


def field(printer: Printer, label: str, width: float) -> Flowable:
    """A label and a line to write on beside it."""
    line = Spacer(1, line_spacing(printer) * 0.9)
    rule = [("LINEBELOW", (1, 0), (1, 0), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    return table(printer, [[printer.para(label, "cell_bold"), line]], [width * 0.38, width * 0.62], rule, spaceAfter=printer.sizes.body * 0.3)


def tick(printer: Printer, text: str, width: float) -> Flowable:
    box = printer.sizes.body * 0.95
    style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    return table(printer, [[CheckBox(box), printer.para(text, "cell")]], [box + PAD * 2, width - box - PAD * 2], style)


def choices(printer: Printer, question: str, labels: Sequence[str], width: float, faces: bool, number: str = "") -> Flowable:
    """A question with a tick box (and, for the youngest, a face) for each answer."""
    box = printer.sizes.body * 1.0
    cells: list[Flowable | list[Flowable]] = []
    for i, label in enumerate(labels):
        cell: list[Flowable] = [printer.para(label, "cell_small", alignment=1)]
        if faces and i < len(FACES):
            cell.insert(0, Face(FACES[i], printer.sizes.body * 1.7))
        cell.insert(0, CheckBox(box))
        cells.append(cell)
    answer_w = printer.sizes.body * 6.0
    q_w = width - answer_w * len(labels)
    q = printer.bullet(question, marker=number, style="cell") if number else printer.para(question, "cell")
    if number:
        q.style = printer.styles["bullet"].clone("q", spaceAfter=0)
    style = [
        ("VALIGN", (0, 0), (0, 0), "MIDDLE"), ("VALIGN", (1, 0), (-1, 0), "MIDDLE"), ("ALIGN", (1, 0), (-1, 0), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("TOPPADDING", (0, 0), (-1, -1), PAD * 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD * 0.6),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]
    return table(printer, [[q, *cells]], [q_w, *[answer_w] * len(labels)], style)


def help_panel(printer: Printer, pack: ParticipantPack, width: float, everyone: bool = False) -> Flowable:
    """Where to get help: the local numbers (or lines to write them on) and the pack's help
    line; ``everyone`` (the letter home, for families) names each number by its service."""
    _ = printer.words
    inner = panel_inner(width)
    local = pack.local_contacts
    if everyone:  # for families: a contact by its own name, not by the words addressed to the young
        local = tuple(replace(c, label=c.name, name="") if c.filled and c.name else c for c in local)
    content: list[Flowable] = [local_contacts_table(printer, local, inner), printer.para(pack.help_line, "note")]
    return together([panel(printer, _("Where to get help"), content, width, strong=True, label_style="h3")])


def lay_out(printer: Printer, blocks: Sequence[Block], width: float, parts: dict[str, Callable[[], list[Flowable]]], faces: bool = False) -> list[Flowable]:
    """The flowables of ``blocks``; ``parts`` makes the ``@items`` and ``@contacts`` blocks."""
    _ = printer.words
    out: list[Flowable] = []
    answers = [_("Yes"), _("A bit"), _("No")]
    cut_at: int | None = None
    for b in blocks:
        if b.kind == "title":
            out.append(printer.para(b.text, "title"))
        elif b.kind == "heading":
            out += heading(printer, b.text, "h2")
        elif b.kind == "para":
            out.append(printer.para(b.text))
        elif b.kind == "bullet":
            out += bullets(printer, [b.text])
        elif b.kind == "tick":
            out.append(tick(printer, b.text, width))
        elif b.kind == "field":
            out.append(field(printer, b.text, width))
        elif b.kind == "question":
            out.append(choices(printer, b.text, answers, width, faces))
        elif b.kind == "open":
            out.append(together([printer.para(b.text, "h3"), write_in(printer, 2)]))
        elif b.kind == "cut":
            cut_at = len(out)
            out.append(CutLine(_("Cut here and return this slip"), printer))
        elif b.kind in parts:
            out += parts[b.kind]()
    if cut_at is not None:  # the slip is never cut in two: from the cut line on, one unit
        out = [*out[:cut_at], together(out[cut_at:])]
    return out


__all__ = ["ACCENT", "Face", "choices", "field", "help_panel", "lay_out", "ruled_table", "tick"]
