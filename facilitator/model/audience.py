"""Age bands and the one age rule.

A session's audience is a range of ages. Its *band* is the band of its youngest participant (so
the text is pitched at the youngest reader), and a section is admitted only when its ``min_age`` is
at most the youngest participant's age. Every other module asks this module; none compares ages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from facilitator.errors import FacilitatorError, Problem

YOUNGEST_AGE = 10
ADULT_AGE = 18
OLDEST_AGE = 120


@dataclass(frozen=True)
class TypePolicy:
    """How large a band's text is set, in points, in every output: the slides' body text (and
    the smallest it may shrink to), printed body text, and card text (each also in large print)."""

    slide_body: int
    slide_body_min: int
    print_body: float
    print_body_large: float
    card_body: float
    card_body_large: float


@dataclass(frozen=True)
class PrintType:
    """The sizes every printable shares whatever the band, in points: regular or large print."""

    small_min: float
    """The smallest "small" text (notes, sources) beside body text."""
    fitted_small_min: float
    """The smallest small text when a card's body is shrunk to fit."""
    floor: float
    """Nothing is set below this."""
    chrome: float
    """Running headers and footers."""
    card_label: float
    """The strip at the top of a card ("Story 1")."""
    write_line_mm: float
    """Room for one handwritten line, in millimetres."""


PRINT_TYPE = PrintType(small_min=9.0, fitted_small_min=8.0, floor=7.0, chrome=8.5, card_label=9.5, write_line_mm=8.0)
LARGE_PRINT_TYPE = PrintType(small_min=14.0, fitted_small_min=12.0, floor=14.0, chrome=11.0, card_label=14.0, write_line_mm=11.0)
"""``--large-print``: no small type (readers who need it need it for the contacts too)."""


def print_type(large_print: bool) -> PrintType:
    return LARGE_PRINT_TYPE if large_print else PRINT_TYPE


YOUNG_TYPE = TypePolicy(slide_body=32, slide_body_min=28, print_body=12.0, print_body_large=15.0, card_body=15.0, card_body_large=17.0)
OLDER_TYPE = TypePolicy(slide_body=28, slide_body_min=24, print_body=11.0, print_body_large=14.0, card_body=14.0, card_body_large=17.0)
ADULT_TYPE = TypePolicy(slide_body=26, slide_body_min=24, print_body=11.0, print_body_large=14.0, card_body=14.0, card_body_large=17.0)


@dataclass(frozen=True)
class Band:
    """A named age band with inclusive ages, and the type sizes its outputs use."""

    name: str
    youngest: int
    oldest: int
    type: TypePolicy


BANDS: tuple[Band, ...] = (
    Band("10-12", 10, 12, YOUNG_TYPE),
    Band("13-15", 13, 15, OLDER_TYPE),
    Band("16-17", 16, 17, OLDER_TYPE),
    Band("adults", ADULT_AGE, OLDEST_AGE, ADULT_TYPE),
)
BAND_NAMES: tuple[str, ...] = tuple(b.name for b in BANDS)


def band_named(name: str) -> Band:
    """The band called ``name`` (``10-12``, ``13-15``, ``16-17`` or ``adults``)."""
    return BANDS[BAND_NAMES.index(name)]


def band_of(age: int) -> Band:
    """The band an age falls in (ages below 10 are not served)."""
    for band in BANDS:
        if band.youngest <= age <= band.oldest:
            return band
    raise ValueError(f"no band for age {age}")


def band_index(name: str) -> int:
    return BAND_NAMES.index(name)


class AgeGated(Protocol):
    min_age: int
    max_age: int | None


def bands_admitted(section: AgeGated) -> tuple[Band, ...]:
    """The bands of every audience that may see ``section``: a band counts when some age in it is
    at least ``min_age`` (and at most ``max_age``). A ``min_age: 12`` section reaches 10-12 groups
    whose youngest is 12."""
    return tuple(
        b for b in BANDS
        if b.oldest >= section.min_age and (section.max_age is None or b.youngest <= section.max_age)
    )


@dataclass(frozen=True)
class Audience:
    """The participants of one session: from ``youngest`` to ``oldest`` years old."""

    youngest: int
    oldest: int

    @property
    def band(self) -> Band:
        return band_of(self.youngest)

    @property
    def label(self) -> str:
        """How the audience was asked for, normalised: ``13-15``, ``12-14``, ``14`` or ``adults``."""
        if self.youngest >= ADULT_AGE:
            return "adults"
        if self.youngest == self.oldest:
            return str(self.youngest)
        return f"{self.youngest}-{self.oldest}"

    def admits(self, section: AgeGated) -> bool:
        """The age rule: nobody in the room is younger than the section's ``min_age`` (and nobody
        older than its ``max_age``, for activities written for younger groups)."""
        if section.min_age > self.youngest:
            return False
        return section.max_age is None or self.oldest <= section.max_age


_RANGE = re.compile(r"^\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*$")
_AGE = re.compile(r"^\s*(\d{1,3})\s*$")


def parse_audience(text: str, field: str = "--age") -> Audience:
    """Read ``10-12`` (a band), ``12-14`` (a range), ``14`` (an age) or ``adults``."""
    value = str(text).strip().lower()
    hint = "give a band (10-12, 13-15, 16-17, adults), a range such as 12-14, or an age such as 14"
    if value in ("adults", "adult"):
        return Audience(ADULT_AGE, OLDEST_AGE)
    if m := _RANGE.match(value):
        youngest, oldest = int(m.group(1)), int(m.group(2))
    elif m := _AGE.match(value):
        youngest = oldest = int(m.group(1))
    else:
        raise FacilitatorError(Problem(field=field, message=f"'{text}' is not an age", hint=hint))
    if youngest > oldest:
        raise FacilitatorError(
            Problem(field=field, message=f"'{text}' starts above where it ends", hint="write the youngest age first, e.g. 12-14")
        )
    if youngest < YOUNGEST_AGE:
        raise FacilitatorError(
            Problem(field=field, message=f"'{text}' includes ages under {YOUNGEST_AGE}", hint=f"the library is written for ages {YOUNGEST_AGE} and up")
        )
    if oldest > OLDEST_AGE:
        raise FacilitatorError(Problem(field=field, message=f"'{text}' is not an age", hint=hint))
    if youngest >= ADULT_AGE:
        return Audience(youngest, max(oldest, OLDEST_AGE) if oldest == youngest else oldest)
    return Audience(youngest, oldest)
