"""The marker test: every facilitator-only string of the shipped library, tagged with its own
marker, reaches the speaker notes or the guide and never a slide's visible text, the handout or
the cards, for every audience, with every section that audience may see (the full matrix is built
once per session; see tests/matrix.py)."""

from __future__ import annotations

import pytest

from facilitator.library import Library
from facilitator.model.audience import BAND_NAMES
from tests.matrix import MARKER, Markers, everything_for

Outputs = dict[str, dict[str, str]]


@pytest.mark.parametrize("band", BAND_NAMES)
def test_no_marker_reaches_a_participant_output(matrix: Outputs, band: str) -> None:
    assert matrix[band]["slides"] and matrix[band]["handout"]
    assert matrix[band]["letter"] and matrix[band]["check"] and matrix[band]["feedback"]
    for document in ("slides", "handout", "cards", "letter", "check", "feedback"):
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


def _locale_participant_texts(library: str, band: str, locale: str, folder: str) -> dict[str, str]:
    """The participant outputs of the full matrix for ``band`` in a shipped locale: the marked
    library translated by the locale's catalog (markers stay in facilitator text)."""
    from pathlib import Path

    from facilitator.build.pipeline import Loaded, render
    from facilitator.loader import load_library
    from facilitator.request import BuildRequest
    from tests.matrix import _deck_text, _pdf_text

    request = BuildRequest.from_options(out_dir=Path(folder) / f"{locale}-{band}", locale=locale, only="deck,handout,cards")
    assert request.locale_pack is not None
    lib = load_library([Path(library)], request.locale_pack.lookup)
    files = render(request, Loaded(lib, request.locale_pack), everything_for(lib, band)).files
    deck = Path(folder) / f"{locale}-{band}-deck.pptx"
    deck.write_bytes(files["deck.pptx"])
    return {"slides": _deck_text(deck)[0], "handout": _pdf_text(files["handout.pdf"]), "cards": _pdf_text(files["cards.pdf"]) if "cards.pdf" in files else ""}


@pytest.fixture(scope="module")
def localised(marked: tuple[Library, Markers], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, str]]:
    """The participant outputs of the full matrix in the shipped locales, built in parallel
    processes: every band once, the locales taking turns (the view a band's text goes through is
    the same code in every language, so each band and each locale is read once)."""
    import os
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    from facilitator.localepack import shipped_locales

    lib, _markers = marked
    library = str(Path(next(iter(lib.values())).origin).parent)
    folder = str(tmp_path_factory.mktemp("localised"))
    locales = shipped_locales()
    combos = [(locales[i % len(locales)], band) for i, band in enumerate(BAND_NAMES)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = {combo: pool.submit(_locale_participant_texts, library, combo[1], combo[0], folder) for combo in combos}
        return {combo: future.result() for combo, future in futures.items()}


def test_no_marker_reaches_a_participant_in_any_shipped_locale(localised: dict[tuple[str, str], dict[str, str]]) -> None:
    assert {locale for locale, _band in localised} == {"nl", "fil"}
    for (locale, band), texts in localised.items():
        assert texts["slides"] and texts["handout"]
        for document, text in texts.items():
            leaked = sorted(set(MARKER.findall(text.replace(" ", "").replace("\n", ""))))
            assert not leaked, f"{locale} {band} {document} shows facilitator-only text: {leaked[:10]}"
