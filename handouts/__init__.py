"""Printables: the participant handout, the scenario and role-play cards, and the facilitator guide.

Each writer takes one view of the Pack and a :class:`~handouts.options.PrintOptions` and writes a PDF:
:func:`handouts.handout.write_handout`, :func:`handouts.cards.write_cards` (both take the participant
view only) and :func:`handouts.guide.write_guide`. Import the writer modules directly; this package
imports nothing, so loading it stays fast.
"""
