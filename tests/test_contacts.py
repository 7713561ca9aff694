"""Local help as an input of its own: a contacts file prints its numbers on every participant
page and slide, is kept in plan.yaml so a rebuild keeps it, and is refused with its line when a
contact has no source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from typer.testing import CliRunner

from facilitator.cli import app

runner = CliRunner()
UK = """\
contacts:
  - role: helpline
    name: Childline
    phone: "0800 1111"
    source: {name: "a test's own fixture", date: 2026-12-02}
  - role: emergency
    name: Emergency services
    phone: "999"
    source: {name: "a test's own fixture", date: 2026-12-02}
  - role: crisis
    name: Samaritans
    phone: "116 123"
    source: {name: "a test's own fixture", date: 2026-12-02}
"""


@pytest.fixture(scope="module")
def uk_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("uk")
    (folder / "uk.yaml").write_text(UK, encoding="utf-8")
    result = runner.invoke(app, ["pack", "--contacts", str(folder / "uk.yaml"), "--out", str(folder / "pack")])
    assert result.exit_code == 0, result.output
    return folder / "pack", result.stderr


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]


def test_every_participant_page_and_slide_prints_the_helpline(uk_pack: tuple[Path, str]) -> None:
    pack, _stderr = uk_pack
    for slide in Presentation(str(pack / "deck.pptx")).slides:
        text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert "0800 1111" in text, slide.name  # the footer of every slide
        if slide.name == "help":
            assert "999" in text and "116 123" in text and "____" not in text
    for name in ("handout.pdf", "cards.pdf"):
        for page in _pages(pack / name):
            assert "0800 1111" in page, name
    cards = _pages(pack / "cards.pdf")[0]
    assert cards.count("Child helpline: 0800 1111") >= 2  # on every card, not just the footer


def test_an_english_pack_for_a_country_warns_of_nothing_untranslated(uk_pack: tuple[Path, str]) -> None:
    _pack, stderr = uk_pack
    assert "untranslated" not in stderr and "no local contacts" not in stderr


def test_a_rebuild_from_the_written_plan_keeps_the_numbers(uk_pack: tuple[Path, str], tmp_path: Path) -> None:
    pack, _stderr = uk_pack
    assert re.search(r"^contacts: \.\./uk\.yaml$", (pack / "plan.yaml").read_text(encoding="utf-8"), re.M)
    again = tmp_path / "again"
    assert runner.invoke(app, ["pack", str(pack / "plan.yaml"), "--out", str(again)]).exit_code == 0
    assert (again / "deck.pptx").read_bytes() == (pack / "deck.pptx").read_bytes()


def test_without_contacts_the_build_says_once_how_to_add_them(tmp_path: Path) -> None:
    result = runner.invoke(app, ["pack", "--only", "handout", "--out", str(tmp_path / "p")])
    assert result.exit_code == 0 and result.stderr.count("no local contacts") == 1
    assert "facilitator contacts init" in result.stderr


def test_a_contact_without_a_source_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("contacts:\n  - role: helpline\n    name: Somewhere\n    phone: '123'\n", encoding="utf-8")
    result = runner.invoke(app, ["pack", "--contacts", str(bad), "--out", str(tmp_path / "p")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{bad}:2: contacts.0.source" in result.stderr
    assert not (tmp_path / "p").exists()


def test_contacts_init_names_what_to_look_up_and_no_number(tmp_path: Path) -> None:
    path = tmp_path / "ke.yaml"
    result = runner.invoke(app, ["contacts", "init", "--country", "ke", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "KE" in text and "role: helpline" in text and "source:" in text
    assert not re.search(r"\d{3}", text.replace("2026-12-02", "")), "a starter file never holds a number"
    assert runner.invoke(app, ["contacts", "init", str(path)]).exit_code == 2  # never overwritten


def test_an_unchanged_pack_with_contacts_is_not_rebuilt(tmp_path: Path) -> None:
    from facilitator.build.pipeline import build
    from facilitator.request import BuildRequest

    (tmp_path / "uk.yaml").write_text(UK, encoding="utf-8")
    request = BuildRequest.from_options(out_dir=tmp_path / "pack", only="handout", contacts=tmp_path / "uk.yaml")
    assert not build(request, skip_unchanged=True).unchanged
    assert build(request, skip_unchanged=True).unchanged  # what build-all does on a second run
