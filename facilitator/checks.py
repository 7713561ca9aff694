"""What a content editor needs beyond validity: terminology, readability and outline coverage.

Findings are :class:`~facilitator.errors.Problem` s. Terminology findings are errors (participant
text must follow the Luxembourg Terminology Guidelines); readability and coverage are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pyphen

from facilitator.errors import Problem
from facilitator.library import Library
from facilitator.loader import iter_participant_texts, iter_texts, outline_ids
from facilitator.model.audience import BAND_NAMES, band_of, bands_admitted
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
    measured: bool = True
    """False when the language has no readability formula: readability was not measured."""


def terminology(s: Section, avoid: tuple[tuple[str, str], ...] = ()) -> list[Problem]:
    """Avoided terms in the participant text of ``s`` (its official titles excepted): the
    Luxembourg Terminology Guidelines' English terms, and a locale's own ``avoid`` list of
    (phrase, what to say instead)."""
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
            for phrase, instead in avoid:
                if phrase.casefold() in text.casefold():
                    problems.append(Problem(s.origin, s.line_of(*path), ".".join(map(str, path)), f"says '{phrase}'", f"say '{instead}'"))
    return problems


@lru_cache(maxsize=4)
def _hyphenator(lang: str = "en_US") -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=1, right=1)


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*-)")


def syllables(word: str, lang: str = "en_US") -> int:
    """Syllables in a word, counted offline with pyphen's hyphenation dictionary for ``lang``."""
    return max(1, len(_hyphenator(lang).positions(word.lower())) + 1)


def _counts(text: str, lang: str) -> tuple[int, int, int]:
    """Words, sentences and syllables of ``text``."""
    words = _WORD.findall(text)
    sentences = max(1, len([p for p in _SENTENCE_END.split(text) if _WORD.search(p)]))
    return len(words), sentences, sum(syllables(w, lang) for w in words)


def fk_grade(text: str) -> tuple[float, int]:
    """The Flesch–Kincaid grade of English ``text`` and its word count."""
    words, sentences, syl = _counts(text, "en_US")
    if not words:
        return 0.0, 0
    return 0.39 * words / sentences + 11.8 * syl / words - 15.59, words


def douma_ease(text: str) -> tuple[float, int]:
    """The Flesch–Douma reading ease of Dutch ``text`` (higher is easier) and its word count."""
    words, sentences, syl = _counts(text, "nl_NL")
    if not words:
        return 100.0, 0
    return 206.835 - 0.93 * words / sentences - 77 * syl / words, words


@dataclass(frozen=True)
class Formula:
    """How a language's readability is measured: a score, which way is harder, and each band's limit."""

    name: str
    score: Callable[[str], tuple[float, int]]
    limits: dict[str, float]
    higher_is_harder: bool


FORMULAS: dict[str, Formula] = {
    "en": Formula("Flesch–Kincaid grade", fk_grade, GRADE_TARGETS, True),
    "nl": Formula("Flesch–Douma reading ease", douma_ease, {"10-12": 70.0, "13-15": 60.0, "16-17": 50.0}, False),
}
"""Languages with a hyphenation dictionary (pyphen) and a readability formula; others are not measured."""


def readability(s: Section, language: str = "en") -> list[Problem]:
    """Participant texts harder than their band's limit (nothing for a language without a
    formula; see :data:`FORMULAS`). Text a locale left untranslated is not measured."""
    formula = FORMULAS.get(language.split("-")[0].split("_")[0])
    if formula is None or (language != "en" and s.untranslated):
        return []
    problems = []
    youngest = band_of(s.min_age).name
    for path, variants, item_bands in iter_participant_texts(s):
        if path == ("title",):
            continue
        # One text for all is read by the youngest band that sees it.
        plain_reader = min(item_bands, key=BAND_NAMES.index) if item_bands else youngest
        for band, value in variants.items():
            band = plain_reader if band == ALL_BANDS else band
            limit = formula.limits.get(band)
            if limit is None:
                continue
            text = " ".join(s.rstrip(".!?") + "." for s in value) if isinstance(value, list) else value
            score, words = formula.score(text)
            harder = score > limit if formula.higher_is_harder else score < limit
            if words >= MIN_WORDS_FOR_GRADE and harder:
                if formula.higher_is_harder:
                    what = f"reads at grade {score:.1f}, above {limit:.0f} for {band}"
                else:
                    what = f"reads at {formula.name} {score:.0f}, below {limit:.0f} for {band}"
                problems.append(
                    Problem(s.origin, s.line_of(*path), ".".join(map(str, path)) + f" [{band}]", what, "use shorter sentences and everyday words")
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


def check_library(library: Library, language: str = "en", avoid: tuple[tuple[str, str], ...] = ()) -> Report:
    """Every finding about ``library`` (in ``language``, with a locale's ``avoid`` list)."""
    report = Report(measured=language.split("-")[0] in FORMULAS)
    for s in library.ordered():
        report.errors.extend(terminology(s, avoid))
        report.errors.extend(band_texts(s))
        report.warnings.extend(readability(s, language))
    report.uncovered = coverage(library)
    return report


def _flatten(variants: dict[str, object]) -> list[str]:
    out: list[str] = []
    for value in variants.values():
        out.extend(value if isinstance(value, list) else [str(value)])
    return out

