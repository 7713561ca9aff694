"""The page in a real browser: Debian's Chromium driven by Playwright (no browser download).

A peer educator makes a 10-12, 45-minute session with a topic and their contacts file, removes one
part and retimes another, builds, downloads the zip; the unzipped pack verifies and its help slide
prints their helpline. Bad input shows its message next to the field, and axe-core finds no serious
or critical accessibility problem on any page, at desktop and at phone width.

Set ``FACILITATOR_SCREENSHOTS=DIR`` to keep the screenshots (the README's picture comes from here).
"""

from __future__ import annotations

import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.verify import verify_pack
from facilitator.web.guard import Guard
from facilitator.web.server import create_app
from facilitator.web.workspace import Workspace
from tests.web.conftest import CONTACTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("the browser test needs Debian's chromium (apt-get install chromium); .ci/run installs it")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page served by waitress on a free port, as ``facilitator app`` serves it."""
    from waitress import create_server

    space = Workspace(tmp_path_factory.mktemp("workspace"))
    guard = Guard(port=0)
    server = create_server(create_app(guard, space), host="127.0.0.1", port=0, threads=4)
    guard.port = int(server.effective_port)  # type: ignore[union-attr]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{guard.port}"
    space.close()  # the server's daemon thread ends with the tests (closing it from here races its poll loop)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, bypass_csp=True, viewport={"width": 1100, "height": 900})
    yield context.new_page()
    context.close()


def shot(page: Any, name: str) -> None:
    keep = os.environ.get("FACILITATOR_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(keep) / name), full_page=True)


def serious_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_a_session_is_made_edited_built_and_downloaded(page: Any, address: str, tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.yaml"
    contacts.write_text(CONTACTS, encoding="utf-8")
    page.goto(address)
    assert serious_violations(page) == []
    shot(page, "app-session.png")
    page.get_by_label("Ages 10-12").check()
    page.get_by_label("Minutes", exact=True).fill("45")
    page.get_by_label("Grooming").check()
    page.get_by_label("Upload a contacts.yaml").set_input_files(str(contacts))
    page.get_by_role("button", name="Plan the session").click()

    page.wait_for_url("**/plan")
    assert "ages 10-12, 45 minutes" in page.locator("h1").inner_text()
    assert serious_violations(page) == []
    shot(page, "app-plan.png")
    rows = page.locator("table.agenda tbody tr")
    count = rows.count()
    removed = rows.nth(1).locator("th span").inner_text()
    page.get_by_role("button", name=f"Remove {removed}").click()
    page.wait_for_load_state()
    assert page.locator("table.agenda tbody tr").count() == count - 1
    page.locator("#minutes-0").fill("8")
    page.get_by_role("button", name="Save the minutes").click()
    page.wait_for_load_state()
    assert page.locator("#minutes-0").input_value() == "8"

    page.get_by_role("button", name="Build the pack").click()
    page.get_by_role("heading", name="The pack is ready").wait_for(timeout=60_000)
    assert serious_violations(page) == []
    shot(page, "app-pack.png")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the whole pack (.zip)").click()
    zipped = tmp_path / "pack.zip"
    download.value.save_as(zipped)
    with zipfile.ZipFile(zipped) as z:
        z.extractall(tmp_path)
    pack = tmp_path / "session-pack"
    assert verify_pack(pack).ok

    from pptx import Presentation

    deck = Presentation(str(pack / "deck.pptx"))
    help_slides = [s for s in deck.slides if s.shapes.title is not None and "help" in s.shapes.title.text_frame.text.lower()]
    text = " ".join(sh.text_frame.text for s in help_slides for sh in s.shapes if sh.has_text_frame)
    assert "Test Helpline" in text and "0800 111 222" in text
    assert removed not in (pack / "plan.yaml").read_text(encoding="utf-8") or removed.lower() in ("welcome",)


def test_bad_input_shows_its_message_next_to_the_field(page: Any, address: str) -> None:
    page.goto(address)
    page.get_by_label("Or give an age or a range").fill("8")
    page.get_by_label("Minutes", exact=True).fill("an hour")
    page.get_by_role("button", name="Plan the session").click()
    page.wait_for_load_state()
    assert "includes ages under 10" in page.locator("#age_text-error").inner_text()
    assert "is not a whole number" in page.locator("#minutes-error").inner_text()
    assert page.locator("#minutes").get_attribute("aria-invalid") == "true"
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["/library?age=10-12", "/library/where-to-get-help?age=10-12"])
def test_the_library_pages_are_accessible(page: Any, address: str, path: str) -> None:
    page.goto(address + path)
    assert page.locator("h1").count() == 1
    assert serious_violations(page) == []


def test_at_phone_width_nothing_scrolls_sideways(browser: Any, address: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, bypass_csp=True)
    page = context.new_page()
    page.goto(address)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert serious_violations(page) == []
    shot(page, "app-phone.png")
    page.get_by_role("button", name="Plan the session").click()
    page.wait_for_url("**/plan")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "app-phone-plan.png")
    context.close()
