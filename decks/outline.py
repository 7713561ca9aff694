"""The slide outline: which slides a pack becomes, before any text is fitted.

Visible text is taken from the participant view only; speaker notes from the facilitator view.
Each :class:`SlideSpec` may still become several slides when its text does not fit (see
:mod:`decks.fitting`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from decks.fitting import Para
from decks.notes import block_notes, continued_notes, question_notes
from decks.theme import MAX_AGENDA_ROWS, MAX_POINTS
from facilitator.messages import _
from facilitator.pack import Pack, ParticipantPack
from facilitator.views import FacilitatorBlock, ParticipantBlock

MAX_CONTACTS_ON_SLIDE = 4


@dataclass(frozen=True)
class SlideSpec:
    title: str
    paras: tuple[Para, ...]
    notes: tuple[str, ...]
    style: str = "content"
    """``title`` (the opening slide), ``content`` (points) or ``statement`` (one large text)."""
    max_items: int = MAX_POINTS


def outline(pack: Pack) -> list[SlideSpec]:
    p, f = pack.participant, pack.facilitator
    slides = [_title_slide(p), _agenda_slide(p)]
    for (pb, fb, item) in zip(p.blocks, f.blocks, p.agenda):
        slides += _block_slides(pb, fb, item.start, p)
    return slides


def _title_slide(p: ParticipantPack) -> SlideSpec:
    info = p.info
    lines = [_("For ages {audience}", audience=info.audience) if info.audience != "adults" else _("For parents, carers and educators")]
    when = [f"{info.date:%d %B %Y}".lstrip("0")] if info.date else []
    when.append(f"{info.start:%H:%M}–{info.end:%H:%M}")
    lines.append(" · ".join(when))
    if info.place:
        lines.append(info.place)
    notes = (
        _("Session: {minutes} minutes, {start}–{end}.", minutes=info.minutes, start=f"{info.start:%H:%M}", end=f"{info.end:%H:%M}"),
        _("Before you start: read the safeguarding brief in the facilitator guide, know who your safeguarding lead is, and have the local contacts ready."),
    )
    return SlideSpec(info.title, tuple(Para(t, bullet=False) for t in lines), notes, style="title")


def _agenda_slide(p: ParticipantPack) -> SlideSpec:
    rows = tuple(Para(f"{a.start:%H:%M}   {a.title}", bullet=False) for a in p.agenda)
    notes = tuple(f"{a.start:%H:%M}  {a.minutes:>3} min  {a.title}" for a in p.agenda)
    return SlideSpec(_("Agenda"), rows, notes, max_items=MAX_AGENDA_ROWS)


def _points(texts: tuple[str, ...] | list[str]) -> tuple[Para, ...]:
    return tuple(Para(t) for t in texts)


def _body_paras(text: str) -> tuple[Para, ...]:
    return tuple(Para(par.strip(), bullet=False) for par in text.split("\n\n") if par.strip())


def _block_slides(pb: ParticipantBlock, fb: FacilitatorBlock, start: dt.time, pack: ParticipantPack) -> list[SlideSpec]:
    first = tuple(block_notes(fb, start))
    later = tuple(continued_notes(fb, start))
    asked = tuple(question_notes(fb, start))
    out: list[SlideSpec] = []
    if pb.sensitivity == "high":
        note = pb.content_note or _("The next part is about {title}. Some of it may be hard to hear.", title=pb.title)
        out.append(
            SlideSpec(
                _("Content note"),
                (Para(note, bullet=False), Para(_("You can pass or step out at any time, and talk to a facilitator afterwards."), bullet=False)),
                (_("Pause before this part. Remind the group of the right to pass and where they can go if they step out."),) + later[1:],
                style="statement",
            )
        )
    main: list[SlideSpec] = []
    if pb.story:
        main.append(SlideSpec(pb.title, (Para(pb.story.character, bullet=False, bold=True),) + _body_paras(pb.story.text), ()))
        if pb.questions:
            main.append(SlideSpec(_("What do you think?"), _points(pb.questions), asked))
        if pb.key_points:
            main.append(SlideSpec(_("{title}: what to remember", title=pb.title), _points(pb.key_points), later))
    elif pb.statements:
        main.append(_activity_slide(pb))
        total = len(pb.statements)
        for n, st in enumerate(pb.statements, 1):
            answer = _("Fact") if st.is_fact else _("Myth")
            main.append(
                SlideSpec(_("Myth or fact? ({n} of {total})", n=n, total=total), (Para(st.statement, bullet=False),),
                          (_("Answer: {answer}. {explanation}", answer=answer, explanation=st.explanation),), style="statement")
            )
            main.append(
                SlideSpec(_("Answer: {answer}", answer=answer),
                          (Para(st.statement, bullet=False), Para(st.explanation, bullet=False, bold=True)), later)
            )
    elif pb.kind == "activity":
        main.append(_activity_slide(pb))
        if pb.prompts:
            main.append(SlideSpec(_("Scenes to act out"), _points([pr.title for pr in pb.prompts]), later))
    elif pb.contacts:
        if pb.key_points:
            main.append(SlideSpec(pb.title, _points(pb.key_points), ()))
        main.append(_help_slide(pb, pack, later))
    else:
        texts = pb.key_points or tuple(t.title for t in pb.tips)
        main.append(SlideSpec(pb.title, _points(texts) if texts else _body_paras(pb.body), ()))
    if pb.questions and not pb.story:
        main.append(SlideSpec(_("Let's talk: {title}", title=pb.title), _points(pb.questions), asked))
    # The first slide of the block carries the full notes; the others, timing and safeguarding.
    for i, spec in enumerate(main):
        notes = first if i == 0 else (spec.notes or later)
        main[i] = replace(spec, notes=notes)
    return out + main


def _help_slide(pb: ParticipantBlock, pack: ParticipantPack, notes: tuple[str, ...]) -> SlideSpec:
    """Local numbers first and in bold (written in by hand when the pack has none), then the
    first of the guide's contacts."""
    local = tuple(Para(f"{c.label}: {c.shown}", bullet=False, bold=True) for c in pack.local_contacts)
    shown = pb.contacts[: MAX_CONTACTS_ON_SLIDE - len(local) // 2]
    paras = local + tuple(Para(f"{c.name}: {c.phone or c.website}" if (c.phone or c.website) else c.name) for c in shown)
    if len(pb.contacts) > len(shown):
        paras += (Para(_("More contacts are on your handout."), bullet=False),)
    if not all(c.filled for c in pack.local_contacts):
        notes = (_("Before the session, type your national child helpline and emergency number over the lines on this slide, and check each number yourself."),) + notes
    return SlideSpec(_("Where to get help"), paras, notes, max_items=len(paras))


def _activity_slide(pb: ParticipantBlock) -> SlideSpec:
    """The activity's steps with its minutes; the time line does not count as a point."""
    time = Para(_("Time: {minutes} minutes", minutes=pb.minutes), bullet=False, bold=True)
    return SlideSpec(pb.title, _points(pb.steps or pb.key_points) + (time,), (), max_items=MAX_POINTS + 1)

