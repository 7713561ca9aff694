"""`facilitator verify`: a pack is checked against its manifest before printing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facilitator.build.pipeline import build
from facilitator.cli import app
from facilitator.request import BuildRequest
from facilitator.verify import verify_pack

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pack (handout only: a PDF, plan.yaml and the manifest), built once."""
    out = tmp_path_factory.mktemp("verify") / "pack"
    build(BuildRequest.from_options(out_dir=out, only="handout"))
    return out


@pytest.fixture
def pack(built: Path, tmp_path: Path) -> Path:
    """A copy of the pack to change."""
    return Path(shutil.copytree(built, tmp_path / "pack"))


def verify(folder: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["verify", str(folder)])
    return result.exit_code, result.stdout, result.stderr


def test_a_fresh_pack_verifies(pack: Path) -> None:
    code, stdout, _stderr = verify(pack)
    assert code == 0, stdout
    assert "All 2 files" in stdout and "match" in stdout


def test_one_changed_byte_in_a_pdf_fails_naming_the_file(pack: Path) -> None:
    pdf = pack / "handout.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    code, stdout, _stderr = verify(pack)
    assert code == 1
    assert "handout.pdf: changed since the pack was built (sha256 differs)" in stdout.splitlines()
    assert "1 problem" in stdout


def test_a_deleted_file_is_named(pack: Path) -> None:
    (pack / "plan.yaml").unlink()
    code, stdout, _stderr = verify(pack)
    assert code == 1
    assert any(line.startswith("plan.yaml: missing") for line in stdout.splitlines())


def test_an_unlisted_output_fails_and_a_persons_own_file_is_only_noted(pack: Path) -> None:
    (pack / "notes.txt").write_text("bring the question box")
    code, stdout, _stderr = verify(pack)
    assert code == 0 and "note: notes.txt" in stdout
    (pack / "cards.pdf").write_bytes(b"%PDF- from an earlier build")
    code, stdout, _stderr = verify(pack)
    assert code == 1 and "cards.pdf: not in the manifest" in stdout


def test_a_folder_without_a_manifest_is_bad_input(pack: Path, tmp_path: Path) -> None:
    (pack / "manifest.json").unlink()
    for folder in (pack, tmp_path / "no-such-folder"):
        code, stdout, stderr = verify(folder)
        assert code == 2, stdout
        assert stderr.startswith("error: ") and len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


@pytest.mark.parametrize(
    "manifest",
    [
        '{"files": ',  # not JSON
        "[]",
        '{"files": {}}',
        '{"files": {"../../etc/passwd": {"sha256": "' + "0" * 64 + '"}}}',  # never outside the folder
        '{"files": {"plan.yaml": {"sha256": "not a hash"}}}',
        '{"files": {"plan.yaml": {"sha256": "' + "0" * 64 + '", "bytes": -1}}}',
    ],
)
def test_a_broken_manifest_is_bad_input(pack: Path, manifest: str) -> None:
    (pack / "manifest.json").write_text(manifest)
    code, _stdout, stderr = verify(pack)
    assert code == 2
    assert stderr.startswith("error: ") and "manifest.json" in stderr and "Traceback" not in stderr


def test_the_report_lists_what_was_checked(built: Path) -> None:
    report = verify_pack(built)
    assert report.ok and set(report.checked) == set(json.loads((built / "manifest.json").read_text())["files"])


def test_a_deck_edited_by_hand_is_told_from_a_damaged_one(tmp_path: Path) -> None:
    from pptx import Presentation

    out = tmp_path / "pack"
    build(BuildRequest.from_options(out_dir=out, only="deck"))
    prs = Presentation(str(out / "deck.pptx"))
    prs.slides[0].shapes.title.text_frame.text = "Typed over by hand"
    prs.save(str(out / "deck.pptx"))
    edited = verify_pack(out).problems[0].message
    assert "edited and saved by a program" in edited and "--contacts" in edited
    (out / "deck.pptx").write_bytes((out / "deck.pptx").read_bytes()[:2000])
    damaged = verify_pack(out).problems[0].message
    assert "no longer opens as a slide deck" in damaged
