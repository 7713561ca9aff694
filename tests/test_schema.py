import pytest
from pydantic import ValidationError

from facilitator.model.audience import BANDS
from facilitator.schema import Section, pick

TEN, THIRTEEN, SIXTEEN, ADULTS = BANDS


def test_pick_prefers_the_band_then_the_nearest_younger_then_older() -> None:
    variants = {"13-15": "middle", "adults": "grown-up"}
    assert pick(variants, THIRTEEN) == "middle"
    assert pick(variants, SIXTEEN) == "middle"
    assert pick(variants, ADULTS) == "grown-up"
    assert pick(variants, TEN) == "middle"


def test_plain_text_is_for_every_band() -> None:
    s = Section.model_validate({"id": "a", "kind": "concept", "title": "A", "min_age": 10, "minutes": 3})
    assert pick(s.title, TEN) == pick(s.title, ADULTS) == "A"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "is empty"),
        ("title", {"11-13": "x"}, "not an age band"),
        ("min_age", 9, "greater than or equal to 10"),
        ("kind", "lecture", "Input should be"),
        ("id", "Bad Id", "not a valid id"),
    ],
)
def test_bad_values_are_refused_with_a_reason(field: str, value: object, message: str) -> None:
    data = {"id": "a", "kind": "concept", "title": "A", "min_age": 10, "minutes": 3, field: value}
    with pytest.raises(ValidationError, match=message):
        Section.model_validate(data)


def test_characters_xml_cannot_hold_are_removed() -> None:
    s = Section.model_validate({"id": "a", "kind": "concept", "title": "A\x00B\x0bC", "min_age": 10, "minutes": 3})
    assert pick(s.title, TEN) == "ABC"
