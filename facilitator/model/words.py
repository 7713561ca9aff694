"""The tool's own words in the pack's language, as a lookup object a writer is handed.

Section text arrives in the Pack already in its language; every other visible word a writer prints
("Agenda", "Where to get help") goes through :class:`Words`, which the pipeline builds once per pack
from the locale's catalog. Words a catalog lacks (or whose translation has broken placeholders)
print in English and are remembered, so a build can list what fell back or refuse it (``--strict``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from facilitator.typography import typeset

TOOL_CONTEXT = "tool"
"""The catalog context of the tool's own words (section text has "SECTION|FIELD|BAND")."""

Lookup = Callable[[str, str], "str | None"]
"""(context, English text) -> the translation, or ``None`` when there is none."""

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def placeholders(text: str) -> list[str] | None:
    """The ``{name}`` placeholders of ``text`` in order (``{{`` and ``}}`` are literal braces), or
    ``None`` when a brace is unmatched (``{titel``)."""
    found: list[str] = []
    for match in _FIELD.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            return None
        found.append(match.group(1))
    return found


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def fill(text: str, values: dict[str, object]) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` and ``{{``/``}}`` by braces: the
    only formatting the tool's words and translations get. Nothing is evaluated: a field that is
    not a plain name (``{name.__class__}``, ``{0[1]}``, ``{n:>9999}``) or not among ``values``
    raises ``ValueError``, so a hostile translation never reaches Python objects."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None or not _NAME.match(name) or name not in values:
            raise ValueError(f"placeholder {token} cannot be filled")
        return str(values[name])

    return _FIELD.sub(one, text)


def placeholder_problem(english: str | tuple[str, ...], translation: str) -> str | None:
    """What is wrong with the placeholders of ``translation`` of ``english`` (one line), or
    ``None`` when they match. ``english`` is a plural entry's (singular, plural) pair, whose
    placeholders are those of both. The check every catalog entry gets, in ``check --locale``,
    the section text of a build and the tool's words."""
    wanted: set[str] = set()
    for text in (english,) if isinstance(english, str) else english:
        names = placeholders(text)
        if names is None:  # English that is not a format string (a literal brace): nothing to check
            return None
        wanted |= set(names)
    if not wanted:
        return None
    got = placeholders(translation)
    if got is None:
        return "has an unmatched { or } (write placeholders as {name}, as the English does)"
    odd = [name for name in dict.fromkeys(got) if not _NAME.match(name)]
    if odd:
        return "; ".join(f"placeholder {{{name}}} is not a plain name (write placeholders as {{name}}, as the English does)" for name in odd)
    listed = ", ".join(f"{{{name}}}" for name in sorted(wanted))
    extra = [name for name in dict.fromkeys(got) if name not in wanted]
    if extra:
        return "; ".join(f"placeholder {{{name}}} is not in the English ({listed})" for name in extra)
    lost = sorted(wanted - set(got))
    if lost:
        return "; ".join(f"placeholder {{{name}}} of the English is missing" for name in lost)
    return None


class Words:
    """Translate the tool's words with ``lookup`` into ``language`` (English when ``lookup`` is
    ``None``), typographic quotes included."""

    def __init__(self, lookup: Lookup | None = None, language: str = "en") -> None:
        self.language = language
        self._lookup = lookup
        self._missing: dict[tuple[str, str], None] = {}
        self._checked: set[tuple[str | tuple[str, ...], str]] = set()

    def text(self, context: str, text: str) -> str:
        """``text`` from the catalog under ``context``, or ``text`` itself (remembered as missing)."""
        if self._lookup is None:
            return text
        found = self._lookup(context, text)
        if found is None:
            self._missing[(context, text)] = None
            return text
        return found

    def _usable(self, context: str, english: str | tuple[str, ...], translation: str) -> bool:
        """Whether ``translation`` has the English placeholders; if not it is remembered (with
        its PO file and line) and the English is printed instead."""
        if (english, translation) in self._checked:
            return True
        problem = placeholder_problem(english, translation)
        if problem is None:
            self._checked.add((english, translation))
            return True
        key = english if isinstance(english, str) else english[0]
        where = getattr(self._lookup, "where", None)
        place = where(context, key) if where is not None else ""
        self._missing[(f"{place}: {context}" if place else context, problem)] = None
        return False

    def __call__(self, message: str, **values: object) -> str:
        """``message`` translated, typeset, with ``{name}`` placeholders filled from ``values``. A
        translation whose placeholders do not match the English ones falls back to English."""
        found = self.text(TOOL_CONTEXT, message)
        if found != message and not self._usable(TOOL_CONTEXT, message, found):
            found = message
        text = typeset(found, self.language)
        if not values:
            return text
        try:
            return fill(text, values)
        except ValueError:
            self._missing[(TOOL_CONTEXT, message)] = None
            return fill(typeset(message, self.language), values)

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """gettext's ``ngettext``: the form of ``singular``/``plural`` for the count ``n`` in the
        pack's language (its catalog's plural forms), typeset and filled from ``values`` (``n``
        is among them unless given). English: ``singular`` when ``n`` is 1, else ``plural``."""
        values.setdefault("n", n)
        english = singular if n == 1 else plural
        chosen = english
        if self._lookup is not None:
            forms = getattr(self._lookup, "plural", None)
            found = forms(TOOL_CONTEXT, singular, n) if forms is not None else None
            if found is None:
                self._missing[(TOOL_CONTEXT, singular)] = None
            elif self._usable(TOOL_CONTEXT, (singular, plural), found):
                chosen = found
        text = typeset(chosen, self.language)
        try:
            return fill(text, values)
        except ValueError:
            self._missing[(TOOL_CONTEXT, singular)] = None
            return fill(typeset(english, self.language), values)

    def missing(self) -> list[tuple[str, str]]:
        """(context, text) of every word asked for that had no usable translation; for a
        translation with broken placeholders, ("PO:LINE: context", what is wrong)."""
        return list(self._missing)


ENGLISH = Words()
"""The tool's words untranslated (English packs, tests)."""
