"""Translation catalogs: every translatable string of the library and of the tool, as gettext PO.

Library text is found by walking each section's YAML data: every string under a text field (see
:data:`TEXT_KEYS`) is one message whose ``msgctxt`` names the section, the field and the band
(``grooming|participant.key_points|13-15``). List positions are left out of the context, so
reordering a section's key points keeps their translations: the text itself is the ``msgid``. The
tool's own words are the ``_()`` strings of its code and the words in ``content/audiences.yaml``.
Catalogs are read and written with Babel; ``Catalog.update`` marks changed strings fuzzy.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from facilitator.errors import FacilitatorError, Problem
from facilitator.model.audience import BAND_NAMES

TEXT_KEYS = frozenset({
    "title", "why", "key_points", "body", "content_note", "text", "note", "term", "definition", "statement",
    "explanation", "steps", "setup", "description", "ask", "listen_for", "follow_up", "say", "notes",
    "safeguarding", "key_message", "materials", "protocol", "objectives",
})
"""Fields whose strings are prose to translate; ids, names, websites and numbers are not."""
FACILITATOR_KEYS = frozenset({"listen_for", "follow_up", "objectives"})
ALL = "*"
TOOL = "tool"
"""The context of the tool's own words (slide headings, "Page 1 of 3")."""


@dataclass(frozen=True)
class Text:
    """One translatable string in a section's data."""

    context: str
    text: str
    participant: bool
    band: str
    where: tuple[Any, ...]
    """The path to it in the data, list positions included (to put a translation back)."""

    @property
    def comment(self) -> str:
        who = "shown to participants (slides, handout, cards)" if self.participant else "facilitator only (guide, speaker notes)"
        return f"{who}; {'every band' if self.band == ALL else self.band}"


def _is_bands(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(str(k) in BAND_NAMES for k in value)


def section_texts(section_id: str, data: Any) -> Iterator[Text]:
    """Every translatable string of one section's raw YAML data, in file order."""

    def walk(value: Any, keys: tuple[str, ...], where: tuple[Any, ...], band: str, participant: bool) -> Iterator[Text]:
        if isinstance(value, str):
            if keys and keys[-1] in TEXT_KEYS:
                yield Text(f"{section_id}|{'.'.join(keys)}|{band}", value, participant, band, where)
        elif _is_bands(value) and keys and keys[-1] in TEXT_KEYS:
            for b, v in value.items():
                yield from walk(v, keys, where + (b,), str(b), participant)
        elif isinstance(value, dict):
            for k, v in value.items():
                key = str(k)
                seen = participant and key not in FACILITATOR_KEYS and key != "facilitator"
                yield from walk(v, keys + (key,), where + (k,), band, seen)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, keys, where + (i,), band, participant)

    if isinstance(data, dict):
        for key, value in data.items():
            participant = key in ("title", "participant", "questions")
            yield from walk(value, (str(key),), (key,), ALL, participant)


def localise_data(section_id: str, data: Any, lookup: Callable[[str, str], str | None]) -> tuple[Any, list[Text]]:
    """A copy of ``data`` with every string ``lookup(context, text)`` knows replaced; and the
    texts it did not know (they stay in the source language)."""
    import copy

    out = copy.deepcopy(data)
    missing: list[Text] = []
    for t in section_texts(section_id, data):
        translated = lookup(t.context, t.text)
        if translated is None:
            missing.append(t)
            continue
        parent = out
        for step in t.where[:-1]:
            parent = parent[step]
        parent[t.where[-1]] = translated
    return out, missing


# -- the tool's own words --------------------------------------------------------------------------


def tool_words() -> list[tuple[str, str]]:
    """(msgid, where it is used) for every word the tool adds: the ``_()`` strings of its code
    and the audience words of ``content/audiences.yaml``."""
    import contextlib

    from babel.messages.extract import extract_from_dir

    from facilitator.yamlfile import read_yaml

    found: dict[str, str] = {}
    for package in ("facilitator", "decks", "handouts"):
        folder = Path(str(resources.files(package)))
        # Babel notes f-strings passed as values (not as messages) on stderr; they are not words to translate.
        with contextlib.redirect_stderr(io.StringIO()):
            extracted = list(extract_from_dir(str(folder), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}))
        for filename, _lineno, message, _comments, _context in extracted:
            if isinstance(message, str) and message:
                found.setdefault(message, f"{package}/{filename}")
    data, _lines = read_yaml(Path(str(resources.files("facilitator") / "content" / "audiences.yaml")))
    for band, words in (data or {}).items():
        for key, text in (words or {}).items():
            found.setdefault(str(text), f"audiences.yaml: {key} ({band})")
    from facilitator.guide_wording import guide_wording

    wording = guide_wording()
    for part in ("preparation", "to_print"):
        for line in getattr(wording, part):
            found.setdefault(line.text, f"guide.yaml: {part}")
    return list(found.items())


