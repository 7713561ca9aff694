"""Where slides come from: the built-in 16:9 theme or an organisation's own template.

Layouts are found by name. An organisation's template keeps its masters (logo, colours,
backgrounds); its sample slides are removed. A layout without the placeholder a slide needs is a
clear error naming the template, the layout and the placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout
from pptx.util import Emu, Inches

from decks.theme import BODY_BOX, FONT, SLIDE_HEIGHT, SLIDE_WIDTH, TITLE_BOX, Box
from facilitator.errors import FacilitatorError, Problem

MIN_BOX_WIDTH = Inches(3)
MIN_BOX_HEIGHT = Inches(0.75)
"""Smaller placeholders cannot hold a line of the smallest allowed type with room to read it."""

TITLE_LAYOUT = "Title Slide"
CONTENT_LAYOUT = "Title and Content"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


@dataclass(frozen=True)
class LayoutUse:
    """A layout and the placeholders the deck fills on it, with the boxes text must fit."""

    layout: SlideLayout
    title_idx: int
    body_idx: int
    title_box: Box
    body_box: Box


@dataclass(frozen=True)
class Stage:
    prs: PresentationType
    title: LayoutUse
    content: LayoutUse
    builtin: bool
    """True for the built-in theme, whose placeholders the writer positions itself."""


def open_stage(template: Path | None) -> Stage:
    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        _use_font_in_theme(prs, FONT)
        title_box = Box(TITLE_BOX.left, TITLE_BOX.top + (SLIDE_HEIGHT // 5), TITLE_BOX.width, TITLE_BOX.height)
        subtitle_box = Box(BODY_BOX.left, title_box.top + title_box.height + BODY_BOX.top // 8, BODY_BOX.width, BODY_BOX.height // 2)
        return Stage(
            prs,
            _use(prs, TITLE_LAYOUT, None, title_box, subtitle_box),
            _use(prs, CONTENT_LAYOUT, None, TITLE_BOX, BODY_BOX),
            builtin=True,
        )
    try:
        prs = Presentation(str(template))
    except FileNotFoundError:
        raise FacilitatorError(Problem(str(template), 0, "--template", "does not exist", "give the path of a .pptx file")) from None
    except Exception:  # python-pptx raises several types for non-pptx input
        raise FacilitatorError(Problem(str(template), 0, "--template", "is not a PowerPoint (.pptx) file", "save the template as .pptx")) from None
    _drop_slides(prs)
    return Stage(prs, _use(prs, TITLE_LAYOUT, template), _use(prs, CONTENT_LAYOUT, template), builtin=False)


def _use(prs: PresentationType, name: str, template: Path | None, title_box: Box | None = None, body_box: Box | None = None) -> LayoutUse:
    layout = prs.slide_layouts.get_by_name(name)
    where = str(template) if template else "built-in theme"
    if layout is None:
        names = ", ".join(l.name for l in prs.slide_layouts)
        raise FacilitatorError(Problem(where, 0, "--template", f"has no layout named '{name}' (it has: {names})", f"rename a layout to '{name}' in the slide master"))
    title = next((p for p in layout.placeholders if p.placeholder_format.type in TITLE_TYPES), None)
    body = next((p for p in layout.placeholders if p.placeholder_format.type in BODY_TYPES), None)
    for what, ph in (("title", title), ("body text", body)):
        if ph is None:
            raise FacilitatorError(Problem(where, 0, "--template", f"layout '{name}' has no {what} placeholder", f"add a {what} placeholder to '{name}' in the slide master"))
    assert title is not None and body is not None
    use = LayoutUse(
        layout,
        title.placeholder_format.idx,
        body.placeholder_format.idx,
        title_box or Box(title.left or 0, title.top or 0, title.width or 0, title.height or 0),
        body_box or Box(body.left or 0, body.top or 0, body.width or 0, body.height or 0),
    )
    for what, box in (("title", use.title_box), ("body text", use.body_box)):
        if box.width < MIN_BOX_WIDTH or box.height < MIN_BOX_HEIGHT:
            size = f"{Emu(box.width).inches:.1f} x {Emu(box.height).inches:.1f} in"
            raise FacilitatorError(Problem(where, 0, "--template", f"layout '{name}' has a {what} placeholder of only {size}", "make it at least 3 x 0.75 in in the slide master"))
    return use


def _drop_slides(prs: PresentationType) -> None:
    """Remove a template's sample slides, keeping its masters and layouts."""
    id_list = prs.slides._sldIdLst  # python-pptx has no public API for removing slides
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


def _use_font_in_theme(prs: PresentationType, font: str) -> None:
    """Make the built-in theme's heading and body fonts ``font`` (it ships with Calibri)."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\g<1>{font}"', xml)
    theme._blob = xml.encode("utf-8")  # a plain Part: its blob is the stored bytes
