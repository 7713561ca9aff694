"""How a printable is printed: paper, type size and fonts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.request import PAPERS

__all__ = ["PAPERS", "PrintOptions"]


@dataclass(frozen=True)
class PrintOptions:
    """Options shared by the handout, the cards and the guide.

    ``paper`` is ``"a4"`` or ``"letter"``; ``large_print`` sets body type at 14 pt or more; the
    font paths are TrueType files (``None`` means the shipped DejaVu Sans).
    """

    paper: str = "a4"
    large_print: bool = False
    font_regular: Path | None = None
    font_bold: Path | None = None
