"""Translation catalogs: every translatable string of the library and of the tool, as gettext PO.

Library text is found by walking each section's YAML data: every string under a text field (see
:data:`TEXT_KEYS`) is one message whose ``msgctxt`` names the section, the field and the band
(``grooming|participant.key_points|13-15``). List positions are left out of the context, so
reordering a section's key points keeps their translations: the text itself is the ``msgid``. The
tool's own words are the ``_()`` strings of its code and the words in ``content/audiences.yaml``.
Catalogs are read with Babel (``Catalog.update`` marks changed strings fuzzy) and written the
way gettext writes them (:func:`po_text`: gettext's wrapping at 79 columns, ``#:`` references,
``#.`` comments, a filled header), so ``msgcat``, ``msgmerge``, Poedit and Weblate leave a file as
the tool wrote it.
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
from babel.messages.pofile import read_po

from facilitator.errors import FacilitatorError, Problem, display_path
from facilitator.model.audience import BAND_NAMES
from facilitator.model.words import placeholder_problem

__all__ = ["placeholder_problem"]

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
    texts it did not know (they stay in the source language). A translation whose placeholders
    do not match the English (:func:`placeholder_problem`) is not used either: it is listed as
    ``Text("PO:LINE: context", what is wrong)``, so the build's warning names the PO file and line."""
    import copy

    out = copy.deepcopy(data)
    missing: list[Text] = []
    where = getattr(lookup, "where", None)
    for t in section_texts(section_id, data):
        translated = lookup(t.context, t.text)
        if translated is None:
            missing.append(t)
            continue
        problem = placeholder_problem(t.text, translated)
        if problem is not None:
            place = where(t.context, t.text) if where is not None else ""
            missing.append(Text(f"{place}: {t.context}" if place else t.context, problem, t.participant, t.band, t.where))
            continue
        parent = out
        for step in t.where[:-1]:
            parent = parent[step]
        parent[t.where[-1]] = translated
    return out, missing


# -- the tool's own words --------------------------------------------------------------------------


Location = tuple[str, "int | None"]
"""A ``#:`` reference: a file (as the catalog names it) and a line, or ``None`` for the file alone."""

KEYWORDS = {"_": None, "N_": None, "plural": (1, 2), "ngettext": (1, 2), "N_plural": (1, 2)}
"""What extraction takes from the code: ``_("...")``, ``N_("...")``, and ``words.plural(singular,
plural, n)`` (gettext's ``ngettext``)."""


def tool_words() -> list[tuple[str, str]]:
    """(msgid, where it is used) for every word the tool adds that has one form (see
    :func:`tool_messages` for all, plural forms and references included)."""
    return [(msgid, refs[0][0] if refs else "") for msgid, refs, _comment in tool_messages() if isinstance(msgid, str)]


