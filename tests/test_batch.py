"""``build-all``: several packs in parallel, only what changed rebuilt, one bad pack reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facilitator.batch import read_config
from facilitator.cli import app
from facilitator.errors import FacilitatorError
from facilitator.loader import shipped_sections_dir

runner = CliRunner()

CONFIG = """\
defaults: {minutes: 60, only: [handout]}
packs:
  - {name: juniors, age: 10-12}
  - {name: juniors-45, age: 10-12, minutes: 45}
  - {name: teens, age: 13-15, topics: [sexting]}
  - {name: teens-letter, age: 13-15, topics: [sexting], paper: letter}
  - {name: older, age: 16-17, topics: [sexting]}
  - {name: parents, age: adults}
"""


def states(output: str) -> dict[str, str]:
    """Pack name -> state, from the summary table."""
    rows = [line.strip("│┃ ").split("│") for line in output.splitlines() if line.startswith("│")]
    return {cells[0].strip(): cells[-1].strip() for cells in rows}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build-all")
    (folder / "packs.yaml").write_text(CONFIG, encoding="utf-8")
    # An add-on library holding a copy of one section, so a test can edit it.
    (folder / "local").mkdir()
    shutil.copy(shipped_sections_dir() / "sexting.yaml", folder / "local" / "sexting.yaml")
    return folder


def build_all(workspace: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build-all", str(workspace / "packs.yaml"), "--out", str(workspace / "out"), "--jobs", "2", "--library", str(workspace / "local"), *extra])
    return result.exit_code, result.output


def test_a_config_of_six_packs_builds_with_two_jobs_then_rebuilds_none_then_only_what_an_edit_touches(workspace: Path) -> None:
    code, output = build_all(workspace)
    assert code == 0, output
    assert states(output) == dict.fromkeys(["juniors", "juniors-45", "teens", "teens-letter", "older", "parents"], "built")
    assert all((workspace / "out" / name / "handout.pdf").is_file() for name in states(output))
    index = (workspace / "out" / "index.md").read_text()
    assert "[teens-letter](teens-letter/)" in index
    page = (workspace / "out" / "index.html").read_text()
    assert '<a href="teens-letter/handout.pdf">handout.pdf</a>' in page and '<html lang="en">' in page
    assert "Index: " in output and "index.html" in output

    code, output = build_all(workspace)
    assert code == 0 and set(states(output).values()) == {"unchanged"}, output

    section = workspace / "local" / "sexting.yaml"
    section.write_text(section.read_text().replace("objectives:", "objectives:\n  - Edited for the test.", 1))
    code, output = build_all(workspace)
    rebuilt = {name for name, state in states(output).items() if state == "built"}
    uses_sexting = {name for name in states(output) if "section: sexting," in (workspace / "out" / name / "plan.yaml").read_text()}
    assert rebuilt == uses_sexting == {"teens", "teens-letter", "older"}


def test_one_bad_pack_does_not_stop_the_others_and_exits_1_naming_it(tmp_path: Path) -> None:
    config = tmp_path / "packs.yaml"
    config.write_text("defaults: {minutes: 30, only: [handout]}\npacks:\n  - {name: good, age: 13-15}\n  - {name: bad, plan: missing.yaml}\n", encoding="utf-8")
    with pytest.raises(FacilitatorError, match=r"packs.yaml:4: packs.2.plan: .*missing.yaml is not a file"):
        read_config(config, tmp_path / "out")
    # A pack that fails while building (its topic has no section for its age) is reported, the others built.
    config.write_text("defaults: {minutes: 30, only: [handout]}\npacks:\n  - {name: good, age: 13-15}\n  - {name: bad, age: 10-12, topics: [nonsense]}\n", encoding="utf-8")
    result = runner.invoke(app, ["build-all", str(config), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1
    assert states(result.stdout) == {"good": "built", "bad": "failed"}
    assert "error: bad: --topic: no section for ages 10-12 covers 'nonsense'" in result.stderr
    assert (tmp_path / "out" / "good" / "handout.pdf").is_file() and not (tmp_path / "out" / "bad").exists()
    page = (tmp_path / "out" / "index.html").read_text()
    assert '<a href="good/">' in page and '<a href="bad/">' not in page  # no link to a pack that does not exist
    assert "warning: good: no local contacts" in result.stderr  # each warning the table counts, in words


@pytest.mark.parametrize(
    ("packs", "expected"),
    [
        ("  - {name: one, age: 13-15}\n  - {name: two, colour: red}\n", "packs.yaml:3: packs.2.colour: is not a known field"),
        ("  - name: one\n    age: 13-15\n    paper: a5\n", "packs.yaml:4: packs.1.paper: 'a5' is not a paper size (use a4 or letter)"),
        ("  - {name: one, start: 13:30}\n", "packs.yaml:2: packs.1.start: 810 is not a clock time (YAML read an unquoted time as a number) (put the time in quotes"),
        ("  - {name: one}\n  - {name: one}\n", "packs.yaml:3: packs.2.name: 'one' is already the name of pack 1"),
        ("  - {name: ../up}\n", "packs.yaml:2: packs.1.name: '../up' is not a folder name"),
        ("  - {name: one, age: ''}\n", "packs.yaml:2: packs.1.age: is empty"),
    ],
)
def test_a_config_error_names_file_line_and_field(tmp_path: Path, packs: str, expected: str) -> None:
    config = tmp_path / "packs.yaml"
    config.write_text("packs:\n" + packs, encoding="utf-8")
    with pytest.raises(FacilitatorError) as caught:
        read_config(config, tmp_path / "out")
    [problem] = caught.value.problems
    assert str(problem).startswith(str(config) + expected.removeprefix("packs.yaml")), str(problem)


def test_build_all_builds_packs_in_every_shipped_locale(tmp_path: Path) -> None:
    config = tmp_path / "packs.yaml"
    config.write_text(
        "defaults: {minutes: 60, only: [handout], strict: true}\npacks:\n  - {name: nl, age: 13-15, locale: nl}\n  - {name: fil, age: 10-12, minutes: 45, locale: fil}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build-all", str(config), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert states(result.stdout) == {"nl": "built", "fil": "built"}
