"""A session plan: the audience, the start time and the timed blocks in order. The planner
(:mod:`facilitator.planner`) makes one; ``plan.yaml`` writes and reads one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.model.audience import Audience
from facilitator.model.reasons import Reason


@dataclass(frozen=True)
class Block:
    section_id: str
    minutes: int


@dataclass(frozen=True)
class Plan:
    """An ordered, timed session. Clock times are derived from ``start``."""

    audience: Audience
    blocks: tuple[Block, ...]
    start: dt.time = dt.time(9, 0)
    title: str = ""
    date: dt.date | None = None
    place: str = ""
    topics: tuple[str, ...] = ()
    requested_minutes: int | None = None
    contacts: str = ""
    """The contacts file the plan is built with, as ``plan.yaml`` names it (relative to the plan's
    folder), so every rebuild prints the same local numbers."""
    left_out: tuple[tuple[str, Reason], ...] = field(default=(), compare=False)
    """The sections not in the plan, each with why (a code, never words)."""

    @property
    def minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)

    def clock(self) -> list[tuple[dt.time, Block]]:
        """Each block with its start time."""
        t = dt.datetime.combine(dt.date(2000, 1, 1), self.start)
        out = []
        for b in self.blocks:
            out.append((t.time(), b))
            t += dt.timedelta(minutes=b.minutes)
        return out

    @property
    def end(self) -> dt.time:
        t = dt.datetime.combine(dt.date(2000, 1, 1), self.start) + dt.timedelta(minutes=self.minutes)
        return t.time()
