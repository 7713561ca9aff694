"""Hostile and broken input never crashes the tool: every case exits 2 with one line naming where
and what is wrong, no traceback, and the output folder exactly as it was.

Each case is run as a user runs it (``facilitator.cli.main`` with its arguments) against an output
folder that already holds an earlier pack.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.cli import main

GOOD_SECTION = """\
id: local-law
kind: law
title: Our national law
topics: [law]
min_age: 13
minutes: 5
one_text: true
participant:
  body: The law protects children.
"""
GOOD_PLAN = """\
age: 13-15
start: "09:00"
blocks:
  - {section: welcome, minutes: 3}
  - {section: ground-rules, minutes: 4}
  - {section: content-note, minutes: 2}
  - {section: question-box, minutes: 3}
  - {section: where-to-get-help, minutes: 5}
  - {section: closing, minutes: 5}
"""


@dataclass
class Case:
    args: list[str]
    expected: str
    """Text the one error line must contain."""
    files: dict[str, str | bytes] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    """Link name -> target (a path outside the workspace: ``/OUTSIDE``)."""
    before: Callable[[Path], None] | None = None
    fifos: tuple[str, ...] = ()
    """Named pipes to make (nothing ever writes to them: reading one would hang)."""


def section(text: str) -> dict[str, str | bytes]:
    return {"lib/local-law.yaml": text}


def plan(text: str) -> dict[str, str | bytes]:
    return {"plan.yaml": text}


LIB = ["pack", "--only", "handout", "--library", "lib"]
PLAN = ["pack", "plan.yaml", "--only", "handout"]
CONFIG = ["build-all", "packs.yaml"]

CASES: dict[str, Case] = {
    # -- sections ----------------------------------------------------------------------------------
    "section: unclosed bracket is reported where it opens": Case(LIB, "local-law.yaml:3: is not valid YAML", section("id: local-law\nkind: law\ntitle: [oops\nminutes: 3\n")),
    "section: unclosed quote is reported where it opens": Case(LIB, "local-law.yaml:3: has a quote that is never closed",
                                                                 section('id: local-law\nkind: law\ntitle: "Our law\nminutes: 3\nmin_age: 13\n')),
    "section: billion laughs": Case(LIB, "local-law.yaml:1: uses a YAML anchor or alias",
                                    section("a: &a ['lol', 'lol']\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n")),
    "section: recursive alias": Case(LIB, "local-law.yaml:1: uses a YAML anchor or alias", section("a: &a [*a]\n")),
    "section: nested 5000 deep": Case(LIB, "local-law.yaml:1: nests more than", section("x: " + "[" * 5000 + "]" * 5000 + "\n")),
    "section: python tag": Case(LIB, "local-law.yaml:1: x: uses the tag", section('x: !!python/object/apply:os.system ["echo hi"]\n')),
    "section: list as a key": Case(LIB, "local-law.yaml:1: has a list or mapping as a key", section("[1]: x\n")),
    "section: impossible date": Case(LIB, "local-law.yaml:2: '2026-13-45' is not a real date", section("id: local-law\nwhen: 2026-13-45\n")),
    "section: control character": Case(LIB, "local-law.yaml:2: holds a character YAML does not allow (U+0001)", section("id: local-law\ntitle: a\x01b\n")),
    "section: not UTF-8 on line 3": Case(LIB, "local-law.yaml:3: is not UTF-8 text", {"lib/local-law.yaml": b"id: local-law\nkind: law\ntitle: \xff\n"}),
    "section: duplicate key": Case(LIB, "local-law.yaml:2: id: appears twice", section("id: local-law\nid: other\n")),
    "section: unknown field": Case(LIB, "local-law.yaml:10: colour: is not a known field", section(GOOD_SECTION + "colour: red\n")),
    "section: wrong type": Case(LIB, "local-law.yaml:6: minutes:", section(GOOD_SECTION.replace("minutes: 5", "minutes: ten"))),
    "section: empty text": Case(LIB, "local-law.yaml:3: title: is empty", section(GOOD_SECTION.replace("title: Our national law", 'title: ""'))),
    "section: unknown requires": Case(LIB, "requires: 'nowhere' is not a section", section(GOOD_SECTION + "requires: [nowhere]\n")),
    "section: id is not the file name": Case(LIB, "local-law.yaml:1: id: 'other-law' does not match the file name", section(GOOD_SECTION.replace("id: local-law", "id: other-law"))),
    "section: unknown kind": Case(LIB, "local-law.yaml:2: kind: 'poster' is not allowed", section(GOOD_SECTION.replace("kind: law", "kind: poster"))),
    "section: a band without its text": Case(["check", "--quiet", "--library", "lib"], "participant.body [adults]: has no text for adults",
                                             section(GOOD_SECTION.replace("one_text: true\n", "").replace("  body: The law protects children.", "  body:\n    13-15: The law protects children.\n    16-17: The law protects you."))),
    "section: link to a file outside the folder": Case(LIB, "local-law.yaml: is a link to a file outside its folder", links={"lib/local-law.yaml": "/OUTSIDE"}),
    "section: library folder missing": Case(["pack", "--library", "nowhere"], "--library: nowhere is not a folder"),
    # -- plans ---------------------------------------------------------------------------------------
    "plan: unquoted time": Case(PLAN, "plan.yaml:2: start: 810 is not a clock time", plan(GOOD_PLAN.replace('"09:00"', "13:30"))),
    "plan: topics of the wrong type": Case(PLAN, "plan.yaml:3: topics: must be a list of topic words", plan(GOOD_PLAN.replace("blocks:", "topics: 5\nblocks:"))),
    "plan: unknown section": Case(PLAN, "plan.yaml:4: blocks.1: 'nowhere' is not a section", plan(GOOD_PLAN.replace("section: welcome", "section: nowhere"))),
    "plan: section above the age": Case(PLAN, "plan.yaml:6: blocks.3: 'signs-of-harm' is for ages 18+", plan(GOOD_PLAN.replace("section: content-note, minutes: 2", "section: signs-of-harm, minutes: 8"))),
    "plan: impossible date": Case(PLAN, "plan.yaml:2: '2026-13-45' is not a real date", plan("age: 13-15\ndate: 2026-13-45\n")),
    "plan: no blocks": Case(PLAN, "plan.yaml:1: blocks: is missing", plan("age: 13-15\n")),
    "plan: not a plan": Case(PLAN, "plan.yaml:1: is not a plan", plan("- just\n- a list\n")),
    "plan: empty age": Case(PLAN, "plan.yaml:1: age:", plan(GOOD_PLAN.replace("age: 13-15", "age: ''"))),
    "plan: file missing": Case(["pack", "missing.yaml"], "PLAN.yaml: missing.yaml is not a file"),
    "plan: combined with --age": Case(PLAN + ["--age", "10-12"], "--age: cannot be combined with a plan file", plan(GOOD_PLAN)),
    # -- build configs -----------------------------------------------------------------------------
    "config: unknown field": Case(CONFIG, "packs.yaml:2: packs.1.colour: is not a known field", {"packs.yaml": "packs:\n  - {name: one, colour: red}\n"}),
    "config: bad paper": Case(CONFIG, "packs.yaml:2: packs.1.paper: 'a5' is not a paper size", {"packs.yaml": "packs:\n  - {name: one, paper: a5}\n"}),
    "config: duplicate pack names": Case(CONFIG, "packs.yaml:3: packs.2.name: 'one' is already the name of pack 1", {"packs.yaml": "packs:\n  - {name: one}\n  - {name: one}\n"}),
    "config: broken YAML": Case(CONFIG, "packs.yaml:2: is not valid YAML", {"packs.yaml": "packs:\n  - {name: one\n"}),
    "config: name leaves the folder": Case(CONFIG, "packs.1.name: '../up' is not a folder name", {"packs.yaml": "packs:\n  - {name: ../up}\n"}),
    # -- templates -----------------------------------------------------------------------------------
    "template: missing": Case(["pack", "--template", "ngo.pptx"], "--template: ngo.pptx does not exist"),
    "template: a folder": Case(["pack", "--template", "lib"], "--template: lib is a folder", {"lib/.keep": ""}),
    "template: not a pptx": Case(["pack", "--only", "deck", "--template", "ngo.pptx"], "ngo.pptx: --template: is not a PowerPoint (.pptx) file", {"ngo.pptx": "not a deck"}),
    # -- options -------------------------------------------------------------------------------------
    "option: empty age": Case(["pack", "--age", ""], "--age: is empty"),
    "option: age under 10": Case(["pack", "--age", "8"], "--age: '8' includes ages under 10"),
    "option: unknown paper": Case(["pack", "--paper", "a5"], "--paper: 'a5' is not a paper size"),
    "option: unknown output": Case(["pack", "--only", "poster"], "--only: 'poster' is not an output (the outputs are deck, handout, cards, guide"),
    "option: too few minutes": Case(["pack", "--minutes", "5"], "--minutes: 5 minutes cannot hold the opening"),
    "option: unknown topic": Case(["pack", "--topic", "nonsense"], "--topic: no section for ages 13-15 covers 'nonsense'"),
    "option: title too long": Case(["pack", "--title", "x" * 300], "--title: is 300 characters long"),
    "option: impossible time": Case(["pack", "--start", "25:99"], "--start: '25:99' is not a clock time"),
    "option: impossible date": Case(["pack", "--date", "2026-13-45"], "--date: '2026-13-45' is not a date"),
    "option: empty output folder": Case(["pack", "--out", ""], "--out: is empty"),
    "option: minutes not a number": Case(["pack", "--minutes", "ten"], "--minutes: is not a whole number (write it in digits, e.g. 60)"),
    "option: unknown option": Case(["pack", "--colour", "red"], "No such option: --colour"),
    # -- environment -------------------------------------------------------------------------------
    "env: SOURCE_DATE_EPOCH not a number": Case(["pack"], "SOURCE_DATE_EPOCH: 'abc' is not a whole number", env={"SOURCE_DATE_EPOCH": "abc"}),
    "env: SOURCE_DATE_EPOCH after 2107": Case(["pack"], "SOURCE_DATE_EPOCH: 99999999999 is outside 1980-2107", env={"SOURCE_DATE_EPOCH": "99999999999"}),
    "env: SOURCE_DATE_EPOCH negative": Case(["pack"], "SOURCE_DATE_EPOCH: -5 is outside 1980-2107", env={"SOURCE_DATE_EPOCH": "-5"}),
    # -- the output folder ---------------------------------------------------------------------------
    "out: a file, not a folder": Case(["pack", "--only", "handout", "--out", "notes.txt"], "notes.txt: --out: is a file, not a folder", {"notes.txt": "mine"}),
    "out: a document's name is a folder": Case(["pack", "--only", "deck"], "deck.pptx: --out: is in the way", before=lambda out: (out / "deck.pptx").unlink() or (out / "deck.pptx").mkdir()),
}


def snapshot(folder: Path) -> dict[str, bytes | str | None]:
    """Every entry under ``folder``: a file's bytes, a link's target (never followed), else None."""
    return {str(p.relative_to(folder)): (str(p.readlink()) if p.is_symlink() else p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_one_clear_line_exit_2_and_nothing_written(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(CASES[name], tmp_path, monkeypatch, capsys)


def run_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Run ``case`` as a user would and hold the promise: exit 2, one line, nothing written."""
    import os

    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "placeholder-law.yaml").write_text(GOOD_SECTION.replace("local-law", "placeholder-law"), encoding="utf-8")
    outside = tmp_path.parent / f"outside-{tmp_path.name}.yaml"
    outside.write_text("root: x\nsecret: $6$do-not-print\n", encoding="utf-8")
    for rel, content in case.files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(textwrap.dedent(content), encoding="utf-8")
    for rel, target in case.links.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).symlink_to(outside if target == "/OUTSIDE" else target if target.startswith("/") else tmp_path / target)
    for rel in case.fifos:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(tmp_path / rel)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    # The folder the pack goes to (default and build-all's) already holds an earlier pack.
    for out in (tmp_path / "session-pack", tmp_path / "session-packs"):
        out.mkdir()
        for doc in ("deck.pptx", "handout.pdf", "plan.yaml", "manifest.json"):
            (out / doc).write_text(f"the earlier {doc}", encoding="utf-8")
        if case.before:
            case.before(out)
    before = snapshot(tmp_path)
    monkeypatch.setattr(sys, "argv", ["facilitator", *case.args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    assert exited.value.code == 2, captured
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert case.expected in lines[0], lines[0]
    assert "Traceback" not in captured.err + captured.out
    assert "do-not-print" not in captured.err + captured.out
    assert snapshot(tmp_path) == before
