"""Why the planner left a section out, as a code with its numbers, never as translated text.

The planner records a :class:`Reason`; the words are chosen when they are printed, in the pack's
language (``words(reason.message, **reason.values)``), so no module ever compares translated text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


def N_(message: str) -> str:
    """Marks a message for the catalog without translating it (gettext's convention): it is
    translated where it is printed."""
    return message


ReasonCode = Literal["off-topic", "needs-unseen", "time", "age"]

MESSAGES: dict[str, str] = {
    "off-topic": N_("not on the chosen topics"),
    "needs-unseen": N_("needs a section this audience does not see"),
    "time": N_("needs {minutes} more minutes"),
    "age": N_("for ages {age}+"),
}
"""Each code's words in English, the catalog's message id."""


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
        return self.message.format(**self.values)
