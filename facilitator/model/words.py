"""The tool's own words in the pack's language, as a lookup object a writer is handed.

Section text arrives in the Pack already in its language; every other visible word a writer prints
("Agenda", "Where to get help") goes through :class:`Words`, which the pipeline builds once per pack
from the locale's catalog. Words a catalog lacks (or whose translation has broken placeholders)
print in English and are remembered, so a build can list what fell back or refuse it (``--strict``).
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.typography import typeset

TOOL_CONTEXT = "tool"
"""The catalog context of the tool's own words (section text has "SECTION|FIELD|BAND")."""

Lookup = Callable[[str, str], "str | None"]
"""(context, English text) -> the translation, or ``None`` when there is none."""


class Words:
    """Translate the tool's words with ``lookup`` into ``language`` (English when ``lookup`` is
    ``None``), typographic quotes included."""

    def __init__(self, lookup: Lookup | None = None, language: str = "en") -> None:
        self.language = language
        self._lookup = lookup
        self._missing: dict[tuple[str, str], None] = {}

    def text(self, context: str, text: str) -> str:
        """``text`` from the catalog under ``context``, or ``text`` itself (remembered as missing)."""
        if self._lookup is None:
            return text
        found = self._lookup(context, text)
        if found is None:
            self._missing[(context, text)] = None
            return text
        return found

    def __call__(self, message: str, **values: object) -> str:
        """``message`` translated, typeset, with ``{name}`` placeholders filled from ``values``. A
        translation whose placeholders do not match the English ones falls back to English."""
        text = typeset(self.text(TOOL_CONTEXT, message), self.language)
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            self._missing[(TOOL_CONTEXT, message)] = None
            return typeset(message, self.language).format(**values)

    def missing(self) -> list[tuple[str, str]]:
        """(context, text) of every word asked for that had no usable translation."""
        return list(self._missing)


ENGLISH = Words()
"""The tool's words untranslated (English packs, tests)."""
