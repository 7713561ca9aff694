"""The slide outline: which slides of which kinds a pack becomes, before any text is fitted.

Visible text is taken from the participant view only; speaker notes from the facilitator view. A
slide whose text does not fit even at its kind's smallest size continues on another slide of the
same kind (see :mod:`decks.writer`), as a last resort.
"""

from __future__ import annotations

from dataclasses import replace

from decks.notes import block_notes, continued_notes, question_notes
from decks.slides import AgendaRow, Kind, SlideSpec
from decks.theme import MAX_POINTS
from facilitator.model import FacilitatorBlock, Pack, ParticipantBlock, ParticipantPack, Words

MAX_CONTACTS_ON_SLIDE = 3
MAX_DISCUSSION_SLIDES = 2
OPENED_KINDS = frozenset({"intro", "concept", "glossary", "scenario", "example", "law", "action", "activity", "tips"})
"""Kinds of block that start with a section opener (when long enough to be a part of their own)."""
MIN_OPENED_MINUTES = 8


def outline(pack: Pack, _: Words) -> list[SlideSpec]:
    """Every slide of the deck in order, with unique titles, the tool's words in ``_``'s language;
    the closing slide ends it."""
    p, f = pack.participant, pack.facilitator
    slides = [_title_slide(p, _), _agenda_slide(p, _)]
    number = 0
    for fb in f.blocks:
        pb = fb.participant
        opens = pb.kind in OPENED_KINDS and pb.minutes >= MIN_OPENED_MINUTES
        number += opens
        slides += _block_slides(pb, fb, p, number if opens else 0, _)
    slides.append(
        SlideSpec("closing", _("Thank you"), (_("Thank everyone. Remind them where to get help and that you are around after the session."),), text=p.help_line)
    )
    return unique_titles(slides)


def unique_titles(slides: list[SlideSpec]) -> list[SlideSpec]:
    """Every slide's title made unique (PowerPoint's accessibility checker asks for it)."""
    seen: dict[str, int] = {}
    out = []
    for s in slides:
        count = seen.get(s.title, 0) + 1
        seen[s.title] = count
        out.append(s if count == 1 else replace(s, title=f"{s.title} ({count})"))
    return out


def _title_slide(p: ParticipantPack, _: Words) -> SlideSpec:
    info = p.info
    who = _("For ages {audience}", audience=info.audience) if info.audience != "adults" else _("For parents, carers and educators")
    when = [info.date_text] if info.date_text else []
    when.append(f"{info.start:%H:%M}–{info.end:%H:%M}")
    lines = [who, " · ".join(when)]
    where = " · ".join(x for x in (info.place, info.org) if x)
    if where:
        lines.append(where)
    notes = (
        _.plural("Session: {minutes} minute, {start}–{end}.", "Session: {minutes} minutes, {start}–{end}.", info.minutes, minutes=info.minutes, start=f"{info.start:%H:%M}", end=f"{info.end:%H:%M}"),
        _("Before you start: read the safeguarding brief in the facilitator guide, know who your safeguarding lead is, and have the local contacts ready."),
    )
    return SlideSpec("title", info.title, notes, lines=tuple(lines))


def _agenda_slide(p: ParticipantPack, _: Words) -> SlideSpec:
    """One timeline: the opening blocks as one row ("Getting started"), then every block."""
    rows: list[AgendaRow] = []
    opening = [a for a, b in zip(p.agenda, p.blocks) if b.kind == "opening"]
    for a, b in zip(p.agenda, p.blocks):
        if b.kind == "opening" and len(opening) > 1:
            if a is opening[0]:
                rows.append(AgendaRow(f"{a.start:%H:%M}", _("Getting started"), sum(o.minutes for o in opening)))
            continue
        rows.append(AgendaRow(f"{a.start:%H:%M}", a.title, a.minutes))
    notes = tuple(f"{a.start:%H:%M}  {a.minutes:>3} min  {a.title}" for a in p.agenda)
    return SlideSpec("agenda", _("Agenda"), notes, rows=tuple(rows))


def joined(title: str, what: str) -> str:
    """``Grooming: what to know``; a title that has a colon already gets a dash instead."""
    return f"{title} – {what}" if ":" in title + what else f"{title}: {what}"


