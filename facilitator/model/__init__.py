"""The document model: what a session pack is, with no dependency beyond the standard library.

Everything between the planner and the writers is here, and nothing else: the Pack with its two
views (:class:`ParticipantPack` for what participants may see, :class:`FacilitatorPack` for the
facilitator's notes), the blocks and cards they hold, the age bands with their type policy, the
plan a pack was made from, reason codes for what was left out, and :class:`RenderConfig`, the one
record of everything else a writer may know. A writer imports this package and the shared text
helpers (:mod:`facilitator.typography`, :mod:`facilitator.xmltext`, :mod:`facilitator.errors`),
nothing more, so importing a writer never loads the loader, the planner, pydantic, YAML or Babel
(``tests/test_layers.py`` holds this in a fresh interpreter).
"""

from facilitator.model.audience import Audience, Band, TypePolicy, band_named
from facilitator.model.blocks import (
    Card,
    Contact,
    FacilitatorBlock,
    GuideQuestion,
    LocalContact,
    ParticipantBlock,
    Prompt,
    Statement,
    Story,
    Term,
    Tip,
)
from facilitator.model.config import RenderConfig
from facilitator.model.outputs import Output
from facilitator.model.pack import AgendaItem, FacilitatorPack, LeftOut, Pack, ParticipantPack, SessionInfo
from facilitator.model.plan import Block, Plan
from facilitator.model.reasons import Reason
from facilitator.model.words import Words

__all__ = [
    "AgendaItem", "Audience", "Band", "Block", "Card", "Contact", "FacilitatorBlock", "FacilitatorPack", "GuideQuestion",
    "LeftOut", "LocalContact", "Output", "Pack", "ParticipantBlock", "ParticipantPack", "Plan", "Prompt", "Reason",
    "RenderConfig", "SessionInfo", "Statement", "Story", "Term", "Tip", "TypePolicy", "Words", "band_named",
]
