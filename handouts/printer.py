"""What the three printables share: colours, fonts, paragraph styles, escaping and the glyph check.

Every string reaches reportlab through a :class:`Printer`, which escapes it (:func:`para_text`) and
remembers it, so that :meth:`Printer.check_glyphs` can refuse a font that lacks a character
*before* anything is drawn (reportlab would silently print empty boxes).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from facilitator.errors import FacilitatorError, Problem
from facilitator.model import Band, RenderConfig
from facilitator.model.audience import print_type
from facilitator.model.config import PAPERS
from facilitator.xmltext import markup_escape, xml_safe

# One accent (a dark blue that prints as dark grey) and its tint; everything else is near-black.
INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1d4f73")
TINT = colors.HexColor("#e8eff5")
RULE = colors.HexColor("#9aa5ae")
MUTED = colors.HexColor("#4a4a4a")

BULLET = "\u2022"

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

# DEL and the C1 controls are legal XML but have no glyph to print.
_UNPRINTABLE = re.compile("[\x7f-\x9f]")


def clean_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (control characters other than tab and
    newline) or that cannot be printed; line endings become ``\\n``."""
    return _UNPRINTABLE.sub("", xml_safe(text.replace("\r\n", "\n").replace("\r", "\n")))


def para_text(text: str) -> str:
    """``text`` made safe for reportlab's paragraph markup: cleaned, then ``& < > " '`` escaped."""
    return markup_escape(clean_text(text))


def paragraphs_of(text: str) -> list[str]:
    """Blank-line separated paragraphs of ``text``, each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean_text(text)) if p.strip()]


def paper_size(paper: str) -> tuple[float, float]:
    """The page size in points for ``paper`` (``a4`` or ``letter``)."""
    try:
        return PAGE_SIZES[paper.lower()]
    except KeyError:
        raise FacilitatorError(Problem(field="paper", message=f"'{paper}' is not a paper size", hint="use " + " or ".join(PAPERS))) from None


# -- fonts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    """The two registered faces of one document."""

    regular: str
    bold: str
    regular_path: Path
    bold_path: Path


@lru_cache(maxsize=16)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont as FTFont
    from fontTools.ttLib import TTLibError

    try:
        with FTFont(str(path), lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError, AssertionError) as exc:
        raise FacilitatorError(Problem(file=str(path), field="font", message=f"cannot be read as a font: {exc}", hint="give a TrueType (.ttf) file")) from None


def printable_chars(texts: Iterable[str]) -> set[str]:
    """The characters in ``texts`` that need a glyph (not whitespace, not format controls)."""
    return {ch for t in texts for ch in clean_text(t) if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")}


def missing_glyphs(font_path: Path, chars: Iterable[str]) -> list[str]:
    """The characters of ``chars`` that the font at ``font_path`` has no glyph for, sorted."""
    cmap = _cmap(Path(font_path))
    return sorted({ch for ch in chars if ord(ch) not in cmap})


def check_glyphs(font_path: Path, texts: Iterable[str]) -> None:
    """Raise :class:`FacilitatorError` naming every character of ``texts`` the font cannot print."""
    missing = missing_glyphs(font_path, printable_chars(texts))
    if missing:
        named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing)
        raise FacilitatorError(Problem(file=str(font_path), field="font", message=f"has no glyphs for: {named}", hint="choose a font that covers them"))


def _register(path: Path) -> str:
    """Register the TrueType file at ``path`` once; the name depends only on the path."""
    name = "F" + hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:10]
    if name not in pdfmetrics.getRegisteredFontNames():
        if not path.is_file():
            raise FacilitatorError(Problem(file=str(path), field="font", message="does not exist", hint="give the path of a TrueType (.ttf) file"))
        _cmap(path)  # a clear error for files that are not fonts at all
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # reportlab raises bare TTFError/AssertionError for CFF and broken fonts
            raise FacilitatorError(Problem(file=str(path), field="font", message=f"cannot be embedded: {exc}", hint="give a TrueType (.ttf) file with TrueType outlines")) from None
    return name


def register_fonts(config: RenderConfig) -> Fonts:
    """Register the document's regular and bold faces (and ``<b>`` between them)."""
    regular_path, bold_path = config.fonts  # a custom regular face without a bold one serves as both
    regular, bold = _register(regular_path), _register(bold_path)
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    return Fonts(regular, bold, regular_path, bold_path)


# -- sizes and styles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points for one document."""

    body: float
    small: float
    chrome: float
    """Running header and footer."""
    floor: float
    """The smallest size any text but the running header and footer may be set at (an address or
    a card is never shrunk below it)."""


GUIDE_FLOOR = 10.5
"""The facilitator guide is read standing up: nothing in it is smaller than this."""


def sizes_for(config: RenderConfig, band: Band, cards: bool = False, guide: bool = False) -> Sizes:
    """The band's body size (its type policy: e.g. 11 pt, 12 pt for 10-12, 14 pt or more in large
    print; cards bigger still); the guide has no text under 10.5 pt."""
    policy = band.type
    if cards:
        body = policy.card_body_large if config.large_print else policy.card_body
    else:
        body = policy.print_body_large if config.large_print else policy.print_body
    shared = print_type(config.large_print)
    # Large print has no small type: readers who need it need it for the contacts too.
    small = body if config.large_print else max(body - 2, shared.small_min)
    floor = shared.floor
    if guide:
        small, floor = max(small, GUIDE_FLOOR), max(floor, GUIDE_FLOOR)
    return Sizes(body, small, shared.chrome, floor)