def discussion_minutes(block: ParticipantBlock) -> int:
    """About how long to talk about one question of the block."""
    return max(2, min(5, block.minutes // (len(block.questions) + 1)))


def _discuss_label(pack: ParticipantPack, block: ParticipantBlock, _: Words) -> str:
    return _("{how} · {minutes} min", how=pack.discuss, minutes=discussion_minutes(block))


def _block_slides(pb: ParticipantBlock, fb: FacilitatorBlock, pack: ParticipantPack, number: int, _: Words) -> list[SlideSpec]:
    start = fb.start
    first = tuple(block_notes(fb, start, _))
    later = tuple(continued_notes(fb, start, _))
    asked = tuple(question_notes(fb, start, _))
    out: list[SlideSpec] = []
    if pb.sensitivity == "high":
        note = pb.content_note or _("The next part is about {title}. Some of it may be hard to hear.", title=pb.title)
        out.append(
            SlideSpec(
                "note", _("Content note"),
                (_("Pause before this part. Remind the group of the right to pass and where they can go if they step out."),) + later[1:],
                text=note, lines=(_("You can pass or step out at any time, and talk to a facilitator afterwards."),),
            )
        )
    if number:
        out.append(SlideSpec("opener", pb.title, first, label=str(number), text=pb.why))
    main: list[SlideSpec] = []
    questions = list(pb.questions)
    if pb.story:
        kind: Kind = "chat" if pb.story.chat else "story"
        title = _("The story of {name}", name=pb.story.character) if number else pb.title
        main.append(SlideSpec(kind, title, (), label=pb.story.character, text=pb.story.text, chat=pb.story.chat))
        main += _discussions(pb, pack, questions, asked, _)
        questions = []
        if pb.key_points:
            main.append(SlideSpec("points", joined(pb.story.character, _("what to remember")), later, points=pb.key_points))
    elif pb.statements:
        main.append(_activity(pb, _("How to play"), _))
        total = len(pb.statements)
        for n, st in enumerate(pb.statements, 1):
            answer = _("Fact") if st.is_fact else _("Myth")
            main.append(
                SlideSpec("statement", _("Myth or fact? {n} of {total}", n=n, total=total),
                          (_("Answer: {answer}. {explanation}", answer=answer, explanation=st.explanation),), text=st.statement,
                          choices=(_("Myth?"), _("Fact?")))
            )
            main.append(SlideSpec("answer", _("Answer {n}: {answer}", n=n, answer=answer), later, label=answer, text=st.explanation, lines=(st.statement,), fact=st.is_fact))
    elif pb.kind == "activity":
        main.append(_activity(pb, pb.title, _))
        if pb.prompts:
            main.append(SlideSpec("points", _("Scenes to act out"), later, points=tuple(pr.title for pr in pb.prompts)))
    elif pb.contacts:
        if pb.key_points:
            main.append(SlideSpec("points", joined(pb.title, _("first steps")), (), points=pb.key_points))
        main.append(_help_slide(pb, pack, later, _))
    else:
        texts = pb.key_points or tuple(t.title for t in pb.tips) or tuple(par.strip() for par in pb.body.split("\n\n") if par.strip())
        title = joined(pb.title, _("what to know")) if number else pb.title
        points = SlideSpec("points", title, (), points=texts)
        # One question joins a short list of points rather than taking a slide of its own.
        if len(questions) == 1 and len(texts) <= 3:
            points = SlideSpec("points", title, asked, points=texts, text=questions[0], label=_discuss_label(pack, pb, _))
            questions = []
        main.append(points)
    main += _discussions(pb, pack, questions, asked, _)
    # The first slide of the block carries the full notes (unless an opener has them).
    for i, spec in enumerate(main):
        notes = (later if number else first) if i == 0 else (spec.notes or later)
        main[i] = replace(spec, notes=notes)
    return out + main


def _discussions(pb: ParticipantBlock, pack: ParticipantPack, questions: list[str], notes: tuple[str, ...], _: Words) -> list[SlideSpec]:
    """One question per slide, set large, with how to discuss it; at most two such slides (the
    rest of the questions share the second)."""
    if not questions:
        return []
    label = _discuss_label(pack, pb, _)
    title = joined(_("Let’s talk"), pb.story.character if pb.story else pb.title)
    if len(questions) <= MAX_DISCUSSION_SLIDES:
        return [SlideSpec("discussion", title, notes, text=q, label=label) for q in questions]
    # The other questions share the second slide, each its own paragraph.
    return [
        SlideSpec("discussion", title, notes, text=questions[0], label=label),
        SlideSpec("discussion", title, notes, text="\n\n".join(questions[1 : MAX_POINTS + 1]), label=label),
    ]


def _activity(pb: ParticipantBlock, title: str, _: Words) -> SlideSpec:
    """The activity's steps, its minutes and what to bring, at a glance."""
    return SlideSpec("activity", title, (), points=pb.steps or pb.key_points, numbered=True,
                     label=_("{minutes} min", minutes=pb.minutes), lines=pb.materials,
                     need=_("You need: {things}", things="; ".join(pb.materials)) if pb.materials else "")


def _help_slide(pb: ParticipantBlock, pack: ParticipantPack, notes: tuple[str, ...], _: Words) -> SlideSpec:
    """Local numbers first and large (written in by hand when the pack has none), then the first
    of the guide's contacts."""
    local = tuple(f"{c.label}: {c.first}" for c in pack.local_contacts)
    shown = pb.contacts[:MAX_CONTACTS_ON_SLIDE]
    points = tuple(f"{c.name}: {c.phone or c.website}" if (c.phone or c.website) else c.name for c in shown)
    if len(pb.contacts) > len(shown):
        points += (_("More contacts are on your handout."),)
    if not all(c.filled for c in pack.local_contacts):
        notes = (_("Before the session, build the pack with your local contacts (--contacts), or write the child helpline, the emergency number and a crisis line on the printed handouts and cards; check each number yourself."),) + notes
    return SlideSpec("help", _("Where to get help"), notes, points=points, lines=local)
