"""What a translation may not do to participants: take "where to get help" away, or print a
facilitator's note as participant text.

Both checks run on every build with a locale (:func:`facilitator.build.pipeline.render`): what they
find is a warning, and with ``--strict`` the build is refused. They look at what is printed, not at
the catalog alone: the pack's own help words (the footer line of every slide and page, the card
line, the panel's heading) and, in the deck, the text of its slides.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from facilitator.library import Library
    from facilitator.model import Pack, Plan
    from facilitator.model.words import Words

HELP_HEADING = "Where to get help"
"""The help panel's and help slide's heading (the tool's words)."""
MIN_LETTERS = 3
"""Fewer letters than this is no help line at all (an empty, blank or one-character translation)."""
MIN_COPIED = 12
"""Shorter texts may match by chance ("Yes", "Why?"); longer ones matching are a copy."""
_TEXT = re.compile(rb"<a:t>([^<]*)</a:t>")


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha() or c.isdigit())


def help_warnings(pack: Pack, words: Words, files: dict[str, bytes]) -> list[str]:
    """Where a participant output would no longer say where to get help: a help line or heading
    translated into (almost) nothing, or a deck whose slides lack the help heading or the local
    helpline."""
    found = []
    heading = words(HELP_HEADING)
    p = pack.participant
    for what, text in (("the help heading 'Where to get help'", heading), ("the help line on every slide and page", p.help_line),
                       ("the help line on the cards", p.card_help_line)):
        if _letters(text) < MIN_LETTERS:
            found.append(f"{what} is translated as '{text.strip()}', so participants would not see where to get help; translate it in full")
    deck = files.get("deck.pptx")
    if deck is not None and not found:
        text = _deck_text(deck)
        missing = [t for t in (heading, *(c.first for c in p.local_contacts if c.filled)) if t and t not in text]
        if missing:
            found.append(f"the slides do not show {', '.join(repr(m) for m in missing)}: participants would not see where to get help")
    return found


def _deck_text(deck: bytes) -> str:
    from html import unescape

    parts: list[str] = []
    with zipfile.ZipFile(BytesIO(deck)) as z:
        for name in z.namelist():
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                parts.extend(unescape(m.decode("utf-8")) for m in _TEXT.findall(z.read(name)))
    return "\n".join(parts)


def copied_facilitator_text(plan: Plan, library: Library, lookup: Any) -> list[str]:
    """Participant entries of the plan's sections whose translation is a facilitator text (a
    note, a point to listen for, what to say) of the plan, when their English is not: one line
    each, with the PO file and line."""
    from facilitator.catalog import section_texts
    from facilitator.yamlfile import read_yaml

    participant: list[tuple[str, str, str]] = []
    facilitator: set[str] = set()
    english_facilitator: set[str] = set()
    for sid in dict.fromkeys(b.section_id for b in plan.blocks):
        if sid not in library:
            continue
        try:
            data, _lines = read_yaml(Path(library[sid].origin))
        except Exception:  # noqa: BLE001 - the library was read already; a file changed since is not this check's business
            continue
        for t in section_texts(sid, data):
            shown = lookup(t.context, t.text) or t.text
            if t.participant:
                participant.append((t.context, t.text, shown))
            else:
                facilitator.add(_norm(shown))
                english_facilitator.add(_norm(t.text))
    where = getattr(lookup, "where", None)
    found = []
    for context, english, shown in participant:
        key = _norm(shown)
        if len(key) >= MIN_COPIED and key in facilitator and _norm(english) not in english_facilitator:
            place = where(context, english) if where is not None else ""
            found.append(f"{place + ': ' if place else ''}{context}: the translation is facilitator text (a note for the facilitator only), "
                         "printed for participants; translate the participant text itself")
    return found


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
