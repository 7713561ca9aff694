"""YAML is read once, with libyaml when PyYAML has it: the same data and the same error lines as
the pure-Python parser, and hostile files refused with one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from facilitator.errors import FacilitatorError
from facilitator.loader import section_files, shipped_sections_dir
from facilitator.yamlfile import MAX_DEPTH, read_yaml

PARSERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if getattr(yaml, "__with_libyaml__", False) else [])

BROKEN: dict[str, tuple[bytes, str]] = {
    "alias": (b"a: &x [1, 2]\nb: *x\n", "bad.yaml:1: uses a YAML anchor or alias"),
    "recursive alias": (b"a: &a [*a]\n", "bad.yaml:1: uses a YAML anchor or alias"),
    "billion laughs": (b"a: &a ['lol', 'lol']\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", "bad.yaml:1: uses a YAML anchor or alias"),
    "deep": (b"x: " + b"[" * 5000 + b"]" * 5000 + b"\n", f"bad.yaml:1: nests more than {MAX_DEPTH} levels deep"),
    "python tag": (b'x: !!python/object/apply:os.system ["echo hi"]\n', "bad.yaml:1: x: uses the tag tag:yaml.org,2002:python/object/apply:os.system"),
    "list as key": (b"[1]: x\n", "bad.yaml:1: has a list or mapping as a key"),
    "impossible date": (b"date: 2026-13-45\n", "bad.yaml:1: '2026-13-45' is not a real date"),
    "control character": (b"a: b\x01c\n", "bad.yaml:1: holds a character YAML does not allow (U+0001)"),
    "unclosed quote": (b'a: b\nc: "unclosed\nd: e\nf: g\n', "bad.yaml:2: has a quote that is never closed"),
    "not UTF-8": (b"a: b\nc: \xff\n", "bad.yaml:2: is not UTF-8 text"),
    "duplicate key": (b"a: 1\na: 2\n", "bad.yaml:2: a: appears twice"),
    "bad indentation": (b"a:\n  b: 1\n c: 2\n", "bad.yaml:3: is not valid YAML"),
}


def test_both_parsers_give_identical_data_and_lines_for_the_shipped_library() -> None:
    for path in section_files(shipped_sections_dir()):
        results = [read_yaml(path, parser) for parser in PARSERS]
        assert all(r == results[0] for r in results), path
        assert results[0][0] == yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
def test_a_broken_or_hostile_file_is_one_line_naming_file_and_line(tmp_path: Path, case: str, parser: type[yaml.SafeLoader]) -> None:
    content, expected = BROKEN[case]
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(FacilitatorError) as caught:
        read_yaml(path, parser)
    [problem] = caught.value.problems
    assert str(problem).startswith(str(path) + expected.removeprefix("bad.yaml")), str(problem)


def test_a_file_too_large_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n")
    with pytest.raises(FacilitatorError, match="larger than the 100 a YAML file may be"):
        read_yaml(path)


@pytest.mark.parametrize("command", [["--help"], ["sections"], ["show", "grooming"], ["check", "--quiet"]])
def test_browsing_commands_import_neither_writer_library(command: list[str]) -> None:
    code = (
        "import sys\nfrom facilitator.cli import main\nsys.argv = ['facilitator', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pptx', 'reportlab') if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr
