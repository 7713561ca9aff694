"""Everything a writer may know besides the Pack: one frozen record, built once per pack by the
pipeline (as pandoc hands every writer one ``WriterOptions``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.model.words import ENGLISH, Words

PAPERS: tuple[str, ...] = ("a4", "letter")
"""Paper sizes the printables know; the first is the default."""

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
SHIPPED_FONTS: tuple[Path, Path] = (FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf")
"""The fonts printables embed unless a locale names its own, and decks are measured in (with
Arial's metrics): DejaVu Sans, regular and bold. The one place both writers find them."""


@dataclass(frozen=True)
class RenderConfig:
    """How to render a pack: paper, large print, fonts, the fixed date, the deck's template and
    the tool's words in the pack's language."""

    words: Words = field(default=ENGLISH)
    paper: str = PAPERS[0]
    large_print: bool = False
    """Printables set body type at the band's large-print size (see :class:`~facilitator.model.audience.TypePolicy`)."""
    font_regular: Path | None = None
    """A TrueType font for printables (a locale's); ``None`` means the shipped DejaVu Sans."""
    font_bold: Path | None = None
    epoch: int | None = None
    """``SOURCE_DATE_EPOCH``: the date stored inside every document (a fixed date when ``None``)."""
    template: Path | None = None
    """An organisation's .pptx whose layouts the deck uses."""
    templates: Path | None = None
    """An organisation's folder of document templates (``--templates``), before the shipped ones."""
    lead: str = ""
    """The safeguarding lead, "Name, phone" (``--lead``), for the letter home; empty: a line to fill in."""

    @property
    def language(self) -> str:
        return self.words.language

    @property
    def fonts(self) -> tuple[Path, Path]:
        """The printables' regular and bold font files (a regular font alone serves as both)."""
        if self.font_regular is None:
            return SHIPPED_FONTS
        return self.font_regular, self.font_bold or self.font_regular
