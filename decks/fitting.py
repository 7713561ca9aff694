"""Fit text into a box by measuring it, never by trusting autofit.

Text is measured with reportlab's Helvetica metrics (which match Arial, the deck's font) and
wrapped the way a slide wraps it: at spaces, and inside a word only when the word alone is wider
than the line. A block of paragraphs is set at the largest size from the band's start size down to
its minimum that fits; what still does not fit continues on further pages (slides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportlab.pdfbase.pdfmetrics import stringWidth

from decks.theme import BULLET_INDENT_PT, LINE_HEIGHT, LINE_SPACING, MEASURE_FONT, MEASURE_FONT_BOLD, SPACE_AFTER


@dataclass(frozen=True)
class Para:
    """One paragraph on a slide."""

    text: str
    bullet: bool = True
    bold: bool = False


def text_width(text: str, size: float, bold: bool = False) -> float:
    return stringWidth(text, MEASURE_FONT_BOLD if bold else MEASURE_FONT, size)


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


def para_height(p: Para, size: float, width: float) -> float:
    usable = width - (BULLET_INDENT_PT if p.bullet else 0)
    n = len(wrap(p.text, size, usable, p.bold))
    return n * size * LINE_HEIGHT * LINE_SPACING + size * SPACE_AFTER


def block_height(paras: list[Para], size: float, width: float) -> float:
    return sum(para_height(p, size, width) for p in paras)


def fits(paras: list[Para], size: float, width: float, height: float) -> bool:
    return block_height(paras, size, width) <= height


def best_size(paras: list[Para], start: int, minimum: int, width: float, height: float) -> int | None:
    """The largest whole size from ``start`` down to ``minimum`` at which ``paras`` fit."""
    for size in range(start, minimum - 1, -1):
        if fits(paras, size, width, height):
            return size
    return None


def paginate(paras: list[Para], start: int, minimum: int, width: float, height: float, max_items: int) -> list[tuple[list[Para], int]]:
    """Split ``paras`` into pages that each fit, with the size for each page.

    Pages hold at most ``max_items`` paragraphs. A paragraph too long for a page even at
    ``minimum`` is split at sentence ends (or, failing that, at words) first.
    """
    pieces: list[Para] = []
    for p in paras:
        pieces.extend(_split_long(p, minimum, width, height))
    pages: list[tuple[list[Para], int]] = []
    current: list[Para] = []
    for p in pieces:
        candidate = current + [p]
        if current and (len(candidate) > max_items or best_size(candidate, start, minimum, width, height) is None):
            pages.append((current, best_size(current, start, minimum, width, height) or minimum))
            current = [p]
        else:
            current = candidate
    if current:
        pages.append((current, best_size(current, start, minimum, width, height) or minimum))
    return pages


def _split_long(p: Para, minimum: int, width: float, height: float) -> list[Para]:
    if len(p.text) <= 1 or fits([p], minimum, width, height):  # one character cannot be split
        return [p]
    sentences = re.split(r"(?<=[.!?])\s+", p.text)
    if len(sentences) == 1:
        words = p.text.split(" ")
        if len(words) == 1:  # one enormous word: cut it where the box ends
            limit = max(1, len(p.text) // 2)
            return _split_long(replace(p, text=p.text[:limit]), minimum, width, height) + _split_long(
                replace(p, text=p.text[limit:]), minimum, width, height
            )
        half = len(words) // 2
        sentences = [" ".join(words[:half]), " ".join(words[half:])]
    out: list[Para] = []
    chunk = ""
    for sentence in sentences:
        candidate = f"{chunk} {sentence}".strip()
        if chunk and not fits([replace(p, text=candidate)], minimum, width, height):
            out.extend(_split_long(replace(p, text=chunk), minimum, width, height))
            chunk = sentence
        else:
            chunk = candidate
    out.extend(_split_long(replace(p, text=chunk), minimum, width, height) if chunk != p.text else [replace(p, text=chunk)])
    return out
