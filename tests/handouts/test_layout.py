"""How the printables read on paper (issue 8): nothing important breaks across a page, the guide is
readable standing up and prints no internal codes, large print shrinks nothing, titles are said
once and never run into another colon.

Every test reads the PDFs of the packs most people print: the shipped library at 60 minutes, for
every band on A4, and a few bands in large print and on Letter. They are written once per module.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from facilitator.library import KIND_ORDER
from facilitator.model import Pack, RenderConfig
from tests.handouts.conftest import BANDS, Run, norm, page_count, squash, text_runs
from tests.helpers import write_cards, write_guide, write_handout

VARIANTS = [*((band, "a4") for band in BANDS), ("13-15", "large"), ("adults", "large"), ("10-12", "letter")]
DOCS = ("handout", "cards", "guide")
INK = (0.102, 0.102, 0.102)


def _options(variant: str) -> RenderConfig:
    return RenderConfig(paper="letter" if variant == "letter" else "a4", large_print=variant == "large")


@pytest.fixture(scope="module")
def docs(hour_packs: dict[str, Pack], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Path]]:
    """(band, variant) -> document name -> its PDF (cards only when the plan has cards)."""
    folder = tmp_path_factory.mktemp("layout")
    out: dict[tuple[str, str], dict[str, Path]] = {}
    for band, variant in VARIANTS:
        pack, options = hour_packs[band], _options(variant)
        paths = {doc: folder / f"{doc}-{band}-{variant}.pdf" for doc in DOCS}
        write_handout(pack.participant, paths["handout"], options)
        write_cards(pack.participant, paths["cards"], options)
        write_guide(pack.facilitator, paths["guide"], options)
        out[(band, variant)] = {doc: path for doc, path in paths.items() if path.exists()}
    return out


@cache
def runs_of(path: Path) -> tuple[Run, ...]:
    return tuple(text_runs(path))


@cache
def texts_of(path: Path) -> tuple[str, ...]:
    """Each page's text, in the order drawn (from the runs: one reading of the PDF)."""
    runs = runs_of(path)
    return tuple(" ".join(r.text for r in runs if r.page == page) for page in range(1, page_count(path) + 1))


def body_of(path: Path) -> float:
    """The size most characters are set in."""
    totals: dict[float, int] = {}
    for r in runs_of(path):
        totals[r.size] = totals.get(r.size, 0) + len(r.text)
    return max(totals, key=lambda s: totals[s])


def variant_ids(value: object) -> str:
    return "-".join(value) if isinstance(value, tuple) else str(value)


# -- nothing important breaks across a page ---------------------------------------------------------


WITH_LINES = {"My notes"}
"""Headings followed by ruled lines to write on (drawn, not text)."""


def headings_ending_pages(path: Path) -> list[tuple[int, str]]:
    """(page, text) for every page whose lowest line of body text is a heading (bold, larger
    than the body type)."""
    body = body_of(path)
    found = []
    runs = [r for r in runs_of(path) if not r.running]
    for page in sorted({r.page for r in runs}):
        on_page = [r for r in runs if r.page == page]
        lowest = min(r.y for r in on_page)
        last_line = [r for r in on_page if abs(r.y - lowest) < 1]
        if all(r.bold and r.size >= body * 1.04 and r.text not in WITH_LINES for r in last_line):
            found.append((page, " ".join(r.text for r in last_line)))
    return found