def tool_messages() -> list[tuple[str | tuple[str, str], list[Location], str]]:
    """(msgid, references, comment) for every word the tool adds: the ``_()`` and ``plural()``
    strings of its code (a plural's msgid is its (singular, plural) pair), the audience words of
    ``content/audiences.yaml`` and the guide's wording (``content/guide.yaml``). References to
    code name the file only (gettext's ``--add-location=file``): a line added above a message does
    not change the catalogs."""
    import contextlib

    from babel.messages.extract import extract_from_dir

    from facilitator.yamlfile import read_yaml

    found: dict[str | tuple[str, str], tuple[list[Location], str]] = {}

    def add(msgid: str | tuple[str, str], where: Location, comment: str) -> None:
        refs, _comment = found.setdefault(msgid, ([], comment))
        if where not in refs:
            refs.append(where)

    for package in ("facilitator", "decks", "handouts"):
        folder = Path(str(resources.files(package)))
        # Babel notes f-strings passed as values (not as messages) on stderr; they are not words to translate.
        with contextlib.redirect_stderr(io.StringIO()):
            extracted = list(extract_from_dir(str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS))
        for filename, _lineno, message, _comments, _context in extracted:
            if isinstance(message, (tuple, list)):
                if len(message) == 2 and all(isinstance(m, str) and m for m in message):
                    add((message[0], message[1]), (f"{package}/{filename}", None), "the tool's own words (a count: one form per number)")
            elif isinstance(message, str) and message:
                add(message, (f"{package}/{filename}", None), "the tool's own words")
    # The document templates' words: their _() calls and {% trans %} blocks (facilitator.documents).
    templates = Path(str(resources.files("facilitator") / "documents" / "templates"))
    options = {"**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}
    for filename, _lineno, message, _comments, _context in extract_from_dir(str(templates), method_map=[("**.j2", "jinja2.ext:babel_extract")],
                                                                           options_map=options, keywords=KEYWORDS):
        if isinstance(message, str) and message:
            add(message, (f"facilitator/documents/templates/{filename}", None), "the tool's own words (a document template)")
    audiences = Path(str(resources.files("facilitator") / "content" / "audiences.yaml"))
    data, lines = read_yaml(audiences)
    for band, words in (data or {}).items():
        for key, text in (words or {}).items():
            add(str(text), ("facilitator/content/audiences.yaml", lines.line(band, key)), f"the tool's own words: {key} ({band})")
    from facilitator.guide_wording import guide_file, guide_wording

    wording = guide_wording()
    guide, guide_lines = read_yaml(guide_file())
    for part in ("preparation", "to_print"):
        rows = (guide or {}).get(part) or []
        for i, line in enumerate(getattr(wording, part)):
            number = guide_lines.line(part, i, "text") if i < len(rows) else guide_lines.line(part)
            add(line.text, (f"facilitator/content/{guide_file().name}", number), f"the tool's own words: the guide's {part.replace('_', ' ')}")
    return [(msgid, refs, comment) for msgid, (refs, comment) in found.items()]


# -- catalogs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionSource:
    """A section's raw YAML data, the file name the catalog's ``#:`` references give and the
    lines of its values (from :func:`facilitator.yamlfile.read_yaml`)."""

    section_id: str
    data: Any
    file: str = ""
    lines: Any = None


def template(sections: list[SectionSource], outline: dict[str, str], outline_file: str = "facilitator/content/outline.yaml") -> Catalog:
    """A catalog (no translations) of every message: the library's sections, the guide's part
    names and the tool's own words, each with its ``#:`` references and a ``#.`` comment."""
    catalog = Catalog(project="facilitator", version=_version(), fuzzy=False)
    for source in sections:
        for t in section_texts(source.section_id, source.data):
            where = [(source.file, source.lines.line(*t.where) if source.lines is not None else None)] if source.file else []
            catalog.add(t.text, context=t.context, auto_comments=[t.comment], locations=where)  # type: ignore[arg-type]
    outline_lines = _outline_lines(outline_file)
    for row, name in outline.items():
        catalog.add(name, context=f"outline|{row}", auto_comments=["facilitator guide: the guide's part names (sources)"],
                    locations=[(outline_file, outline_lines.get(row))])  # type: ignore[list-item]
    for msgid, refs, comment in tool_messages():
        catalog.add(msgid, context=TOOL, auto_comments=[comment], locations=refs)  # type: ignore[arg-type]
    return catalog


def _outline_lines(name: str) -> dict[str, int]:
    from facilitator.yamlfile import read_yaml

    path = Path(str(resources.files("facilitator") / "content" / Path(name).name))
    if not path.is_file():
        return {}
    _data, lines = read_yaml(path)
    return {str(key[0]): line for key, line in lines.lines.items() if len(key) == 1}


def _version() -> str:
    from facilitator import __version__

    return __version__


_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"$')


def _check_po_lines(path: Path, text: str) -> None:
    """Babel skips lines it cannot read; a translator's slip (an unclosed quote) must not be lost
    silently, so every line is checked first."""
    file = str(path)
    seen: dict[tuple[str | None, str], int] = {}
    entry: dict[str, str] = {}
    start = 0
    keyword = ""

    def finish() -> None:
        if "msgid" in entry and entry["msgid"]:
            key = (entry.get("msgctxt"), entry["msgid"])
            if key in seen:
                raise FacilitatorError(Problem(file, start, "msgid", f"repeats the entry of line {seen[key]} (the same msgctxt and msgid)",
                                               "keep one of them: gettext's msgfmt refuses a catalog with a duplicated entry"))
            seen[key] = start

    for number, line in enumerate(text.split("\n"), 1):  # only \n ends a PO line (U+2028 may be in a string)
        stripped = line.strip(" \t\r")
        if not stripped or stripped.startswith("#"):
            continue
        if not _PO_LINE.match(stripped):
            raise FacilitatorError(Problem(file, number, "", "is not a valid PO line", "check the quotes on this line (open it in Poedit to see)"))
        value = _unescape(stripped[stripped.index('"') + 1:-1])
        if stripped.startswith('"'):
            if keyword:
                entry[keyword] += value
            continue
        keyword = stripped.split(None, 1)[0]
        if keyword == "msgctxt" or (keyword == "msgid" and set(entry) != {"msgctxt"}):
            finish()
            entry, start = {}, number
        if keyword in entry:
            what = "a second msgstr" if keyword.startswith("msgstr") else f"a second {keyword}"
            raise FacilitatorError(Problem(file, number, keyword, f"is {what} for the entry of line {start}",
                                           "keep one of them; an entry has one msgid and one msgstr (or one per plural form)"))
        entry[keyword] = value
    finish()


_CHARSET = re.compile(r"charset\s*=\s*([^\s;\\\"]+)", re.IGNORECASE)


def _check_charset(path: Path, text: str) -> None:
    """The tool reads PO files as UTF-8 (the bytes were decoded already); a header naming another
    charset would make Babel decode them again, printing mojibake. Garbage plural forms are
    refused here too, naming the header's line."""
    import gettext

    fields = dict(_raw_headers(text))

    def line_of(name: str) -> int:
        at = re.search(rf"^\"{name}:", text, re.MULTILINE) or re.search(rf"{name}:", text)
        return text[: at.start()].count("\n") + 1 if at else 1

    m = _CHARSET.search(fields.get("Content-Type", ""))
    if m and m.group(1).upper().replace("-", "") not in ("UTF8", "CHARSET"):
        raise FacilitatorError(Problem(str(path), line_of("Content-Type"), "Content-Type", f"says the file is {m.group(1)}, but it is read as UTF-8",
                                       "save the file as UTF-8 and write charset=UTF-8 in the header"))
    if "Plural-Forms" in fields:
        value = fields["Plural-Forms"]
        nplurals = re.search(r"nplurals\s*=\s*(\d+)", value)
        plural = re.search(r"plural\s*=\s*([^;]+)", value)
        ok = bool(nplurals and plural and 1 <= int(nplurals.group(1)) <= 6)
        if ok and plural:
            try:
                gettext.c2py(plural.group(1))  # type: ignore[attr-defined]
            except (ValueError, SyntaxError, RecursionError):
                ok = False
        if not ok:
            raise FacilitatorError(Problem(str(path), line_of("Plural-Forms"), "Plural-Forms", f"'{value[:80]}' is not a plural-forms rule",
                                           "write it as gettext does, e.g. nplurals=2; plural=(n != 1);"))


MAX_CATALOG_BYTES = 10_000_000
"""The largest PO file read; the shipped catalogs are about 2 MB."""


def read_catalog(path: Path, language: str | None = None, folder: Path | None = None) -> Catalog:
    """A PO file, with a clear error naming the file and line when it is broken. The header's
    fields are kept as written (``catalog.raw_headers``), so rewriting the file keeps the ones
    Babel does not know (Poedit's and Weblate's). Read through :mod:`facilitator.inputs` (a
    regular file, within ``folder`` when given, at most :data:`MAX_CATALOG_BYTES`)."""
    from facilitator.inputs import read_text

    if not path.exists() and not path.is_symlink():
        raise FacilitatorError(Problem(str(path), 0, "", "is missing", "make one with `facilitator locale init`"))
    text = read_text(path, MAX_CATALOG_BYTES, folder, what="PO file")
    try:
        _check_po_lines(path, text)
        _check_charset(path, text)
        catalog = read_po(io.BytesIO(text.encode("utf-8")), locale=language, abort_invalid=True)
    except FacilitatorError:
        raise
    except Exception as exc:  # Babel raises PoFileError (with the line) and others for broken files
        line = getattr(exc, "lineno", 0) or 0
        raise FacilitatorError(Problem(str(path), line, "", f"is not a valid PO file ({exc})", "open it in Poedit, or check the quotes on this line")) from None
    catalog.raw_headers = _raw_headers(text)  # type: ignore[attr-defined]
    return catalog


def _raw_headers(text: str) -> list[tuple[str, str]]:
    """The header entry's ``Name: value`` fields, in their order."""
    match = re.search(r'^msgid ""\nmsgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)', text, re.MULTILINE)
    if not match:
        return []
    value = "".join(_unescape(part) for part in re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)))
    fields = []
    for line in value.split("\n"):
        name, colon, rest = line.partition(":")
        if colon and name.strip():
            fields.append((name.strip(), rest.strip()))
    return fields


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), text)


