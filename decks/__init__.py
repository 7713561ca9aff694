"""Pack -> slide deck (.pptx): theme, slide outline, text fitting, speaker notes.

:mod:`decks.writer` has ``write(pack, out, config) -> int`` (see :mod:`facilitator.model.outputs`):
the deck takes the whole Pack, its slides showing the participant view and its speaker notes the
facilitator's.
"""

from facilitator.model.outputs import Output

OUTPUTS = (Output("deck", "deck.pptx", "decks.writer", "pack", "slides"),)
"""The documents this package writes."""
