"""Fixtures for the printables: a small library with every kind the writers print, packs built from
it and from the shipped library, and helpers to read PDFs back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from facilitator.assemble import assemble
from facilitator.library import Library
from facilitator.loader import load_library
from facilitator.model import Pack
from facilitator.model.audience import parse_audience
from facilitator.planner import make_plan
from tests.helpers import facilitator_only_texts, squash  # noqa: F401 (re-exported for the tests here)

BANDS = ["10-12", "13-15", "16-17", "adults"]

LONG_WORD = "".join(chr(ord("a") + i % 26) for i in range(60))


def tricky(label: str) -> str:
    """Text that trips up reportlab's markup parser and narrow fonts: markup characters, quotes,
    Dutch, German and Tagalog letters and a 60-character word."""
    return (
        f"{label}: x <y and z> w, AT&T & <b>not bold</b>, \"double\" and 'single' quotes; "
        f"Dutch ĳsje and ĲSSEL, German Straße „Gänsefüßchen“, Tagalog Niño, señora, Mabuhay! {LONG_WORD} end."
    )


def printed(label: str) -> str:
    """:func:`tricky` as the writers print it: with typographic quotes and dashes."""
    from facilitator.typography import typeset

    return typeset(tricky(label))


def section(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


PRINT_SECTIONS: dict[str, str] = {
    "story": section({
        "id": "story", "kind": "scenario", "title": "Sam's story", "topics": ["grooming"], "source": ["G12"],
        "min_age": 10, "minutes": 10, "sensitivity": "high",
        "participant": {
            "content_note": "This story is about a chat that goes wrong.",
            "story": {"character": "Sam", "text": "Sam meets a gamer online.\n\nThe gamer asks for a photo."},
            "key_points": ["STORY-KEY-POINT"],
        },
        "questions": [
            {"ask": "What could Sam do?", "listen_for": ["FACILITATOR-STORY-LISTEN-1", "FACILITATOR-STORY-LISTEN-2"], "follow_up": ["FACILITATOR-STORY-FOLLOW"]},
            {"ask": "Who could Sam tell?", "listen_for": ["FACILITATOR-STORY-LISTEN-3"]},
        ],
        "facilitator": {"say": "FACILITATOR-STORY-SAY", "safeguarding": ["FACILITATOR-STORY-SAFEGUARDING"], "key_message": "FACILITATOR-STORY-KEY"},
    }),
    "play": section({
        "id": "play", "kind": "activity", "title": "Role-play", "topics": ["help"], "source": ["G18"],
        "min_age": 10, "minutes": 15,
        "participant": {
            "steps": ["Get into groups.", "Act out the card."],
            "prompts": [
                {"title": "The first prompt", "setup": "Jo gets a strange message. Show what Jo does."},
                {"title": "The second prompt", "setup": "Kai is offered a gift. Show who Kai tells."},
            ],
        },
        "questions": [{"ask": "What helped the characters?", "listen_for": ["FACILITATOR-PLAY-LISTEN"]}],
        "facilitator": {"notes": ["FACILITATOR-PLAY-NOTE"], "materials": ["FACILITATOR-PLAY-MATERIAL"]},
    }),
    "five-tips": section({
        "id": "five-tips", "kind": "tips", "title": "Five tips", "topics": ["help"], "source": ["G39"],
        "min_age": 10, "minutes": 5,
        "participant": {
            "body": "Tips from a helpful source.",
            "tips": [{"title": f"Tip {n}", "text": f"The text of tip {n}."} for n in range(1, 6)],
        },
        "facilitator": {"say": "FACILITATOR-TIPS-SAY"},
    }),
    "the-law": section({
        "id": "the-law", "kind": "law", "title": "A law", "topics": ["law"], "source": ["G33"],
        "min_age": 10, "minutes": 5,
        "participant": {"body": "The law protects children.", "key_points": ["Laws protect children."]},
    }),
    "words": section({
        "id": "words", "kind": "glossary", "title": "Words", "topics": ["terms"], "source": ["G02"],
        "min_age": 10, "minutes": 3,
        "participant": {"terms": [{"term": "Grooming", "definition": "Building trust in order to abuse."}]},
    }),
}


def tricky_section() -> str:
    """A section with tricky text in every participant and facilitator field the writers print."""
    return section({
        "id": "tricky", "kind": "scenario", "title": "Tricky <&> text", "topics": ["grooming"], "source": ["G12"],
        "min_age": 10, "minutes": 10,
        "participant": {
            "key_points": [tricky("POINT")],
            "story": {"character": "R", "text": tricky("STORY")},
            "terms": [{"term": "Tricky & <term>", "definition": tricky("DEFINITION")}],
        },
        "questions": [{"ask": tricky("ASK"), "listen_for": [tricky("LISTEN")], "follow_up": [tricky("FOLLOW")]}],
        "facilitator": {"say": tricky("SAY"), "notes": [tricky("NOTE")]},
    })


def tricky_help() -> str:
    """Where to get help, with tricky text in a contact that takes reports (a narrow column)."""
    return section({
        "id": "help", "kind": "contacts", "title": "Where to get help", "min_age": 10, "minutes": 5, "source": ["G40"],
        "participant": {
            "key_points": [tricky("HELP-POINT")],
            "contacts": [{"name": "Help & <Co>", "website": "www.example.org", "description": tricky("CONTACT"), "takes_reports": True, "source": "test"}],
        },
    })


def write_per_band(write: Callable[..., int], packs: dict[str, Pack], folder: Path, stem: str) -> dict[str, Path]:
    """Write one participant document per band's pack into ``folder``; return the paths by band."""
    from facilitator.model import RenderConfig

    paths = {band: folder / f"{stem}-{band}.pdf" for band in packs}
    for band, pack in packs.items():
        write(pack.participant, paths[band], RenderConfig())
    return paths


