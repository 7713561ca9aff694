"""The command line as a user meets it: readable output, clear errors, exit code 2, no traceback."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facilitator.cli import app

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_sections_for_10_12_lists_only_sections_for_age_10() -> None:
    result = run("sections", "--age", "10-12", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["min_age"] <= 10 for r in rows)
    assert "grooming" in {r["id"] for r in rows}
    assert not any(r["id"] == "scenario-k" for r in rows)


def test_sections_table_and_filters() -> None:
    result = run("sections", "--topic", "grooming", "--kind", "scenario")
    assert result.exit_code == 0
    assert "scenario" in result.stdout and "sections" in result.stdout
    assert run("sections", "--topic", "knitting").exit_code == 2
    assert "kinds: opening, intro" in run("sections", "--kind", "lecture").stderr


def test_show_grooming_differs_by_age_and_hides_facilitator_notes() -> None:
    young, older = run("show", "grooming", "--age", "10-12"), run("show", "grooming", "--age", "16-17")
    assert young.exit_code == older.exit_code == 0
    assert young.stdout != older.stdout
    assert "Facilitator only" not in young.stdout + older.stdout
    assert "Listen for" not in young.stdout
    full = run("show", "grooming", "--age", "10-12", "--facilitator")
    assert "Facilitator only" in full.stdout and "Listen for" in full.stdout


def test_show_refuses_what_the_age_may_not_see_and_safeguarding() -> None:
    assert "would not see it" in run("show", "scenario-k", "--age", "10-12").stdout
    brief = run("show", "safeguarding-brief")
    assert "facilitators only" in brief.stdout and "never promise" not in brief.stdout.lower()


def test_unknown_section_and_bad_age_are_one_line_errors() -> None:
    result = run("show", "grooming-typo")
    assert result.exit_code == 2 and "did you mean grooming" in result.stderr
    bad = run("sections", "--age", "teenagers")
    assert bad.exit_code == 2
    assert bad.stderr.strip().count("\n") == 0 and bad.stderr.startswith("error: --age:")


def test_check_the_shipped_library_is_clean() -> None:
    result = run("check", "--quiet")
    assert result.exit_code == 0
    assert "0 errors" in result.stdout and "all OUTLINE rows covered" in result.stdout


def test_check_a_broken_folder_exits_2_with_file_and_line(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: concept\ntitle: [oops\n", "basics": "id: basics\nkind: concept\ntitle: B\nminutes: x\nmin_age: 10\n"})
    result = run("check", str(folder))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("error: ") and ".yaml:" in line for line in lines)
    assert "Traceback" not in result.output


def test_python_dash_m_runs_without_a_traceback(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: nonsense\ntitle: D\nminutes: 3\nmin_age: 10\n"})
    proc = subprocess.run([sys.executable, "-m", "facilitator", "check", str(folder)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "deeper.yaml:2: kind: 'nonsense' is not allowed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_an_add_on_folder_on_top_of_the_shipped_library(tmp_path: Path) -> None:
    (tmp_path / "local-help.yaml").write_text(
        "id: local-help\nkind: action\ntitle: Local help\nminutes: 3\nmin_age: 10\nrequires: [grooming]\ncolor: red\n", encoding="utf-8"
    )
    result = run("check", "--library", str(tmp_path))
    assert result.exit_code == 2
    assert "local-help.yaml:7: color: is not a known field" in result.stderr
    (tmp_path / "local-help.yaml").write_text("id: local-help\nkind: action\ntitle: Local help\nminutes: 3\nmin_age: 10\nrequires: [grooming]\n", encoding="utf-8")
    assert run("check", "--quiet", "--library", str(tmp_path)).exit_code == 0


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--paper", "a5"], "error: --paper: 'a5' is not a paper size (use a4 or letter)"),
        (["--age", ""], "error: --age: is empty (give a value or leave the option out)"),
        (["--only", "poster"], "error: --only: 'poster' is not an output (the outputs are deck, handout, cards, guide, letter, letter-docx, check, feedback)"),
        (["--start", "25:99"], "error: --start: '25:99' is not a clock time"),
        (["--title", "x" * 300], "error: --title: is 300 characters long"),
    ],
)
def test_options_are_checked_before_the_library_is_loaded(options: list[str], expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import facilitator.loader

    def not_now(*args: object, **kwargs: object) -> None:
        raise AssertionError("the library was loaded before the options were checked")

    monkeypatch.setattr(facilitator.loader, "load_library", not_now)
    result = run("pack", "--out", str(tmp_path / "pack"), *options)
    assert result.exit_code == 2 and result.stderr.startswith(expected), result.stderr
    assert not (tmp_path / "pack").exists()


def test_sections_shows_whole_ids_in_a_narrow_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "60")
    text = run("sections", "--age", "13-15").stdout
    ids = [row["id"] for row in json.loads(run("sections", "--age", "13-15", "--json").stdout)]
    assert len(ids) > 20 and [sid for sid in ids if sid not in text] == []


def test_version_and_an_unknown_output_named_with_a_suggestion() -> None:
    assert run("--version").stdout.startswith("facilitator ")
    refused = run("pack", "--only", "deck,handouts", "--out", "never")
    assert refused.exit_code == 2 and "'handouts' is not an output (did you mean handout?)" in refused.stderr


def test_minutes_that_are_not_a_number_are_said_in_the_tools_words() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "facilitator", "pack", "--minutes", "sixty"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --minutes: is not a whole number (write it in digits, e.g. 60) (see `facilitator pack --help`)"
