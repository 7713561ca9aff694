"""The facilitator guide: safeguarding, the agenda on one page, every block with its clock time,
questions with what to listen for, and the appendix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.library import Library
from facilitator.loader import load_library
from facilitator.model import Pack, RenderConfig
from tests.handouts.conftest import (
    PRINT_SECTIONS,
    build_pack,
    norm,
    page_texts,
    pdf_text,
    printed,
    squash,
)
from tests.helpers import write_guide


def clock(start: dt.time, minutes: int = 0) -> str:
    return f"{(dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)):%H:%M}"


@pytest.fixture(scope="module")
def shipped_guide(shipped_packs: dict[str, Pack], tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, list[str]]:
    """The 13-15 guide over the whole shipped library, and its text page by page."""
    pack = shipped_packs["13-15"]
    path = tmp_path_factory.mktemp("guide") / "guide.pdf"
    write_guide(pack.facilitator, path, RenderConfig())
    return pack, page_texts(path)


@pytest.fixture
def small_guide(small_pack: Pack, tmp_path: Path) -> tuple[Pack, Path]:
    path = tmp_path / "guide.pdf"
    write_guide(small_pack.facilitator, path, RenderConfig())
    return small_pack, path


def test_the_guide_holds_the_disclosure_protocol(shipped_guide: tuple[Pack, list[str]]) -> None:
    pack, pages = shipped_guide
    text = squash("".join(pages))
    steps = [step for b in pack.facilitator.safeguarding for step in b.protocol]
    assert steps
    for step in steps:
        assert squash(step) in text
    assert squash("Disclosure protocol") in text


def test_every_question_has_its_listen_for_points_and_follow_ups(shipped_guide: tuple[Pack, list[str]]) -> None:
    pack, pages = shipped_guide
    text = squash("".join(pages))
    for b in pack.facilitator.blocks:
        for q in b.questions:
            assert squash(q.ask) in text
            for point in (*q.listen_for, *q.follow_up):
                assert squash(point) in text, f"{b.section_id}: {point}"


def test_every_safeguarding_note_is_boxed_under_a_label(small_guide: tuple[Pack, Path]) -> None:
    _pack, path = small_guide
    text = norm(pdf_text(path))
    assert "Safeguarding • FACILITATOR-STORY-SAFEGUARDING" in text


def test_session_at_a_glance_and_preparation(small_guide: tuple[Pack, Path]) -> None:
    pack, path = small_guide
    first = norm(page_texts(path)[0])
    info = pack.facilitator.info
    assert "Session at a glance" in first and f"Audience {info.audience}" in first
    assert f"{info.minutes} minutes, {clock(info.start)}–{clock(info.end)}" in first
    assert "What to print" in first and "(3 in a set)" in first
    opening = norm(" ".join(page_texts(path)[:2]))  # the checklist follows the session at a glance
    assert "Preparation checklist" in opening
    for words in ("safeguarding lead", "small groups, not an assembly", "Know the local contacts"):
        assert words in opening
    assert "FACILITATOR-PLAY-MATERIAL" in norm(pdf_text(path))


def test_the_agenda_timeline_starts_on_page_one_and_holds_every_block_in_order(shipped_guide: tuple[Pack, list[str]]) -> None:
    # A 600-minute session has too many blocks for one page: the timeline goes on, in order.
    pack, pages = shipped_guide
    text = squash(" ".join(pages))
    agenda = text.index(squash("Agenda"))
    assert agenda < len(squash(pages[0]))
    position = agenda
    for item in pack.facilitator.agenda:
        found = text.find(squash(f"{clock(item.start)}{item.title}"), position)
        assert found > position, item.title
        position = found
    assert squash(f"{clock(pack.facilitator.info.end)}End") in text[position:]


def test_every_block_starts_with_its_clock_time_and_minutes(shipped_guide: tuple[Pack, list[str]]) -> None:
    pack, pages = shipped_guide
    text = norm(" ".join(pages))
    position = 0
    for item, block in zip(pack.facilitator.agenda, pack.facilitator.blocks):
        head = f"{clock(item.start)}–{clock(item.start, item.minutes)} · {item.minutes} min"
        found = text.find(head, position)
        assert found >= 0, head
        assert text[found:found + 200].find(block.title) > 0
        position = found + 1


def test_high_sensitivity_blocks_have_a_content_note(small_guide: tuple[Pack, Path]) -> None:
    _pack, path = small_guide
    text = norm(pdf_text(path))
    assert "Content note: high sensitivity" in text and "This story is about a chat that goes wrong." in text


def test_the_appendix_has_glossary_law_sources_and_attribution(small_guide: tuple[Pack, Path]) -> None:
    pack, path = small_guide
    text = norm(pdf_text(path))
    appendix = text[text.index("Appendix"):]
    assert "Glossary" in appendix and "Grooming Building trust in order to abuse." in appendix
    assert "The law" in appendix and "The law protects children." in appendix
    assert "Sources" in appendix
    for ref, what in pack.facilitator.sources:
        # By the part's name and what it holds, never by its OUTLINE id.
        assert squash(what.replace('"', "")) in squash(appendix.replace("“", "").replace("”", ""))
        assert ref not in appendix
    assert "Content adapted from ECPAT International’s guide for children and young people on online sexual exploitation." in appendix


def test_tricky_text_prints_exactly(tricky_library: Library, tmp_path: Path) -> None:
    pack = build_pack(tricky_library, "13-15", 600)
    path = tmp_path / "guide.pdf"
    write_guide(pack.facilitator, path, RenderConfig())
    text = squash(pdf_text(path))
    for label in ("SAY", "NOTE", "POINT", "STORY", "ASK", "LISTEN", "FOLLOW", "DEFINITION", "CONTACT"):
        assert squash(printed(label)) in text, label


def test_the_guide_lists_contacts_with_their_sources(small_guide: tuple[Pack, Path]) -> None:
    pack, path = small_guide
    text = norm(pdf_text(path))
    for c in pack.facilitator.contacts:
        # "ECPAT guide, G40": the OUTLINE id is given as the part's name.
        assert c.name in text and "Source: ECPAT guide, “Where to report”" in text


def test_a_library_without_a_safeguarding_brief_still_tells_the_facilitator_what_to_do(make_library: Callable[..., Path], tmp_path: Path) -> None:
    lib = load_library([make_library({**PRINT_SECTIONS, "brief": None})])
    path = tmp_path / "guide.pdf"
    write_guide(build_pack(lib, "13-15", 600).facilitator, path, RenderConfig())
    assert "has no safeguarding brief. Follow your organisation’s safeguarding procedure" in norm(pdf_text(path))
