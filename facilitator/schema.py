"""The content schema: what one section file may hold.

Participant fields (``participant:`` and each question's ``ask``) may be shown to participants;
facilitator fields (``facilitator:``, ``listen_for``, ``follow_up``) never are. Text fields hold
either one string or a mapping from age band to string (see :func:`pick`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
)

from facilitator.model.audience import BAND_NAMES, Band, band_index
from facilitator.xmltext import xml_safe
from facilitator.yamlfile import LineMap

ALL_BANDS = "*"
"""The key under which text for every band is stored."""

Kind = Literal[
    "opening", "intro", "glossary", "concept", "example", "scenario", "law", "action",
    "activity", "tips", "contacts", "closing", "safeguarding",
]
"""Every kind of section, in the order they are listed in (and, roughly, taught in)."""
Sensitivity = Literal["low", "medium", "high"]
Phase = Literal["opening", "concepts", "scenarios", "action", "tips", "help", "closing"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BANDS_HINT = "use one of " + ", ".join(BAND_NAMES)


def _non_empty(value: Any) -> str:
    if isinstance(value, dict):
        raise ValueError("must be text, not a mapping (put text that contains ': ' in quotes)")
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {type(value).__name__}")
    if not value.strip():
        raise ValueError("is empty (write the text or remove the field)")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value):,} characters long, more than the {MAX_TEXT:,} one text may be (split it)")
    if (bad := _HIDDEN.search(value)) is not None:
        raise ValueError(f"holds the invisible character U+{ord(bad.group()):04X}, which can reorder or hide text (delete it)")
    return xml_safe(value.strip())


MAX_TEXT = 10_000
"""The longest one text may be (the longest body in the library is under 3,000 characters)."""
MAX_KEY_POINTS = 5
"""At most five key points per band: one slide's worth (docs/section-format.md)."""
MAX_KEY_POINT = 300
"""The longest one key point may be: one sentence (the library's longest is under 200)."""
_HIDDEN = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""DEL and the C1 controls, and bidi embeddings, overrides and isolates: never wanted in a pack,
and a way to make printed text read differently from the file."""


def _key_points(value: Any) -> list[str]:
    items = _text_list(value)
    if len(items) > MAX_KEY_POINTS:
        raise ValueError(f"has {len(items)} key points, more than the {MAX_KEY_POINTS} a slide holds (move the rest into body)")
    for i, item in enumerate(items, 1):
        if len(item) > MAX_KEY_POINT:
            raise ValueError(f"item {i} is {len(item):,} characters long, more than the {MAX_KEY_POINT} of one key point (one short sentence)")
    return items


def _text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [_non_empty(value)]
    if not isinstance(value, list):
        raise ValueError(f"must be a list of texts, not {type(value).__name__}")
    if not value:
        raise ValueError("is an empty list (add items or remove the field)")
    items = []
    for i, item in enumerate(value, 1):
        try:
            items.append(_non_empty(item))
        except ValueError as exc:
            raise ValueError(f"item {i} {exc}") from None
    return items


def _variants(convert: Any) -> Any:
    def validate(value: Any) -> dict[str, Any]:
        if isinstance(value, dict):
            if not value:
                raise ValueError("has no band variants (" + _BANDS_HINT + ")")
            out: dict[str, Any] = {}
            for key, text in value.items():
                if str(key) not in BAND_NAMES:
                    raise ValueError(f"'{key}' is not an age band ({_BANDS_HINT})")
                try:
                    out[str(key)] = convert(text)
                except ValueError as exc:
                    raise ValueError(f"{key}: {exc}") from None
            return out
        return {ALL_BANDS: convert(value)}

    return validate


NonEmpty = Annotated[str, BeforeValidator(_non_empty)]
Text = Annotated[dict[str, str], BeforeValidator(_variants(_non_empty))]
"""One text for all bands, stored under ``*``, or one per band."""
TextList = Annotated[dict[str, list[str]], BeforeValidator(_variants(_text_list))]
"""One list for all bands, or one list per band."""
Strings = Annotated[list[str], BeforeValidator(_text_list)]
KeyPoints = Annotated[dict[str, list[str]], BeforeValidator(_variants(_key_points))]
"""Key points: at most :data:`MAX_KEY_POINTS` per band, each one short sentence."""


def pick(variants: dict[str, Any], band: Band) -> Any:
    """The variant for ``band``: its own, else the nearest younger band's (plainer text is safe
    for older readers), else the nearest older band's."""
    if ALL_BANDS in variants:
        return variants[ALL_BANDS]
    if band.name in variants:
        return variants[band.name]
    here = band_index(band.name)
    younger = [n for n in BAND_NAMES[:here] if n in variants]
    if younger:
        return variants[younger[-1]]
    return variants[next(n for n in BAND_NAMES[here:] if n in variants)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


BandName = Literal["10-12", "13-15", "16-17", "adults"]


class ForBands(Model):
    """A list item that may be shown to some bands only (``bands: [10-12]``); all bands by default."""

    bands: list[BandName] | None = None

    def shown_to(self, band: Band) -> bool:
        return self.bands is None or band.name in self.bands


class Note(ForBands):
    """One line the facilitator reads (an objective, a note, a point to listen for): for every
    band, or with ``bands:`` for some; written as a plain string when it is for every band."""

    text: NonEmpty


def _as_notes(value: Any) -> Any:
    items = _text_list(value) if not isinstance(value, list) or all(isinstance(v, str) for v in value) else value
    return [{"text": item} if isinstance(item, str) else item for item in items]


Notes = Annotated[list[Note], BeforeValidator(_as_notes)]
"""Facilitator lines, each for every band or (``{text: ..., bands: [adults]}``) for some."""


def for_band(notes: list[Note], band: Band) -> list[str]:
    """The texts of ``notes`` written for ``band``."""
    return [n.text for n in notes if n.shown_to(band)]


class Question(ForBands):
    ask: Text
    listen_for: Notes = Field(default_factory=list)
    follow_up: Notes = Field(default_factory=list)


class Term(ForBands):
    term: NonEmpty
    definition: Text


class Tip(ForBands):
    title: Text
    text: Text


class Statement(ForBands):
    statement: Text
    answer: Literal["myth", "fact"]
    explanation: Text


class Prompt(ForBands):
    title: Text
    setup: Text


class Contact(ForBands):
    name: NonEmpty
    website: NonEmpty | None = None
    phone: NonEmpty | None = None
    description: Text
    takes_reports: bool = False
    source: NonEmpty
    """Where this contact was found (a contact without a source is never shipped)."""


def _age(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 5 <= value <= 99:
        raise ValueError(f"must be an age in years, not {value!r}")
    return value


def _chat(value: Any) -> list[tuple[str, str]]:
    """``[{who: Sam, text: Hi}, {note: Two weeks later}]`` -> ``[("Sam", "Hi"), ("", "Two weeks later")]``."""
    if not isinstance(value, list) or not value:
        raise ValueError("must be a list of messages ({who: NAME, text: ...} or {note: ...})")
    lines = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict) or not (set(item) == {"who", "text"} or set(item) == {"note"}):
            raise ValueError(f"message {i} must be {{who: NAME, text: ...}} or {{note: ...}}")
        try:
            lines.append((_non_empty(item["who"]), _non_empty(item["text"])) if "who" in item else ("", _non_empty(item["note"])))
        except ValueError as exc:
            raise ValueError(f"message {i} {exc}") from None
    return lines


class Story(Model):
    character: NonEmpty
    age: Annotated[dict[str, int], BeforeValidator(_variants(_age))] | None = None
    """How old the main character is: one age, or one per band when the story is retold for each
    band. The planner prefers a story whose character is the audience's age."""
    text: Text
    chat: Annotated[dict[str, list[tuple[str, str]]], BeforeValidator(_variants(_chat))] | None = None
    """The story as the messages it is made of, for a slide of chat bubbles (``text`` stays the
    story as printed on cards and handouts)."""


class ParticipantContent(Model):
    """What participants may see."""

    why: Text | None = None
    """One line on why this part matters to the audience, for the section's opening slide."""
    key_points: KeyPoints | None = None
    body: Text | None = None
    content_note: Text | None = None
    story: Story | None = None
    terms: list[Term] = Field(default_factory=list)
    tips: list[Tip] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    steps: TextList | None = None
    prompts: list[Prompt] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    materials: Strings = Field(default_factory=list)
    """What participants need for an activity (shown on its slide): the same for every band."""


class FacilitatorContent(Model):
    """What only the facilitator sees."""

    say: Text | None = None
    notes: Notes = Field(default_factory=list)
    safeguarding: Notes = Field(default_factory=list)
    key_message: Text | None = None
    materials: Strings = Field(default_factory=list)
    protocol: Strings = Field(default_factory=list)


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"'{value}' is not a valid id (use lowercase letters, digits and dashes)")
    return value


