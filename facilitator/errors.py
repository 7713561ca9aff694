"""User-facing problems: one line each, naming file, line, field and what to do.

Every error a user can cause (bad YAML, an unknown age, an unwritable folder) is raised as
:class:`FacilitatorError`; the CLI prints its problems and exits with code 2, never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an input, printed as ``FILE:LINE: field: message (hint)``."""

    file: str = ""
    line: int = 0
    field: str = ""
    message: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = display_path(self.file) if self.file else ""
        if where and self.line:
            where = f"{where}:{self.line}"
        parts = [p for p in (where, self.field) if p]
        text = self.message + (f" ({self.hint})" if self.hint else "")
        return ": ".join(parts + [text])


def display_path(path: str | os.PathLike[str]) -> str:
    """A path relative to the working folder when it is inside it, else as given. A link is named
    by its own name, never by what it points to (only the folders above it are resolved)."""
    p = Path(path)
    try:
        whole = p.absolute()
        named = whole.parent.resolve() / whole.name if whole.name else whole.resolve()
        return str(named.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(p)


class FacilitatorError(Exception):
    """One or more problems with the user's input; the CLI prints them and exits 2."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))
