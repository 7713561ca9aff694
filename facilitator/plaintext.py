"""Plain-text rendering of a section's views for ``facilitator show``."""

from __future__ import annotations

from facilitator.model import FacilitatorBlock, ParticipantBlock, Words


def participant_text(b: ParticipantBlock, _: Words) -> list[str]:
    lines = [b.title, "=" * len(b.title)]
    if b.why:
        lines += [b.why]
    if b.content_note:
        lines += ["", f"{_('Content note')}: {b.content_note}"]
    if b.story:
        lines += ["", f"{b.story.character}:", b.story.text]
        if b.story.chat:
            lines += ["", _("As a chat") + ":"] + [f"  {who}: {text}" if who else f"  ({text})" for who, text in b.story.chat]
    if b.key_points:
        lines += [""] + [f"- {p}" for p in b.key_points]
    if b.body:
        lines += ["", b.body]
    for t in b.terms:
        lines += ["", f"{t.term}: {t.definition}"]
    for tip in b.tips:
        lines += ["", f"{tip.title}: {tip.text}"]
    for i, st in enumerate(b.statements, 1):
        answer = _("Fact") if st.is_fact else _("Myth")
        lines += ["", f"{i}. {st.statement}", f"   {answer}: {st.explanation}"]
    if b.steps:
        lines += [""] + [f"{i}. {step}" for i, step in enumerate(b.steps, 1)]
    for pr in b.prompts:
        lines += ["", f"{pr.title}: {pr.setup}"]
    if b.materials:
        lines += ["", _("You need") + ": " + "; ".join(b.materials)]
    for c in b.contacts:
        where = " ".join(x for x in (c.website, c.phone) if x)
        lines += ["", f"{c.name} {where}".rstrip(), f"  {c.description}"]
    if b.questions:
        lines += ["", _("Questions") + ":"] + [f"- {q}" for q in b.questions]
    return lines


def facilitator_text(b: FacilitatorBlock, _: Words) -> list[str]:
    lines = ["", "-- " + _("Facilitator only") + " --"]
    if b.objectives:
        lines += [_("Objectives") + ":"] + [f"- {o}" for o in b.objectives]
    if b.say:
        lines += [f"{_('What to say')}: {b.say}"]
    for q in b.questions:
        lines += [f"{_('Ask')}: {q.ask}"]
        lines += [f"  {_('Listen for')}: {x}" for x in q.listen_for]
        lines += [f"  {_('Follow-up')}: {x}" for x in q.follow_up]
    lines += [f"{_('Note')}: {n}" for n in b.notes]
    lines += [f"{_('Safeguarding')}: {n}" for n in b.safeguarding]
    lines += [f"{i}. {step}" for i, step in enumerate(b.protocol, 1)]
    if b.key_message:
        lines += [f"{_('Key message')}: {b.key_message}"]
    return lines