class Section(Model):
    """One section of the content library, as written in its YAML file."""

    id: Annotated[str, AfterValidator(_check_id)]
    kind: Kind
    title: Text
    topics: list[NonEmpty] = Field(default_factory=list)
    source: list[NonEmpty] = Field(default_factory=list)
    min_age: int = Field(ge=10, le=18)
    max_age: int | None = Field(default=None, ge=10)
    minutes: int = Field(ge=1, le=120)
    sensitivity: Sensitivity = "low"
    requires: list[NonEmpty] = Field(default_factory=list)
    phase: Phase | None = None
    """Where in a session this section goes; by default, from its kind (content/session.yaml)."""
    objectives: Notes = Field(default_factory=list)
    official_titles: list[NonEmpty] = Field(default_factory=list)
    one_text: bool = False
    """The participant text is written once for every age the section admits (e.g. ground rules);
    without it, ``check`` wants each admitted band's own variant of every participant field."""
    participant: ParticipantContent = Field(default_factory=ParticipantContent)
    questions: list[Question] = Field(default_factory=list)
    facilitator: FacilitatorContent = Field(default_factory=FacilitatorContent)

    _origin: str = PrivateAttr(default="")
    _lines: LineMap = PrivateAttr(default_factory=lambda: LineMap({}))
    _untranslated: tuple[Any, ...] = PrivateAttr(default=())

    @property
    def untranslated(self) -> tuple[Any, ...]:
        """The texts a locale's catalog had no translation for (:class:`facilitator.catalog.Text`)."""
        return self._untranslated

    @property
    def origin(self) -> str:
        """The file this section was loaded from."""
        return self._origin

    def line_of(self, *path: str | int) -> int:
        """The line in :attr:`origin` of the field at ``path`` (or of its nearest parent)."""
        return self._lines.line(*path)

    @property
    def facilitator_only(self) -> bool:
        """Safeguarding briefs never reach participants."""
        return self.kind == "safeguarding"
