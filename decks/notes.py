"""Speaker notes: the facilitator view of a block, as plain text under each slide."""

from __future__ import annotations

import datetime as dt

from facilitator.model import FacilitatorBlock, GuideQuestion, Words


def timing(start: dt.time, minutes: int, _: Words) -> str:
    return _("{start} · {minutes} min", start=f"{start:%H:%M}", minutes=minutes)


def block_notes(block: FacilitatorBlock, start: dt.time, _: Words) -> list[str]:
    """Everything for the first slide of a block: timing, what to say, questions, notes."""
    lines = [_("Timing: {timing}", timing=timing(start, block.participant.minutes, _))]
    if block.say:
        lines += ["", _("What to say: {text}", text=block.say)]
    if block.key_message:
        lines += ["", _("Key message: {text}", text=block.key_message)]
    lines += _notes_and_safeguarding(block, _)
    return lines


def question_notes(block: FacilitatorBlock, start: dt.time, _: Words) -> list[str]:
    """For a slide of questions: each question with what to listen for and follow-ups."""
    lines = [_("Timing: {timing}", timing=timing(start, block.participant.minutes, _))]
    for q in block.questions:
        lines += [""] + question_lines(q, _)
    lines += _safeguarding(block, _)
    return lines


def question_lines(q: GuideQuestion, _: Words) -> list[str]:
    lines = [_("Ask: {text}", text=q.ask)]
    lines += [_("  Listen for: {text}", text=x) for x in q.listen_for]
    lines += [_("  Follow-up: {text}", text=x) for x in q.follow_up]
    return lines


def continued_notes(block: FacilitatorBlock, start: dt.time, _: Words) -> list[str]:
    return [_("Timing: {timing} (continued)", timing=timing(start, block.participant.minutes, _))] + _safeguarding(block, _)


def _notes_and_safeguarding(block: FacilitatorBlock, _: Words) -> list[str]:
    lines = []
    if block.notes:
        lines += ["", _("Notes:")] + [f"- {n}" for n in block.notes]
    return lines + _safeguarding(block, _)


def _safeguarding(block: FacilitatorBlock, _: Words) -> list[str]:
    if not block.safeguarding:
        return []
    return ["", _("Safeguarding:")] + [f"- {n}" for n in block.safeguarding]