@pytest.mark.parametrize("doc", ["handout", "guide"])
@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_no_page_ends_with_a_heading(key: tuple[str, str], doc: str, docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    assert not headings_ending_pages(docs[key][doc])


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_the_immediate_danger_rule_stands_on_a_page_of_the_disclosure_protocol(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    brief = hour_packs[key[0]].facilitator.safeguarding
    rule = next(item for b in brief for item in b.safeguarding if "immediate danger" in item.lower())
    pages = [squash(t) for t in texts_of(docs[key]["guide"])]
    holding = [p for p in pages if squash(rule) in p]
    assert len(holding) == 1, "the rule is printed once, on one page"
    assert squash("Disclosure protocol") in holding[0]
    # The protocol's steps are one box, never split.
    steps = [step for b in brief for step in b.protocol]
    assert any(all(squash(step) in p for step in steps) for p in pages)


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_the_worksheet_keeps_its_questions_together_and_with_their_story(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    from handouts.handout import _worksheet_block

    block = _worksheet_block(hour_packs[key[0]].participant.blocks)
    assert block is not None
    pages = [squash(t) for t in texts_of(docs[key]["handout"])]
    with_questions = [i for i, t in enumerate(pages) if any(squash(f"{n}. {q}") in t for n, q in enumerate(block.questions, 1))]
    assert len(with_questions) == 1, "every question is on one page"
    assert all(squash(f"{n}. {q}") in pages[with_questions[0]] for n, q in enumerate(block.questions, 1))
    # The box holds the story, or for a part without one its key points.
    story_start = squash(block.story.text if block.story else (block.key_points[0] if block.key_points else block.body))[:40]
    # The worksheet's instruction and its box start on one page (key points also appear in "what we talked about").
    story_page = next(i for i, t in enumerate(pages) if squash("Then write your answer to each question on the lines under it.") in t)
    assert story_start in pages[story_page]
    # With the story, or (when the whole does not fit a page) on the page right after it.
    assert with_questions[0] - story_page in (0, 1)


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_no_handout_page_holds_only_lines_to_write_on(key: tuple[str, str], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    runs = [r for r in runs_of(docs[key]["handout"]) if not r.running]
    for page in range(1, max(r.page for r in runs) + 1):
        texts = {r.text for r in runs if r.page == page}
        assert texts - {"My notes"}, f"page {page} holds nothing but lines"


# -- the guide, read standing up --------------------------------------------------------------------


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_the_guide_sets_nothing_under_10_5_pt_but_the_running_header_and_footer(key: tuple[str, str], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    small = sorted({(r.size, r.text[:40]) for r in runs_of(docs[key]["guide"]) if not r.running and r.size < 10.5})
    assert not small


@pytest.mark.parametrize("band", BANDS)
def test_the_guide_prints_no_internal_ids_or_codes(band: str, shipped, hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:  # type: ignore[no-untyped-def]
    text = norm(" ".join(texts_of(docs[(band, "a4")]["guide"])))
    assert not re.findall(r"\bG\d{2}\b", text), "OUTLINE ids"
    for sid in shipped:  # "Title (section-id)"; a one-word id may be an ordinary word before a gloss
        assert f"({sid})" not in text and ("-" not in sid or f"{sid} (" not in text), sid
    # No section kinds: not in the agenda, not beside a block's clock time.
    titles = " ".join(a.title for a in hour_packs[band].facilitator.agenda).lower()
    agenda = text[text.index("Agenda"):text.index(" End ")]
    for kind in KIND_ORDER:
        assert f"min · {kind}" not in text
        if kind not in titles:
            assert not re.search(rf"\b{kind}\b", agenda), kind


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_page_one_has_the_session_at_a_glance_and_the_agenda_as_a_timeline(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    pack = hour_packs[key[0]].facilitator
    first = squash(texts_of(docs[key]["guide"])[0])
    assert squash("Session at a glance") in first and squash("Agenda") in first
    position = first.index(squash("Agenda"))
    for item in pack.agenda:
        found = first.find(squash(f"{item.start:%H:%M}{item.title}"), position)
        assert found > position, item.title
        assert squash(f"{item.minutes} min") in first[found:found + len(squash(item.title)) + 80]
        position = found
    assert squash(f"{pack.info.end:%H:%M}End") in first[position:]


def test_sources_are_named_by_the_guides_own_parts(hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    from handouts.guide import _part

    pack = hour_packs["13-15"].facilitator
    text = norm(" ".join(texts_of(docs[("13-15", "a4")]["guide"])))
    sources = text[text.rindex("Sources"):]
    assert pack.sources
    for _ref, what in pack.sources:
        assert squash(_part(what).name) in squash(sources)
    assert "Where to report" in text  # a contact's source, by name
    assert '"' not in sources and "“" in text  # typeset like the rest: no straight quotes


def test_not_in_this_session_lists_titles_with_the_minutes_each_would_add(hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    pack = hour_packs["13-15"].facilitator
    assert [x.section_id for x in pack.left_out] == [sid for sid, _why in hour_packs["13-15"].plan.left_out]
    text = " ".join(texts_of(docs[("13-15", "a4")]["guide"]))
    part = squash(text[text.rindex("Not in this session"):text.rindex("Attribution")])
    for left in pack.left_out:
        assert squash(left.title) in part, left.section_id
        assert left.section_id not in part or left.section_id in squash(left.title).lower()
        assert squash(f"{left.minutes} min") in part if not left.for_age else squash(f"ages {left.ages}") in part
    timed = [x for x in pack.left_out if x.reason.code == "time"]
    assert timed and all(x.minutes > 0 and not x.for_age for x in timed)


def test_parts_written_for_other_ages_say_which_ages(hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    # "Speaking out" is written for 10 to 17: an adults session leaves it out for its age, not for time.
    left = {x.section_id: x for x in hour_packs["adults"].facilitator.left_out}
    assert left["speaking-out"].for_age and left["speaking-out"].ages == "10–17"
    text = squash(" ".join(texts_of(docs[("adults", "a4")]["guide"])))
    assert squash("Written for other ages than adults") in text and squash("Speaking out ages 10–17") in text


# -- said once, no doubled colons, large print --------------------------------------------------------


@pytest.mark.parametrize("doc", ["handout", "guide"])
@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_the_session_title_is_said_once_on_page_one(key: tuple[str, str], doc: str, hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    title = hour_packs[key[0]].participant.info.title
    assert norm(texts_of(docs[key][doc])[0]).count(title) == 1


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_no_title_runs_into_another_colon(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    pack = hour_packs[key[0]]
    every = {b.title for b in pack.participant.blocks} | {x.title for x in pack.facilitator.left_out}
    titles = {t for t in every if ":" in t}  # "In real life: K" must never read "In real life: K: ..."
    assert titles
    for doc, path in docs[key].items():
        text = norm(" ".join(texts_of(path)))
        for t in titles:
            assert not re.search(rf"\w:\s*{re.escape(t)}|{re.escape(t)}\s*:", text), f"{doc}: {t}"


def test_tip_titles_are_heading_lines_above_their_text(hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    path = docs[("13-15", "a4")]["handout"]
    tips = [t for b in hour_packs["13-15"].participant.blocks for t in b.tips]
    assert tips
    body = body_of(path)
    runs = runs_of(path)
    for tip in tips:
        title = next(r for r in runs if r.text == tip.title)
        assert title.bold and title.size > body
        text = next(r for r in runs if r.text.startswith(tip.text[:20]))
        assert text.y < title.y and not text.bold


@pytest.mark.parametrize("key", [k for k in VARIANTS if k[1] == "large"], ids=variant_ids)
def test_large_print_shrinks_nothing_under_14_pt(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    card_help = squash(hour_packs[key[0]].participant.card_help_line)
    for doc, path in docs[key].items():
        runs = [r for r in runs_of(path) if not r.running and not (doc == "cards" and squash(r.text) in card_help)]
        small = sorted({(r.size, r.text[:30]) for r in runs if r.size < 14})
        assert not small, doc
        assert not any(r.text.endswith("...") for r in runs_of(path)), f"{doc}: text cut"


@pytest.mark.parametrize("key", VARIANTS, ids=variant_ids)
def test_content_notes_are_printed_in_full_contrast(key: tuple[str, str], hour_packs: dict[str, Pack], docs: dict[tuple[str, str], dict[str, Path]]) -> None:
    notes = [squash(b.content_note) for b in hour_packs[key[0]].participant.blocks if b.content_note]
    checked = 0
    for doc in ("handout", "cards"):
        if doc not in docs[key]:
            continue
        for r in runs_of(docs[key][doc]):
            if len(squash(r.text)) > 8 and any(squash(r.text) in n for n in notes):
                assert r.colour == INK, f"{doc}: {r.text}"
                checked += 1
    printed = squash(" ".join(t for doc in ("handout", "cards") if doc in docs[key] for t in texts_of(docs[key][doc])))
    assert checked or not any(n[:30] in printed for n in notes)
