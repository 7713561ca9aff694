"""Every document a pack can hold, found by name from the writer packages (as Sphinx finds its
builders): ``decks`` and ``handouts`` each declare theirs in ``OUTPUTS``. This is the one list of
outputs; the request, the pipeline, ``verify`` and ``build-all`` read it. A writer module is
imported only when its document is written."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from facilitator.model.outputs import Output

PROVIDERS: tuple[str, ...] = ("decks", "handouts")
"""The packages that provide documents, in the order their documents are written."""


@lru_cache(maxsize=1)
def outputs() -> dict[str, Output]:
    """Every output by name, in writing order."""
    found: dict[str, Output] = {}
    for package in PROVIDERS:
        for output in importlib.import_module(package).OUTPUTS:
            found[output.name] = output
    return found


def output_names() -> tuple[str, ...]:
    return tuple(outputs())


def file_names() -> frozenset[str]:
    """The file name of every document a pack can hold."""
    return frozenset(o.filename for o in outputs().values())


def filenames_of(names: Iterable[str]) -> list[str]:
    """The file names of the outputs ``names``, in writing order."""
    wanted = set(names)
    return [o.filename for o in outputs().values() if o.name in wanted]


def writer_of(output: Output) -> Callable[[Any, Any, Any], int]:
    """The ``write`` function of ``output``'s writer module, imported now."""
    return importlib.import_module(output.writer).write  # type: ignore[no-any-return]
