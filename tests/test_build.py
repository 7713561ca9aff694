"""Writing a pack: all files or none, a manifest with hashes, and clear errors for bad folders."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facilitator.build import pipeline, publish
from facilitator.cli import app
from facilitator.errors import FacilitatorError, Problem

runner = CliRunner()


def test_the_default_pack_has_a_deck_plan_and_manifest(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = runner.invoke(app, ["pack", "--only", "deck", "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    minutes = manifest["plan"]["minutes"]
    assert 55 <= minutes <= 60 and f"ages 13-15: {minutes} minutes" in result.stdout
    for name in ("deck.pptx", "plan.yaml"):
        assert manifest["files"][name]["sha256"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert manifest["plan"]["age"] == "13-15" and manifest["tool"].startswith("facilitator ")
    assert not [p for p in out.iterdir() if p.name.startswith(".facilitator-")]


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for name in ("a", "b"):
        assert runner.invoke(app, ["pack", "--age", "10-12", "--minutes", "45", "--out", str(tmp_path / name)]).exit_code == 0
    files = json.loads((tmp_path / "a" / "manifest.json").read_text())["files"]
    assert {"deck.pptx", "handout.pdf", "guide.pdf", "plan.yaml"} <= set(files)
    for name in [*files, "manifest.json"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_failing_writer_leaves_the_existing_pack_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pack"
    assert runner.invoke(app, ["pack", "--only", "deck", "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(pack, out, config):  # type: ignore[no-untyped-def]
        out.write(b"half a deck")
        raise FacilitatorError(Problem(field="deck", message="broke on purpose"))

    monkeypatch.setattr(pipeline, "writer_of", lambda output: broken)
    result = runner.invoke(app, ["pack", "--only", "deck", "--age", "16-17", "--out", str(out)])
    assert result.exit_code == 2 and "broke on purpose" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (as in CI) may write anywhere, so the refusal is simulated where the pack is staged.
    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(publish.tempfile, "mkdtemp", refuse)
    result = runner.invoke(app, ["pack", "--only", "deck", "--out", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert "cannot write here: Permission denied (choose another folder with --out)" in result.stderr
    assert not (tmp_path / "pack").exists()


def test_an_out_path_that_is_a_file_or_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep me")
    for out in (blocker, blocker / "pack"):
        result = runner.invoke(app, ["pack", "--only", "deck", "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("error: ") and "Traceback" not in result.output
    assert blocker.read_text() == "keep me"


def test_pack_builds_an_edited_plan_exactly(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    assert runner.invoke(app, ["plan", "--age", "10-12", "--minutes", "45", "-o", str(plan)]).exit_code == 0
    text = re.sub(r"\{section: closing, minutes: \d+\}", "{section: closing, minutes: 9}", plan.read_text())
    plan.write_text(text)
    out = tmp_path / "pack"
    result = runner.invoke(app, ["pack", str(plan), "--only", "deck", "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert {"section": "closing", "minutes": 9} in manifest["plan"]["blocks"]
    assert runner.invoke(app, ["pack", str(plan), "--age", "13-15"]).exit_code == 2


def test_minutes_too_short_is_refused_with_the_minimum() -> None:
    result = runner.invoke(app, ["pack", "--minutes", "10"])
    assert result.exit_code == 2 and "give at least" in result.stderr


def test_only_names_known_outputs() -> None:
    result = runner.invoke(app, ["pack", "--only", "poster"])
    assert result.exit_code == 2 and "--only" in result.stderr


def test_paper_and_large_print_reach_the_printables(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "pack"
    result = runner.invoke(app, ["pack", "--only", "handout,cards", "--paper", "letter", "--large-print", "--out", str(out)])
    assert result.exit_code == 0, result.output
    box = PdfReader(str(out / "handout.pdf")).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)
    assert json.loads((out / "manifest.json").read_text())["inputs"]["large_print"] is True
    assert runner.invoke(app, ["pack", "--paper", "a5"]).exit_code == 2


@pytest.mark.parametrize("after", [0.3, 0.8, 1.5, 3.0])
def test_a_terminated_build_leaves_no_staging_folder_and_no_pack(tmp_path: Path, after: float) -> None:
    """Stopped at any moment, a build leaves either nothing or a whole pack: never a staging
    folder, never part of a pack. Early stops (while rendering in memory) leave nothing; a stop
    that lands after the swap, or after the end, leaves the whole pack."""
    import signal
    import subprocess
    import sys
    import time

    from facilitator.verify import verify_pack

    proc = subprocess.Popen([sys.executable, "-m", "facilitator", "pack", "--minutes", "300", "--large-print", "--out", str(tmp_path / "pack")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(after)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert not [name for name in left if name.startswith(".facilitator-")], (left, err)
    if left:
        assert left == ["pack"] and not verify_pack(tmp_path / "pack").problems, (left, err)
        assert proc.returncode in (0, 128 + signal.SIGTERM), err
    else:  # stopped before the pack was published: by the tool's handler, or before it was set up
        assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM), err
    if after < 0.5:  # a pack takes longer than this to render: the stop always comes first
        assert left == [], (left, err)


def test_a_build_never_overwrites_the_plan_file_it_was_given(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    assert runner.invoke(app, ["plan", "-o", str(tmp_path / "first.yaml")]).exit_code == 0
    out.mkdir()
    edited = (tmp_path / "first.yaml").read_text() + "# my own note, kept\n"
    (out / "plan.yaml").write_text(edited, encoding="utf-8")
    result = runner.invoke(app, ["pack", str(out / "plan.yaml"), "--only", "handout", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "plan.yaml").read_text() == edited