# -- writing PO files as gettext does -------------------------------------------------------------

PAGE_WIDTH = 79
"""gettext's page width (``msgcat --width``): no line it writes is longer, quotes included."""

PLACEHOLDER_VALUES = ("YEAR-MO-DA", "FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "ORGANIZATION", "FIRST AUTHOR", "PACKAGE VERSION", "CHARSET")
"""What gettext's and Babel's templates leave for a person to fill in; never left where the tool writes."""

# Unicode line breaking (UAX #14) as gettext does it through libunistring: a pair table over the
# classes, measured against libunistring's u8_possible_linebreaks. "D": a break is possible
# between the two, "I": only with spaces between them, "P": never.
_LB_CLASSES = ("OP", "CL", "CP", "QU", "GL", "NS", "EX", "SY", "IS", "PR", "PO", "NU", "AL", "ID", "IN", "HY", "BA", "BB", "B2", "WJ")
_LB_ROWS = (
    "PPPPPPPPPPPPPPPPPPPP",  # OP
    "DPPIIPPPPIIDDDIIIDDP",  # CL
    "DPPIIIPPPIIIIDIIIDDP",  # CP
    "PPPIIIPPPIIIIIIIIIIP",  # QU
    "IPPIIIPPPIIIIIIIIIIP",  # GL
    "DPPIIIPPPDDDDDIIIDDP",  # NS
    "DPPIIIPPPDDDDDIIIDDP",  # EX
    "DPPIIIPPPDDIDDIIIDDP",  # SY
    "DPPIIIPPPDDIDDIIIDDP",  # IS
    "IPPIIIPPPDDIIIIIIDDP",  # PR
    "IPPIIIPPPDDIIDIIIDDP",  # PO
    "IPPIIIPPPIIIIDIIIDDP",  # NU
    "IPPIIIPPPIIIIDIIIDDP",  # AL
    "DPPIIIPPPDIDDDIIIDDP",  # ID
    "DPPIIIPPPDDDDDIIIDDP",  # IN
    "DPPIDIPPPDDIDDIIIDDP",  # HY
    "DPPIDIPPPDDDDDIIIDDP",  # BA
    "IPPIIIPPPIIIIIIIIIIP",  # BB
    "DPPIIIPPPDDDDDIIIDPP",  # B2
    "IPPIIIPPPIIIIIIIIIIP",  # WJ
)
_LB_TABLE = {(a, b): _LB_ROWS[i][j] for i, a in enumerate(_LB_CLASSES) for j, b in enumerate(_LB_CLASSES)}
_LB_ASCII = {" ": "SP", "!": "EX", '"': "QU", "$": "PR", "%": "PO", "'": "QU", "(": "OP", ")": "CP", "+": "PR", ",": "IS", "-": "HY",
             ".": "IS", "/": "SY", ":": "IS", ";": "IS", "?": "EX", "[": "OP", "\\": "PR", "]": "CP", "{": "OP", "|": "BA", "}": "CL", "\t": "BA"}
_LB_OTHER = {
    "\u00a0": "GL", "\u00a1": "OP", "\u00a2": "PO", "\u00a3": "PR", "\u00a4": "PR", "\u00a5": "PR", "\u00ab": "QU", "\u00ad": "BA",
    "\u00b0": "PO", "\u00b1": "PR", "\u00b4": "BB", "\u00bb": "QU", "\u00bf": "OP", "\u2007": "GL", "\u2010": "BA", "\u2011": "GL",
    "\u2012": "BA", "\u2013": "BA", "\u2014": "B2", "\u2018": "QU", "\u2019": "QU", "\u201a": "OP", "\u201b": "QU", "\u201c": "QU",
    "\u201d": "QU", "\u201e": "OP", "\u201f": "QU", "\u2024": "IN", "\u2025": "IN", "\u2026": "IN", "\u2027": "BA", "\u202f": "GL",
    "\u2039": "QU", "\u203a": "QU", "\u203c": "NS", "\u2044": "IS", "\u2060": "WJ", "\ufeff": "WJ", "\u200b": "ZW", "\u20ac": "PR",
}
_LB_BY_CATEGORY = {"Mn": "CM", "Me": "CM", "Mc": "CM", "Nd": "NU", "Zs": "BA", "Ps": "OP", "Pe": "CL", "Pi": "QU", "Pf": "QU", "Pd": "BA", "Sc": "PR"}


def _lb_class(ch: str) -> str:
    if ch < "\x80":
        return _LB_ASCII.get(ch) or ("NU" if ch.isdigit() else "AL")
    if ch in _LB_OTHER:
        return _LB_OTHER[ch]
    import unicodedata

    by_category = _LB_BY_CATEGORY.get(unicodedata.category(ch))
    if by_category:
        return by_category
    return "ID" if unicodedata.east_asian_width(ch) in ("W", "F") else "AL"


def _width(ch: str) -> int:
    import unicodedata

    if ch < "\x80":
        return 1
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") and ch != "\u00ad":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _possible_breaks(text: str) -> list[bool]:
    """Where a line may break: ``breaks[i]`` is a break before ``text[i]``."""
    breaks = [False] * len(text)
    last = "BK"  # the class of the last character that is not a space
    spaces = False
    for i, ch in enumerate(text):
        cls = _lb_class(ch)
        if cls == "SP":
            spaces = True
            continue
        if cls == "ZW":
            last, spaces = "ZW", False
            continue
        if cls == "CM":
            if last == "ZW":
                breaks[i], last = True, "ID"
            elif spaces:  # a combining mark after a space stands as a letter of its own
                cls = "ID"
            else:
                continue
        if cls != "CM" and last != "BK":
            rule = "D" if last == "ZW" else _LB_TABLE.get((last, cls), "I")
            breaks[i] = rule == "D" or (rule == "I" and spaces)
        last, spaces = cls, False
    return breaks


_ESCAPES = {"\n": "n", "\t": "t", "\r": "r", "\b": "b", "\f": "f", "\a": "a", "\v": "v", "\\": "\\", '"': '"'}


def _wrapped(keyword: str, value: str, prefix: str = "") -> list[str]:
    """The lines gettext writes for ``keyword "value"``: split after each ``\\n``, and broken at
    Unicode line-break opportunities so that no line is longer than :data:`PAGE_WIDTH`."""
    lines: list[str] = []
    after = len(prefix) + 1
    width = PAGE_WIDTH - 1 - after
    portions = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    first = True
    for number, portion in enumerate(portions):
        escaped: list[str] = []
        no_break: list[bool] = []
        for ch in portion:
            if ch in _ESCAPES:
                escaped += ["\\", _ESCAPES[ch]]
                no_break += [False, True]
            else:
                escaped.append(ch)
                no_break.append(False)
        if portion.endswith("\n"):
            no_break[-2] = True
        text = "".join(escaped)
        possible = [b and not n for b, n in zip(_possible_breaks(text), no_break)]

        def chosen(start: int) -> list[int]:
            cuts: list[int] = []
            last_cut: int | None = None
            column, piece = start, 0
            for i, ch in enumerate(text):
                if possible[i]:
                    if last_cut is not None and column + piece > width:
                        cuts.append(last_cut)
                        column = 0
                    last_cut = i
                    column += piece
                    piece = 0
                piece += _width(ch)
            if last_cut is not None and column + piece > width:
                cuts.append(last_cut)
            return cuts

        start = len(prefix) + len(keyword) + 2 - after if first else len(prefix) + 1 - after
        cuts = chosen(start)
        if first and text and (number < len(portions) - 1 or start > width or cuts):
            lines.append(f'{prefix}{keyword} ""')
            first = False
            cuts = chosen(len(prefix) + 1 - after)
        head = f"{prefix}{keyword} " if first else prefix
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        lines.append(f'{head}"{pieces[0]}"')
        lines += [f'{prefix}"{piece}"' for piece in pieces[1:]]
        first = False
    return lines


_FLAG_ORDER = ("fuzzy", "c-format", "no-c-format", "python-format", "no-python-format", "python-brace-format", "no-python-brace-format")


def _flags(flags: set[str] | frozenset[str]) -> str:
    ordered = [f for f in _FLAG_ORDER if f in flags] + sorted(f for f in flags if f not in _FLAG_ORDER)
    return "#, " + ", ".join(ordered) if ordered else ""


def _references(locations: list[tuple[str, int | None]]) -> list[str]:
    lines: list[str] = []
    line, column = "#:", 2
    for file, number in locations:
        item = f"{file}:{number}" if number else file
        if column > 2 and column + len(item) + 1 > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + item
        column += len(item) + 1
    if column > 2:
        lines.append(line)
    return lines


def _comment(mark: str, text: str) -> str:
    return f"{mark} {text}" if text else mark


def _entry(message: Any, obsolete: bool = False) -> list[str]:
    prefix = "#~ " if obsolete else ""
    # Babel reads gettext's previous-text lines (``#| msgid "..."``) as translator comments that
    # start with "|": they are written back as they were, where gettext puts them (after the flags).
    previous = [c for c in message.user_comments if c.startswith("|")]
    lines = [_comment("#", c) for c in message.user_comments if not c.startswith("|")]
    if not obsolete:
        lines += [_comment("#.", c) for c in message.auto_comments]
        lines += _references([(file, number) for file, number in message.locations])
    flags = set(message.flags) - {"python-format"}  # Babel adds it to any text with "%"; the tool's placeholders are {name}
    if flags:
        lines.append(_flags(flags))
    lines += ["#" + c for c in previous]
    if message.context is not None:
        lines += _wrapped("msgctxt", message.context, prefix)
    if isinstance(message.id, (tuple, list)):
        lines += _wrapped("msgid", message.id[0], prefix)
        lines += _wrapped("msgid_plural", message.id[1], prefix)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string or "",)
        for i, form in enumerate(strings):
            lines += _wrapped(f"msgstr[{i}]", form or "", prefix)
    else:
        lines += _wrapped("msgid", message.id, prefix)
        lines += _wrapped("msgstr", message.string or "", prefix)
    return lines


