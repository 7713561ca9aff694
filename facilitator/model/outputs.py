"""How a writer package declares the documents it provides.

``decks`` and ``handouts`` each list their documents in ``OUTPUTS`` (in their ``__init__``, which
imports nothing heavy); the pipeline finds a document's writer by module name, as Sphinx finds
builders, and imports it only when that document is written. A writer module has one function::

    def write(view, out: BinaryIO, config: RenderConfig) -> int

which writes the document to ``out`` and returns its number of slides or pages (0, writing
nothing, when the pack has nothing for it; :attr:`Output.empty` says why).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

View = Literal["pack", "participant", "facilitator"]


@dataclass(frozen=True)
class Output:
    """One document a pack can hold."""

    name: str
    """What ``--only`` calls it: ``deck``, ``handout``."""
    filename: str
    writer: str
    """The module whose ``write`` makes it, e.g. ``handouts.handout``."""
    view: View
    """What the writer is given: the participant view, the facilitator view, or (the deck, whose
    speaker notes are the facilitator's) the whole Pack."""
    unit: str = "pages"
    empty: str = ""
    """Why the writer wrote nothing when it returned 0 (e.g. a plan with no cards)."""
