import pytest

from facilitator.errors import FacilitatorError
from facilitator.model.audience import Audience, parse_audience


@pytest.mark.parametrize(
    ("text", "youngest", "oldest", "band"),
    [("10-12", 10, 12, "10-12"), ("12-14", 12, 14, "10-12"), ("14", 14, 14, "13-15"), ("16-17", 16, 17, "16-17"), ("adults", 18, 120, "adults")],
)
def test_bands_ranges_and_ages_are_read(text: str, youngest: int, oldest: int, band: str) -> None:
    audience = parse_audience(text)
    assert (audience.youngest, audience.oldest, audience.band.name) == (youngest, oldest, band)


@pytest.mark.parametrize("text", ["teens", "9", "8-12", "15-12", "", "12-"])
def test_anything_else_is_a_clear_error(text: str) -> None:
    with pytest.raises(FacilitatorError) as exc:
        parse_audience(text)
    assert str(exc.value).startswith("--age: ")


class _Gated:
    def __init__(self, min_age: int, max_age: int | None = None) -> None:
        self.min_age, self.max_age = min_age, max_age


def test_a_section_is_in_only_when_its_min_age_is_at_most_the_youngest() -> None:
    audience = Audience(12, 14)
    assert audience.admits(_Gated(12))
    assert not audience.admits(_Gated(13))
    assert not audience.admits(_Gated(10, max_age=13))
    assert audience.admits(_Gated(10, max_age=14))
