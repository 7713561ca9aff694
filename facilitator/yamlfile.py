"""YAML files read safely, once, with the line of every value, so problems can name ``FILE:LINE``.

Every YAML file the tool reads (sections, plans, build configs, locale files) goes through
:func:`read_yaml`. It parses each file once with libyaml when PyYAML has it (the pure-Python parser
otherwise, with the same results and errors), and builds the data from the composed nodes itself,
so it knows every value's line and can refuse what nothing needs and an attacker could use:
anchors and aliases (a few lines can expand without bound), nesting deeper than
:data:`MAX_DEPTH`, files over :data:`MAX_BYTES`, and tags other than YAML's plain types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from facilitator.errors import FacilitatorError, Problem

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]
"""libyaml's parser when PyYAML was built with it (about 25 times faster), else the pure-Python one."""

MAX_BYTES = 1_000_000
"""The largest file read; the biggest section is about 20 kB."""
MAX_DEPTH = 24
"""The deepest nesting of mappings and lists; sections nest about five deep."""

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp",
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class LineMap:
    """The line of each key path in one YAML file (``("questions", 0, "ask")`` -> 42)."""

    lines: dict[Path_, int]

    def line(self, *path: str | int) -> int:
        """The line of the value at ``path``, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read_yaml(path: Path, loader: type[yaml.SafeLoader] | None = None, folder: Path | None = None) -> tuple[Any, LineMap]:
    """Parse ``path`` safely, returning the data and the line of every key path.

    Raises :class:`FacilitatorError` (one problem, with the line) for unreadable files, files too
    large or too deep, YAML syntax errors, anchors and aliases, unknown tags, values YAML cannot
    build (an impossible date) and duplicate keys. ``loader`` is for tests that compare parsers.
    With ``folder``, a link out of it is refused (:mod:`facilitator.inputs`); FIFOs and devices
    always are.
    """
    file = str(path)
    text = _read_text(path, folder)
    return parse_yaml(text, file, loader or Loader)


def parse_yaml(text: str, file: str, loader: type[yaml.SafeLoader] = Loader) -> tuple[Any, LineMap]:
    """:func:`read_yaml` for text already in memory (``file`` names it in problems)."""
    try:
        _scan(text, file, loader)
        parser = loader(text)
        try:
            node = parser.get_single_node()
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as exc:
        raise FacilitatorError(_syntax_problem(exc, file)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise FacilitatorError(
            Problem(file, line, "", f"holds a character YAML does not allow (U+{code:04X})", "delete it or retype the line")
        ) from None
    if node is None:
        return None, LineMap({})
    lines: dict[Path_, int] = {}
    data = _build(node, (), lines, file, SafeConstructor())
    return data, LineMap(lines)


def _read_text(path: Path, folder: Path | None = None) -> str:
    from facilitator.inputs import read_text

    return read_text(path, MAX_BYTES, folder, what="YAML file")


def _scan(text: str, file: str, loader: type[yaml.SafeLoader]) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before any node is built
    (composing a hostile file is where recursion and memory blow up)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FacilitatorError(
                Problem(file, line, "", "uses a YAML anchor or alias (& or *)", "write the text out in full; anchors and aliases are not allowed")
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise FacilitatorError(Problem(file, line, "", f"nests more than {MAX_DEPTH} levels deep", "check the indentation"))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    # An unclosed quote or bracket is found further on; report the line where it opens.
    context = exc.context or ""
    opened = "quoted scalar" in context or "flow" in context
    mark = (exc.context_mark if opened else exc.problem_mark) or exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    what = exc.problem or str(exc)
    if "nesting depth" in what:  # libyaml's own limit, above ours: say it the same way
        return Problem(file, line, "", f"nests more than {MAX_DEPTH} levels deep", "check the indentation")
    if opened and "quoted scalar" in context:
        return Problem(file, line, "", "has a quote that is never closed", "close the quote on this line")
    if isinstance(exc, ConstructorError):
        return Problem(file, line, "", f"uses a tag YAML files here may not use ({what})", "remove the tag (the text after !)")
    return Problem(file, line, "", f"is not valid YAML: {what}", "check indentation, colons and quotes on this line")


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: str, constructor: SafeConstructor) -> Any:
    """The plain data of ``node`` (dicts, lists and scalars), recording each path's line."""
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    where = ".".join(map(str, path))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise FacilitatorError(Problem(file, line, where, f"uses the tag {node.tag}", "remove the tag (the text after !)"))
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise FacilitatorError(Problem(file, key_line, where, "has a list or mapping as a key", "use a plain word before the colon"))
            key = _scalar(key_node, file, constructor)
            if isinstance(key, (dt.date, float)) or key is None:
                key = key_node.value
            name = str(key)
            if name in {str(k) for k in out}:
                raise FacilitatorError(Problem(file, key_line, ".".join(map(str, path + (name,))), "appears twice", "keep one of them"))
            lines[path + (name,)] = key_line
            out[key] = _build(value_node, path + (name,), lines, file, constructor)
            lines[path + (name,)] = key_line
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise FacilitatorError(Problem(file, line, where, f"uses the tag {node.tag}", "remove the tag (the text after !)"))
        return [_build(item, path + (i,), lines, file, constructor) for i, item in enumerate(node.value)]
    return _scalar(node, file, constructor)


def _scalar(node: yaml.Node, file: str, constructor: SafeConstructor) -> Any:
    line = node.start_mark.line + 1
    if node.tag not in _SCALAR_TAGS:
        raise FacilitatorError(Problem(file, line, "", f"uses the tag {node.tag}", "remove the tag (the text after !)"))
    try:
        return constructor.construct_object(node)
    except (ValueError, OverflowError, ConstructorError) as exc:
        if node.tag == "tag:yaml.org,2002:timestamp":
            raise FacilitatorError(Problem(file, line, "", f"'{node.value}' is not a real date ({exc})", "write a real date as YYYY-MM-DD")) from None
        raise FacilitatorError(Problem(file, line, "", f"'{node.value}' cannot be read ({exc})", "put the value in quotes")) from None
