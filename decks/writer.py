"""Write a Pack as a 16:9 slide deck with speaker notes.

The outline (:mod:`decks.slide_plan`) gives slides of kinds; each kind's main text is set at one size
for the whole deck: the largest size, from the kind's start down to the band's minimum, at which
every slide of that kind fits. Only a slide that still does not fit at the minimum continues on a
"(continued)" slide. Text is measured to fit Arial, Liberation Sans and DejaVu Sans alike (see
:mod:`decks.fitting`); the writer never relies on autofit. The file is byte-identical for the same
pack and ``SOURCE_DATE_EPOCH``: zip members and core properties carry a fixed date.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from typing import Any, BinaryIO

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide

from decks import draw, slide_kinds
from decks.fitting import Para, fits, paginate, wrap
from decks.slide_plan import outline
from decks.slides import SlideSpec
from decks.template import LayoutUse, Stage, open_stage
from decks.theme import FOOTER_BOX, FOOTER_MIN, FOOTER_SIZE, MAX_POINTS, NUMBER_BOX, PAGE_H, THEMES, Box, Theme
from facilitator.errors import FacilitatorError, Problem
from facilitator.fitting import largest_fitting
from facilitator.model import Pack, RenderConfig, Words
from facilitator.xmltext import xml_safe


def write(pack: Pack, out: BinaryIO, config: RenderConfig) -> int:
    """Write ``pack`` to ``out`` (.pptx), built on ``config.template``'s layouts when given; return
    the number of slides."""
    _ = config.words
    stage = open_stage(config.template)
    theme = THEMES[pack.participant.info.band.name]
    specs = outline(pack, _)
    slides = _fitted_builtin(specs, theme) if stage.builtin else _fitted_template(specs, stage, theme)
    for number, (spec, size, paras) in enumerate(slides, 1):
        if not spec.continued:
            title = spec.title
        elif spec.continued == 1:
            title = _("{title} (continued)", title=spec.title)
        else:
            title = _("{title} (continued, {n})", title=spec.title, n=spec.continued)
        if stage.builtin:
            slide = _builtin_slide(stage, spec, title, theme, size)
        else:
            slide = _template_slide(stage, spec, title, theme, size, paras)
        slide.name = spec.kind  # the slide's kind, for tests and for anyone reading the XML
        _footer(slide, stage, theme, pack.participant.help_line, number)
        draw.title_first(slide)
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None
        notes.text = xml_safe("\n".join(spec.notes))
    when = build_date(config.epoch)
    _core_properties(stage, pack, _, when)
    out.write(_reproducible(stage, when))
    return len(slides)


# -- sizes ---------------------------------------------------------------------------------------


def kind_sizes(specs: list[SlideSpec], theme: Theme) -> dict[str, int]:
    """One size per kind: the largest from the kind's start down to the band's minimum at which
    every slide of that kind fits (the minimum when one never does)."""
    sizes: dict[str, int] = {}
    for kind in dict.fromkeys(s.kind for s in specs):
        of_kind = [s for s in specs if s.kind == kind]
        start = slide_kinds.start_size(kind, theme.scale)
        size = largest_fitting(start, theme.scale.body_min, lambda size: all(slide_kinds.fits(s, theme, int(size)) for s in of_kind))
        sizes[kind] = theme.scale.body_min if size is None else int(size)
    return sizes


Fitted = list[tuple[SlideSpec, int, list[Para]]]
"""Each slide with its size and, on a template, the paragraphs of its body placeholder."""


def _fitted_builtin(specs: list[SlideSpec], theme: Theme) -> Fitted:
    sizes = kind_sizes(specs, theme)
    return [(piece, sizes[spec.kind], []) for spec in specs for piece in slide_kinds.split(spec, theme, sizes[spec.kind])]


def _fitted_template(specs: list[SlideSpec], stage: Stage, theme: Theme) -> Fitted:
    """On an organisation's template every kind's text goes in its body placeholder, as
    paragraphs; one size per kind, and continued slides only as the last resort."""
    out: Fitted = []
    scale = theme.scale
    by_kind: dict[str, int] = {}
    for kind in dict.fromkeys(s.kind for s in specs):
        use = _use_for(stage, kind)
        width, height = use.body_box.inner()
        start = slide_kinds.start_size(kind, scale)
        of_kind = [s.paras() for s in specs if s.kind == kind]
        size = largest_fitting(start, scale.body_min, lambda size: all(fits(p, size, width, height) for p in of_kind if p))
        by_kind[kind] = scale.body_min if size is None else int(size)
    for spec in specs:
        paras = spec.paras()
        if spec.kind == "opener" and not paras:
            continue  # a template has no opener layout: a title alone would be an empty slide
        size = by_kind[spec.kind]
        use = _use_for(stage, spec.kind)
        width, height = use.body_box.inner()
        # The agenda is never split into a one-line "continued" slide: it is one list.
        limit = len(paras) if spec.kind == "agenda" else MAX_POINTS + 3
        pages = paginate(paras, size, width, height, max_items=limit) if paras else [[]]
        for i, page in enumerate(pages):
            out.append((replace(spec, continued=spec.continued + i), size, page))
    return out


def _use_for(stage: Stage, kind: str) -> LayoutUse:
    use = stage.title if kind in ("title", "closing") else stage.content
    assert use is not None
    return use


# -- slides --------------------------------------------------------------------------------------


def _builtin_slide(stage: Stage, spec: SlideSpec, title: str, theme: Theme, size: int) -> Slide:
    assert stage.plain is not None
    slide = stage.prs.slides.add_slide(stage.plain)
    background = slide.background.fill
    background.solid()
    # The cover slides are set on the accent colour; shapes never cover the title (it comes first).
    cover = spec.kind in ("title", "closing")
    background.fore_color.rgb = draw.rgb(theme.palette.accent if cover else theme.palette.background)
    slide_kinds.draw_slide(slide, spec, theme, size)
    start, minimum, lines, colour = slide_kinds.title_style(spec, theme)
    _fill_title(slide, slide_kinds.title_box(spec), title, start, minimum, lines, colour,
                MSO_ANCHOR.MIDDLE if spec.kind == "opener" else MSO_ANCHOR.BOTTOM)
    return slide


def _template_slide(stage: Stage, spec: SlideSpec, title: str, theme: Theme, size: int, paras: list[Para]) -> Slide:
    use = _use_for(stage, spec.kind)
    slide = stage.prs.slides.add_slide(use.layout)
    shape = slide.placeholders[use.title_idx]
    shape.name = "Title"
    fitted = int(largest_fitting(theme.scale.title, theme.scale.title_min, lambda size: _title_fits(title, int(size), use.title_box, 2)) or theme.scale.title_min)
    draw.write(draw.frame(shape, MSO_ANCHOR.BOTTOM), [Para(title, bullet=False, bold=True)], fitted, None)
    body = slide.placeholders[use.body_idx]
    body.name = "Body"
    # The body may start lower than the layout's placeholder, so the title never covers it.
    draw.place(body, use.body_box)
    if not paras:
        body._element.getparent().remove(body._element)  # an empty placeholder says "Click to add text"
    else:
        draw.write(draw.frame(body), paras, size, None)
    return slide


def _title_fits(title: str, size: int, box: Box, lines: int) -> bool:
    width, height = box.inner()
    return len(wrap(title, size, width, bold=True)) <= lines and fits([Para(title, bullet=False, bold=True)], size, width, height)


def _fill_title(slide: Slide, box: Box, title: str, start: int, minimum: int, lines: int, colour: str, anchor: MSO_ANCHOR) -> None:
    shape = slide.shapes.title
    assert shape is not None  # every layout the built-in theme uses has a title
    shape.name = "Title"
    draw.place(shape, box)
    size = largest_fitting(start, minimum, lambda size: _title_fits(title, int(size), box, lines))
    if size is None:
        raise FacilitatorError(Problem(field="title", message=f"'{title[:60]}…' is too long for a slide title", hint="shorten the session title (--title) or the section's title"))
    draw.write(draw.frame(shape, anchor), [Para(title, bullet=False, bold=True)], int(size), colour)


def _footer(slide: Slide, stage: Stage, theme: Theme, help_line: str, number: int) -> None:
    """The help line and the slide number: in the template's own footer placeholders when its
    layout has them, else in text boxes at the foot of the slide."""
    height = (stage.prs.slide_height or 0) / 12700 or PAGE_H
    colour = None if not stage.builtin else theme.palette.muted
    layout_placeholders = {ph.placeholder_format.type: ph for ph in list(slide.slide_layout.placeholders)}  # type: ignore[misc]
    for name, kind, box, text, align_to in (
        ("Footer help", PP_PLACEHOLDER.FOOTER, FOOTER_BOX, help_line, PP_ALIGN.LEFT),
        ("Slide number", PP_PLACEHOLDER.SLIDE_NUMBER, NUMBER_BOX, str(number), PP_ALIGN.RIGHT),
    ):
        layout_ph = None if stage.builtin else layout_placeholders.get(kind)
        if layout_ph is not None:
            slide.shapes.clone_placeholder(layout_ph)
            shape: Any = slide.shapes[-1]
            box = Box(*(ph / 12700 for ph in (layout_ph.left, layout_ph.top, layout_ph.width, layout_ph.height)))
            align: PP_ALIGN | None = None  # the template's own alignment
        else:
            box = Box(box.left, height - (PAGE_H - box.top), box.width, box.height)
            shape = slide.shapes.add_textbox(draw.emu(box.left), draw.emu(box.top), draw.emu(box.width), draw.emu(box.height))
            align = align_to
        shape.name = name
        width, _h = box.inner()
        size = int(largest_fitting(FOOTER_SIZE, FOOTER_MIN, lambda size: len(wrap(text, size, width)) == 1) or FOOTER_MIN)
        tf = draw.frame(shape, MSO_ANCHOR.MIDDLE)
        draw.write(tf, [Para(text, bullet=False)], size, colour, align or PP_ALIGN.LEFT)
        if align is None:
            tf.paragraphs[0].alignment = None


# -- reproducible bytes ----------------------------------------------------------------------------


def build_date(epoch: int | None) -> dt.datetime:
    """The date stored in the deck: ``SOURCE_DATE_EPOCH`` (``epoch``, validated by the request)
    when set, else a fixed date, so the same inputs give the same bytes."""
    if epoch is None:
        return dt.datetime(1980, 1, 1)
    return max(dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None), dt.datetime(1980, 1, 1))


def _core_properties(stage: Stage, pack: Pack, _: Words, when: dt.datetime) -> None:
    info = pack.participant.info
    props = stage.prs.core_properties
    props.title = xml_safe(info.title)[:255]
    props.subject = _("Online safety session for ages {audience}", audience=info.audience)
    props.author = props.last_modified_by = "facilitator"
    props.language = info.language
    props.keywords = "online safety; peer education"
    props.comments = _("Made with {tool} from ECPAT International's guide for children and young people.", tool=info.tool)
    props.category = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when


def _reproducible(stage: Stage, when: dt.datetime) -> bytes:
    """The saved deck with every zip member dated ``when``."""
    raw = io.BytesIO()
    stage.prs.save(raw)
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()
