"""Plans: chosen and ordered by the rules, timed, and editable as YAML."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.errors import FacilitatorError
from facilitator.library import Library
from facilitator.model import Reason
from facilitator.model.audience import parse_audience
from facilitator.planner import make_plan, plan_to_yaml, read_plan, titles_of


def ids(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.section_id for b in plan.blocks]


def test_a_45_minute_plan_for_10_12_keeps_the_core_and_nothing_above_age_10(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("10-12"), 45)
    chosen = ids(plan)
    assert chosen[0] == "welcome" and "ground-rules" in chosen
    assert "where-to-get-help" in chosen and chosen[-1] == "closing"
    assert all(shipped[s].min_age <= 10 for s in chosen)
    assert plan.minutes <= 45


def test_the_phases_come_in_order_and_requires_come_first(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("16-17"), 600)
    chosen = ids(plan)
    for i, sid in enumerate(chosen):
        assert all(r in chosen[:i] for r in shipped[sid].requires), sid
    assert chosen.index("tips") < chosen.index("where-to-get-help") < chosen.index("closing")
    assert "safeguarding-brief" not in chosen


def test_too_few_minutes_is_refused_with_the_minimum(shipped: Library) -> None:
    with pytest.raises(FacilitatorError) as exc:
        make_plan(shipped, parse_audience("13-15"), 10)
    assert "--minutes: 10 minutes cannot hold" in str(exc.value) and "give at least" in str(exc.value)


def test_topics_pick_sections_and_unknown_topics_list_the_known_ones(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("13-15"), 60, topics=["sextortion"])
    assert "sextortion" in ids(plan)
    with pytest.raises(FacilitatorError, match="topics for this age: .*grooming"):
        make_plan(shipped, parse_audience("13-15"), 60, topics=["knitting"])


def test_what_is_left_out_is_said_with_the_reason(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("10-12"), 40)
    reasons = dict(plan.left_out)
    assert reasons["scenario-k"] == Reason("age", age=15) and reasons["scenario-k"].english == "for ages 15+"
    timed = [r for r in reasons.values() if r.code == "time"]
    assert timed and all(r.english == f"needs {r.minutes} more minutes" and r.minutes > 0 for r in timed)


def test_clock_times_follow_the_start(small_library: Library) -> None:
    plan = make_plan(small_library, parse_audience("13-15"), 35, start=dt.time(13, 30))
    assert [f"{t:%H:%M}" for t, _b in plan.clock()][:2] == ["13:30", "13:35"]
    assert f"{plan.end:%H:%M}" == "14:05"


def test_a_written_plan_reads_back_the_same(shipped: Library, tmp_path: Path) -> None:
    plan = make_plan(shipped, parse_audience("12-14"), 60, topics=["grooming"], start=dt.time(10, 15), title="Safe: <together> & \"well\"")
    path = tmp_path / "plan.yaml"
    path.write_text(plan_to_yaml(plan, titles_of(shipped, plan)), encoding="utf-8")
    again = read_plan(path, shipped)
    assert again.blocks == plan.blocks and again.audience == plan.audience
    assert again.start == plan.start and again.title == plan.title


def test_an_edited_plan_that_breaks_a_rule_is_refused_with_file_and_line(shipped: Library, tmp_path: Path) -> None:
    plan = make_plan(shipped, parse_audience("10-12"), 60)
    text = plan_to_yaml(plan, titles_of(shipped, plan))
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace("  - {section: closing", "  - {section: scenario-k, minutes: 10}\n  - {section: closing"), encoding="utf-8")
    with pytest.raises(FacilitatorError) as exc:
        read_plan(path, shipped)
    message = str(exc.value)
    assert "plan.yaml:" in message and "'scenario-k' is for ages 15+" in message
    path.write_text(text.replace("  - {section: grooming, minutes: 8}", "").replace("  - {section: closing", "  - {section: after-trust-is-gained, minutes: 5}\n  - {section: closing"), encoding="utf-8")
    with pytest.raises(FacilitatorError, match="needs"):
        read_plan(path, shipped)


def test_a_plan_without_where_to_get_help_is_refused(make_library: Callable[..., Path], tmp_path: Path) -> None:
    from facilitator.loader import load_library

    lib = load_library([make_library()])
    path = tmp_path / "plan.yaml"
    path.write_text("age: 13-15\nblocks:\n  - {section: welcome, minutes: 5}\n  - {section: closing, minutes: 5}\n", encoding="utf-8")
    with pytest.raises(FacilitatorError, match="no 'where to get help' block"):
        read_plan(path, lib)


def test_the_scenario_is_written_for_the_audience(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("10-12"), 60)
    stories = [shipped[s] for s in ids(plan) if shipped[s].kind == "scenario"]
    assert stories and stories[0].min_age == 10


def test_topics_come_first_and_the_rest_of_the_time_is_filled(shipped: Library) -> None:
    plan = make_plan(shipped, parse_audience("10-12"), 60, topics=["Sexting"])  # any case
    assert plan.minutes >= 55
    on_topic = [b.section_id for b in plan.blocks if "sexting" in shipped[b.section_id].topics]
    assert on_topic, "the topic's sections are in"


def test_a_section_never_comes_before_the_one_it_builds_on(shipped: Library) -> None:
    order = [b.section_id for b in make_plan(shipped, parse_audience("13-15"), 60, topics=["grooming", "sextortion"]).blocks]
    assert order.index("online-exploitation") < order.index("grooming") < order.index("sextortion")


def test_an_unknown_topic_gets_a_suggestion(shipped: Library) -> None:
    with pytest.raises(FacilitatorError) as refused:
        make_plan(shipped, parse_audience("13-15"), 60, topics=["groming"])
    assert refused.value.problems[0].hint == "did you mean grooming?"
