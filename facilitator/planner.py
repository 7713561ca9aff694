"""Choose, order and time the sections of one session.

A :class:`Plan` is what ``facilitator plan -o plan.yaml`` writes and ``facilitator pack plan.yaml``
builds: the audience, the start time and the blocks (section id and minutes) in order. The planner
makes one from ``--age``, ``--minutes`` and ``--topic``; :func:`validate_plan` checks one a person
edited. Both apply the same rules: ages, ``requires`` earlier, and the blocks every session keeps.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from facilitator.errors import FacilitatorError, Problem
from facilitator.library import Library
from facilitator.model.audience import Audience, parse_audience
from facilitator.model.plan import Block, Plan
from facilitator.model.reasons import Reason
from facilitator.request import did_you_mean, parse_clock
from facilitator.schema import Section, pick


@dataclass(frozen=True)
class SessionRules:
    """The shape of a session, read from ``content/session.yaml``."""

    phases: tuple[str, ...]
    kind_phase: dict[str, str]
    always: frozenset[str]
    priority: tuple[str, ...]
    """Section ids and ``kind:K`` entries, most wanted first."""
    priority_kinds: tuple[str, ...]
    order: tuple[str, ...]
    priority_by_band: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A band's own priority, replacing ``priority`` (adults come for a different session)."""

    def priority_for(self, band: str) -> tuple[str, ...]:
        return self.priority_by_band.get(band, self.priority)

    def phase_of(self, s: Section) -> str:
        return s.phase or self.kind_phase[s.kind]

    def is_core(self, s: Section) -> bool:
        return s.kind in self.always


@lru_cache(maxsize=1)
def session_rules() -> SessionRules:
    data = yaml.safe_load((resources.files("facilitator") / "content" / "session.yaml").read_text(encoding="utf-8"))

    def entries(items: list[Any]) -> tuple[str, ...]:
        return tuple(f"kind:{e['kind']}" if isinstance(e, dict) else str(e) for e in items)

    return SessionRules(
        phases=tuple(data["phases"]),
        kind_phase=dict(data["kind_phase"]),
        always=frozenset(data["always"]),
        priority=entries(data["priority"]),
        priority_kinds=tuple(data["priority_kinds"]),
        order=tuple(data.get("order") or ()),
        priority_by_band={band: entries(items) for band, items in (data.get("priority_by_band") or {}).items()},
    )


def make_plan(
    library: Library,
    audience: Audience,
    minutes: int,
    topics: list[str] | None = None,
    start: dt.time = dt.time(9, 0),
    title: str = "",
    date: dt.date | None = None,
    place: str = "",
) -> Plan:
    """Choose and order sections for ``audience`` to fit ``minutes``.

    Raises :class:`FacilitatorError` when a topic is unknown for the audience or the time cannot
    hold the blocks every session keeps (the message gives the minimum).
    """
    rules = session_rules()
    topics = [t.strip().lower() for t in topics or []]
    eligible = [s for s in library.select(audience) if not s.facilitator_only]
    if topics:
        known = sorted({t.lower() for s in eligible for t in s.topics})
        for topic in topics:
            if topic not in known:
                raise FacilitatorError(Problem(field="--topic", message=f"no section for ages {audience.label} covers '{topic}'",
                                               hint=did_you_mean(topic, known, "topics for this age:")))
    core = [s for s in eligible if rules.is_core(s)]
    needed = sum(s.minutes for s in core)
    if minutes < needed:
        raise FacilitatorError(
            Problem(field="--minutes", message=f"{minutes} minutes cannot hold the opening, where to get help and the closing", hint=f"give at least {needed} minutes")
        )
    by_id = {s.id: s for s in eligible}
    chosen: dict[str, Section] = {s.id: s for s in core}
    used = needed
    left_out: list[tuple[str, Reason]] = []

    def with_requires(s: Section) -> list[Section] | None:
        out: list[Section] = []

        def add(x: Section) -> bool:
            for r in x.requires:
                if r in chosen or any(o.id == r for o in out):
                    continue
                if r not in by_id or not add(by_id[r]):
                    return False
            out.append(x)
            return True

        return out if add(s) else None

    for s in _by_priority([s for s in eligible if s.id not in chosen], topics, rules, audience):
        if s.id in chosen:
            continue
        # Topics come first (see _by_priority); the rest of the time is filled as without them.
        group = with_requires(s)
        if group is None:
            left_out.append((s.id, Reason("needs-unseen")))
            continue
        extra = sum(x.minutes for x in group if x.id not in chosen)
        if used + extra > minutes:
            left_out.append((s.id, Reason("time", minutes=extra)))
            continue
        for x in group:
            chosen[x.id] = x
        used += extra
    order = order_sections(list(chosen.values()), rules)
    above = [s for s in library.values() if not s.facilitator_only and not audience.admits(s)]
    left_out += [(s.id, Reason("age", age=s.min_age)) for s in sorted(above, key=lambda s: s.id)]
    return Plan(
        audience=audience,
        blocks=tuple(Block(s.id, s.minutes) for s in order),
        start=start,
        title=title,
        date=date,
        place=place,
        topics=tuple(topics),
        requested_minutes=minutes,
        left_out=tuple(left_out),
    )


