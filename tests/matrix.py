"""The full matrix, built once per test session: for every band, a pack holding every section
that band may see, from a copy of the shipped library whose facilitator-only strings each carry a
unique marker (ZZFAC123ZZ). Participant outputs are the same as the shipped library's (markers are
only in facilitator text), so the audience tests read them too."""

from __future__ import annotations

import io
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

from facilitator.build.pipeline import Loaded, render
from facilitator.library import Library
from facilitator.loader import load_library, section_files, shipped_sections_dir
from facilitator.model import Block, Plan
from facilitator.model.audience import BAND_NAMES, parse_audience
from facilitator.planner import order_sections, session_rules
from facilitator.request import BuildRequest
from facilitator.schema import pick
from tests.helpers import squash


def everything_for(lib: Library, band: str) -> Plan:
    """A plan holding every section an audience of ``band`` may see (the full matrix)."""
    audience = parse_audience(band)
    sections = [s for s in lib.select(audience) if not s.facilitator_only]
    ordered = order_sections(sections, session_rules())
    return Plan(audience=audience, blocks=tuple(Block(s.id, s.minutes) for s in ordered))


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
        """``text`` (a string, a facilitator line ``{text, bands}``, or a list of them) with a new
        marker at the end of each string."""
        if isinstance(text, list):
            return [self.tag(section, item, bands) for item in text]
        if isinstance(text, dict):  # a line for some bands only
            return {**text, "text": self.tag(section, text["text"], text.get("bands") or bands)}
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


@pytest.fixture(scope="session")
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
                facilitator[name] = markers.tag_variants(sid, facilitator[name]) if name in ("say", "key_message") else markers.tag(sid, facilitator[name])
        for question in data.get("questions") or []:
            for name in QUESTION_FIELDS:
                if question.get(name):
                    question[name] = markers.tag(sid, question[name], question.get("bands"))
        (folder / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert markers.count > 300, "the library has facilitator text to mark"
    return load_library([folder]), markers


@pytest.fixture(scope="session")
def matrix(marked: tuple[Library, Markers], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """For every band, the full-matrix pack's visible slide text, speaker notes, handout, cards
    and guide text, whitespace removed (a marker may be split across lines), and the same with
    spaces kept ("… text"). Built once per test run: with several test processes (pytest-xdist),
    the first builds it under a file lock and the others read what it wrote."""
    import fcntl
    import json

    lib, _markers = marked
    library = Path(next(iter(lib.values())).origin).parent
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    done = shared / "matrix.json"
    with open(shared / "matrix.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return dict(json.loads(done.read_text(encoding="utf-8")))
        folder = shared / "matrix-packs"
        folder.mkdir(exist_ok=True)
        # The bands are built in parallel processes, each loading the marked library itself.
        with ProcessPoolExecutor(max_workers=min(len(BAND_NAMES), os.cpu_count() or 1)) as pool:
            futures = {band: pool.submit(_band_texts, str(library), band, str(folder)) for band in BAND_NAMES}
            texts = {band: future.result() for band, future in futures.items()}
        done.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        return texts


def _band_texts(library: str, band: str, folder: str) -> dict[str, str]:
    """The full matrix for ``band``, rendered by the pipeline (in memory); the deck is kept in
    ``folder`` for the tests that open it."""
    lib = load_library([Path(library)])
    files = render(BuildRequest(out_dir=Path(folder) / band), Loaded(lib), everything_for(lib, band)).files
    deck = Path(folder) / f"{band}-deck.pptx"
    deck.write_bytes(files["deck.pptx"])
    slides, notes = _deck_text(deck)
    texts = {"slides": slides, "notes": notes, "handout": _pdf_text(files["handout.pdf"]), "cards": _pdf_text(files["cards.pdf"]) if "cards.pdf" in files else "",
             "guide": _pdf_text(files["guide.pdf"]),
             # The documents around the session (issue 18): participant documents, like the handout.
             "letter": _pdf_text(files["letter.pdf"]) + " " + _docx_text(files["letter.docx"]), "check": _pdf_text(files["check.pdf"]),
             "feedback": _pdf_text(files["feedback.pdf"])}
    # The same, with spaces kept (one space for any run of whitespace), for reading phrases.
    return {**{k: squash(v) for k, v in texts.items()}, **{f"{k} text": " ".join(v.split()) for k, v in texts.items()}, "deck": str(deck)}


def _docx_text(data: bytes) -> str:
    import docx

    return " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


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
    return visible, notes


def _pdf_text(data: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)


