"""No network access, ever: a full build never opens a socket or looks up a host name."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from facilitator.build.pipeline import build
from facilitator.request import OUTPUT_NAMES, BuildRequest


def test_a_full_build_uses_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access during a build: socket.{name}")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    out = tmp_path / "pack"
    request = BuildRequest.from_options(out_dir=out)
    assert request.only == OUTPUT_NAMES
    result = build(request)
    # Caught somewhere or not, an attempt fails the test.
    assert attempts == []
    assert {"deck.pptx", "handout.pdf", "cards.pdf", "guide.pdf"} <= set(result.counts)
    assert all((out / name).is_file() for name in result.counts)
