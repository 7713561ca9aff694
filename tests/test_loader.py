"""A broken section file gives one line per problem, naming the file, the line and the field."""

from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.errors import FacilitatorError
from facilitator.loader import load_library


def problems(folder: Path) -> list[str]:
    with pytest.raises(FacilitatorError) as exc:
        load_library([folder])
    return [str(p) for p in exc.value.problems]


def test_the_small_library_loads(make_library: Callable[..., Path]) -> None:
    lib = load_library([make_library()])
    assert set(lib) == {"welcome", "help", "closing", "basics", "deeper", "older-story", "brief"}


def test_bad_yaml_names_file_and_line(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: concept\ntitle: [unclosed\nminutes: 3\n"})
    [line] = problems(folder)
    assert line.startswith("lib/deeper.yaml:4: is not valid YAML") or "deeper.yaml:" in line and "not valid YAML" in line


def test_unknown_field_wrong_type_and_unknown_requires_are_all_reported(make_library: Callable[..., Path]) -> None:
    folder = make_library(
        {
            "deeper": "id: deeper\nkind: concept\ntitle: Deeper\nminutes: ten\nmin_age: 10\ncolour: blue\n",
            "basics": "id: basics\nkind: concept\ntitle: Basics\nminutes: 3\nmin_age: 10\nrequires: [nowhere]\n",
        }
    )
    found = problems(folder)
    assert any("deeper.yaml:6: colour: is not a known field" in p for p in found)
    assert any("deeper.yaml:4: minutes:" in p and "integer" in p for p in found)
    assert any("basics.yaml:6: requires: 'nowhere' is not a section" in p for p in found)


def test_duplicate_ids_cycles_and_unknown_source_rows(make_library: Callable[..., Path]) -> None:
    folder = make_library(
        {
            "copy": "id: basics\nkind: concept\ntitle: Copy\nminutes: 3\nmin_age: 10\n",
            "basics": "id: basics\nkind: concept\ntitle: Basics\nminutes: 3\nmin_age: 10\nrequires: [deeper]\nsource: [G99]\n",
        }
    )
    found = problems(folder)
    assert any("copy.yaml:1: id:" in p for p in found)
    assert any("cycle" in p and "basics" in p and "deeper" in p for p in found)
    assert any("source: 'G99' is not an OUTLINE row" in p for p in found)


def test_min_age_band_variants_and_empty_text(make_library: Callable[..., Path]) -> None:
    folder = make_library(
        {
            "deeper": "id: deeper\nkind: concept\ntitle: Deeper\nminutes: 3\nmin_age: 20\n",
            "basics": (
                "id: basics\nkind: concept\ntitle: Basics\nminutes: 3\nmin_age: 13\n"
                "participant:\n  body:\n    10-12: Too young for this section.\n"
            ),
            "older-story": "id: older-story\nkind: concept\ntitle: S\nminutes: 3\nmin_age: 10\nparticipant:\n  key_points: ['']\n",
            "closing": "id: closing\nkind: closing\ntitle: Closing\nminutes: 3\nmin_age: 10\nparticipant:\n  body: {9-10: x}\n",
        }
    )
    found = problems(folder)
    assert any("deeper.yaml:5: min_age:" in p for p in found)
    assert any("basics.yaml:7: participant.body: has a 10-12 variant but min_age is 13" in p for p in found)
    assert any("older-story.yaml:7: participant.key_points: item 1 is empty" in p for p in found)
    assert any("closing.yaml:7: participant.body: '9-10' is not an age band" in p for p in found)


def test_duplicate_keys_in_one_file(make_library: Callable[..., Path]) -> None:
    folder = make_library({"deeper": "id: deeper\nkind: concept\ntitle: A\ntitle: B\nminutes: 3\nmin_age: 10\n"})
    assert any("deeper.yaml:4: title: appears twice" in p for p in problems(folder))


def test_a_later_folder_replaces_sections_with_the_same_id(make_library: Callable[..., Path]) -> None:
    base = make_library()
    local = make_library({k: None for k in ("welcome", "help", "closing", "basics", "deeper", "older-story", "brief")} | {"basics": "id: basics\nkind: concept\ntitle: Local basics\nminutes: 3\nmin_age: 10\n"}, name="local")
    lib = load_library([base, local])
    assert lib["basics"].title == {"*": "Local basics"}
