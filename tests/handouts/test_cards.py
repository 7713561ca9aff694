"""Scenario and role-play cards: one per scenario and prompt, four to a page, no facilitator text."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from facilitator.library import Library
from facilitator.model import Pack, RenderConfig
from facilitator.model.audience import band_named
from tests.handouts.conftest import (
    BANDS,
    build_pack,
    facilitator_only_texts,
    font_sizes,
    norm,
    page_texts,
    pdf_text,
    printed,
    squash,
    write_per_band,
)
from tests.helpers import write_cards

FICTIONAL = "This story is made up: every character is fictional, and nobody plays themselves. Anyone may step out at any time."


@pytest.fixture(scope="module")
def shipped_cards(shipped_packs: dict[str, Pack], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_per_band(write_cards, shipped_packs, tmp_path_factory.mktemp("cards"), "cards")


@pytest.mark.parametrize("band", BANDS)
def test_no_facilitator_text_on_the_cards(band: str, shipped: Library, shipped_cards: dict[str, Path]) -> None:
    text = squash(pdf_text(shipped_cards[band]))
    assert not sorted(t for t in facilitator_only_texts(shipped) if squash(t) in text)


@pytest.mark.parametrize("band", BANDS)
def test_one_card_per_scenario_and_prompt_each_with_its_questions(band: str, shipped_packs: dict[str, Pack], shipped_cards: dict[str, Path]) -> None:
    pack = shipped_packs[band].participant
    text = squash(pdf_text(shipped_cards[band]))
    scenarios = [b for b in pack.blocks if b.kind == "scenario"]
    prompts = [p for b in pack.blocks for p in b.prompts]
    cards = list(pack.cards)
    assert cards and len(cards) == len(scenarios) + len(prompts)
    for card in cards:
        assert squash(card.title) in text and squash(card.text) in text
        for q in card.questions:
            assert squash(q) in text
    assert squash(f"Card {len(cards)} of {len(cards)}") in text


def test_role_play_cards_say_the_story_is_fictional(small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "cards.pdf"
    write_cards(small_pack.participant, path, RenderConfig())
    text = norm(pdf_text(path))
    assert text.count(norm("Remember: " + FICTIONAL)) == 2
    assert "ROLE-PLAY CARD" in text and "SCENARIO CARD" in text
    assert "The first prompt" in text and "Jo gets a strange message. Show what Jo does." in text
    assert "What helped the characters?" in text
    assert "FACILITATOR" not in text


def test_four_cards_to_a_page_with_help_on_every_card(small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "cards.pdf"
    write_cards(small_pack.participant, path, RenderConfig())
    pages = page_texts(path)
    cards = list(small_pack.participant.cards)
    assert len(pages) == math.ceil(len(cards) / 4)
    # Each card says where to get help, with the local helpline to write in; so does the footer.
    assert squash(pages[0]).count(squash(small_pack.participant.card_help_line)) == min(4, len(cards))
    # The footer's line, which each card's line begins with when there is no local helpline.
    assert squash(pages[0]).count(squash(small_pack.participant.help_line)) == min(4, len(cards)) + 1


def card_type(path: Path, chrome: float) -> tuple[float, float]:
    """The mean size of the cards' text (characters weighted) and the smallest size, leaving out
    the running header, footer and help lines (set at ``chrome``)."""
    runs = [(size, count) for size, count in font_sizes(path) if size != chrome]
    return sum(s * n for s, n in runs) / sum(n for _s, n in runs), min(s for s, _n in runs)


@pytest.mark.parametrize("band", BANDS)
def test_cards_use_large_type(band: str, shipped_cards: dict[str, Path]) -> None:
    # A long story splits into a story half and a questions half set at one size, the size the
    # story fits at: the mean is of the cards as a set.
    mean, smallest = card_type(shipped_cards[band], chrome=8.5)
    assert mean >= 10.5
    assert smallest >= 8


def test_large_print_cards_are_two_to_a_page_in_bigger_type(shipped_packs: dict[str, Pack], shipped_cards: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "cards.pdf"
    write_cards(shipped_packs["16-17"].participant, path, RenderConfig(large_print=True))
    mean, smallest = card_type(path, chrome=11)
    assert mean >= 14 and smallest >= 11
    assert len(page_texts(path)) > len(page_texts(shipped_cards["16-17"]))


def test_tricky_text_prints_exactly_even_in_a_narrow_card(tricky_library: Library, tmp_path: Path) -> None:
    pack = build_pack(tricky_library, "13-15", 600)
    path = tmp_path / "cards.pdf"
    write_cards(pack.participant, path, RenderConfig())
    text = squash(pdf_text(path))
    assert squash(printed("STORY")) in text and squash(printed("ASK")) in text
    assert "LISTEN" not in text


def test_a_plan_without_scenarios_or_role_plays_writes_no_cards(small_library: Library, tmp_path: Path) -> None:
    pack = build_pack(small_library, "13-15", 600)
    assert not pack.participant.cards
    path = tmp_path / "cards.pdf"
    assert write_cards(pack.participant, path, RenderConfig()) == 0
    assert not path.exists()


def test_a_pack_without_cards_leaves_cards_out_and_says_why(small_library: Library, tmp_path: Path) -> None:
    import json

    from facilitator.build.pipeline import NO_LOCAL_HELP, Loaded, build
    from facilitator.request import BuildRequest

    out = tmp_path / "pack"
    out.mkdir()
    (out / "cards.pdf").write_bytes(b"cards of an earlier plan")
    result = build(BuildRequest.from_options(out_dir=out, age="13-15", minutes=600, only="handout,cards"), Loaded(small_library))
    assert result.warnings == ("cards.pdf: not written, the plan has no scenario or role-play cards", NO_LOCAL_HELP)
    assert result.files["cards.pdf"][1] == "not written, the plan has no scenario or role-play cards"
    assert "cards.pdf" not in result.counts and (out / "handout.pdf").exists()
    assert not (out / "cards.pdf").exists(), "an earlier plan's cards are not kept beside this pack"
    manifest = json.loads((out / "manifest.json").read_text())
    assert "cards.pdf" not in manifest["files"] and "cards.pdf" not in manifest["documents"]


# -- a split card, a short set, the cut marks --------------------------------------------------------


@pytest.fixture(scope="module")
def hour_cards(hour_packs: dict[str, Pack], tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, Path]:
    """The 13-15 cards at 60 minutes: one scenario, too long for one card."""
    pack = hour_packs["13-15"]
    path = tmp_path_factory.mktemp("hour-cards") / "cards.pdf"
    write_cards(pack.participant, path, RenderConfig())
    return pack, path


def test_a_long_scenario_is_a_story_card_and_a_questions_card_at_one_size(hour_cards: tuple[Pack, Path]) -> None:
    from tests.handouts.conftest import text_runs

    pack, path = hour_cards
    (card,) = pack.participant.cards
    text = norm(pdf_text(path))
    assert "SCENARIO CARD · STORY" in text and "SCENARIO CARD · QUESTIONS" in text
    assert "(1/2)" not in text and "Card 1 of 1" not in text
    runs = text_runs(path)
    story = {r.size for r in runs if r.text and squash(r.text) in squash(card.text) and len(r.text) > 20}
    questions = {r.size for r in runs if r.text and any(squash(r.text) in squash(q) for q in card.questions) and len(r.text) > 12}
    assert len(story) == 1 and story == questions


def test_a_short_set_is_repeated_to_fill_the_page(hour_cards: tuple[Pack, Path]) -> None:
    pack, path = hour_cards
    pages = page_texts(path)
    assert len(pages) == 1
    text = norm(pages[0])
    assert "Set 1 of 2" in text and "Set 2 of 2" in text
    (card,) = pack.participant.cards
    assert text.count(card.title) == 4  # a story and a questions card, twice


def test_a_set_that_fills_half_a_page_or_more_is_not_repeated(small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "cards.pdf"
    write_cards(small_pack.participant, path, RenderConfig())
    assert "Set 1 of" not in pdf_text(path)


@pytest.mark.parametrize("large_print", [False, True])
def test_cut_marks_stay_clear_of_the_running_header_and_footer(large_print: bool, hour_cards: tuple[Pack, Path], tmp_path: Path) -> None:
    from reportlab.lib.units import mm

    from handouts.pages import footer_top, header_rule
    from handouts.printer import Printer
    from tests.handouts.conftest import line_segments

    pack, path = hour_cards
    options = RenderConfig(large_print=large_print)
    if large_print:
        path = tmp_path / "cards.pdf"
        write_cards(pack.participant, path, options)
    printer = Printer(options, band_named("13-15"), cards=True)
    rule, footer = header_rule(printer), footer_top(printer)
    marks = [s for s in line_segments(path, 1) if abs(s[1] - rule) > 0.5 or abs(s[3] - rule) > 0.5]
    assert len(marks) > 8
    assert max(max(s[1], s[3]) for s in marks) <= rule - 1.5 * mm
    assert min(min(s[1], s[3]) for s in marks) >= footer + 1.5 * mm
