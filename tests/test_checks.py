from collections.abc import Callable
from pathlib import Path

from facilitator.checks import band_texts, check_library, fk_grade, readability, terminology
from facilitator.library import Library
from facilitator.loader import load_library


def test_avoided_terms_in_participant_text_are_errors(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: law\ntitle: Law\nminutes: 3\nmin_age: 13\nparticipant:\n  body: Laws against child pornography exist.\n"})
    [problem] = terminology(load_library([folder])["deeper"])
    assert "deeper.yaml:7: participant.body: says 'child pornography'" in str(problem)


def test_a_treaty_title_listed_as_official_is_allowed(make_library: Callable[..., Path]) -> None:
    title = "Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography"
    folder = make_library(
        {"deeper": f"id: deeper\nkind: law\ntitle: Law\nminutes: 3\nmin_age: 13\nofficial_titles: ['{title}']\nparticipant:\n  body: The {title} (OPSC) protects children.\n"}
    )
    assert terminology(load_library([folder])["deeper"]) == []


def test_facilitator_text_is_not_a_terminology_finding(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: law\ntitle: Law\nminutes: 3\nmin_age: 13\nfacilitator:\n  notes: [Explain why we no longer say child pornography.]\n"})
    assert terminology(load_library([folder])["deeper"]) == []


def test_flesch_kincaid_grade_tells_plain_from_dense_text() -> None:
    plain, _ = fk_grade("Grooming is a trick. A person acts like a friend. Then they ask for secrets.")
    dense, _ = fk_grade("Offenders deliberately cultivate emotional dependency through sophisticated manipulation, progressively normalising inappropriate communication.")
    assert plain < 5 < dense


def test_hard_text_for_young_readers_is_a_warning_naming_section_field_and_band(make_library: Callable[..., Path]) -> None:
    dense = "Offenders deliberately cultivate emotional dependency through sophisticated manipulation, progressively normalising inappropriate communication."
    folder = make_library({"deeper": f"id: deeper\nkind: concept\ntitle: D\nminutes: 3\nmin_age: 10\nparticipant:\n  body:\n    10-12: {dense}\n"})
    [warning] = readability(load_library([folder])["deeper"])
    assert "deeper.yaml:7: participant.body [10-12]: reads at grade" in str(warning)


def test_coverage_lists_rows_no_section_cites(small_library: Library) -> None:
    report = check_library(small_library)
    assert "G01" in report.uncovered and "G40" not in report.uncovered


def test_a_band_the_section_admits_without_its_own_text_is_an_error_naming_file_line_band_and_field(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: concept\ntitle: D\nminutes: 3\nmin_age: 16\nparticipant:\n  body:\n    16-17: For older teenagers.\n"})
    [problem] = band_texts(load_library([folder])["deeper"])
    assert "deeper.yaml:7: participant.body [adults]: has no text for adults" in str(problem)


def test_one_text_or_items_for_some_bands_satisfy_the_band_rule(make_library: Callable[..., Path]) -> None:
    one_text = "id: deeper\nkind: opening\ntitle: D\nminutes: 3\nmin_age: 10\none_text: true\nparticipant:\n  body: One text for everyone.\n"
    items = (
        "id: deeper\nkind: activity\ntitle: D\nminutes: 3\nmin_age: 16\nmax_age: 17\nparticipant:\n  statements:\n"
        "    - {statement: Only for 16-17., answer: myth, explanation: Because., bands: [16-17]}\n"
    )
    for text in (one_text, items):
        assert band_texts(load_library([make_library({"deeper": text})])["deeper"]) == []
    plain = one_text.replace("one_text: true\n", "")
    assert {p.field for p in band_texts(load_library([make_library({"deeper": plain})])["deeper"])} == {
        f"participant.body [{band}]" for band in ("10-12", "13-15", "16-17", "adults")
    }
