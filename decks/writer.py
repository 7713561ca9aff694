"""Write a Pack as a 16:9 slide deck with speaker notes.

Every text frame is filled with text measured to fit it (see :mod:`decks.fitting`): the writer never
relies on PowerPoint's autofit. The file is byte-identical for the same pack and
``SOURCE_DATE_EPOCH``: zip members and core properties carry a fixed date.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Pt

from decks import theme
from decks.fitting import Para, best_size, paginate, wrap
from decks.outline import SlideSpec, outline
from decks.template import LayoutUse, Stage, open_stage
from decks.theme import TYPE_SCALES, Box, TypeScale
from facilitator.messages import _
from facilitator.pack import Pack
from facilitator.xmltext import xml_safe

EMU_PER_PT = 12700
TITLE_LINES = 2


def write_deck(pack: Pack, path: Path, template: Path | None = None) -> int:
    """Write ``pack`` to ``path`` (.pptx), built on ``template``'s layouts when given; return the
    number of slides."""
    stage = open_stage(template)
    scale = TYPE_SCALES[pack.participant.info.band]
    number = 0
    for spec in outline(pack):
        use = stage.title if spec.style == "title" else stage.content
        for i, (paras, size) in enumerate(_pages(spec, use, scale)):
            number += 1
            title = spec.title if i == 0 else _("{title} (continued)", title=spec.title)
            slide = stage.prs.slides.add_slide(use.layout)
            _fill_title(slide, use, title, scale, stage.builtin)
            _fill_body(slide, use, paras, size, stage.builtin)
            if stage.builtin and spec.style != "title":
                _accent_rule(slide)
            _footer(slide, stage, pack.participant.help_line, number)
            slide.notes_slide.notes_text_frame.text = xml_safe("\n".join(spec.notes))
    _core_properties(stage, pack)
    path.write_bytes(_reproducible(stage))
    return number


def _pages(spec: SlideSpec, use: LayoutUse, scale: TypeScale) -> list[tuple[list[Para], int]]:
    width, height = _inner(use.body_box)
    start = scale.statement if spec.style == "statement" else scale.body
    if not spec.paras:
        return [([], start)]
    return paginate(list(spec.paras), start, scale.body_min, width, height, spec.max_items)


def _inner(box: Box) -> tuple[float, float]:
    """Usable width and height in points inside a text frame's insets."""
    return (box.width - 2 * theme.INSET) / EMU_PER_PT, (box.height - 2 * theme.INSET) / EMU_PER_PT


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height  # type: ignore[attr-defined]


def _frame(shape: object, anchor: MSO_ANCHOR) -> object:
    tf = shape.text_frame  # type: ignore[attr-defined]
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = theme.INSET
    return tf


def _fill_title(slide: Slide, use: LayoutUse, text: str, scale: TypeScale, builtin: bool) -> None:
    shape = slide.placeholders[use.title_idx]
    shape.name = "Title"
    if builtin:
        _place(shape, use.title_box)
    width, height = _inner(use.title_box)
    size = scale.title_min
    for candidate in range(scale.title, scale.title_min - 1, -1):
        if len(wrap(text, candidate, width, bold=True)) <= TITLE_LINES and best_size([Para(text, bullet=False, bold=True)], candidate, candidate, width, height):
            size = candidate
            break
    tf = _frame(shape, MSO_ANCHOR.BOTTOM)
    # An organisation's template keeps its own colours; the built-in theme uses its accent.
    _write_paragraphs(tf, [Para(text, bullet=False, bold=True)], size, theme.ACCENT if builtin else None)


def _fill_body(slide: Slide, use: LayoutUse, paras: list[Para], size: int, builtin: bool) -> None:
    shape = slide.placeholders[use.body_idx]
    shape.name = "Body"
    if builtin:
        _place(shape, use.body_box)
    tf = _frame(shape, MSO_ANCHOR.TOP)
    if not paras:
        # An empty placeholder shows "Click to add text" in editors; remove it instead.
        shape._element.getparent().remove(shape._element)
        return
    _write_paragraphs(tf, paras, size, theme.TEXT if builtin else None)


def _write_paragraphs(tf: object, paras: list[Para], size: int, color: RGBColor | None) -> None:
    tf.clear()  # type: ignore[attr-defined]
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = PP_ALIGN.LEFT
        p.line_spacing = theme.LINE_SPACING
        p.space_after = Pt(size * theme.SPACE_AFTER)
        _bullet(p, para.bullet)
        run = p.add_run()
        run.text = xml_safe(para.text)
        font = run.font
        font.name = theme.FONT
        font.size = Pt(size)
        font.bold = para.bold
        if color is not None:
            font.color.rgb = color


def _bullet(paragraph: object, on: bool) -> None:
    """Set the bullet explicitly, so the measured indent is the real one in any template."""
    pPr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for el in pPr.findall(qn(tag)):
            pPr.remove(el)
    indent = int(theme.BULLET_INDENT_PT * EMU_PER_PT)
    pPr.set("marL", str(indent if on else 0))
    pPr.set("indent", str(-indent if on else 0))
    if on:
        font = pPr.makeelement(qn("a:buFont"), {"typeface": theme.FONT})
        char = pPr.makeelement(qn("a:buChar"), {"char": "•"})
        pPr.append(font)
        pPr.append(char)
    else:
        pPr.append(pPr.makeelement(qn("a:buNone"), {}))


def _accent_rule(slide: Slide) -> None:
    box = theme.RULE_BOX
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    rule.name = "Accent rule"
    rule.fill.solid()
    rule.fill.fore_color.rgb = theme.ACCENT
    rule.line.fill.background()


def _footer(slide: Slide, stage: Stage, help_line: str, number: int) -> None:
    height = stage.prs.slide_height or theme.SLIDE_HEIGHT
    for name, box, text, align in (
        ("Footer help", theme.FOOTER_BOX, help_line, PP_ALIGN.LEFT),
        ("Slide number", theme.NUMBER_BOX, str(number), PP_ALIGN.RIGHT),
    ):
        top = height - (theme.SLIDE_HEIGHT - box.top)
        shape = slide.shapes.add_textbox(Emu(box.left), Emu(top), Emu(box.width), Emu(box.height))
        shape.name = name
        tf = _frame(shape, MSO_ANCHOR.MIDDLE)
        size = theme.FOOTER_SIZE
        width, _h = _inner(box)
        while size > 10 and len(wrap(text, size, width)) > 1:
            size -= 1
        _write_paragraphs(tf, [Para(text, bullet=False)], size, theme.MUTED)
        tf.paragraphs[0].alignment = align  # type: ignore[attr-defined]


def build_date() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set, else a fixed date: the same inputs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None), dt.datetime(1980, 1, 1))
    return dt.datetime(1980, 1, 1)


def _core_properties(stage: Stage, pack: Pack) -> None:
    info = pack.participant.info
    props = stage.prs.core_properties
    props.title = xml_safe(info.title)
    props.subject = _("Online safety session for ages {audience}", audience=info.audience)
    props.author = props.last_modified_by = "facilitator"
    props.language = info.language
    props.keywords = "online safety; peer education"
    props.comments = _("Made with {tool} from ECPAT International's guide for children and young people.", tool=info.tool)
    props.category = ""
    props.revision = 1
    when = build_date()
    props.created = props.modified = props.last_printed = when


def _reproducible(stage: Stage) -> bytes:
    """The saved deck with every zip member dated :func:`build_date`."""
    raw = io.BytesIO()
    stage.prs.save(raw)
    stamp = build_date().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()
