"""The deck: fitted text, participant-only visible text, notes, templates and reproducible bytes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from decks import slide_kinds
from decks.draw import is_decorative
from decks.fitting import Para, block_height
from decks.slide_plan import outline
from decks.theme import BULLET_INDENT_PT, SPACE_AFTER, THEMES, contrast, text_pairs
from decks.writer import kind_sizes
from facilitator.assemble import assemble
from facilitator.audience_words import voice
from facilitator.build.pipeline import Loaded, render
from facilitator.errors import FacilitatorError
from facilitator.library import Library
from facilitator.model import Pack
from facilitator.model.audience import parse_audience
from facilitator.model.words import ENGLISH
from facilitator.planner import make_plan
from facilitator.request import BuildRequest
from tests.helpers import facilitator_only_texts, squash, write_deck

BANDS = ["10-12", "13-15", "16-17", "adults"]


def build(lib: Library, age: str, minutes: int, path: Path, template: Path | None = None) -> Pack:
    pack = assemble(make_plan(lib, parse_audience(age), minutes), lib)
    write_deck(pack, path, template=template)
    return pack


@pytest.fixture(params=BANDS)
def full_deck(request: pytest.FixtureRequest, matrix: dict[str, dict[str, str]]) -> tuple[str, Path]:
    """A deck with every section the band may see (the session's full matrix, tests/matrix.py)."""
    return request.param, Path(matrix[request.param]["deck"])


def frames(path: Path) -> Iterator[tuple[int, object]]:
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                yield number, shape


FOOTER_SHAPES = {"Footer help", "Slide number"}


def test_every_text_frame_holds_its_text_at_or_above_the_band_minimum(full_deck: tuple[str, Path]) -> None:
    band, path = full_deck
    scale = THEMES[band].scale
    for number, shape in frames(path):
        tf = shape.text_frame
        width = Emu(shape.width - tf.margin_left - tf.margin_right).pt
        height = Emu(shape.height - tf.margin_top - tf.margin_bottom).pt
        paras, sizes = [], []
        for p in tf.paragraphs:
            if not p.runs:
                continue
            size = p.runs[0].font.size.pt
            bullet = int(p._p.pPr.get("marL", "0")) > 0
            paras.append(Para(p.text, bullet=bullet, bold=bool(p.runs[0].font.bold)))
            sizes.append(size)
            if shape.name not in FOOTER_SHAPES:
                assert size >= (scale.title_min if shape.name == "Title" else scale.body_min), (number, shape.name, p.text, size)
        used = sum(block_height([para], size, width) + size * SPACE_AFTER for para, size in zip(paras, sizes)) - sizes[-1] * SPACE_AFTER
        assert used <= height + 0.5, f"slide {number} {shape.name}: {used:.0f} pt of text in {height:.0f} pt"


def test_one_body_size_per_slide_kind(full_deck: tuple[str, Path]) -> None:
    _band, path = full_deck
    sizes: dict[tuple[str, str], set[float]] = {}
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.name in {"Body", "Question", "Story", "Statement", "Reason", "Steps", "Note"} and shape.text_frame.paragraphs[0].runs:
                sizes.setdefault((slide.name, shape.name), set()).add(shape.text_frame.paragraphs[0].runs[0].font.size.pt)
    for where, found in sizes.items():
        if where != ("points", "Question"):  # a question joining a points slide fits its band
            assert len(found) == 1, (where, found)


def test_slides_have_unique_titles_first_in_reading_order_and_end_on_the_closing_slide(full_deck: tuple[str, Path]) -> None:
    _band, path = full_deck
    slides = list(Presentation(str(path)).slides)
    titles = [s.shapes.title.text_frame.text for s in slides]
    assert len(set(titles)) == len(titles), [t for t in titles if titles.count(t) > 1]
    for s in slides:
        first = next(iter(s.shapes))
        assert first.is_placeholder and first == s.shapes.title
        for shape in s.shapes:
            # Every shape speaks for itself (text) or is marked decorative; there are no pictures.
            assert shape.shape_type != MSO_SHAPE_TYPE.PICTURE
            assert shape.has_text_frame and shape.text_frame.text.strip() or is_decorative(shape), (s.name, shape.name)
    assert slides[-1].name == "closing"


@pytest.mark.parametrize("band", BANDS)
def test_no_slide_is_nearly_empty_and_the_agenda_is_one_slide(band: str, shipped: Library) -> None:
    pack = assemble(make_plan(shipped, parse_audience(band), 60), shipped)
    specs = outline(pack, ENGLISH)
    theme = THEMES[band]
    sizes = kind_sizes(specs, theme)
    fitted = [(piece, sizes[s.kind]) for s in specs for piece in slide_kinds.split(s, theme, sizes[s.kind])]
    sparse = [(s.kind, s.title, round(slide_kinds.fill(s, theme, size), 2)) for s, size in fitted
              if s.kind not in ("title", "opener", "discussion", "closing") and slide_kinds.fill(s, theme, size) < 0.2]
    assert sparse == []
    assert [s.kind for s, _size in fitted].count("agenda") == 1


@pytest.mark.parametrize("band", BANDS)
def test_every_theme_sets_text_at_a_contrast_of_at_least_4_5(band: str) -> None:
    for text, background, where in text_pairs(THEMES[band].palette):
        assert contrast(text, background) >= 4.5, (band, where, text, background)


def test_visible_text_holds_no_facilitator_only_text(full_deck: tuple[str, Path], shipped: Library) -> None:
    _band, path = full_deck
    visible = squash(" ".join(shape.text_frame.text for _n, shape in frames(path)))
    leaks = [t for t in facilitator_only_texts(shipped) if squash(t) in visible]
    assert leaks == []


def test_every_slide_has_notes_a_number_and_where_to_get_help(full_deck: tuple[str, Path]) -> None:
    band, path = full_deck
    asks = voice(parse_audience(band).band).help_line.split("?")[0]  # "Need help" / "Worried about a child"
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    for number, slide in enumerate(prs.slides, 1):
        names = {s.name: s for s in slide.shapes}
        assert names["Slide number"].text_frame.text == str(number)
        assert asks in names["Footer help"].text_frame.text
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_scenarios_are_a_story_then_questions_after_a_content_note(shipped: Library, tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    build(shipped, "16-17", 600, path)
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(path)).slides]
    k = titles.index("In real life: K")  # the part's opener
    assert titles[k - 1].startswith("Content note")
    assert titles[k + 1] == "The story of K"
    assert titles[k + 2] == "Let’s talk: K"


