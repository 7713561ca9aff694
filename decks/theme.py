"""The deck's look: 16:9 geometry, one theme per age band, and type sizes per slide kind.

Themes follow DESIGN.md: 10-12 warmer colours, larger type and rounder shapes; 13-15 and 16-17
contemporary; adults sober. Body type is at least 28 pt for 10-12 and 24 pt for older bands; titles
about 40 pt. Every text colour has a contrast of at least 4.5:1 against what it is set on (a test
computes it from these colours), and meaning is never carried by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.util import Emu, Inches

from facilitator.model.audience import band_named

SLIDE_WIDTH = Emu(12192000)  # exactly 16:9 with the 7.5 in height
SLIDE_HEIGHT = Inches(7.5)
EMU_PER_PT = 12700
PAGE_W = SLIDE_WIDTH / EMU_PER_PT  # 960 pt
PAGE_H = SLIDE_HEIGHT / EMU_PER_PT  # 540 pt

FONT = "Arial"
"""Every office suite has Arial or a metric-compatible font; text is measured to fit Arial,
Liberation Sans and DejaVu Sans alike (see :mod:`decks.fitting`)."""

LINE_SPACING = 1.0
"""Line spacing set on every paragraph (a multiple of the font's line height)."""
LINE_HEIGHT = 1.2
"""A line's height as a multiple of the size, for the widest of the fonts the deck may be shown
in (DejaVu Sans: 1.164)."""
SPACE_AFTER = 0.25
"""Space after each paragraph, as a multiple of its size."""
BULLET_INDENT_PT = 30.0
"""Width taken by a bullet and its hanging indent."""
INSET_PT = 6.0
"""Inner margin of every text box."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width

    def inner(self) -> tuple[float, float]:
        """Width and height left for text inside the box's insets."""
        return self.width - 2 * INSET_PT, self.height - 2 * INSET_PT


MARGIN = 54.0
TITLE_BOX = Box(MARGIN, 16, PAGE_W - 2 * MARGIN, 94)
RULE_BOX = Box(MARGIN, 116, 96, 5)
BODY_BOX = Box(MARGIN, 124, PAGE_W - 2 * MARGIN, 376)
FOOTER_BOX = Box(MARGIN, 504, PAGE_W - 2 * MARGIN - 70, 30)
NUMBER_BOX = Box(PAGE_W - MARGIN - 60, 504, 60, 30)
FOOTER_SIZE = 14
FOOTER_MIN = 11


@dataclass(frozen=True)
class Palette:
    """Colours as hex strings. ``on_accent`` is text set on ``accent``; ``ink`` and ``accent`` are
    set on ``background`` and on ``tint``."""

    background: str
    ink: str
    muted: str
    accent: str
    on_accent: str
    second: str
    """A second colour for shapes and labels (set on ``background``)."""
    tint: str
    """A light fill for cards and panels."""
    line: str
    """Rules and outlines (decorative)."""


@dataclass(frozen=True)
class TypeScale:
    """Type sizes in points for one band: where each kind's main text starts, and the smallest
    any participant text may be."""

    title: int
    title_min: int
    body: int
    body_min: int
    large: int
    """One question or statement set large (discussion, myth or fact, content note)."""
    cover: int
    """The session title on the title slide, the opener's title, "Thank you"."""


@dataclass(frozen=True)
class Theme:
    name: str
    palette: Palette
    scale: TypeScale
    radius: float
    """Corner rounding of cards and panels (0 for square corners, up to 0.5)."""


def _scale(band: str, title: int, title_min: int, large: int, cover: int) -> TypeScale:
    """A band's type scale: its body sizes come from the band's type policy (the model's, the
    same one the printables use); titles and large text are the deck's own."""
    policy = band_named(band).type
    return TypeScale(title=title, title_min=title_min, body=policy.slide_body, body_min=policy.slide_body_min, large=large, cover=cover)


THEMES: dict[str, Theme] = {
    # Warm and round: cream paper, a terracotta accent, a teal second colour.
    "10-12": Theme(
        "10-12",
        Palette(background="FFF8EF", ink="2A1F17", muted="5C4B3F", accent="B4400F", on_accent="FFFFFF",
                second="0F6B63", tint="FCE7D2", line="E9B48A"),
        _scale("10-12", title=44, title_min=34, large=40, cover=54),
        radius=0.22,
    ),
    # Contemporary: white, deep indigo, teal.
    "13-15": Theme(
        "13-15",
        Palette(background="FFFFFF", ink="1B1D3A", muted="4A4E6A", accent="4338CA", on_accent="FFFFFF",
                second="0E7490", tint="E8EAFE", line="A5B4FC"),
        _scale("13-15", title=40, title_min=32, large=36, cover=50),
        radius=0.12,
    ),
    "16-17": Theme(
        "16-17",
        Palette(background="F8FAFC", ink="0F172A", muted="475569", accent="6D28D9", on_accent="FFFFFF",
                second="0F766E", tint="EDE9FE", line="C4B5FD"),
        _scale("16-17", title=40, title_min=32, large=36, cover=50),
        radius=0.08,
    ),
    # Sober: white, navy, slate; square corners.
    "adults": Theme(
        "adults",
        Palette(background="FFFFFF", ink="1F2937", muted="4B5563", accent="1E3A5F", on_accent="FFFFFF",
                second="365F7E", tint="E8EDF2", line="9FB3C8"),
        _scale("adults", title=40, title_min=32, large=34, cover=48),
        radius=0.0,
    ),
}

MAX_POINTS = 5
"""At most this many points on one slide; more continue on a new slide."""


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of ``RRGGBB``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """Every (text colour, background, where) pair the deck sets text in."""
    return [
        (p.ink, p.background, "text on the slide"),
        (p.muted, p.background, "secondary text on the slide"),
        (p.accent, p.background, "titles and times"),
        (p.second, p.background, "labels"),
        (p.ink, p.tint, "text in cards"),
        (p.muted, p.tint, "secondary text in cards"),
        (p.accent, p.tint, "labels in cards"),
        (p.on_accent, p.accent, "text on accent shapes"),
        (p.on_accent, p.second, "text on second-colour shapes"),
    ]
