"""The page under test: one app per module, its workspace in a temporary folder."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from facilitator.web.guard import Guard
from facilitator.web.server import create_app
from facilitator.web.workspace import Workspace

CONTACTS = """\
contacts:
  - role: helpline
    name: Test Helpline
    phone: "0800 111 222"
    source: {name: "the helpline's own page", date: 2026-12-01}
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    space = Workspace(tmp_path_factory.mktemp("workspace"), max_builds=2)
    yield space
    space.close()


@pytest.fixture(scope="module")
def client(workspace: Workspace) -> Any:
    app = create_app(Guard(port=80), workspace)
    return app.test_client()


def csrf_of(client: Any, path: str = "/") -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no CSRF token"
    return found.group(1)


def wait_for(client: Any, build_page: str, seconds: float = 60) -> str:
    """The build page once the build has finished."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get(build_page + "/status").get_json()
        if status["state"] in ("done", "failed"):
            return str(client.get(build_page).get_data(as_text=True))
        time.sleep(0.1)
    raise AssertionError("the build did not finish")