def test_long_text_continues_on_a_new_slide(make_library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.loader import load_library

    long_points = "\n".join(f"      - Point {i} " + "is a fairly long sentence that takes more than one line " * 2 for i in range(5))
    folder = make_library({"basics": f"id: basics\nkind: concept\ntitle: Basics\ntopics: [grooming]\nminutes: 10\nmin_age: 10\nparticipant:\n  key_points:\n{long_points.replace('      -', '    -')}\n"})
    lib = load_library([folder])
    path = tmp_path / "deck.pptx"
    build(lib, "10-12", 60, path)
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(path)).slides]
    assert "Basics: what to know" in titles and "Basics: what to know (continued)" in titles


def test_same_inputs_give_the_same_bytes_dated_by_source_date_epoch(shipped: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    request = BuildRequest.from_options(age="13-15", only="deck")
    a, b = (render(request, Loaded(shipped)).files["deck.pptx"] for _ in range(2))
    assert a == b
    props = Presentation(io.BytesIO(a)).core_properties
    assert props.author == "facilitator" and props.language == "en" and props.title == "Staying safe online"
    assert props.created.year == 2026


def ngo_template(path: Path, drop_body: bool = False) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    layout = prs.slide_layouts.get_by_name("Title and Content")
    if drop_body:
        body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
        body._element.getparent().remove(body._element)
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "SAMPLE SLIDE"
    prs.save(str(path))
    return path


def test_an_organisation_template_is_used_and_its_sample_slides_removed(shipped: Library, tmp_path: Path) -> None:
    template = ngo_template(tmp_path / "ngo.pptx")
    build(shipped, "13-15", 60, tmp_path / "deck.pptx", template=template)
    prs = Presentation(str(tmp_path / "deck.pptx"))
    texts = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "SAMPLE SLIDE" not in texts and texts[0] == "Staying safe online"
    assert prs.slides[1].slide_layout.name == "Title and Content"


def test_a_template_without_a_needed_placeholder_is_a_clear_error(shipped: Library, tmp_path: Path) -> None:
    template = ngo_template(tmp_path / "ngo.pptx", drop_body=True)
    with pytest.raises(FacilitatorError, match="layout 'Title and Content' has no body text placeholder"):
        build(shipped, "13-15", 60, tmp_path / "deck.pptx", template=template)
    not_pptx = tmp_path / "ngo2.pptx"
    not_pptx.write_text("hello")
    with pytest.raises(FacilitatorError, match="is not a PowerPoint"):
        build(shipped, "13-15", 60, tmp_path / "deck.pptx", template=not_pptx)


def test_bullets_are_measured_with_their_indent() -> None:
    assert BULLET_INDENT_PT > 0


def test_a_template_placeholder_too_small_for_text_is_a_clear_error(shipped: Library, tmp_path: Path) -> None:
    prs = Presentation(str(ngo_template(tmp_path / "ngo.pptx")))
    layout = prs.slide_layouts.get_by_name("Title and Content")
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    body.left, body.top, body.width, body.height = Emu(600000), Emu(2000000), Emu(6000000), Emu(100000)
    prs.save(str(tmp_path / "tiny.pptx"))
    with pytest.raises(FacilitatorError, match="body text placeholder of only 6.6 x 0.1 in"):
        build(shipped, "13-15", 60, tmp_path / "deck.pptx", template=tmp_path / "tiny.pptx")
