"""The one pipeline: a request rendered in memory, the same bytes for the same inputs, a locale read
once, and the left-out parts worded in the pack's language from reason codes."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator import catalog as catalog_module
from facilitator.build.pipeline import Loaded, build, load, plan_for, render
from facilitator.catalog import read_catalog, write_catalog
from facilitator.errors import FacilitatorError
from facilitator.library import Library
from facilitator.localepack import resolve
from facilitator.request import BuildRequest

PINNED = {
    "deck.pptx": "f70fcf5aeb747f7a7c681547f4ae716ecc56936c5dbe07b8110a1c1e53b40459",
    "handout.pdf": "8d7c239bb2722b949dea7aca8a4258b21aaca04659e7d6575ce1863815a52400",
    "guide.pdf": "eaa5bfbbe0500834c94c2f42d14f6f2201d3baf7fc271ff76616c25463130a09",
}
"""The small library's pack, byte for byte: a change to any writer's output shows here first (and
is then either a bug or a change to pin again, on purpose). The one-pipeline move kept the bytes
the code before it wrote (commit 93f4e1e); the crisis line in the local-contacts slot then changed
the deck's help slide (a taller row of slots) and the handout's help panel; footers name the local
helpline only when there is one (never a directory of helplines); the help slide's note, the
guide's contacts form and what to print, and the worksheet box (key points for a part without a
story) changed after; then the guide's appendix gained the knowledge check's answer key (issue 18)."""


def _text(data: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_render_holds_every_file_in_memory_and_writes_nothing(small_library: Library, tmp_path: Path) -> None:
    out = tmp_path / "never-made"
    rendered = render(BuildRequest.from_options(out_dir=out, age="13-15", minutes=60), Loaded(small_library))
    assert list(rendered.files) == ["deck.pptx", "handout.pdf", "guide.pdf", "letter.pdf", "letter.docx", "check.pdf", "feedback.pdf", "plan.yaml", "manifest.json"]
    assert rendered.empty == {"cards.pdf"}  # the small library has no scenario or role play
    assert rendered.counts["deck.pptx"] > 5 and rendered.about["deck.pptx"] == f"{rendered.counts['deck.pptx']} slides"
    assert not out.exists()


def test_the_small_librarys_pack_is_pinned_byte_for_byte(small_library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    files = render(BuildRequest.from_options(age="13-15", minutes=60, only="deck,handout,guide"), Loaded(small_library)).files
    digests = {name: hashlib.sha256(files[name]).hexdigest() for name in PINNED}
    assert digests == PINNED


def test_a_locale_is_read_once_and_its_catalog_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[Path] = []

    def counted(path: Path, language: str | None = None, folder: Path | None = None):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return read_catalog(path, language, folder)

    monkeypatch.setattr(catalog_module, "read_catalog", counted)
    build(BuildRequest.from_options(out_dir=tmp_path / "nl", locale="nl"))
    assert len(parsed) == 1


def test_the_dutch_guide_says_in_dutch_what_was_left_out_and_why(tmp_path: Path) -> None:
    files = render(BuildRequest.from_options(out_dir=tmp_path, locale="nl", only="guide")).files
    text = " ".join(_text(files["guide.pdf"]).split())
    appendix = text[text.rindex("Niet in deze"):]
    assert "more minutes" not in appendix and "needs" not in appendix and "for ages" not in appendix
    assert " min" in appendix


def test_strict_refuses_a_guide_whose_left_out_titles_would_fall_back(tmp_path: Path) -> None:
    locale = tmp_path / "nl"
    shutil.copytree(resolve("nl"), locale)
    request = BuildRequest.from_options(out_dir=tmp_path / "pack", locale=str(locale), strict=True, only="guide")
    assert request.locale_pack is not None
    plan = plan_for(request, load(request).library)
    left = next(sid for sid, why in plan.left_out if why.code == "time")
    po = read_catalog(locale / "messages.po", "nl")
    message = po.get(next(m.id for m in po if m.context == f"{left}|title|*"), context=f"{left}|title|*")
    message.string = ""
    write_catalog(po, locale / "messages.po")
    with pytest.raises(FacilitatorError) as refused:
        build(BuildRequest.from_options(out_dir=tmp_path / "pack", locale=str(locale), strict=True, only="guide"))
    assert any(f"{left}|title|*" in p.message for p in refused.value.problems)
    assert not (tmp_path / "pack").exists()
