"""Drawing primitives on a python-pptx slide: text boxes filled with measured text, shapes marked
decorative for screen readers, and the title placeholder. Positions are in points."""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from decks.fitting import Para
from decks.theme import BULLET_INDENT_PT, EMU_PER_PT, FONT, INSET_PT, LINE_SPACING, SPACE_AFTER, Box
from facilitator.xmltext import xml_safe

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def emu(points: float) -> Emu:
    return Emu(int(round(points * EMU_PER_PT)))


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = emu(box.left), emu(box.top), emu(box.width), emu(box.height)


def frame(shape: Any, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset: float = INSET_PT) -> Any:
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = emu(inset)
    return tf


def write(tf: Any, paras: list[Para], size: float, colour: str | None, align: PP_ALIGN = PP_ALIGN.LEFT, numbered: bool = False) -> None:
    """Fill a text frame with ``paras`` at ``size``; ``colour`` None keeps a template's own."""
    tf.clear()
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = align
        p.line_spacing = LINE_SPACING
        p.space_before = Pt(0)  # a template's list style may add space before; it is measured as none
        p.space_after = Pt(size * SPACE_AFTER) if i < len(paras) - 1 else Pt(0)
        bullet(p, para.bullet)
        run = p.add_run()
        run.text = xml_safe(para.text)
        font = run.font
        font.name = FONT
        font.size = Pt(size)
        font.bold = para.bold
        if colour is not None:
            font.color.rgb = rgb(colour)


def bullet(paragraph: Any, on: bool) -> None:
    """Set the bullet explicitly, so the measured indent is the real one in any template."""
    pPr = paragraph._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for el in pPr.findall(qn(tag)):
            pPr.remove(el)
    indent = emu(BULLET_INDENT_PT)
    pPr.set("marL", str(indent if on else 0))
    pPr.set("indent", str(-indent if on else 0))
    if on:
        pPr.append(pPr.makeelement(qn("a:buFont"), {"typeface": FONT}))
        pPr.append(pPr.makeelement(qn("a:buChar"), {"char": "•"}))
    else:
        pPr.append(pPr.makeelement(qn("a:buNone"), {}))


def text(slide: Slide, name: str, box: Box, paras: list[Para], size: float, colour: str, *,
         align: PP_ALIGN = PP_ALIGN.LEFT, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, inset: float = INSET_PT) -> Any:
    """A text box holding ``paras`` (already measured to fit ``box``)."""
    shape = slide.shapes.add_textbox(emu(box.left), emu(box.top), emu(box.width), emu(box.height))
    shape.name = name
    write(frame(shape, anchor, inset), paras, size, colour, align)
    return shape


def shape(slide: Slide, name: str, box: Box, fill: str | None, *, line: str | None = None, radius: float = 0.0,
          kind: MSO_SHAPE | None = None, line_width: float = 1.5) -> Any:
    """A filled shape, marked decorative (it carries no meaning a screen reader must announce)."""
    kind = kind or (MSO_SHAPE.ROUNDED_RECTANGLE if radius else MSO_SHAPE.RECTANGLE)
    sp = slide.shapes.add_shape(kind, emu(box.left), emu(box.top), emu(box.width), emu(box.height))
    sp.name = name
    if kind == MSO_SHAPE.ROUNDED_RECTANGLE:
        sp.adjustments[0] = radius
    if fill is None:
        sp.fill.background()
    else:
        sp.fill.solid()
        sp.fill.fore_color.rgb = rgb(fill)
    if line is None:
        sp.line.fill.background()
    else:
        sp.line.color.rgb = rgb(line)
        sp.line.width = Pt(line_width)
    _plain(sp)
    mark_decorative(sp)
    return sp


def labelled_shape(slide: Slide, name: str, box: Box, fill: str, paras: list[Para], size: float, colour: str, *,
                   radius: float = 0.0, kind: MSO_SHAPE | None = None, align: PP_ALIGN = PP_ALIGN.CENTER,
                   anchor: MSO_ANCHOR = MSO_ANCHOR.MIDDLE, inset: float = INSET_PT) -> Any:
    """A filled shape with text in it (a badge, a pill, a card): its text is its description."""
    kind = kind or (MSO_SHAPE.ROUNDED_RECTANGLE if radius else MSO_SHAPE.RECTANGLE)
    sp = slide.shapes.add_shape(kind, emu(box.left), emu(box.top), emu(box.width), emu(box.height))
    sp.name = name
    if kind == MSO_SHAPE.ROUNDED_RECTANGLE:
        sp.adjustments[0] = radius
    sp.fill.solid()
    sp.fill.fore_color.rgb = rgb(fill)
    sp.line.fill.background()
    _plain(sp)
    write(frame(sp, anchor, inset), paras, size, colour, align)
    return sp


def _plain(sp: Any) -> None:
    """No theme style on the shape (its shadow shows in some viewers): fill and line are set."""
    style = sp._element.find(qn("p:style"))
    if style is not None:
        sp._element.remove(style)


def mark_decorative(sp: Any) -> None:
    """Flag a shape as decorative, as PowerPoint's "Mark as decorative" does."""
    cNvPr = sp._element.find(".//" + qn("p:cNvPr"))
    ext_lst = cNvPr.makeelement(qn("a:extLst"), {})
    ext = ext_lst.makeelement(qn("a:ext"), {"uri": DECORATIVE_URI})
    decorative = ext.makeelement(f"{{{DECORATIVE_NS}}}decorative", {"val": "1"}, nsmap={"adec": DECORATIVE_NS})
    ext.append(decorative)
    ext_lst.append(ext)
    cNvPr.append(ext_lst)


def is_decorative(sp: Any) -> bool:
    cNvPr = sp._element.find(".//" + qn("p:cNvPr"))
    return cNvPr is not None and cNvPr.find(f".//{{{DECORATIVE_NS}}}decorative") is not None


def title_first(slide: Slide) -> None:
    """Put the title first in the reading order (the order of the shape tree)."""
    title = slide.shapes.title
    if title is None:
        return
    tree = title._element.getparent()
    tree.remove(title._element)
    # The tree starts with its own properties (nvGrpSpPr, grpSpPr); shapes follow.
    tree.insert(2, title._element)
