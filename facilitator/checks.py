"""What a content editor needs beyond validity: terminology, readability and outline coverage.

Findings are :class:`~facilitator.errors.Problem` s. Terminology findings are errors (participant
text must follow the Luxembourg Terminology Guidelines); readability and coverage are warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyphen

from facilitator.audience import BAND_NAMES, band_of, bands_admitted
from facilitator.errors import Problem
from facilitator.library import Library
from facilitator.loader import iter_participant_texts, iter_texts, outline_ids
from facilitator.schema import ALL_BANDS, Section

AVOIDED_TERMS = re.compile(
    r"\b(?:child(?:ren)?['’]?s?|juvenile|teen(?:age)?|minor)\s+(?:pornograph\w*|prostitut\w*|porn)\b"
    r"|\bkiddie\s+porn\w*|\bchild\s+sex\s+worker\w*|\bchild\s+sex\s+tourism\b",
    re.IGNORECASE,
)
"""Terms the Luxembourg Terminology Guidelines say to avoid for children."""

GRADE_TARGETS: dict[str, float] = {"10-12": 5.0, "13-15": 7.0, "16-17": 9.0}
"""Highest Flesch–Kincaid grade a band's participant text should have."""

MIN_WORDS_FOR_GRADE = 12
"""Shorter texts give meaningless grades; they are not scored."""


@dataclass
class Report:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)


def terminology(s: Section) -> list[Problem]:
    """Avoided terms in the participant text of ``s`` (its official titles excepted)."""
    problems = []
    for path, variants in iter_texts(s, participant_only=True):
        for text in _flatten(variants):
            for title in s.official_titles:
                text = text.replace(title, "")
            if m := AVOIDED_TERMS.search(text):
                problems.append(
                    Problem(s.origin, s.line_of(*path), ".".join(map(str, path)), f"says '{m.group(0)}'",
                            "say 'child sexual abuse material' or 'sexual exploitation of children'; quote a treaty title only if listed in official_titles")
                )
    return problems


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=1, right=1)


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*-)")


def syllables(word: str) -> int:
    """Syllables in an English word, counted offline with pyphen's hyphenation dictionary."""
    return max(1, len(_hyphenator().positions(word.lower())) + 1)


def fk_grade(text: str) -> tuple[float, int]:
    """The Flesch–Kincaid grade of ``text`` and its word count."""
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    sentences = max(1, len([p for p in _SENTENCE_END.split(text) if _WORD.search(p)]))
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syl / len(words) - 15.59, len(words)


def readability(s: Section) -> list[Problem]:
    """Participant texts harder than their band's target grade."""
    problems = []
    youngest = band_of(s.min_age).name
    for path, variants, item_bands in iter_participant_texts(s):
        if path == ("title",):
            continue
        # One text for all is read by the youngest band that sees it.
        plain_reader = min(item_bands, key=BAND_NAMES.index) if item_bands else youngest
        for band, value in variants.items():
            band = plain_reader if band == ALL_BANDS else band
            target = GRADE_TARGETS.get(band)
            if target is None:
                continue
            text = " ".join(s.rstrip(".!?") + "." for s in value) if isinstance(value, list) else value
            grade, words = fk_grade(text)
            if words >= MIN_WORDS_FOR_GRADE and grade > target:
                problems.append(
                    Problem(s.origin, s.line_of(*path), ".".join(map(str, path)) + f" [{band}]",
                            f"reads at grade {grade:.1f}, above {target:.0f} for {band}", "use shorter sentences and everyday words")
                )
    return problems


BAND_RULE_EXEMPT: frozenset[tuple[str | int, ...]] = frozenset({("title",), ("participant", "materials")})
"""Fields written once for every band: a title, and an activity's list of things to bring."""


def band_texts(s: Section) -> list[Problem]:
    """Participant fields without text written for a band the section admits.

    Every band that may see the section gets its own variant of every participant field (a list
    item with ``bands:`` only for those bands), unless the section says ``one_text: true``. Titles
    are exempt; a list item limited to ``bands:`` may be one plain text for them.
    """
    if s.facilitator_only:
        return []
    admitted = [b.name for b in bands_admitted(s)]
    problems = []
    for path, variants, item_bands in iter_participant_texts(s):
        if path in BAND_RULE_EXEMPT:
            continue
        if s.one_text and ALL_BANDS in variants:
            continue
        wanted = [b for b in admitted if item_bands is None or b in item_bands]
        if item_bands is not None and ALL_BANDS in variants:
            continue
        for band in wanted:
            if band not in variants:
                problems.append(
                    Problem(s.origin, s.line_of(*path), ".".join(map(str, path)) + f" [{band}]",
                            f"has no text for {band}, a band this section admits (min_age {s.min_age})",
                            f"write its {band} text, raise min_age or set max_age, or set `one_text: true` if one text suits every age")
                )
    return problems


def coverage(library: Library) -> list[str]:
    """OUTLINE rows that no section cites."""
    cited = {row for s in library.values() for row in s.source}
    return [row for row in outline_ids() if row not in cited]


def check_library(library: Library) -> Report:
    report = Report()
    for s in library.ordered():
        report.errors.extend(terminology(s))
        report.errors.extend(band_texts(s))
        report.warnings.extend(readability(s))
    report.uncovered = coverage(library)
    return report


def _flatten(variants: dict[str, object]) -> list[str]:
    out: list[str] = []
    for value in variants.values():
        out.extend(value if isinstance(value, list) else [str(value)])
    return out

