"""The validated content library: every section by id, and the questions one asks of it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import get_args

from facilitator.model.audience import Audience
from facilitator.schema import Kind, Section

KIND_ORDER: tuple[str, ...] = get_args(Kind)
"""The order kinds are listed in (and, roughly, taught in): the schema's."""


class Library(Mapping[str, Section]):
    """Sections by id. Build one with :func:`facilitator.loader.load_library`."""

    def __init__(self, sections: Mapping[str, Section]) -> None:
        self._sections = dict(sections)

    def __getitem__(self, section_id: str) -> Section:
        return self._sections[section_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)

    def ordered(self) -> list[Section]:
        """Sections by kind (teaching order), then by their first OUTLINE row, then id."""
        return sorted(self._sections.values(), key=sort_key)

    def topics(self, audience: Audience | None = None) -> list[str]:
        """Every topic some section (for ``audience``, if given) covers."""
        return sorted({t for s in self.select(audience) for t in s.topics})

    def select(self, audience: Audience | None = None, topics: list[str] | None = None, kinds: list[str] | None = None) -> list[Section]:
        """The sections an audience may see, optionally only those on ``topics`` or of ``kinds``."""
        out = []
        for s in self.ordered():
            if audience is not None and not audience.admits(s):
                continue
            if topics and not set(topics) & set(s.topics):
                continue
            if kinds and s.kind not in kinds:
                continue
            out.append(s)
        return out


def sort_key(s: Section) -> tuple[int, str, str]:
    return (KIND_ORDER.index(s.kind), s.source[0] if s.source else "G99", s.id)