HEADING_STYLES = frozenset({"title", "h1", "h2", "h3"})
"""Paragraphs in these styles stay with what follows them (see :func:`handouts.pages.keep_headings`)."""


def make_styles(fonts: Fonts, sizes: Sizes, large_print: bool = False) -> dict[str, ParagraphStyle]:
    """The paragraph styles every printable uses, by name. In large print, small text is black
    too (full contrast)."""
    b = sizes.body
    muted = INK if large_print else MUTED
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=b, leading=b * 1.3, textColor=INK, alignment=TA_LEFT, spaceAfter=b * 0.4)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": style("title", fontName=fonts.bold, fontSize=b * 2.0, leading=b * 2.4, textColor=ACCENT, spaceAfter=b * 0.5),
        "h1": style("h1", fontName=fonts.bold, fontSize=b * 1.55, leading=b * 1.9, textColor=ACCENT, spaceBefore=b * 0.9, spaceAfter=b * 0.45),
        "h2": style("h2", fontName=fonts.bold, fontSize=b * 1.2, leading=b * 1.5, textColor=ACCENT, spaceBefore=b * 0.7, spaceAfter=b * 0.3),
        "h3": style("h3", fontName=fonts.bold, fontSize=b * 1.05, leading=b * 1.35, spaceBefore=b * 0.4, spaceAfter=b * 0.2),
        "label": style("label", fontName=fonts.bold, fontSize=sizes.small, leading=sizes.small * 1.3, textColor=ACCENT, spaceAfter=b * 0.25),
        "small": style("small", fontSize=sizes.small, leading=sizes.small * 1.35, textColor=muted, spaceAfter=sizes.small * 0.3),
        "note": style("note", fontSize=sizes.small, leading=sizes.small * 1.35, textColor=INK, spaceAfter=sizes.small * 0.3),
        "bullet": style("bullet", leftIndent=b * 1.4, bulletIndent=b * 0.3, bulletFontName=fonts.regular, bulletFontSize=b, spaceAfter=b * 0.25),
        "bullet_small": style(
            "bullet_small", fontSize=sizes.small, leading=sizes.small * 1.35, leftIndent=sizes.small * 1.3,
            bulletIndent=0, bulletFontName=fonts.regular, bulletFontSize=sizes.small, spaceAfter=0,
        ),
        "cell": style("cell", spaceAfter=0),
        "cell_bold": style("cell_bold", fontName=fonts.bold, spaceAfter=0),
        "cell_small": style("cell_small", fontSize=sizes.small, leading=sizes.small * 1.35, spaceAfter=0),
        "chrome": style("chrome", fontSize=sizes.chrome, leading=sizes.chrome * 1.3, spaceAfter=0),
    }


# -- the printer --------------------------------------------------------------------------------


class Printer:
    """Fonts, styles and escaping for one document, with a record of every string it will print."""

    def __init__(self, config: RenderConfig, band: Band, cards: bool = False, guide: bool = False) -> None:
        self.config = config
        self.words = config.words
        self.page_size = paper_size(config.paper)
        self.fonts = register_fonts(config)
        self.sizes = sizes_for(config, band, cards, guide)
        self.styles = make_styles(self.fonts, self.sizes, config.large_print)
        self._printed: set[str] = {BULLET}

    def resized(self, body: float) -> Printer:
        """The same printer (fonts, record) with body type of ``body`` points, for fitting text;
        small type stays at or above the document's floor."""
        other = object.__new__(Printer)
        other.__dict__.update(self.__dict__)
        floor = self.sizes.floor
        small = min(body, max(body - 2, print_type(self.config.large_print).fitted_small_min, floor))
        other.sizes = Sizes(body, small, self.sizes.chrome, floor)
        other.styles = make_styles(self.fonts, other.sizes, self.config.large_print)
        return other

    def text(self, text: str) -> str:
        """``text`` cleaned for drawing straight on the canvas (no markup), and recorded."""
        cleaned = clean_text(text)
        self._printed.add(cleaned)
        return cleaned

    def markup(self, text: str, bold: bool = False) -> str:
        """``text`` escaped for a paragraph (optionally bold), and recorded."""
        self._printed.add(text)
        return f"<b>{para_text(text)}</b>" if bold else para_text(text)

    def para(self, text: str, style: str = "body", lead: str = "", **overrides: object) -> Paragraph:
        """One paragraph of ``text``; ``lead`` is printed before it in bold (e.g. a term)."""
        body = self.markup(" ".join(clean_text(text).split()))
        if lead:
            body = f"{self.markup(lead, bold=True)} {body}" if body else self.markup(lead, bold=True)
        st = self.styles[style]
        if overrides:
            st = ParagraphStyle(f"{style}+", parent=st, **overrides)
        p = Paragraph(body, st)
        if style in HEADING_STYLES:
            p.keep_with_next = True  # type: ignore[attr-defined]
        return p

    def paras(self, text: str, style: str = "body") -> list[Paragraph]:
        """One paragraph per blank-line separated part of ``text``."""
        return [self.para(p, style) for p in paragraphs_of(text)]

    def bullet(self, text: str, marker: str = BULLET, style: str = "bullet", lead: str = "") -> Paragraph:
        """A list item with ``marker`` (a bullet or a number) hanging in the margin."""
        p = self.para(text, style, lead=lead)
        p.bulletText = self.text(marker)
        return p

    def check_glyphs(self) -> None:
        """Refuse the fonts if they lack a glyph for anything recorded so far."""
        _ = self.words
        texts = [*self._printed, _("Page {page} of {total}", page="0123456789", total=""), "..."]
        for path in dict.fromkeys((self.fonts.regular_path, self.fonts.bold_path)):
            check_glyphs(path, texts)
