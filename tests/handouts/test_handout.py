"""The participant handout: its parts, no facilitator text, tricky text, length and large print."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.library import Library
from facilitator.model import Pack, RenderConfig
from tests.handouts.conftest import (
    BANDS,
    body_size,
    build_pack,
    facilitator_only_texts,
    norm,
    page_texts,
    pdf_text,
    printed,
    squash,
    write_per_band,
)
from tests.helpers import write_handout


@pytest.fixture(scope="module")
def shipped_handouts(shipped_packs: dict[str, Pack], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_per_band(write_handout, shipped_packs, tmp_path_factory.mktemp("handout"), "handout")


@pytest.mark.parametrize("band", BANDS)
def test_no_facilitator_text_in_the_handout(band: str, shipped: Library, shipped_handouts: dict[str, Path]) -> None:
    text = squash(pdf_text(shipped_handouts[band]))
    leaked = sorted(t for t in facilitator_only_texts(shipped) if squash(t) in text)
    assert not leaked


def test_no_facilitator_text_in_the_handout_of_a_small_library(small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "handout.pdf"
    write_handout(small_pack.participant, path, RenderConfig())
    assert "FACILITATOR" not in pdf_text(path)


def test_the_handout_has_every_part(small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "handout.pdf"
    write_handout(small_pack.participant, path, RenderConfig())
    text = norm(pdf_text(path))
    p = small_pack.participant
    assert p.info.title in text and "Date:" in text
    # What we talked about: key points of the concepts, not of the worksheet scenario.
    assert "What we talked about" in text and "A deeper point." in text
    assert "STORY-KEY-POINT" not in text
    # Glossary, the five tips and the tips' own introduction.
    assert "Words we used" in text and "Grooming Building trust in order to abuse." in text
    assert "Five tips" in text and all(f"Tip {n} The text of tip {n}." in text for n in range(1, 6))
    # Worksheet: one scenario with its questions.
    assert "Worksheet" in text and "Sam meets a gamer online." in text
    assert "1. What could Sam do?" in text and "2. Who could Sam tell?" in text
    # Where to get help: the contacts.
    assert "Where to get help" in text and "Child Helpline International" in text and "www.childhelplineinternational.org" in text


def test_contacts_that_take_reports_say_so_in_words(shipped_packs: dict[str, Pack], shipped_handouts: dict[str, Path]) -> None:
    pack = shipped_packs["13-15"].participant
    text = pdf_text(shipped_handouts["13-15"])
    takes = [c for c in pack.contacts if c.takes_reports]
    assert takes and text.count("You can report here.") == len(takes)
    for c in pack.contacts:
        assert squash(c.name) in squash(text)


@pytest.mark.parametrize("band", BANDS)
def test_every_page_says_where_to_get_help(band: str, shipped_packs: dict[str, Pack], shipped_handouts: dict[str, Path]) -> None:
    line = squash(shipped_packs[band].participant.help_line)
    for page in page_texts(shipped_handouts[band]):
        assert line in squash(page)


def test_tricky_text_prints_exactly(tricky_library: Library, tmp_path: Path) -> None:
    pack = build_pack(tricky_library, "13-15", 600)
    path = tmp_path / "handout.pdf"
    write_handout(pack.participant, path, RenderConfig())
    text = squash(pdf_text(path))
    for label in ("STORY", "ASK", "DEFINITION", "HELP-POINT", "CONTACT"):
        assert squash(printed(label)) in text, label
    assert squash("Tricky <&> text") in text and squash("Tricky & <term>") in text and squash("Help & <Co>") in text
    assert "SAY:" not in text and "LISTEN:" not in text


def test_a_60_minute_session_for_13_to_15_fits_two_to_four_pages(shipped: Library, tmp_path: Path) -> None:
    path = tmp_path / "handout.pdf"
    write_handout(build_pack(shipped, "13-15", 60).participant, path, RenderConfig())
    assert 2 <= len(page_texts(path)) <= 4


def test_large_print_sets_body_type_at_14_pt_or_more(shipped_packs: dict[str, Pack], tmp_path: Path) -> None:
    regular, large = tmp_path / "regular.pdf", tmp_path / "large.pdf"
    pack = shipped_packs["13-15"].participant
    write_handout(pack, regular, RenderConfig())
    write_handout(pack, large, RenderConfig(large_print=True))
    assert 11 <= body_size(regular) <= 12
    assert body_size(large) >= 14
    assert len(page_texts(large)) > len(page_texts(regular))


def test_the_worksheet_is_the_least_sensitive_scenario(make_library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.loader import load_library
    from tests.handouts.conftest import PRINT_SECTIONS, section

    calm = section({
        "id": "calm-story", "kind": "scenario", "title": "A calm story", "source": ["G39"], "min_age": 10, "minutes": 5, "sensitivity": "low",
        "participant": {"story": {"character": "Jo", "text": "Jo sees a rude comment."}},
        "questions": [{"ask": "What could Jo do?"}],
    })
    lib = load_library([make_library({**PRINT_SECTIONS, "calm-story": calm})])
    pack = build_pack(lib, "13-15", 600)
    assert [b.section_id for b in pack.participant.blocks if b.kind == "scenario"][0] == "story"  # the sensitive one comes first
    path = tmp_path / "handout.pdf"
    write_handout(pack.participant, path, RenderConfig())
    worksheet = norm(pdf_text(path)).split("Worksheet", 1)[1]
    assert "Jo sees a rude comment." in worksheet and "Sam meets a gamer online." not in worksheet
