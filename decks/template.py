"""Where slides come from: the built-in 16:9 theme or an organisation's own template.

Layouts are found by name. An organisation's template keeps its masters (logo, colours,
backgrounds); its sample slides are removed. A layout without the placeholder a slide needs is a
clear error naming the template, the layout and the placeholder.
"""

from __future__ import annotations

import io
import re
import zipfile
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
    data = _read_template(template)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception:  # python-pptx raises several types for non-pptx input
        raise FacilitatorError(Problem(str(template), 0, "--template", "is not a PowerPoint (.pptx) file", "save the template as .pptx")) from None
    _drop_slides(prs)
    _drop_external(prs)
    return Stage(prs, title=_use(prs, TITLE_LAYOUT, template), content=_use(prs, CONTENT_LAYOUT, template))


MAX_TEMPLATE_BYTES = 50_000_000
"""The largest template file read (a branded template is a few MB)."""
MAX_TEMPLATE_EXPANDED = 200_000_000
"""The most its members may expand to, all together, checked before anything is inflated."""
MAX_TEMPLATE_MEMBERS = 5_000
MAX_RATIO = 200
"""The most a member may shrink in the zip (XML compresses about 10 times; a zip bomb a thousand)."""
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _read_template(template: Path) -> bytes:
    """The template's bytes, after its zip directory is checked against the limits above (sizes
    as declared; a member that inflates past its declared size is caught by zipfile itself)."""
    where = str(template)
    try:
        size = template.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise FacilitatorError(Problem(where, 0, "--template", f"is {size:,} bytes, larger than the {MAX_TEMPLATE_BYTES:,} a template may be",
                                           "save the template without embedded videos or large pictures"))
        with template.open("rb") as f:
            data = f.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        raise FacilitatorError(Problem(where, 0, "--template", "does not exist", "give the path of a .pptx file")) from None
    except OSError as exc:
        raise FacilitatorError(Problem(where, 0, "--template", f"cannot be read: {exc.strerror}", "give the path of a .pptx file")) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FacilitatorError(Problem(where, 0, "--template", "is not a PowerPoint (.pptx) file", "save the template as .pptx")) from None
    if len(members) > MAX_TEMPLATE_MEMBERS:
        raise FacilitatorError(Problem(where, 0, "--template", f"holds {len(members):,} parts, more than a template may", "save it again from PowerPoint"))
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_TEMPLATE_EXPANDED:
        raise FacilitatorError(Problem(where, 0, "--template", f"expands to {expanded:,} bytes, more than the {MAX_TEMPLATE_EXPANDED:,} a template may",
                                       "save the template without embedded videos or large pictures"))
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise FacilitatorError(Problem(where, 0, "--template", f"holds {m.filename}, which expands {m.file_size // max(m.compress_size, 1):,} times (a zip bomb?)",
                                           "save the template again from PowerPoint"))
    return data


def _drop_external(prs: PresentationType) -> None:
    """Take out of the template what must never reach a participant deck: links to anything
    outside the file (``file:`` pictures, hyperlinks to trackers, linked media) and the macro
    project. The elements that used a link go with it; a linked picture keeps its embedded copy."""
    from pptx.opc.constants import CONTENT_TYPE as CT

    package_part = prs.part
    for rid, rel in list(package_part.rels.items()):
        if rel.reltype == VBA:
            package_part.rels.pop(rid)
    if package_part.content_type != CT.PML_PRESENTATION_MAIN:
        package_part._content_type = CT.PML_PRESENTATION_MAIN  # a macro-enabled (.pptm) main part becomes a plain one
    for part in list(prs.part.package.iter_parts()):
        external = [rid for rid, rel in part.rels.items() if rel.is_external or rel.reltype == VBA]
        if not external:
            continue
        element = getattr(part, "_element", None)
        if element is not None:
            for node in list(element.iter()):
                for name, value in list(node.attrib.items()):
                    if name.startswith("{" + _REL_NS + "}") and value in external:
                        del node.attrib[name]
                        local = node.tag.rsplit("}", 1)[-1]
                        if local in ("hlinkClick", "hlinkHover", "hlinkMouseOver", "snd", "wavAudioFile", "audioFile", "videoFile", "quickTimeFile"):
                            parent = node.getparent()
                            if parent is not None:
                                parent.remove(node)
                            break
        for rid in external:
            part.rels.pop(rid)


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
