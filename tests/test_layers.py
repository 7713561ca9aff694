"""The layers hold: sections -> library -> plan -> pack -> writers -> files. The writers read only
the Pack model (and the tool's text helpers); they never import the loader, the planner, each other
or the CLI; and only the build step, lazily, imports a writer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRITER_MAY_IMPORT = {
    "facilitator.pack", "facilitator.audience",  # the model (one module) and a band with its type policy
    "facilitator.messages", "facilitator.typography", "facilitator.xmltext", "facilitator.errors",  # text helpers
    "facilitator.request",  # the list of paper sizes
}


def imports(path: Path) -> list[tuple[str, bool]]:
    """Every module ``path`` imports, and whether the import is at the top level of the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, id(node) in top))
        elif isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
    return found


@pytest.mark.parametrize("writer", ["decks", "handouts"])
def test_writers_import_only_the_model(writer: str) -> None:
    other = {"decks": "handouts", "handouts": "decks"}[writer]
    for path in sorted((ROOT / writer).glob("*.py")):
        for module, _top in imports(path):
            if module.startswith("facilitator"):
                assert module in WRITER_MAY_IMPORT, f"{path.name} imports {module}"
            assert not module.startswith(other), f"{path.name} imports the other writer ({module})"


def test_only_the_build_step_imports_a_writer_and_only_when_it_writes() -> None:
    for path in sorted((ROOT / "facilitator").glob("*.py")):
        for module, top in imports(path):
            if module.split(".")[0] in ("decks", "handouts"):
                assert path.name in ("build.py", "batch.py") and not top, f"{path.name} imports {module}"
