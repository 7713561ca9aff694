"""Shared print machinery: escaping, fonts and the glyph check, paper, embedding, reproducible bytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fontTools import subset
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from facilitator.errors import FacilitatorError
from facilitator.library import Library
from facilitator.model import Pack, RenderConfig
from facilitator.model.audience import band_named
from facilitator.model.config import SHIPPED_FONTS
from handouts.pages import fit_line
from handouts.printer import (
    Printer,
    check_glyphs,
    clean_text,
    paper_size,
    para_text,
    paragraphs_of,
)
from tests.handouts.conftest import build_pack, pdf_text, squash
from tests.helpers import write_cards, write_guide, write_handout

WRITERS = {
    "handout": lambda pack, path, options: write_handout(pack.participant, path, options),
    "cards": lambda pack, path, options: write_cards(pack.participant, path, options),
    "guide": lambda pack, path, options: write_guide(pack.facilitator, path, options),
}

SHIPPED_REGULAR, SHIPPED_BOLD = SHIPPED_FONTS


@pytest.fixture
def ascii_font(tmp_path: Path) -> Path:
    """DejaVu Sans cut down to printable ASCII: it has no ĳ, ß, „ or ñ."""
    path = tmp_path / "ascii.ttf"
    options = subset.Options()
    options.notdef_outline = True
    font = subset.load_font(str(SHIPPED_REGULAR), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=range(0x20, 0x7F))
    sub.subset(font)
    subset.save_font(font, str(path), options)
    return path


# -- escaping ------------------------------------------------------------------------------------


def test_para_text_escapes_markup_and_quotes() -> None:
    assert para_text("x <y and z> w") == "x &lt;y and z&gt; w"
    assert para_text("AT&T") == "AT&amp;T"
    assert para_text("\"a\" 'b'") == "&quot;a&quot; &#39;b&#39;"


def test_characters_xml_cannot_hold_are_removed_but_tab_and_newline_stay() -> None:
    assert clean_text("a\x00b\x07c\x0bd\x1fe\x7f\x85f\ufffeg") == "abcdefg"
    assert clean_text("a\tb\nc") == "a\tb\nc"
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


def test_escaped_text_parses_back_to_the_input() -> None:
    text = "x <y and z> w & AT&T; \"q\" 'r' <b>not bold</b> ĳ ß „…“ ñ"
    printer = Printer(RenderConfig(), band_named("13-15"))
    p = printer.para(text)
    assert "".join(frag.text for frag in p.frags) == text


def test_paragraphs_are_split_on_blank_lines_and_joined_inside() -> None:
    assert paragraphs_of("one\ntwo\n\n  \nthree\r\n\r\nfour") == ["one two", "three", "four"]


# -- fonts -----------------------------------------------------------------------------------------


def test_the_shipped_fonts_and_their_licence_are_package_data() -> None:
    assert SHIPPED_REGULAR.is_file() and SHIPPED_BOLD.is_file()
    licence = (SHIPPED_REGULAR.parent / "LICENSE").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "public domain" in licence


def test_glyph_check_names_every_missing_character(ascii_font: Path) -> None:
    with pytest.raises(FacilitatorError) as caught:
        check_glyphs(ascii_font, ["Dutch ĳsje, Straße, „quoted“, Niño", "plain"])
    problem = caught.value.problems[0]
    assert problem.file == str(ascii_font)
    assert problem.field == "font"
    for named in ("ĳ (U+0133)", "ß (U+00DF)", "„ (U+201E)", "“ (U+201C)", "ñ (U+00F1)"):
        assert named in problem.message
    assert "choose a font that covers them" in problem.hint


def test_glyph_check_passes_a_font_that_covers_the_text() -> None:
    check_glyphs(SHIPPED_REGULAR, ["Dutch ĳsje, Straße, „quoted“, Niño"])


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_font_without_the_glyphs_is_refused_before_anything_is_written(writer: str, tricky_library: Library, ascii_font: Path, tmp_path: Path) -> None:
    pack = build_pack(tricky_library, "13-15", 600)
    path = tmp_path / f"{writer}.pdf"
    with pytest.raises(FacilitatorError) as caught:
        WRITERS[writer](pack, path, RenderConfig(font_regular=ascii_font, font_bold=ascii_font))
    assert "ĳ (U+0133)" in str(caught.value) and "ß (U+00DF)" in str(caught.value)
    assert not path.exists()


def test_a_missing_or_unreadable_font_is_one_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(FacilitatorError, match="does not exist"):
        Printer(RenderConfig(font_regular=tmp_path / "nope.ttf"), band_named("13-15"))
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    with pytest.raises(FacilitatorError, match="cannot be read as a font"):
        Printer(RenderConfig(font_regular=junk), band_named("13-15"))


def test_a_custom_font_is_embedded(small_pack: Pack, tmp_path: Path) -> None:
    copy = tmp_path / "MyFont.ttf"
    copy.write_bytes(SHIPPED_REGULAR.read_bytes())
    path = tmp_path / "handout.pdf"
    write_handout(small_pack.participant, path, RenderConfig(font_regular=copy))
    assert "Five tips" in pdf_text(path)


# -- paper, embedding, metadata, reproducibility ------------------------------------------------------


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(FacilitatorError, match="'a5' is not a paper size"):
        paper_size("a5")


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sets_every_page_size(writer: str, paper: str, size: tuple[int, int], small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{writer}.pdf"
    WRITERS[writer](small_pack, path, RenderConfig(paper=paper))
    for page in PdfReader(str(path)).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_font_is_embedded(writer: str, small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{writer}.pdf"
    WRITERS[writer](small_pack, path, RenderConfig())
    fonts = {}
    for page in PdfReader(str(path)).pages:
        for name, ref in page["/Resources"]["/Font"].items():
            fonts[name] = ref.get_object()
    assert fonts
    for name, font in fonts.items():
        descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
        for f in descendants:
            assert "/FontFile2" in f["/FontDescriptor"], f"{name} ({f['/BaseFont']}) is not embedded"
    raw = path.read_bytes()
    assert b"/Helvetica" not in raw and b"/Times" not in raw and b"/Courier" not in raw


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_metadata_names_title_subject_author_and_language(writer: str, small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{writer}.pdf"
    WRITERS[writer](small_pack, path, RenderConfig())
    reader = PdfReader(str(path))
    meta = reader.metadata
    assert meta is not None
    assert meta.title.startswith(small_pack.participant.info.title)
    assert meta.author == "facilitator"
    assert "13-15" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_two_builds_are_byte_identical_and_dated_from_source_date_epoch(writer: str, small_pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    WRITERS[writer](small_pack, first, RenderConfig())
    WRITERS[writer](small_pack, second, RenderConfig())
    assert first.read_bytes() == second.read_bytes()
    assert PdfReader(str(first)).metadata["/CreationDate"].startswith("D:20231114221320")


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_page_says_page_x_of_y_and_the_title(writer: str, small_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{writer}.pdf"
    WRITERS[writer](small_pack, path, RenderConfig())
    pages = PdfReader(str(path)).pages
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        assert small_pack.participant.info.title in text


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_control_characters_in_content_never_reach_the_pdf(writer: str, small_pack: Pack, tmp_path: Path) -> None:
    # YAML cannot hold these, but a translation catalog or a plan title could.
    info = replace(small_pack.participant.info, title="Safe\x07 online\x0b <now> & \"then\"")
    pack = replace(small_pack, participant=replace(small_pack.participant, info=info), facilitator=replace(small_pack.facilitator, info=info))
    path = tmp_path / f"{writer}.pdf"
    WRITERS[writer](pack, path, RenderConfig())
    assert squash("Safe online <now> & \"then\"") in squash(pdf_text(path))


def test_fit_line_shrinks_then_cuts_a_line_that_is_too_long() -> None:
    printer = Printer(RenderConfig(), band_named("13-15"))
    font = printer.fonts.regular
    assert fit_line("short", font, 10, 200) == ("short", 10)
    text, size = fit_line("a rather long running title " * 3, font, 10, 150, min_size=8)
    assert size == 8 and text.endswith("...") and stringWidth(text, font, size) <= 150


def test_a_word_longer_than_the_line_wraps_instead_of_overflowing() -> None:
    printer = Printer(RenderConfig(), band_named("13-15"))
    p: Paragraph = printer.para("x" * 60, "cell")
    width, _height = p.wrap(60, 1000)
    assert width <= 60 and len(p.blPara.lines) > 1