def _date(value: Any) -> str:
    from babel.dates import format_datetime

    return str(format_datetime(value, "yyyy-MM-dd HH:mmZ", locale="en"))


def _is_placeholder(value: str) -> bool:
    return any(p in value for p in PLACEHOLDER_VALUES)


def header_fields(catalog: Catalog, template: bool = False) -> list[tuple[str, str]]:
    """The header as the tool writes it: the fields the file had, in their order (Poedit's and
    Weblate's kept), with the tool's version, the template's date, the language and its plural
    forms filled in, and no placeholder ("FULL NAME", "YEAR-MO-DA") left."""
    created = _date(catalog.creation_date)
    fields: dict[str, str] = dict(getattr(catalog, "raw_headers", None) or [])
    fields.pop("Generated-By", None)
    wanted = {
        "Project-Id-Version": f"facilitator {_version()}",
        "Report-Msgid-Bugs-To": fields.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": fields.get("PO-Revision-Date", "") if not template else created,
        "Last-Translator": fields.get("Last-Translator", ""),
        "Language-Team": fields.get("Language-Team", ""),
        "Language": "" if template or catalog.locale_identifier is None else str(catalog.locale_identifier).replace("_", "-"),
        "MIME-Version": "1.0",
        "Content-Type": fields.get("Content-Type") or "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if not template and catalog.locale is not None:
        wanted["Plural-Forms"] = catalog.plural_forms
    if not wanted["PO-Revision-Date"] or _is_placeholder(wanted["PO-Revision-Date"]):
        wanted["PO-Revision-Date"] = created
    for name in ("Report-Msgid-Bugs-To", "Last-Translator", "Language-Team"):
        if _is_placeholder(wanted[name]):
            wanted[name] = ""
    wanted["Content-Type"] = re.sub(r"charset=[\w-]+", "charset=UTF-8", wanted["Content-Type"], flags=re.IGNORECASE)
    # msgmerge writes gettext's own fields in this order, then the others (Plural-Forms, X-Generator) as they were.
    known = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
             "Language-Team", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding")
    plural = {"Plural-Forms": wanted.pop("Plural-Forms")} if "Plural-Forms" in wanted else {}
    others = {name: value for name, value in fields.items() if name not in known}
    others.update(plural)
    return [(name, wanted[name]) for name in known] + list(others.items())


def header_comment(catalog: Catalog, language_name: str = "") -> list[str]:
    """The header's comment lines, without the lines gettext's templates leave to fill in."""
    raw = getattr(catalog, "_header_comment", "") or ""
    lines = [line for line in raw.splitlines() if line.startswith("#") and not _is_placeholder(line) and "PROJECT" not in line]
    if not [line for line in lines if line.strip("# ")]:
        what = f"{language_name} translations" if language_name else "Translations template"
        lines = [f"# {what} of facilitator: its section library and its own words.",
                 "# This file is distributed under the same license as facilitator (MIT).", "#"]
    return lines


def po_text(catalog: Catalog, template: bool = False) -> str:
    """``catalog`` as gettext writes a PO (or, with ``template``, a POT) file."""
    language = ""
    if catalog.locale is not None:
        language = catalog.locale.english_name or ""
    lines = header_comment(catalog, "" if template else language)
    if catalog.fuzzy or template:
        lines.append("#, fuzzy")
    lines.append('msgid ""')
    lines += _wrapped("msgstr", "".join(f"{name}: {value}\n" for name, value in header_fields(catalog, template)))
    blocks = ["\n".join(lines)]
    active = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
    for message in catalog:
        if message.id:
            blocks.append("\n".join(_entry(message)))
    if not template:
        for message in catalog.obsolete.values():
            key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
            translated = message.string if isinstance(message.string, str) else any(message.string or ())
            if message.id and key not in active and translated:  # gettext drops an obsolete entry with no translation
                blocks.append("\n".join(_entry(message, obsolete=True)))
    return "\n\n".join(blocks) + "\n"


def _write(text: str, path: Path) -> None:
    """Write ``text`` to ``path`` atomically, through a temporary file of its own in the same
    folder (two writers at once never share one); a folder that cannot be written is one problem."""
    import contextlib
    import os
    import tempfile

    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise FacilitatorError(Problem(str(path), 0, "", f"cannot be written: {exc.strerror}", "check that the folder exists and that you may write in it")) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` as a PO file the way gettext writes it, atomically. Fuzzy entries keep
    their old translation; the English they were made for (``#| msgid``) is not written."""
    _write(po_text(catalog), path)


def _template_key(catalog: Catalog) -> list[Any]:
    """What a template says, apart from its date: to keep the date when nothing else changed."""
    return [(m.context, m.id, tuple(m.locations), tuple(m.auto_comments)) for m in catalog if m.id]


def stable_date(catalog: Catalog, previous: Catalog | None) -> None:
    """Give ``catalog`` the date of ``previous`` when its messages, references and comments are
    the same (a template regenerated without changes is the same file), else now, or
    ``SOURCE_DATE_EPOCH`` when it is set."""
    import datetime as dt
    import os

    if previous is not None and _template_key(previous) == _template_key(catalog):
        catalog.creation_date = previous.creation_date
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    catalog.creation_date = when.replace(second=0, microsecond=0)


def write_template(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` as a ``.pot`` template; its date stays that of the file it replaces
    when nothing but the date would change."""
    previous = None
    if path.is_file():
        try:
            previous = read_catalog(path)
        except FacilitatorError:
            previous = None
    stable_date(catalog, previous)
    _write(po_text(catalog, template=True), path)


# -- looking translations up --------------------------------------------------------------------


class CatalogLookup:
    """A lookup for :func:`localise_data` and the tool's words: ``lookup(context, english)`` is the
    translation when it is there and not fuzzy. The usable translations are gathered into one
    dictionary first. ``where`` names an entry's PO file and line (for warnings), ``plural`` gives
    a count's form (gettext's ``ngettext``)."""

    def __init__(self, catalog: Catalog, path: Path | None = None) -> None:
        self.path = path
        self._usable: dict[tuple[str, str], str] = {}
        self._plurals: dict[tuple[str, str], tuple[str, ...]] = {}
        self._lines: dict[tuple[str, str], int] = {}
        for m in catalog:
            if not m.id:
                continue
            key = (m.context or "", m.id if isinstance(m.id, str) else m.id[0])
            self._lines[key] = m.lineno or 0
            if m.fuzzy:
                continue
            if isinstance(m.id, str):
                if isinstance(m.string, str) and m.string:
                    self._usable[key] = m.string
            elif isinstance(m.string, (tuple, list)) and m.string and all(m.string):
                self._plurals[key] = tuple(m.string)
        import gettext

        try:
            self._index: Callable[[int], int] = gettext.c2py(catalog.plural_expr or "(n != 1)")  # type: ignore[attr-defined]
        except (ValueError, SyntaxError):
            self._index = lambda n: int(n != 1)

    def __call__(self, context: str, text: str) -> str | None:
        return self._usable.get((context, text))

    def plural(self, context: str, singular: str, n: int) -> str | None:
        """The translation of the plural entry ``singular`` for the count ``n``, or ``None``."""
        forms = self._plurals.get((context, singular))
        if not forms:
            return None
        index = self._index(n)
        return forms[index] if 0 <= index < len(forms) else None

    def where(self, context: str, text: str) -> str:
        """``PO:LINE`` of the entry (for a warning), or the file alone."""
        if self.path is None:
            return ""
        line = self._lines.get((context, text), 0)
        return f"{display_path(self.path)}:{line}" if line else display_path(self.path)


def lookup_in(catalog: Catalog, path: Path | None = None) -> CatalogLookup:
    """The catalog's usable translations as one lookup (see :class:`CatalogLookup`)."""
    return CatalogLookup(catalog, path)


def placeholder_problems(catalog: Catalog, path: Path) -> list[Problem]:
    """Every translated entry whose placeholders do not match its English: one problem each,
    ``PO:LINE: msgctxt: placeholder {titel} is not in the English ({title})``."""
    found = []
    for m in catalog:
        if not m.id:
            continue
        strings = [m.string] if isinstance(m.string, str) else list(m.string or ())
        english = m.id if isinstance(m.id, str) else tuple(m.id)
        for i, text in enumerate(strings):
            problem = placeholder_problem(english, text) if text else None
            if problem is not None:
                form = f"msgstr[{i}]: " if not isinstance(m.id, str) else ""
                found.append(Problem(str(path), m.lineno or 0, m.context or "", form + problem,
                                     "use the English placeholders exactly; the build prints this entry in English"))
    return found


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
