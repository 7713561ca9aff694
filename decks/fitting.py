"""Fit text into a box by measuring it, never by trusting autofit.

A deck is shown on computers with Arial (PowerPoint), Liberation Sans (same metrics) or, on a Linux
machine without either, DejaVu Sans, which is wider. Every width is measured in both Helvetica
(Arial's metrics, built into reportlab) and DejaVu Sans (shipped with the tool), and the wider one
counts, so text fits whichever font the slide is shown in. Text wraps the way a slide wraps it: at
spaces, and inside a word only when the word alone is wider than the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from decks.theme import BULLET_INDENT_PT, LINE_HEIGHT, LINE_SPACING, SPACE_AFTER
from facilitator.fitting import largest_fitting
from facilitator.model.config import SHIPPED_FONTS


@dataclass(frozen=True)
class Para:
    """One paragraph on a slide."""

    text: str
    bullet: bool = True
    bold: bool = False


@lru_cache(maxsize=1)
def _measure_fonts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(regular, bold) font names to measure with: Helvetica and the shipped DejaVu Sans."""
    names = {"regular": "Deck-DejaVuSans", "bold": "Deck-DejaVuSans-Bold"}
    for key, file in zip(("regular", "bold"), SHIPPED_FONTS):
        if names[key] not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(names[key], str(file)))
    return ("Helvetica", names["regular"]), ("Helvetica-Bold", names["bold"])


@lru_cache(maxsize=65536)
def _unit_width(text: str, bold: bool) -> float:
    """The width of ``text`` at 1 pt in the widest of the fonts it may be shown in."""
    regular, heavy = _measure_fonts()
    return max(stringWidth(text, font, 1000) for font in (heavy if bold else regular)) / 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    return _unit_width(text, bold) * size


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """The lines ``text`` takes at ``size`` points in ``width`` points."""
    lines: list[str] = []
    for hard_line in text.split("\n"):
        current = ""
        for word in re.split(r"(?<=\s)(?=\S)", hard_line.strip()):
            candidate = current + word
            if not current or text_width(candidate.rstrip(), size, bold) <= width:
                current = candidate
            else:
                lines.append(current.rstrip())
                current = word
            # A word wider than the line breaks between characters, as slides do.
            while text_width(current.rstrip(), size, bold) > width and len(current.strip()) > 1:
                cut = _longest_prefix(current, size, width, bold)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current.rstrip())
    return lines


def _longest_prefix(text: str, size: float, width: float, bold: bool) -> int:
    cut = 1
    while cut < len(text) and text_width(text[: cut + 1], size, bold) <= width:
        cut += 1
    return cut


def line_height(size: float) -> float:
    return size * LINE_HEIGHT * LINE_SPACING


def para_height(p: Para, size: float, width: float) -> float:
    usable = width - (BULLET_INDENT_PT if p.bullet else 0)
    return len(wrap(p.text, size, usable, p.bold)) * line_height(size) + size * SPACE_AFTER


def block_height(paras: list[Para], size: float, width: float) -> float:
    """The height of ``paras`` set at ``size``; the last has no space after it."""
    if not paras:
        return 0.0
    return sum(para_height(p, size, width) for p in paras) - size * SPACE_AFTER


def fits(paras: list[Para], size: float, width: float, height: float) -> bool:
    return block_height(paras, size, width) <= height


def best_size(paras: list[Para], start: int, minimum: int, width: float, height: float) -> int | None:
    """The largest whole size from ``start`` down to ``minimum`` at which ``paras`` fit."""
    size = largest_fitting(start, minimum, lambda size: fits(paras, size, width, height))
    return None if size is None else int(size)


def paginate(paras: list[Para], size: int, width: float, height: float, max_items: int) -> list[list[Para]]:
    """Split ``paras`` set at ``size`` into pages that each fit, at most ``max_items`` each.

    A paragraph too long for a page is split at sentence ends (or, failing that, at words) first.
    """
    pieces: list[Para] = []
    for p in paras:
        pieces.extend(_split_long(p, size, width, height))
    pages: list[list[Para]] = []
    current: list[Para] = []
    for p in pieces:
        candidate = current + [p]
        if current and (len(candidate) > max_items or not fits(candidate, size, width, height)):
            pages.append(current)
            current = [p]
        else:
            current = candidate
    if current:
        pages.append(current)
    return pages


def _split_long(p: Para, size: int, width: float, height: float) -> list[Para]:
    if len(p.text) <= 1 or fits([p], size, width, height):  # one character cannot be split
        return [p]
    sentences = re.split(r"(?<=[.!?])\s+", p.text)
    if len(sentences) == 1:
        words = p.text.split(" ")
        if len(words) == 1:  # one enormous word: cut it where the box ends
            limit = max(1, len(p.text) // 2)
            return _split_long(replace(p, text=p.text[:limit]), size, width, height) + _split_long(
                replace(p, text=p.text[limit:]), size, width, height
            )
        half = len(words) // 2
        sentences = [" ".join(words[:half]), " ".join(words[half:])]
    out: list[Para] = []
    chunk = ""
    for sentence in sentences:
        candidate = f"{chunk} {sentence}".strip()
        if chunk and not fits([replace(p, text=candidate)], size, width, height):
            out.extend(_split_long(replace(p, text=chunk), size, width, height))
            chunk = sentence
        else:
            chunk = candidate
    out.extend(_split_long(replace(p, text=chunk), size, width, height) if chunk != p.text else [replace(p, text=chunk)])
    return out
