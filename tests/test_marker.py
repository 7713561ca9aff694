"""The marker test: every facilitator-only string of the shipped library, tagged with its own
marker, reaches the speaker notes or the guide and never a slide's visible text, the handout or
the cards, for every audience, with every section that audience may see (the full matrix is built
once per session; see tests/matrix.py)."""

from __future__ import annotations

import pytest

from facilitator.audience import BAND_NAMES
from facilitator.library import Library
from tests.matrix import MARKER, Markers, everything_for

Outputs = dict[str, dict[str, str]]


@pytest.mark.parametrize("band", BAND_NAMES)
def test_no_marker_reaches_a_participant_output(matrix: Outputs, band: str) -> None:
    assert matrix[band]["slides"] and matrix[band]["handout"]
    for document in ("slides", "handout", "cards"):
        leaked = sorted(set(MARKER.findall(matrix[band][document])))
        assert not leaked, f"{band} {document} shows facilitator-only text: {leaked[:10]}"


@pytest.mark.parametrize("band", BAND_NAMES)
def test_every_marker_of_the_plan_reaches_the_notes_or_the_guide(marked: tuple[Library, Markers], matrix: Outputs, band: str) -> None:
    lib, markers = marked
    texts = matrix[band]
    for_facilitator = texts["notes"] + texts["guide"]
    planned = [b.section_id for b in everything_for(lib, band).blocks]
    missing = {sid: lost for sid in planned if (lost := [m for m in markers.expected(sid, band) if m not in for_facilitator])}
    assert not missing, f"{band}: facilitator text of these sections is in neither the notes nor the guide: {missing}"


@pytest.mark.parametrize("band", BAND_NAMES)
def test_the_safeguarding_brief_is_all_in_the_guide(marked: tuple[Library, Markers], matrix: Outputs, band: str) -> None:
    lib, markers = marked
    briefs = [s.id for s in lib.values() if s.facilitator_only]
    assert briefs
    for sid in briefs:
        expected = list(markers.expected(sid, band))
        assert expected, f"{sid} has facilitator text to check"
        assert [m for m in expected if m not in matrix[band]["guide"]] == [], sid
