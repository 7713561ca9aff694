"""The marker test: every facilitator-only string of the shipped library, tagged with its own
marker, reaches the speaker notes or the guide and never a slide's visible text, the handout or
the cards, for every audience, with every section that audience may see."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation
from pypdf import PdfReader

from decks.writer import write_deck
from facilitator.audience import BAND_NAMES, parse_audience
from facilitator.library import Library
from facilitator.loader import load_library, section_files, shipped_sections_dir
from facilitator.pack import assemble
from facilitator.schema import pick
from handouts.cards import write_cards
from handouts.guide import write_guide
from handouts.handout import write_handout
from handouts.options import PrintOptions
from tests.helpers import squash
from tests.test_audiences import everything_for

MARKER = re.compile(r"ZZFAC\d+ZZ")
FACILITATOR_FIELDS = ("say", "notes", "safeguarding", "key_message", "materials", "protocol")
QUESTION_FIELDS = ("listen_for", "follow_up")


class Markers:
    """Hands out unique markers and remembers where each went: (section id, the bands it is for
    or ``None`` for every band, and for ``say`` band variants, the variants' keys)."""

    def __init__(self) -> None:
        self.count = 0
        self.by_section: dict[str, list[tuple[str, Any]]] = {}

    def tag(self, section: str, text: object, bands: list[str] | None = None) -> object:
        """``text`` (a string or a list of strings) with a new marker at the end of each string."""
        if isinstance(text, list):
            return [self.tag(section, item, bands) for item in text]
        assert isinstance(text, str), (section, text)
        self.count += 1
        marker = f"ZZFAC{self.count}ZZ"
        self.by_section.setdefault(section, []).append((marker, bands))
        return f"{text.rstrip()} {marker}"

    def tag_variants(self, section: str, value: object) -> object:
        """A text for every band, or one per band: each variant gets its own marker, to be found
        only where that band's variant is picked."""
        if not isinstance(value, dict):
            return self.tag(section, value)
        tagged = {}
        for band, text in value.items():
            self.count += 1
            marker = f"ZZFAC{self.count}ZZ"
            tagged[band] = f"{str(text).rstrip()} {marker}"
            self.by_section.setdefault(section, []).append((marker, {"variants": value, "band": str(band)}))
        return tagged

    def expected(self, section: str, band: str) -> Iterator[str]:
        """The markers of ``section`` that the guide or notes for ``band`` must show."""
        audience_band = parse_audience(band).band
        for marker, bands in self.by_section.get(section, []):
            if isinstance(bands, dict):  # a band variant: shown where pick() chooses it
                keys = {str(k): str(k) for k in bands["variants"]}
                if pick(keys, audience_band) == bands["band"]:
                    yield marker
            elif bands is None or band in bands:
                yield marker


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Markers]:
    """The shipped library with a marker on every facilitator-only string."""
    folder = tmp_path_factory.mktemp("marked")
    markers = Markers()
    for path in section_files(shipped_sections_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sid = data["id"]
        facilitator = data.get("facilitator") or {}
        for name in FACILITATOR_FIELDS:
            if facilitator.get(name):
                facilitator[name] = markers.tag_variants(sid, facilitator[name]) if name == "say" else markers.tag(sid, facilitator[name])
        for question in data.get("questions") or []:
            for name in QUESTION_FIELDS:
                if question.get(name):
                    question[name] = markers.tag(sid, question[name], question.get("bands"))
        (folder / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert markers.count > 300, "the library has facilitator text to mark"
    return load_library([folder]), markers


@pytest.fixture(scope="module")
def outputs(marked: tuple[Library, Markers], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """For every band, the full-matrix pack's visible slide text, speaker notes, handout, cards
    and guide text, whitespace removed (a marker may be split across lines). The bands are built
    in parallel worker processes, each loading the marked library itself."""
    lib, _markers = marked
    library = Path(next(iter(lib.values())).origin).parent
    folder = tmp_path_factory.mktemp("marker-packs")
    with ProcessPoolExecutor(max_workers=min(len(BAND_NAMES), os.cpu_count() or 1)) as pool:
        futures = {band: pool.submit(_band_texts, str(library), band, str(folder)) for band in BAND_NAMES}
        return {band: future.result() for band, future in futures.items()}


def _band_texts(library: str, band: str, folder: str) -> dict[str, str]:
    lib = load_library([Path(library)])
    pack = assemble(everything_for(lib, band), lib)
    deck, handout, cards, guide = (Path(folder) / f"{band}-{name}" for name in ("deck.pptx", "handout.pdf", "cards.pdf", "guide.pdf"))
    write_deck(pack, deck)
    write_handout(pack.participant, handout, PrintOptions())
    write_cards(pack.participant, cards, PrintOptions())
    write_guide(pack.facilitator, guide, PrintOptions())
    slides, notes = _deck_text(deck)
    return {
        "slides": slides,
        "notes": notes,
        "handout": _pdf_text(handout),
        "cards": _pdf_text(cards) if cards.exists() else "",
        "guide": _pdf_text(guide),
    }


def _shape_texts(shapes: Any) -> Iterator[str]:
    for shape in shapes:
        if shape.shape_type is not None and hasattr(shape, "shapes"):  # a group
            yield from _shape_texts(shape.shapes)
        if shape.has_text_frame:
            yield shape.text_frame.text
        if getattr(shape, "has_table", False):
            yield from (cell.text for row in shape.table.rows for cell in row.cells)


def _deck_text(path: Path) -> tuple[str, str]:
    prs = Presentation(str(path))
    visible = " ".join(t for slide in prs.slides for t in _shape_texts(slide.shapes))
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide)
    return squash(visible), squash(notes)


def _pdf_text(path: Path) -> str:
    return squash("".join((page.extract_text() or "") for page in PdfReader(str(path)).pages))


@pytest.mark.parametrize("band", BAND_NAMES)
def test_no_marker_reaches_a_participant_output(outputs: dict[str, dict[str, str]], band: str) -> None:
    assert outputs[band]["slides"] and outputs[band]["handout"]
    for document in ("slides", "handout", "cards"):
        leaked = sorted(set(MARKER.findall(outputs[band][document])))
        assert not leaked, f"{band} {document} shows facilitator-only text: {leaked[:10]}"


@pytest.mark.parametrize("band", BAND_NAMES)
def test_every_marker_of_the_plan_reaches_the_notes_or_the_guide(marked: tuple[Library, Markers], outputs: dict[str, dict[str, str]], band: str) -> None:
    lib, markers = marked
    texts = outputs[band]
    for_facilitator = texts["notes"] + texts["guide"]
    planned = [b.section_id for b in everything_for(lib, band).blocks]
    missing = {sid: lost for sid in planned if (lost := [m for m in markers.expected(sid, band) if m not in for_facilitator])}
    assert not missing, f"{band}: facilitator text of these sections is in neither the notes nor the guide: {missing}"


@pytest.mark.parametrize("band", BAND_NAMES)
def test_the_safeguarding_brief_is_all_in_the_guide(marked: tuple[Library, Markers], outputs: dict[str, dict[str, str]], band: str) -> None:
    lib, markers = marked
    briefs = [s.id for s in lib.values() if s.facilitator_only]
    assert briefs
    for sid in briefs:
        expected = list(markers.expected(sid, band))
        assert expected, f"{sid} has facilitator text to check"
        assert [m for m in expected if m not in outputs[band]["guide"]] == [], sid