def build_pack(lib: Library, age: str, minutes: int) -> Pack:
    return assemble(make_plan(lib, parse_audience(age), minutes), lib)


@pytest.fixture
def print_library(make_library: Callable[..., Path]) -> Library:
    """The shared small library plus a scenario, a role-play, tips, a law and a glossary."""
    return load_library([make_library(PRINT_SECTIONS)])


@pytest.fixture
def tricky_library(make_library: Callable[..., Path]) -> Library:
    """The print library with the tricky scenario as its only scenario (so it is the worksheet)."""
    return load_library([make_library({**PRINT_SECTIONS, "story": None, "tricky": tricky_section(), "help": tricky_help()})])


@pytest.fixture
def small_pack(print_library: Library) -> Pack:
    return build_pack(print_library, "13-15", 600)


@pytest.fixture(scope="session")
def shipped_packs(shipped: Library) -> dict[str, Pack]:
    """For every band, a pack with every section the band may see (600 minutes leaves nothing
    out for time)."""
    return {band: build_pack(shipped, band, 600) for band in BANDS}


@pytest.fixture(scope="session")
def hour_packs(shipped: Library) -> dict[str, Pack]:
    """For every band, the pack most people print: the shipped library at 60 minutes."""
    return {band: build_pack(shipped, band, 60) for band in BANDS}


# -- reading PDFs back -------------------------------------------------------------------------


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def font_sizes(path: Path) -> Iterator[tuple[float, int]]:
    """(font size, characters drawn at it) for every text run in the PDF."""
    for page in PdfReader(str(path)).pages:
        yield from _sizes_on(page)


def _sizes_on(page: Any) -> list[tuple[float, int]]:
    runs: list[tuple[float, int]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            # The size in the text matrix scales the Tf size (reportlab sets Tf with a unit matrix).
            runs.append((round(size * (tm[3] if tm else 1), 1), len(text.strip())))

    page.extract_text(visitor_text=visit)
    return runs


def body_size(path: Path) -> float:
    """The type size most characters are set in."""
    totals: dict[float, int] = {}
    for size, count in font_sizes(path):
        totals[size] = totals.get(size, 0) + count
    return max(totals, key=lambda s: totals[s])


# -- reading PDFs back: where and how text is set ---------------------------------------------------

RUNNING_TOP = 56.0
"""Text whose baseline is within this many points of the top of the page is the running header."""
RUNNING_BOTTOM = 76.0
"""Text whose baseline is this low is the running footer (its box and the page number)."""


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: its page (from 1), text, size (as seen on paper, scaling
    included), whether it is bold, its baseline's height, its fill colour (grey level or RGB)
    and whether it belongs to the running header or footer."""

    page: int
    text: str
    size: float
    bold: bool
    y: float
    colour: tuple[float, ...]
    running: bool


def text_runs(path: Path) -> list[Run]:
    """Every text run of the PDF, page by page, in the order drawn."""
    out: list[Run] = []
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        out += _page_runs(page, number)
    return out


def _page_runs(page: Any, number: int) -> list[Run]:
    height = float(page.mediabox.height)
    runs: list[Run] = []
    colour: list[tuple[float, ...]] = [(0.0,)]  # the current fill colour, then the saved ones

    def before(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op in (b"rg", b"g"):
            colour[-1] = tuple(round(float(a), 3) for a in args)
        elif op == b"q":
            colour.append(colour[-1])
        elif op == b"Q" and len(colour) > 1:
            colour.pop()

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text.strip():
            return
        y = tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        running = y > height - RUNNING_TOP or y < RUNNING_BOTTOM
        runs.append(Run(number, text.strip(), round(size * tm[3] * cm[3], 1), "Bold" in name, y, colour[-1], running))

    page.extract_text(visitor_operand_before=before, visitor_text=visit)
    return runs


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def line_segments(path: Path, page_number: int) -> list[tuple[float, float, float, float]]:
    """The straight lines stroked on a page (x0, y0, x1, y1 on the page), transformations
    applied: enough to see where rules and cut marks are."""
    from pypdf.generic import ContentStream

    reader = PdfReader(str(path))
    page = reader.pages[page_number - 1]
    ops = ContentStream(page.get_contents(), reader).operations
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, ...]] = []
    start: tuple[float, float] | None = None
    segments = []

    def apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
        return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]

    for operands, op in ops:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = ctm
            ctm = (a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5])
        elif op == b"m":
            start = apply(ctm, float(operands[0]), float(operands[1]))
        elif op == b"l" and start is not None:
            end = apply(ctm, float(operands[0]), float(operands[1]))
            segments.append((*start, *end))
            start = end
    return segments
