"""The deck's look: 16:9 geometry, colours, the font, and type sizes per age band.

Calm and plain: white background, near-black text, one accent colour and its tint. Sizes follow
DESIGN.md: body at least 28 pt for 10-12 and 24 pt for older bands; titles about 40 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches

SLIDE_WIDTH = Emu(12192000)  # exactly 16:9 with the 7.5 in height
SLIDE_HEIGHT = Inches(7.5)

FONT = "Arial"
"""Every office suite has Arial; its metrics match the Helvetica metrics used to measure text."""
MEASURE_FONT = "Helvetica"
MEASURE_FONT_BOLD = "Helvetica-Bold"

TEXT = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x5F, 0x7A)
TINT = RGBColor(0xE4, 0xEE, 0xF2)
MUTED = RGBColor(0x44, 0x44, 0x44)

LINE_SPACING = 1.1
"""Line spacing set on every paragraph (a multiple of the font's line height)."""
LINE_HEIGHT = 1.2
"""Arial's line height as a multiple of its size (ascent + descent + gap, rounded up)."""
SPACE_AFTER = 0.35
"""Space after each paragraph, as a multiple of its size."""
BULLET_INDENT_PT = 30.0
"""Width taken by a bullet and its hanging indent in the default layouts."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int


MARGIN = Inches(0.75)
TITLE_BOX = Box(MARGIN, Inches(0.45), SLIDE_WIDTH - 2 * MARGIN, Inches(1.5))
BODY_BOX = Box(MARGIN, Inches(2.15), SLIDE_WIDTH - 2 * MARGIN, Inches(4.45))
FOOTER_BOX = Box(MARGIN, Inches(6.85), Inches(10.6), Inches(0.55))
NUMBER_BOX = Box(SLIDE_WIDTH - MARGIN - Inches(1.0), Inches(6.85), Inches(1.0), Inches(0.55))
RULE_BOX = Box(MARGIN, Inches(2.0), Inches(1.6), Emu(Inches(0.06)))
INSET = Inches(0.08)

FOOTER_SIZE = 14


@dataclass(frozen=True)
class TypeScale:
    """Type sizes in points for one age band."""

    title: int
    title_min: int
    body: int
    body_min: int
    statement: int
    """Large single statements (quiz, content note)."""


TYPE_SCALES: dict[str, TypeScale] = {
    "10-12": TypeScale(title=40, title_min=32, body=32, body_min=28, statement=36),
    "13-15": TypeScale(title=40, title_min=32, body=28, body_min=24, statement=32),
    "16-17": TypeScale(title=40, title_min=32, body=28, body_min=24, statement=32),
    "adults": TypeScale(title=40, title_min=32, body=28, body_min=24, statement=32),
}

MAX_POINTS = 5
"""At most this many points on one slide; more continue on a new slide."""
MAX_AGENDA_ROWS = 8
