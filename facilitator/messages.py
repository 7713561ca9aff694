"""The one message function for words the tool adds itself ("Agenda", "Where to get help").

Section text comes from the content library; every other visible word goes through :func:`_` so a
locale pack's catalog can replace it without touching the writers. Words a catalog does not have
stay in English and are remembered, so a build can list what fell back (or refuse, with
``--strict``).
"""

from __future__ import annotations

from typing import Any

from facilitator.typography import typeset

TOOL_CONTEXT = "tool"

_state: dict[str, Any] = {"catalog": None, "language": "en", "missing": {}}


def use_catalog(catalog: Any | None, language: str = "en") -> None:
    """Translate messages with ``catalog`` (a Babel catalog) in ``language`` from now on;
    ``None`` restores English."""
    _state.update(catalog=catalog, language=language, missing={})


def language() -> str:
    """The language of the pack being made (for typographic quotes and dates)."""
    return str(_state["language"])


def translated(context: str, text: str) -> str:
    """``text`` from the catalog under ``context``, or ``text`` itself (remembered as missing)."""
    catalog = _state["catalog"]
    if catalog is None:
        return text
    message = catalog.get(text, context=context)
    if message is None or message.fuzzy or not message.string or not isinstance(message.string, str):
        _state["missing"][(context, text)] = None
        return text
    return str(message.string)


def missing() -> list[tuple[str, str]]:
    """(context, text) of every word asked for since :func:`use_catalog` that had no translation."""
    return list(_state["missing"])


def _(message: str, **values: object) -> str:
    """``message`` translated, with ``{name}`` placeholders filled from ``values``."""
    text = typeset(translated(TOOL_CONTEXT, message), language())
    return text.format(**values) if values else text