def _by_priority(sections: list[Section], topics: list[str], rules: SessionRules, audience: Audience) -> list[Section]:
    priority = rules.priority_for(audience.band.name)

    def key(s: Section) -> tuple[int, int, int, int, int, str, str]:
        on_topic = 0 if topics and set(topics) & {t.lower() for t in s.topics} else 1
        entry = s.id if s.id in priority else f"kind:{s.kind}"
        rank = priority.index(entry) if entry in priority else len(priority)
        kind = rules.priority_kinds.index(s.kind) if s.kind in rules.priority_kinds else len(rules.priority_kinds)
        return (on_topic, rank, kind, _age_gap(s, audience), -s.min_age, s.source[0] if s.source else "G99", s.id)

    return sorted(sections, key=key)


def _age_gap(s: Section, audience: Audience) -> int:
    """How many years the story's main character is from the audience's ages (0 when they are
    the same age, or for a section without a story): participants see themselves in a story
    about someone their age."""
    story = s.participant.story
    if story is None or not story.age:
        return 0
    age = pick(story.age, audience.band)
    return max(audience.youngest - age, age - audience.oldest, 0)


def order_sections(sections: list[Section], rules: SessionRules) -> list[Section]:
    """Phase order, then OUTLINE order, moving a section later only when a ``requires`` says so."""
    def key(s: Section) -> tuple[int, int, str, str]:
        hint = rules.order.index(s.id) if s.id in rules.order else len(rules.order)
        return (rules.phases.index(rules.phase_of(s)), hint, s.source[0] if s.source else "", s.id)

    pending = sorted(sections, key=key)
    ids = {s.id for s in sections}
    placed: list[Section] = []
    done: set[str] = set()
    while pending:
        for i, s in enumerate(pending):
            if all(r in done or r not in ids for r in s.requires):
                placed.append(pending.pop(i))
                done.add(s.id)
                break
        else:  # a cycle, which the loader already refuses; keep order rather than loop forever
            placed.extend(pending)
            break
    return placed


# -- plan files ------------------------------------------------------------------------------


def titles_of(library: Library, plan: Plan) -> dict[str, str]:
    """The title of each section of ``plan`` as its audience sees it."""
    return {b.section_id: pick(library[b.section_id].title, plan.audience.band) for b in plan.blocks if b.section_id in library}


def naming_contacts(plan: Plan, contacts: Path, folder: Path) -> Plan:
    """``plan`` naming ``contacts`` as a ``plan.yaml`` in ``folder`` reads it (relative to the
    folder), so every rebuild from that file prints the same numbers."""
    return replace(plan, contacts=os.path.relpath(contacts.resolve(), folder.resolve()))


def plan_to_yaml(plan: Plan, titles: Mapping[str, str]) -> str:
    """The plan as YAML a person can edit, with titles (section id -> title) and clock times as
    comments."""
    lines = [
        "# A session plan for `facilitator pack plan.yaml`. Reorder, remove or retime blocks;",
        "# `facilitator sections --age AGE` lists what else could go in. Clock times are comments:",
        "# they are worked out again from `start` when the pack is built.",
        f"title: {_scalar(plan.title)}" if plan.title else "# title: Staying safe online",
        f"age: {_scalar(plan.audience.label)}",
        f'start: "{plan.start:%H:%M}"',
    ]
    lines.append(f"date: {plan.date.isoformat()}" if plan.date else "# date: 2026-12-01")
    lines.append(f"place: {_scalar(plan.place)}" if plan.place else "# place: Community hall")
    if plan.topics:
        lines.append("topics: [" + ", ".join(plan.topics) + "]")
    lines.append(f"contacts: {_scalar(plan.contacts)}" if plan.contacts else "# contacts: contacts.yaml   # your local helplines (facilitator contacts init)")
    lines.append("blocks:")
    for clock, b in plan.clock():
        title = titles.get(b.section_id, b.section_id)
        lines.append(f"  - {{section: {b.section_id}, minutes: {b.minutes}}}  # {clock:%H:%M} {title}")
    lines.append(f"# ends {plan.end:%H:%M} ({plan.minutes} minutes)")
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, default_style=None, width=10_000).strip().removesuffix("\n...").strip()


PLAN_KEYS = {"title", "age", "start", "date", "place", "topics", "contacts", "blocks"}


