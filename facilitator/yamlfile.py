"""YAML files read safely, with the line of every value, so problems can name ``FILE:LINE``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from facilitator.errors import FacilitatorError, Problem


@dataclass(frozen=True)
class LineMap:
    """The line of each key path in one YAML file (``("questions", 0, "ask")`` -> 42)."""

    lines: dict[tuple[str | int, ...], int]

    def line(self, *path: str | int) -> int:
        """The line of the value at ``path``, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read_yaml(path: Path) -> tuple[Any, LineMap]:
    """Parse ``path`` safely, returning the data and the line of every key path.

    Raises :class:`FacilitatorError` for unreadable files, YAML syntax errors and duplicate keys.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FacilitatorError(Problem(str(path), 1, "", f"is not UTF-8 text ({exc.reason})", "save the file as UTF-8")) from None
    except OSError as exc:
        raise FacilitatorError(Problem(str(path), 0, "", f"cannot be read: {exc.strerror}", "check the path")) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        raise FacilitatorError(
            Problem(str(path), line, "", f"is not valid YAML: {what}", "check indentation, colons and quotes on this line")
        ) from None
    if node is None:
        return None, LineMap({})
    lines: dict[tuple[str | int, ...], int] = {}
    problems: list[Problem] = []
    _index(node, (), lines, problems, str(path))
    if problems:
        raise FacilitatorError(problems)
    return yaml.safe_load(text), LineMap(lines)


def _index(node: yaml.Node, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int], problems: list[Problem], file: str) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                problems.append(
                    Problem(file, key.start_mark.line + 1, ".".join(map(str, path + (name,))), "appears twice", "keep one of them")
                )
            seen.add(name)
            lines[path + (name,)] = key.start_mark.line + 1
            _index(value, path + (name,), lines, problems, file)
            lines[path + (name,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines, problems, file)
