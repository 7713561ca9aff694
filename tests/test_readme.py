"""The README's examples work as written."""

import re
from pathlib import Path

from facilitator.loader import load_library, shipped_sections_dir

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_example_section_is_valid(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    example = re.search(r"## Write a section.*?```yaml\n(.*?)```", text, re.S)
    assert example, "README has a 'Write a section' YAML example"
    (tmp_path / "spotting-fake-profiles.yaml").write_text(example.group(1), encoding="utf-8")
    lib = load_library([shipped_sections_dir(), tmp_path])
    assert lib["spotting-fake-profiles"].requires == ["online-exploitation"]


def test_the_first_two_commands_install_build_and_test() -> None:
    first_block = README.read_text(encoding="utf-8").split("```bash\n", 1)[1].split("```", 1)[0].splitlines()
    assert first_block[0].startswith("pip install . && facilitator pack")
    # Double quotes: the same line works in a POSIX shell, Command Prompt and PowerShell.
    assert first_block[1].startswith('pip install ".[test]" && python -m pytest')
    assert "python -m pytest" in (README.parent / ".ci" / "run").read_text()
