"""Sessions and builds on the page: each in its own folder, at most N building at once, old ones
removed."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from facilitator.model.audience import parse_audience
from facilitator.model.plan import Block, Plan
from facilitator.web.workspace import Build, Draft, Workspace

PLAN = Plan(parse_audience("13-15"), (Block("welcome", 5),))


def draft(space: Workspace) -> Draft:
    draft_id, folder = space.new_folder()
    return space.add(Draft(draft_id, folder, {}, PLAN))


def test_builds_beyond_the_limit_wait_and_each_has_its_own_folder(tmp_path: Path) -> None:
    space = Workspace(tmp_path, max_builds=1)
    release = threading.Event()
    started: list[str] = []

    def run(build: Build) -> None:
        started.append(build.id)
        build.folder.mkdir()
        release.wait(10)

    d = draft(space)
    first, second = space.start_build(d, run), space.start_build(d, run)
    deadline = time.monotonic() + 5
    while len(started) < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.folder != second.folder
    assert sorted(b.state for b in (first, second)) == ["running", "waiting"]
    release.set()
    while {first.state, second.state} != {"done"} and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.state == second.state == "done" and len(started) == 2


def test_a_fault_in_a_build_is_one_calm_sentence(tmp_path: Path) -> None:
    space = Workspace(tmp_path)
    build = space.start_build(draft(space), lambda b: 1 / 0)
    deadline = time.monotonic() + 5
    while build.state != "failed" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert build.state == "failed"
    assert "fault in facilitator" in build.problems[0].message and "ZeroDivision" not in str(build.problems[0])


def test_sessions_untouched_for_the_keep_time_are_removed_with_their_folders(tmp_path: Path) -> None:
    space = Workspace(tmp_path, keep_minutes=0)
    old = draft(space)
    old.touched -= 1
    assert space.sweep() == 1
    assert space.get(old.id) is None and not old.folder.exists()
