"""Shared fixtures: small libraries written to a temporary folder, and the shipped library."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.library import Library
from facilitator.loader import load_library

SMALL_LIBRARY: dict[str, str] = {
    "welcome": """
        id: welcome
        kind: opening
        title: Welcome
        minutes: 5
        min_age: 10
        participant:
          key_points: [Welcome to the session.]
        facilitator:
          say: FACILITATOR-SAY-WELCOME
    """,
    "help": """
        id: help
        kind: contacts
        title: Where to get help
        minutes: 5
        min_age: 10
        source: [G40]
        participant:
          key_points: [Tell an adult you trust.]
          contacts:
            - name: Child Helpline International
              website: www.childhelplineinternational.org
              description: Find a helpline in your country.
              source: ECPAT guide, G40
    """,
    "closing": """
        id: closing
        kind: closing
        title: Closing
        minutes: 5
        min_age: 10
        participant:
          key_points: [Thank you.]
    """,
    "basics": """
        id: basics
        kind: concept
        title: Basics
        topics: [grooming]
        minutes: 10
        min_age: 10
        participant:
          key_points:
            10-12: [YOUNG-POINT]
            16-17: [OLDER-POINT]
          body: Some body text.
        questions:
          - ask: What could help?
            listen_for: [FACILITATOR-LISTEN-FOR]
            follow_up: [FACILITATOR-FOLLOW-UP]
        facilitator:
          notes: [FACILITATOR-NOTE]
          key_message: FACILITATOR-KEY-MESSAGE
    """,
    "deeper": """
        id: deeper
        kind: concept
        title: Deeper
        topics: [grooming]
        requires: [basics]
        minutes: 10
        min_age: 10
        participant:
          key_points: [A deeper point.]
    """,
    "older-story": """
        id: older-story
        kind: scenario
        title: An older story
        topics: [sextortion]
        minutes: 10
        min_age: 15
        sensitivity: high
        participant:
          content_note: This story is about pressure.
          story:
            character: R
            text: R is asked for a photo.
        questions:
          - ask: What could R do?
            listen_for: [FACILITATOR-STORY-LISTEN]
    """,
    "brief": """
        id: brief
        kind: safeguarding
        title: Safeguarding brief
        minutes: 1
        min_age: 18
        facilitator:
          protocol: [FACILITATOR-PROTOCOL-STEP]
    """,
}


def write_sections(folder: Path, sections: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sections.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


@pytest.fixture
def make_library(tmp_path: Path) -> Callable[..., Path]:
    """Write SMALL_LIBRARY (with ``changes``; a value of None deletes a file) and return its folder."""

    def make(changes: dict[str, str | None] | None = None, name: str = "lib") -> Path:
        sections: dict[str, str] = dict(SMALL_LIBRARY)
        for key, value in (changes or {}).items():
            if value is None:
                sections.pop(key, None)
            else:
                sections[key] = value
        return write_sections(tmp_path / name, sections)

    return make


@pytest.fixture
def small_library(make_library: Callable[..., Path]) -> Library:
    return load_library([make_library()])


@pytest.fixture(scope="session")
def shipped() -> Library:
    return load_library()


from tests.matrix import marked, matrix  # noqa: E402,F401  (session fixtures: the full matrix, built once)
