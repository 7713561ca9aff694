"""Every audience gets text written for it: no adult is told to find an adult they trust, no
10-12 group reads abuse-material detail, every participant output has the local-contacts slot, and
the planner builds a different session for adults than for teenagers."""

from __future__ import annotations

import re

import pytest

from facilitator.assemble import assemble
from facilitator.audience_words import voice
from facilitator.library import Library
from facilitator.model import Pack
from facilitator.model.audience import BAND_NAMES, parse_audience
from facilitator.planner import make_plan

NOT_FOR: dict[str, tuple[str, ...]] = {
    # Adults are parents, carers and teachers: the words written for children do not fit them.
    "adults": ("adult you trust", "protect yourself", "yours to keep"),
    # Detail 10-year-olds do not need; body-safety words instead.
    "10-12": ("sexual photo", "sexual picture", "sexual video", "children being abused", "abuse material", "pornograph", "sex with"),
}
NEVER = ("in return for sex", "sex with a child", "child abuse images", "sell their own")
"""Wording the Luxembourg Terminology Guidelines rule out for every audience."""


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@pytest.fixture(scope="module")
def outputs(matrix: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """For every band, the visible text of its full-matrix deck, handout and cards (tests/matrix.py)."""
    return {band: {"deck": texts["slides text"], "handout": texts["handout text"], "cards": texts["cards text"]} for band, texts in matrix.items()}


@pytest.mark.parametrize("band", BAND_NAMES)
def test_no_participant_output_holds_text_addressed_to_another_audience(outputs: dict[str, dict[str, str]], band: str) -> None:
    for document, text in outputs[band].items():
        found = [phrase for phrase in NOT_FOR.get(band, ()) + NEVER if phrase in _norm(text)]
        assert not found, f"{band} {document}: {found}"


@pytest.mark.parametrize("band", BAND_NAMES)
def test_every_participant_output_has_the_local_contacts_slot(outputs: dict[str, dict[str, str]], band: str) -> None:
    words = voice(parse_audience(band).band)
    for document, text in outputs[band].items():
        assert _norm(words.helpline) in _norm(text), document
        if document != "cards":  # a card has room for the helpline only
            assert _norm(words.emergency) in _norm(text), document
    # Left to write in: a line, never a made-up number.
    assert "______" in outputs[band]["deck"] and "______" in outputs[band]["cards"]


def test_every_band_admits_a_section_only_with_text_written_for_it(shipped: Library) -> None:
    from facilitator.checks import band_texts

    assert [str(p) for s in shipped.values() for p in band_texts(s)] == []


def test_adults_get_a_different_session_from_older_teenagers(shipped: Library) -> None:
    teens = {b.section_id for b in make_plan(shipped, parse_audience("16-17"), 60).blocks}
    adults = {b.section_id for b in make_plan(shipped, parse_audience("adults"), 60).blocks}
    assert teens != adults
    # The adults' own sections come first; quizzes for teenagers are not for them.
    assert {"signs-of-harm", "responding-to-disclosure"} <= adults
    assert "myth-or-fact" not in {s.id for s in shipped.select(parse_audience("adults"))}


def test_a_13_to_15_group_can_use_at_least_three_real_cases(shipped: Library) -> None:
    real_cases = {"G06", "G17", "G21", "G24", "G27", "G32"}
    usable = [s.id for s in shipped.select(parse_audience("13-15")) if set(s.source) & real_cases]
    assert len(usable) >= 3, usable


@pytest.mark.parametrize("band", ["10-12", "13-15", "16-17"])
def test_the_planned_story_is_about_someone_the_audiences_age(shipped: Library, band: str) -> None:
    audience = parse_audience(band)
    plan = make_plan(shipped, audience, 60)
    stories = [shipped[b.section_id].participant.story for b in plan.blocks if shipped[b.section_id].kind == "scenario"]
    ages = [s.age for s in stories if s is not None and s.age]
    assert ages, f"no story with an age in the {band} plan"
    from facilitator.schema import pick

    assert any(audience.youngest <= pick(age, audience.band) <= audience.oldest for age in ages)


def test_the_help_line_speaks_to_adults_as_adults(shipped: Library) -> None:
    adults: Pack = assemble(make_plan(shipped, parse_audience("adults"), 60), shipped)
    teens: Pack = assemble(make_plan(shipped, parse_audience("13-15"), 60), shipped)
    assert "adult you trust" not in adults.participant.help_line
    assert re.search("adult you trust", teens.participant.help_line)
