"""Reproducible packs: two builds in separate processes, with different hash seeds, time zones and
locales but the same ``SOURCE_DATE_EPOCH``, into different folders, are byte-identical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.localepack import shipped_locales

OUTPUTS = ("deck.pptx", "handout.pdf", "cards.pdf", "guide.pdf", "plan.yaml", "manifest.json")
ENVIRONMENTS = (
    {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"},
)
"""Two machines as different as they can be on what must not matter (UTC+14 is a different date
from UTC for ten hours of every day)."""


@pytest.mark.parametrize("locale", [None, *shipped_locales()])
def test_two_builds_in_different_processes_are_byte_identical(tmp_path: Path, locale: str | None) -> None:
    runs = []
    for i, differences in enumerate(ENVIRONMENTS):
        where = tmp_path / f"machine-{i}"
        where.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        env.update(differences, SOURCE_DATE_EPOCH="1767225600", PYTHONDONTWRITEBYTECODE="1")
        # A date is printed (formatted by Babel) and the whole pack is written, cards included.
        args = [sys.executable, "-m", "facilitator", "pack", "--age", "13-15", "--date", "2026-03-12", "--title", "Safe online, together", "--out", str(where / "session-pack")]
        args += ["--locale", locale, "--strict"] if locale else []
        runs.append((where, subprocess.Popen(args, cwd=where, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    for _where, process in runs:
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr or stdout
    first, second = (where / "session-pack" for where, _process in runs)
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir())
    for name in OUTPUTS:
        assert (first / name).is_file(), f"the pack has no {name}"
        assert (first / name).read_bytes() == (second / name).read_bytes(), f"{name} differs between the two builds"