# -- catalogs ----------------------------------------------------------------------------------------


def template(sections: list[tuple[str, Any]], outline: dict[str, str]) -> Catalog:
    """A catalog (no translations) of every message: the library's sections (id, raw data), the
    guide's part names and the tool's own words."""
    catalog = Catalog(project="facilitator", fuzzy=False)
    for section_id, data in sections:
        for t in section_texts(section_id, data):
            catalog.add(t.text, context=t.context, auto_comments=[t.comment])
    for row, name in outline.items():
        catalog.add(name, context=f"outline|{row}", auto_comments=["facilitator guide: the guide's part names (sources)"])
    for msgid, where in tool_words():
        catalog.add(msgid, context=TOOL, auto_comments=[f"the tool's own words: {where}"])
    return catalog


_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"$')


def _check_po_lines(path: Path, text: str) -> None:
    """Babel skips lines it cannot read; a translator's slip (an unclosed quote) must not be lost
    silently, so every line is checked first."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _PO_LINE.match(stripped):
            raise FacilitatorError(Problem(str(path), number, "", "is not a valid PO line", "check the quotes on this line (open it in Poedit to see)"))


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """A PO file, with a clear error naming the file and line when it is broken."""
    try:
        _check_po_lines(path, path.read_text(encoding="utf-8"))
        with path.open("rb") as f:
            return read_po(f, locale=language, abort_invalid=True)
    except FacilitatorError:
        raise
    except UnicodeDecodeError:
        raise FacilitatorError(Problem(str(path), 0, "", "is not UTF-8 text", "save it as UTF-8")) from None
    except FileNotFoundError:
        raise FacilitatorError(Problem(str(path), 0, "", "is missing", "make one with `facilitator locale init`")) from None
    except Exception as exc:  # Babel raises PoFileError (with the line) and others for broken files
        line = getattr(exc, "lineno", 0) or 0
        raise FacilitatorError(Problem(str(path), line, "", f"is not a valid PO file ({exc})", "open it in Poedit, or check the quotes on this line")) from None


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` as a PO file, atomically and in a stable order."""
    for message in catalog:
        # Babel flags any text with "%" as a Python format string; the tool's placeholders are
        # {name}, so the flag only makes msgfmt reject ordinary translations of "82% of".
        message.flags.discard("python-format")
    buffer = io.BytesIO()
    # Babel wraps a previous msgid ("#| msgid") like a comment, across lines msgfmt cannot read:
    # fuzzy entries keep their old translation, and the English they were made for is not written.
    write_po(buffer, catalog, width=100, sort_output=False, include_previous=False)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


def lookup_in(catalog: Catalog) -> Callable[[str, str], str | None]:
    """A lookup for :func:`localise_data` and the tool's words: the translation when it is there
    and not fuzzy. The usable translations are gathered into one dictionary first."""
    usable = {(m.context or "", m.id): m.string for m in catalog
              if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string and not m.fuzzy}

    def lookup(context: str, text: str) -> str | None:
        return usable.get((context, text))

    return lookup


@dataclass(frozen=True)
class Counts:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.translated + other.translated, self.fuzzy + other.fuzzy, self.untranslated + other.untranslated)


def counts(catalog: Catalog, keep: Callable[[str | None], bool] = lambda context: True) -> Counts:
    """How many of the catalog's messages (whose context ``keep`` accepts) are translated,
    fuzzy and untranslated."""
    t = f = u = 0
    for message in catalog:
        if not message.id or not keep(message.context):
            continue
        if message.fuzzy:
            f += 1
        elif message.string:
            t += 1
        else:
            u += 1
    return Counts(t, f, u)
