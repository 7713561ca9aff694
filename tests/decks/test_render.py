"""Decks as LibreOffice shows them: every band's deck and a template deck, rendered to PDF with the
machine's fonts and again with only DejaVu fonts (a Linux laptop without Arial), never put a line
of text off the slide or on top of another.

Needs LibreOffice (``soffice``) and poppler (``pdftotext``): skipped with a message saying what to
install when they are missing, except in CI (``CI=true``), where a missing tool fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from itertools import combinations
from pathlib import Path

import pytest

from facilitator.library import Library
from tests.decks.test_writer import BANDS, build, ngo_template

TOOLS = ("soffice", "pdftotext")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
"""
TOLERANCE = 1.0
"""Points of slack for rounding in the PDF's coordinates."""


def _tools_or_skip() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        message = f"{', '.join(missing)} not installed: apt-get install -y libreoffice-impress poppler-utils"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def decks(shipped: Library, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    _tools_or_skip()
    folder = tmp_path_factory.mktemp("render")
    paths = []
    for band in BANDS:
        paths.append(folder / f"deck-{band}.pptx")
        build(shipped, band, 60, paths[-1])
    paths.append(folder / "deck-template.pptx")
    build(shipped, "13-15", 60, paths[-1], template=ngo_template(folder / "ngo.pptx"))
    return paths


def render(decks: list[Path], out: Path, dejavu_only: bool) -> list[Path]:
    """Convert ``decks`` to PDFs in ``out`` with one LibreOffice run."""
    out.mkdir(exist_ok=True)
    env = dict(os.environ)
    if dejavu_only:
        conf = out / "fonts.conf"
        conf.write_text(FONTS_CONF.format(cache=out / "fc-cache"), encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
    profile = out / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", str(out), *map(str, decks)],
        check=True, capture_output=True, env=env, timeout=600,
    )
    return [out / f"{d.stem}.pdf" for d in decks]


def text_lines(pdf: Path) -> list[tuple[int, float, float, list[tuple[float, float, float, float, str]]]]:
    """For each page: its number, width, height and every text line's box and words."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for number, page in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S), 1):
        lines = []
        for line in re.finditer(r'<line xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</line>', page.group(3), re.S):
            words = " ".join(re.findall(r">([^<]*)</word>", line.group(5)))
            lines.append((float(line.group(1)), float(line.group(2)), float(line.group(3)), float(line.group(4)), words))
        pages.append((number, float(page.group(1)), float(page.group(2)), lines))
    return pages


def overlap(a: tuple[float, float, float, float, str], b: tuple[float, float, float, float, str]) -> float:
    """How much of the shorter line's height two line boxes share where they meet side by side
    (0 to 1). A line's box runs from its ascenders to its descenders, so lines set one under the
    other share a sliver (about a quarter at single spacing); more means text on text."""
    width = min(a[2], b[2]) - max(a[0], b[0]) - TOLERANCE
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    return height / min(a[3] - a[1], b[3] - b[1])


MAX_SHARED = 0.3


@pytest.mark.parametrize("dejavu_only", [False, True], ids=["machine fonts", "DejaVu only"])
def test_no_text_line_leaves_its_slide_or_overlaps_another(decks: list[Path], tmp_path: Path, dejavu_only: bool) -> None:
    problems = []
    for pdf in render(decks, tmp_path, dejavu_only):
        for number, width, height, lines in text_lines(pdf):
            for x0, y0, x1, y1, words in lines:
                if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > width + TOLERANCE or y1 > height + TOLERANCE:
                    problems.append(f"{pdf.stem} slide {number}: '{words}' leaves the slide")
            for a, b in combinations(lines, 2):
                if overlap(a, b) > MAX_SHARED:
                    problems.append(f"{pdf.stem} slide {number}: '{a[4]}' overlaps '{b[4]}'")
    assert problems == []
