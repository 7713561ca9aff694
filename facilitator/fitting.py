"""The one fitting rule for slides and printables: set text at the largest size, from where it
starts down to the band's minimum, at which it fits; a writer continues the text elsewhere only
when it does not fit even at the minimum. Each writer measures in its own way (font metrics for
slides, reportlab's layout for printables) and hands the measure to :func:`largest_fitting`."""

from __future__ import annotations

from collections.abc import Callable


def largest_fitting(start: float, minimum: float, fits: Callable[[float], bool], step: float = 1) -> float | None:
    """The largest size from ``start`` down to ``minimum``, in ``step``s, at which ``fits``
    holds; ``None`` when it holds at none (the caller then uses the minimum and continues)."""
    size = start
    while size >= minimum:
        if fits(size):
            return size
        size -= step
    return None
