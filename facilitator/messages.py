"""The one message function for words the tool adds itself ("Agenda", "Where to get help").

Section text comes from the content library; every other visible word goes through :func:`_` so a
translation catalog can replace it without touching the writers.
"""

from __future__ import annotations

from facilitator.typography import typeset

_catalog: dict[str, str] = {}


def use_catalog(catalog: dict[str, str]) -> None:
    """Translate messages with ``catalog`` (msgid -> msgstr) from now on; ``{}`` restores English."""
    _catalog.clear()
    _catalog.update(catalog)


def _(message: str, **values: object) -> str:
    """``message`` translated, with ``{name}`` placeholders filled from ``values``."""
    text = typeset(_catalog.get(message) or message)
    return text.format(**values) if values else text
