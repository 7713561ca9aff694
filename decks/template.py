"""Where slides come from: the built-in 16:9 theme or an organisation's own template.

Layouts are found by name. An organisation's template keeps its masters (logo, colours,
backgrounds); its sample slides are removed. A layout without the placeholder a slide needs is a
clear error naming the template, the layout and the placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout
from pptx.util import Emu

from decks.theme import FONT, SLIDE_HEIGHT, SLIDE_WIDTH, Box
from facilitator.errors import FacilitatorError, Problem

MIN_BOX_WIDTH = 216.0
MIN_BOX_HEIGHT = 54.0
"""Smaller placeholders cannot hold a line of the smallest allowed type with room to read it."""

TITLE_LAYOUT = "Title Slide"
CONTENT_LAYOUT = "Title and Content"
PLAIN_LAYOUT = "Title Only"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
FOOT_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


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
    """Where slides are added: the built-in theme (every slide on its "Title Only" layout, drawn
    kind by kind by :mod:`decks.slide_kinds`) or an organisation's template (its title and content
    layouts, text in their placeholders)."""

    prs: PresentationType
    plain: SlideLayout | None = None
    title: LayoutUse | None = None
    content: LayoutUse | None = None

    @property
    def builtin(self) -> bool:
        return self.plain is not None


def open_stage(template: Path | None) -> Stage:
    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        _use_font_in_theme(prs, FONT)
        return Stage(prs, plain=prs.slide_layouts.get_by_name(PLAIN_LAYOUT))
    try:
        prs = Presentation(str(template))
    except FileNotFoundError:
        raise FacilitatorError(Problem(str(template), 0, "--template", "does not exist", "give the path of a .pptx file")) from None
    except Exception:  # python-pptx raises several types for non-pptx input
        raise FacilitatorError(Problem(str(template), 0, "--template", "is not a PowerPoint (.pptx) file", "save the template as .pptx")) from None
    _drop_slides(prs)
    return Stage(prs, title=_use(prs, TITLE_LAYOUT, template), content=_use(prs, CONTENT_LAYOUT, template))


def _box(shape: object) -> Box:
    """A placeholder's rectangle in points."""
    return Box(*(Emu(getattr(shape, name) or 0).pt for name in ("left", "top", "width", "height")))


def _use(prs: PresentationType, name: str, template: Path) -> LayoutUse:
    layout = prs.slide_layouts.get_by_name(name)
    where = str(template)
    if layout is None:
        names = ", ".join(layout.name for layout in prs.slide_layouts)
        raise FacilitatorError(Problem(where, 0, "--template", f"has no layout named '{name}' (it has: {names})", f"rename a layout to '{name}' in the slide master"))
    placeholders: list[Any] = list(layout.placeholders)  # type: ignore[misc]
    title = next((p for p in placeholders if p.placeholder_format.type in TITLE_TYPES), None)
    body = next((p for p in placeholders if p.placeholder_format.type in BODY_TYPES), None)
    for what, ph in (("title", title), ("body text", body)):
        if ph is None:
            raise FacilitatorError(Problem(where, 0, "--template", f"layout '{name}' has no {what} placeholder", f"add a {what} placeholder to '{name}' in the slide master"))
    assert title is not None and body is not None
    title_box, body_box = _box(title), _box(body)
    if body_box.top < title_box.bottom and body_box.bottom > title_box.bottom and title_box.left < body_box.right and body_box.left < title_box.right:
        # The title must never sit on the first line of the body: start the body below it.
        body_box = Box(body_box.left, title_box.bottom, body_box.width, body_box.bottom - title_box.bottom)
    for foot in (p for p in placeholders if p.placeholder_format.type in FOOT_TYPES):
        # Nor may the body run into the template's footer, slide number or date.
        fb = _box(foot)
        if fb.top < body_box.bottom and fb.bottom > body_box.top and fb.left < body_box.right and body_box.left < fb.right:
            body_box = Box(body_box.left, body_box.top, body_box.width, fb.top - body_box.top)
    use = LayoutUse(layout, title.placeholder_format.idx, body.placeholder_format.idx, title_box, body_box)
    for what, box in (("title", use.title_box), ("body text", use.body_box)):
        if box.width < MIN_BOX_WIDTH or box.height < MIN_BOX_HEIGHT:
            size = f"{box.width / 72:.1f} x {box.height / 72:.1f} in"
            raise FacilitatorError(Problem(where, 0, "--template", f"layout '{name}' has a {what} placeholder of only {size}", "make it at least 3 x 0.75 in in the slide master"))
    return use


def _drop_slides(prs: PresentationType) -> None:
    """Remove a template's sample slides, keeping its masters and slide_kinds."""
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
