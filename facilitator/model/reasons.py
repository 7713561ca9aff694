"""Why the planner left a section out, as a code with its numbers, never as translated text.

The planner records a :class:`Reason`; the words are chosen when they are printed, in the pack's
language (``reason.text(words)``), so no module ever compares translated text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from facilitator.model.words import Words


def N_(message: str) -> str:
    """Marks a message for the catalog without translating it (gettext's convention): it is
    translated where it is printed."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a count for the catalog (gettext's ``ngettext`` forms), translated
    where it is printed (``words.plural``)."""
    return singular, plural


ReasonCode = Literal["needs-unseen", "time", "age"]

MESSAGES: dict[str, str] = {
    "needs-unseen": N_("needs a section this audience does not see"),
    "time": "needs {minutes} more minutes",  # printed with its count: see PLURALS
    "age": N_("for ages {age}+"),
}
"""Each code's words in English, the catalog's message id."""

PLURALS: dict[str, tuple[str, str]] = {
    "time": N_plural("needs {minutes} more minute", "needs {minutes} more minutes"),
}
"""The codes whose words have a count: their singular and plural forms."""


@dataclass(frozen=True)
class Reason:
    """Why a section is not in the plan: its ``code`` and the numbers its words need."""

    code: ReasonCode
    minutes: int = 0
    """For ``time``: the minutes the section (with what it requires) would add."""
    age: int = 0
    """For ``age``: the youngest age the section is written for."""

    @property
    def message(self) -> str:
        """The words, with ``{placeholders}``, to translate."""
        return MESSAGES[self.code]

    @property
    def values(self) -> dict[str, int]:
        return {"minutes": self.minutes} if self.code == "time" else {"age": self.age} if self.code == "age" else {}

    @property
    def english(self) -> str:
        """The reason in English, for the manifest and the command line."""
        if self.code in PLURALS:
            return PLURALS[self.code][self.minutes != 1].format(**self.values)
        return self.message.format(**self.values)

    def text(self, words: Words) -> str:
        """The reason in the pack's language (with the count's plural form)."""
        if self.code in PLURALS:
            singular, plural = PLURALS[self.code]
            return words.plural(singular, plural, self.minutes, **self.values)
        return words(self.message, **self.values)
