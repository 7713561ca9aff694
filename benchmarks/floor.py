"""The floor for ``facilitator pack``: the least work that writes a pack of the same size.

A plain script that imports python-pptx and reportlab and writes a deck with the given number of
slides (a title, bullets and speaker notes on each) and PDFs with the given numbers of pages of
plain paragraphs (``Paragraph`` + ``SimpleDocTemplate``). No planning, no text fitting, no checks:
whatever ``facilitator pack`` takes beyond this is the price of what it does on top.

    python benchmarks/floor.py --out DIR --slides 27 --pdf handout.pdf=3 --pdf guide.pdf=24 \
        [--text slides.json] [--font DejaVuSans.ttf]

``--text`` is a JSON list of ``{"title", "paras", "notes"}`` (the pack's own slide text, so both
sides set the same words); without it, lorem-like text is used. ``--font`` embeds a TrueType font
as the pack does (DejaVu Sans); without it, Helvetica. Prints the counts written, as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.util import Inches
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

LOREM = (
    "Some people online pretend to be someone else. If a message makes you feel uneasy, stop, "
    "keep it, and tell an adult you trust. It is never your fault when someone lies to you."
)
PAGE_BUDGET = 560.0
"""Points of text per page, by a rough estimate: well under the 698 pt an A4 page with 1-inch
margins holds, so each page's text ends on that page and the page count is exact."""
CHARS_PER_LINE = 80
CHUNK_WORDS = 60


def slide_texts(path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        return [{"title": f"Slide {i + 1}", "paras": [LOREM] * 4, "notes": [LOREM] * 3} for i in range(10)]
    texts: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return texts


def write_deck(path: Path, slides: int, texts: list[dict[str, Any]]) -> int:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)  # 16:9, like the pack's deck
    layout = prs.slide_layouts[1]  # "Title and Content"
    for spec in itertools.islice(itertools.cycle(texts), slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = spec["title"]
        body = slide.placeholders[1].text_frame
        body.text = spec["paras"][0] if spec["paras"] else ""
        for text in spec["paras"][1:]:
            body.add_paragraph().text = text
        slide.notes_slide.notes_text_frame.text = "\n".join(spec["notes"])
    prs.save(str(path))
    return len(prs.slides)


def write_pdf(path: Path, pages: int, texts: list[str], font: str) -> int:
    style = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=6)
    # Short pieces, so no one paragraph can overflow a page.
    chunks = [" ".join(words[i : i + CHUNK_WORDS]) for words in (t.split() for t in texts) for i in range(0, len(words), CHUNK_WORDS)]
    pool = itertools.cycle(chunks)
    story: list[Any] = []
    for page in range(pages):
        height = 0.0
        while True:
            text = next(pool)
            height += -(-len(text) // CHARS_PER_LINE) * style.leading + style.spaceAfter
            if height > PAGE_BUDGET:
                break
            # Paragraph parses XML-like markup; the pack's text is plain.
            story.append(Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), style))
        if page < pages - 1:
            story.append(PageBreak())
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=path.stem)
    doc.build(story)
    return int(doc.page)  # the last page's number: how many pages were written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--slides", type=int, required=True)
    parser.add_argument("--pdf", action="append", default=[], metavar="NAME=PAGES")
    parser.add_argument("--text", type=Path)
    parser.add_argument("--font", type=Path)
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    texts = slide_texts(args.text)
    font = "Helvetica"
    if args.font:
        pdfmetrics.registerFont(TTFont("Body", str(args.font)))
        font = "Body"
    paragraphs = [t for spec in texts for t in [*spec["paras"], *spec["notes"]] if t.strip()] or [LOREM]
    counts = {"deck.pptx": write_deck(args.out / "deck.pptx", args.slides, texts)}
    for entry in args.pdf:
        name, pages = entry.split("=")
        counts[name] = write_pdf(args.out / name, int(pages), paragraphs, font)
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main()
