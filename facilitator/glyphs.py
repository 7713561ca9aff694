"""Every character a pack prints must have a glyph in its fonts: checked before anything is
written, naming the missing characters and where they come from (a section or an option), never
an empty box on a printed page or a slide."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError, Problem
from facilitator.model.config import SHIPPED_FONTS


@lru_cache(maxsize=8)
def covered(path: Path) -> frozenset[int]:
    """The code points the font at ``path`` has glyphs for."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except (OSError, TTLibError, AssertionError) as exc:
        raise FacilitatorError(Problem(str(path), 0, "font", f"is not a font file fontTools can read ({exc})", "give a TrueType (.ttf) font")) from None
    return frozenset(cmap)


def _needs_glyph(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def check_pack(pack: Any, fonts: tuple[Path, Path] | None = None) -> None:
    """Refuse ``pack`` when its fonts lack a glyph for any character it prints; the error names
    each character and the option or section it comes from."""
    regular, bold = fonts or SHIPPED_FONTS
    have = covered(regular) & covered(bold)
    info = pack.participant.info
    origins: list[tuple[str, str]] = [("--title", info.title), ("--place", info.place), ("--org", info.org)]
    for block in (*pack.facilitator.blocks, *pack.facilitator.safeguarding):
        origins += [(f"section {block.section_id}", text) for text in _strings(block)]
    origins += [("where to get help", text) for text in _strings(pack.participant.contacts + pack.participant.local_contacts)]
    missing: dict[str, str] = {}
    for where, text in origins:
        for ch in text:
            if _needs_glyph(ch) and ord(ch) not in have and ch not in missing:
                missing[ch] = where
    options = {where for where in missing.values() if where.startswith("--")}
    if options:  # an option's text: name the option, it is what to change
        option = sorted(options)[0]
        chars = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch, where in missing.items() if where == option)
        raise FacilitatorError(Problem(field=option, message=f"holds letters the pack's font ({regular.name}) cannot print: {chars}",
                                       hint=f"change the {option.lstrip('-')}, or use a locale pack whose locale.yaml names a font that has them"))
    if missing:
        named = "; ".join(f"{ch} (U+{ord(ch):04X}) in {where}" for ch, where in missing.items())
        raise FacilitatorError(Problem(str(regular.name), 0, "font", f"has no glyphs for: {named}",
                                       "change that text, or name a font that has these letters in the locale pack's locale.yaml (fonts:)"))
