"""Printables: the participant handout, the scenario and role-play cards, and the facilitator guide.

Each writer module has ``write(view, out, config) -> int`` (see :mod:`facilitator.model.outputs`):
:mod:`handouts.handout` and :mod:`handouts.cards` take the participant view only,
:mod:`handouts.guide` the facilitator view. This package imports only the model's declaration of
an output, so the pipeline can list documents without loading reportlab. The documents around
a session (:mod:`handouts.letter`, :mod:`handouts.letter_docx`, :mod:`handouts.check`,
:mod:`handouts.feedback`) take the participant view; their wording is a template of
:mod:`facilitator.documents`.
"""

from facilitator.model.outputs import Output

OUTPUTS = (
    Output("handout", "handout.pdf", "handouts.handout", "participant"),
    Output("cards", "cards.pdf", "handouts.cards", "participant", empty="not written, the plan has no scenario or role-play cards"),
    Output("guide", "guide.pdf", "handouts.guide", "facilitator"),
    Output("letter", "letter.pdf", "handouts.letter", "participant"),
    Output("letter-docx", "letter.docx", "handouts.letter_docx", "participant"),
    Output("check", "check.pdf", "handouts.check", "participant"),
    Output("feedback", "feedback.pdf", "handouts.feedback", "participant"),
)
"""The documents this package writes, in the order they are written."""