def read_plan(path: Any, library: Library) -> Plan:
    """Load a plan file and check it against the library (see :func:`validate_plan`)."""
    from pathlib import Path

    from facilitator.yamlfile import read_yaml

    path = Path(path)
    data, lines = read_yaml(path)
    file = str(path)
    line = lines.line

    if not isinstance(data, dict):
        raise FacilitatorError(Problem(file, 1, "", "is not a plan (expected `age:` and `blocks:`)", "write one with `facilitator plan -o plan.yaml`"))
    problems = [Problem(file, line(k), str(k), "is not a known field", "use " + ", ".join(sorted(PLAN_KEYS))) for k in data if k not in PLAN_KEYS]
    for key in ("age", "blocks"):
        if key not in data:
            problems.append(Problem(file, 1, key, "is missing", "add it"))
    if problems:
        raise FacilitatorError(problems)
    try:
        audience = parse_audience(str(data["age"]), field="age")
    except FacilitatorError as exc:
        raise FacilitatorError([Problem(file, line("age"), "age", p.message, p.hint) for p in exc.problems]) from None
    start = parse_clock(data["start"], "start", file, line("start")) if "start" in data else dt.time(9, 0)
    date = data.get("date")
    if date is not None and not isinstance(date, dt.date):
        raise FacilitatorError(Problem(file, line("date"), "date", f"'{date}' is not a date", "write it as YYYY-MM-DD"))
    for key in ("title", "place", "contacts"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problems.append(Problem(file, line(key), key, f"must be text, not {type(data[key]).__name__}", "put the text in quotes"))
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        problems.append(Problem(file, line("topics"), "topics", "must be a list of topic words", "write it as topics: [grooming, sextortion]"))
    if problems:
        raise FacilitatorError(problems)
    blocks: list[Block] = []
    raw = data["blocks"]
    if not isinstance(raw, list) or not raw:
        raise FacilitatorError(Problem(file, line("blocks"), "blocks", "must be a list of {section: ID, minutes: N}", "write one with `facilitator plan -o plan.yaml`"))
    for i, item in enumerate(raw):
        where = f"blocks.{i + 1}"
        if not isinstance(item, dict) or set(item) - {"section", "minutes"} or "section" not in item:
            problems.append(Problem(file, line("blocks", i), where, "must be {section: ID, minutes: N}", "see the other blocks"))
            continue
        sid = str(item["section"]).strip()
        sid = sid.lower() if sid.lower() in library else sid  # "Welcome" is welcome
        minutes = item.get("minutes", library[sid].minutes if sid in library else 1)
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 180:
            problems.append(Problem(file, line("blocks", i, "minutes"), where + ".minutes", f"'{minutes}' is not a number of minutes", "use a whole number from 1 to 180"))
            continue
        blocks.append(Block(sid, minutes))
    plan = Plan(
        audience=audience,
        blocks=tuple(blocks),
        start=start,
        title=str(data.get("title") or ""),
        date=date,
        place=str(data.get("place") or ""),
        topics=tuple(topics),
        contacts=str(data.get("contacts") or ""),
    )
    problems += [Problem(file, line("blocks", i), f"blocks.{i + 1}", p.message, p.hint) for i, p in validate_plan(plan, library)]
    if problems:
        raise FacilitatorError(problems)
    return plan


def validate_plan(plan: Plan, library: Library) -> list[tuple[int, Problem]]:
    """Rule breaks in a plan, each with the index of the block it concerns."""
    rules = session_rules()
    found: list[tuple[int, Problem]] = []
    seen: set[str] = set()
    for i, b in enumerate(plan.blocks):
        if b.section_id not in library:
            found.append((i, Problem(message=f"'{b.section_id}' is not a section", hint=did_you_mean(b.section_id, sorted(library), "list them with `facilitator sections`; the sections are"))))
            continue
        s = library[b.section_id]
        if s.facilitator_only:
            found.append((i, Problem(message=f"'{s.id}' is for facilitators only", hint="remove it; it is always in the guide")))
        elif not plan.audience.admits(s):
            found.append((i, Problem(message=f"'{s.id}' is for ages {s.min_age}+, above this audience ({plan.audience.label})", hint="remove it or raise the age")))
        if s.id in seen:
            found.append((i, Problem(message=f"'{s.id}' appears twice", hint="keep one")))
        for r in s.requires:
            if r not in seen:
                found.append((i, Problem(message=f"'{s.id}' needs '{r}' earlier in the session", hint=f"add {r} before it")))
        seen.add(s.id)
    in_plan = [library[b.section_id] for b in plan.blocks if b.section_id in library]
    if not any(s.kind == "contacts" for s in in_plan):
        found.append((len(plan.blocks) - 1, Problem(message="the plan has no 'where to get help' block", hint="add a contacts section, e.g. where-to-get-help")))
    for kind in sorted(rules.always - {"contacts"}):
        if not any(s.kind == kind for s in in_plan):
            found.append((0 if kind == "opening" else len(plan.blocks) - 1, Problem(message=f"the plan has no {kind} block", hint=f"every session keeps its {kind}")))
    return found
