"""The layers hold: request -> library -> plan -> pack (the model) -> writers -> files.

The model depends on nothing beyond the standard library and the shared text helpers; a writer
imports the model and those helpers only, so importing any writer (in a fresh interpreter, counting
everything it loads) brings in no pydantic, YAML, Babel, loader or planner. The core never imports
a writer: the pipeline finds writers by module name. No import between the packages, even inside a
function, runs against these arrows, so there is no cycle.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_HELPERS = {"facilitator", "facilitator.typography", "facilitator.xmltext", "facilitator.errors", "facilitator.fitting",
                  "facilitator.documents", "facilitator.documents.session"}
"""What the model and the writers may use of the core besides the model itself."""
CORE_ONLY = ("pydantic", "yaml", "babel", "facilitator.loader", "facilitator.planner", "facilitator.library", "facilitator.schema",
             "facilitator.localepack", "facilitator.catalog", "facilitator.assemble", "facilitator.build", "facilitator.request")
"""Modules a writer must never load, directly or through what it imports."""


def imports(path: Path) -> list[str]:
    """Every module ``path`` imports, at the top level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def modules_of(package: str) -> list[str]:
    return sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in (ROOT / package).rglob("*.py")
    )


def loaded_by(modules: list[str]) -> list[str]:
    """The modules a fresh interpreter loads to import ``modules`` (beyond what it holds at start)."""
    code = ("import importlib, json, sys\nbefore = set(sys.modules)\n"
            f"for m in {modules!r}: importlib.import_module(m)\nprint(json.dumps(sorted(set(sys.modules) - before)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return list(json.loads(done.stdout))


def test_importing_every_writer_loads_none_of_the_core() -> None:
    loaded = loaded_by(modules_of("decks") + modules_of("handouts"))
    assert [m for m in loaded if m.startswith(CORE_ONLY)] == []


def test_the_model_depends_on_the_standard_library_alone() -> None:
    loaded = loaded_by(["facilitator.model"])
    ours = [m for m in loaded if m.split(".")[0] == "facilitator"]
    assert all(m.startswith("facilitator.model") or m in SHARED_HELPERS for m in ours), ours
    others = {m.split(".")[0] for m in loaded if m.split(".")[0] != "facilitator"}
    assert others <= set(sys.stdlib_module_names), others - set(sys.stdlib_module_names)


@pytest.mark.parametrize("writer", ["decks", "handouts"])
def test_writers_import_only_the_model_and_the_text_helpers(writer: str) -> None:
    other = {"decks": "handouts", "handouts": "decks"}[writer]
    for path in sorted((ROOT / writer).rglob("*.py")):
        for module in imports(path):
            if module.split(".")[0] == "facilitator":
                assert module.startswith("facilitator.model") or module in SHARED_HELPERS, f"{path.name} imports {module}"
            assert module.split(".")[0] != other, f"{path.name} imports the other writer ({module})"


def test_the_core_never_imports_a_writer() -> None:
    """The pipeline finds writers by name (facilitator.outputs); no core module imports one."""
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        for module in imports(path):
            assert module.split(".")[0] not in ("decks", "handouts"), f"{path.relative_to(ROOT)} imports {module}"


def test_the_model_imports_nothing_of_the_core() -> None:
    for path in sorted((ROOT / "facilitator" / "model").glob("*.py")):
        for module in imports(path):
            if module.split(".")[0] == "facilitator":
                assert module.startswith("facilitator.model") or module in SHARED_HELPERS, f"{path.name} imports {module}"
