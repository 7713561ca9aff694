"""What the templates around a session are given: the variables of each template, and the
knowledge check's items (shared by the check and the facilitator guide's answer key).

Made from the participant view only (the guide passes its blocks' participant side), so no
facilitator text can reach a letter home or a check. Standard library and the model only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.model import ParticipantBlock, ParticipantPack, RenderConfig
from facilitator.model.pack import SessionInfo

FRAME = frozenset({"opening", "closing", "safeguarding", "glossary"})
"""Kinds the letter home does not list as what the session covers (the session's frame)."""
MAX_ITEMS = 9
"""The most items drawn from the plan; "I know where I could get help" is always the last one."""
MIN_ITEMS = 6
LONGEST_ITEM = 170
"""A key point longer than this is not a good check item."""


@dataclass(frozen=True)
class Item:
    """One statement of the knowledge check: true or false (the guide's answer key)."""

    text: str
    true: bool
    section_title: str
    explanation: str = ""


def check_items(blocks: Sequence[ParticipantBlock]) -> list[Item]:
    """6-9 items drawn only from ``blocks``: the myth-or-fact statements first (one from each
    section in turn), then key points of the sections that teach (each true). The same list
    for the check and the answer key, in the same order."""
    statements = [[Item(s.statement, s.is_fact, b.title, s.explanation) for s in b.statements] for b in blocks if b.kind not in FRAME]
    points = [[Item(p, True, b.title) for p in b.key_points if len(p) <= LONGEST_ITEM and not p.endswith("?") and not _needs_context(p)]
              for b in blocks if b.kind in ("concept", "law", "action", "tips", "example") and not b.statements]
    chosen: list[Item] = []
    for groups in (statements, points):
        depth = 0
        while len(chosen) < MAX_ITEMS and any(depth < len(g) for g in groups):
            for g in groups:
                if depth < len(g) and len(chosen) < MAX_ITEMS and g[depth].text not in {c.text for c in chosen}:
                    chosen.append(g[depth])
            depth += 1
        if len(chosen) >= MIN_ITEMS and groups is statements:
            break
    return chosen


_CONTEXT_WORDS = frozenset({"they", "it", "this", "these", "that", "those", "he", "she", "then", "so", "but", "and", "also"})


def _needs_context(point: str) -> bool:
    """A key point that leans on the point before it ("They may give lots of praise"): out of
    its slide it is no statement to judge. English words only: other languages keep them all."""
    first = point.split(maxsplit=1)[0].strip(",.:;").lower() if point.split() else ""
    return first in _CONTEXT_WORDS


def covered(pack: ParticipantPack) -> list[dict[str, str]]:
    """What the session covers, for the letter home: each part's title and why line."""
    return [{"title": b.title, "why": b.why} for b in pack.blocks if b.kind not in FRAME]


def _lead(lead: str) -> tuple[str, str]:
    name, _sep, phone = lead.partition(",")
    return name.strip(), phone.strip()


def info_variables(info: SessionInfo) -> dict[str, Any]:
    return {
        "title": info.title,
        "audience": info.audience,
        "band": info.band.name,
        "youth": info.band.name != "adults",
        "young": info.band.name == "10-12",
        "minutes": info.minutes,
        "start": f"{info.start:%H:%M}",
        "end": f"{info.end:%H:%M}",
        "date": info.date_text,
        "place": info.place,
        "org": info.org,
        "language": info.language,
    }


def variables(pack: ParticipantPack, config: RenderConfig) -> dict[str, Any]:
    """The variables every session template gets (docs/templates.md lists them)."""
    name, phone = _lead(config.lead)
    found = [c for c in pack.local_contacts if c.filled]
    return {
        **info_variables(pack.info),
        "lead": config.lead.strip(),
        "lead_name": name,
        "lead_phone": phone,
        "topics": covered(pack),
        "help_line": pack.help_line,
        "contacts": [{"label": c.label, "name": c.name, "number": c.where} for c in found],
        "items": [{"number": i, "text": item.text} for i, item in enumerate(check_items(pack.blocks), 1)],
    }
