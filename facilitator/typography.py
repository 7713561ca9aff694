"""Typographic quotes and dashes from text written with plain keyboard quotes.

Authors and translators type ``"`` and ``'``; printed packs use “ ” ‘ ’ and – —, like any
professionally set education pack. Applied once, when the Pack is assembled, to every text a
writer receives, and to the tool's own words.
"""

from __future__ import annotations

import re

_OPENS_AFTER = " \t\n([{\u2014\u2013/-"
"""A quote right after these (or at the start) opens; anywhere else it closes."""

QUOTES: dict[str, tuple[str, str, str, str]] = {
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "nl": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "fil": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"),
}
"""Opening and closing double quotes, then single quotes, by language."""


def typeset(text: str, language: str = "en") -> str:
    """``"Don't," she said - twice`` -> ``“Don’t,” she said – twice``."""
    if not text:
        return text
    open2, close2, open1, close1 = QUOTES.get(language.split("-")[0].lower(), QUOTES["en"])
    text = text.replace("---", "\u2014").replace("--", "\u2014")
    text = re.sub(r"(?<=\s)-(?=\s)", "\u2013", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            out.append(open2 if before in _OPENS_AFTER else close2)
        elif ch == "'":
            if before.isalnum() and (after.isalnum() or after in " .,;:!?)\n"):
                out.append("\u2019")  # an apostrophe: don't, Sam's, the kids'
            else:
                out.append(open1 if before in _OPENS_AFTER else close1)
        else:
            out.append(ch)
    return "".join(out)
