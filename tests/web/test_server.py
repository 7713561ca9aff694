"""The page's routes through Flask's test client: forms, errors next to their fields, the plan's
rules, building and downloading, and the checks that keep other web pages out."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from facilitator.verify import verify_pack
from facilitator.web.guard import Guard
from facilitator.web.server import create_app
from tests.web.conftest import CONTACTS, csrf_of, wait_for


def post(client: Any, path: str, data: dict[str, Any], **kwargs: Any) -> Any:
    return client.post(path, data={"csrf": csrf_of(client), **data}, content_type="multipart/form-data", **kwargs)


def make(client: Any, **fields: Any) -> str:
    """Make a session; the address of its plan page."""
    response = post(client, "/session", fields)
    assert response.status_code == 303, response.get_data(as_text=True)
    return str(response.headers["Location"])


def field_errors(page: str, field: str) -> list[str]:
    found = re.search(rf'<ul class="error" id="{field}-error">(.*?)</ul>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1), re.S) if found else []


def test_the_first_page_offers_every_band_with_who_it_is_for(client: Any) -> None:
    page = client.get("/").get_data(as_text=True)
    for band in ("10-12", "13-15", "16-17", "adults"):
        assert f'id="age-{band}"' in page
    assert "Primary and early secondary pupils" in page
    assert 'for="contacts"' in page and 'for="template"' in page and 'name="csrf"' in page


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"age_text": "8"}, "age_text", "includes ages under 10"),
        ({"minutes": "an hour"}, "minutes", "is not a whole number"),
        ({"minutes": "900"}, "minutes", "is not a number of minutes"),
        ({"start": "9.30"}, "start", "is not a clock time (write it as HH:MM"),
        ({"title": "x" * 121}, "title", "is 121 characters long"),
        ({"contact_name": "A helpline", "contact_phone": "123"}, "contact_source", "is missing"),
        ({"contact_name": "A helpline", "contact_source": "its page", "contact_checked": "2026-12-01"}, "contact_phone", "a phone number or a website"),
    ],
)
def test_bad_input_is_shown_next_to_its_field_in_the_command_lines_words(client: Any, fields: dict[str, str], field: str, words: str) -> None:
    response = post(client, "/session", fields)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert any(words in e for e in field_errors(page, field)), field_errors(page, field)
    assert "Traceback" not in page


def test_a_bad_contacts_file_is_named_with_its_line(client: Any) -> None:
    bad = b"contacts:\n  - role: helpline\n    name: No source\n    phone: '1'\n"
    page = post(client, "/session", {"contacts": (io.BytesIO(bad), "contacts.yaml")}).get_data(as_text=True)
    assert any(e.startswith("line 2:") and "source" in e for e in field_errors(page, "contacts")), field_errors(page, "contacts")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("big.pptx", b"x" * (20 * 1024 * 1024 + 1), "larger than"),
        ("notes.pptx", b"not a zip at all", "is not a .pptx file"),
    ],
)
def test_a_template_that_is_not_one_is_refused(client: Any, name: str, data: bytes, words: str) -> None:
    page = post(client, "/session", {"template": (io.BytesIO(data), name)}).get_data(as_text=True)
    assert any(words in e for e in field_errors(page, "template")), page[:2000]


def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for info, content in entries:
            z.writestr(info, content)
    return data.getvalue()


def test_a_zip_bomb_or_a_link_inside_a_template_is_refused(client: Any) -> None:
    bomb = _zip([("ppt/presentation.xml", b"<p/>"), ("ppt/media/huge.bin", b"\0" * (210 * 1024 * 1024))])
    assert len(bomb) < 1024 * 1024
    page = post(client, "/session", {"template": (io.BytesIO(bomb), "t.pptx")}).get_data(as_text=True)
    assert any("unpacks to more than" in e for e in field_errors(page, "template"))
    link = zipfile.ZipInfo("ppt/presentation.xml")
    link.external_attr = 0o120777 << 16
    page = post(client, "/session", {"template": (io.BytesIO(_zip([(link, b"/etc/passwd")])), "t.pptx")}).get_data(as_text=True)
    assert any("holds a link" in e for e in field_errors(page, "template"))


def test_a_post_without_its_csrf_token_or_from_another_site_is_refused(client: Any) -> None:
    assert client.post("/session", data={"age": "13-15"}).status_code == 400
    response = post(client, "/session", {"age": "13-15"}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_another_host_name_is_refused_against_dns_rebinding(client: Any) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"Host": "localhost:81"}).status_code == 403
    assert client.get("/", headers={"Host": "127.0.0.1:80"}).status_code == 200


def test_on_a_network_the_page_needs_its_token_once() -> None:
    guard = Guard(port=80, network=True)
    client = create_app(guard).test_client()
    assert client.get("/", headers={"Host": "192.168.1.5"}).status_code == 403
    assert client.get(f"/?token={guard.token}", headers={"Host": "192.168.1.5"}).status_code == 200
    assert client.get("/", headers={"Host": "192.168.1.5"}).status_code == 200  # remembered by the session


def test_a_fault_is_one_calm_sentence_never_a_traceback(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import facilitator.web.server as server

    monkeypatch.setattr(server, "topic_lines", lambda: 1 / 0)
    page = client.get("/").get_data(as_text=True)
    assert "Something went wrong on this page" in page and "ZeroDivisionError" not in page and "Traceback" not in page


def test_unknown_addresses_and_ids_are_not_found(client: Any) -> None:
    assert client.get("/s/nope/plan").status_code == 404
    assert client.get("/library/../../etc/passwd").status_code == 404


class TestPlan:
    @pytest.fixture(scope="class")
    def plan_page(self, client: Any) -> str:
        return make(client, age="10-12", minutes="45")

    def test_the_plan_shows_the_agenda_with_clock_times(self, client: Any, plan_page: str) -> None:
        page = client.get(plan_page).get_data(as_text=True)
        assert "ages 10-12, 45 minutes" in page and "09:00" in page
        assert "Left out, and why" in page

    def test_moving_retiming_and_removing_follow_the_plan_rules(self, client: Any, plan_page: str) -> None:
        def rows() -> list[str]:
            return re.findall(r'<tr id="block-\d+".*?<span lang="en">(.*?)</span>', client.get(plan_page).get_data(as_text=True), re.S)

        before = rows()
        assert post(client, plan_page, {"action": "remove:1"}).status_code == 303
        assert rows() == before[:1] + before[2:]
        assert post(client, plan_page, {"action": "retime", "minutes-0": "7"}).status_code == 303
        assert 'id="minutes-0" name="minutes-0" value="7"' in client.get(plan_page).get_data(as_text=True)
        help_at = next(i for i, t in enumerate(rows()) if "help" in t.lower())
        response = post(client, plan_page, {"action": f"remove:{help_at}"})
        assert response.status_code == 400
        assert "the plan has no &#39;where to get help&#39; block" in response.get_data(as_text=True)
        bad = post(client, plan_page, {"action": "retime", "minutes-0": "zero"})
        assert "is not a number of minutes" in bad.get_data(as_text=True)

    def test_a_section_is_added_before_the_help_and_close(self, client: Any, plan_page: str) -> None:
        page = client.get(plan_page).get_data(as_text=True)
        sid = re.search(r'<option value="([a-z0-9-]+)" lang="en">', page).group(1)
        assert post(client, plan_page, {"action": "add", "section": sid}).status_code == 303
        assert f'value="{sid}"' not in client.get(plan_page).get_data(as_text=True)  # it is in the plan now

    def test_plan_yaml_goes_down_and_comes_back(self, client: Any, plan_page: str) -> None:
        text = client.get(plan_page + ".yaml").get_data()
        assert b"age: 10-12" in text and b"blocks:" in text
        assert post(client, plan_page + ".yaml", {"plan": (io.BytesIO(text), "plan.yaml")}).status_code == 303

    @pytest.mark.parametrize(
        ("data", "words"),
        [
            (b"age: 10-12\nblocks: [\n", "line"),
            (b"a: &a [x, x]\nb: &b [*a, *a]\nage: 10-12\nblocks: [*b]\n", "alias"),
            (b"age: 10-12\nblocks:\n  - {section: help-for-older, minutes: 5}\n", "is not a section"),
        ],
    )
    def test_a_bad_or_hostile_plan_upload_is_refused_with_its_line(self, client: Any, plan_page: str, data: bytes, words: str) -> None:
        response = post(client, plan_page + ".yaml", {"plan": (io.BytesIO(data), "plan.yaml")})
        assert response.status_code == 400
        assert any(words in e for e in field_errors(response.get_data(as_text=True), "plan")), response.get_data(as_text=True)[:3000]


@pytest.fixture(scope="module")
def built(client: Any) -> tuple[str, str]:
    """A 10-12 pack with uploaded contacts, built: its build page address and the finished page."""
    plan_page = make(client, age="10-12", minutes="45", topics="grooming", contacts=(io.BytesIO(CONTACTS.encode()), "contacts.yaml"))
    response = post(client, plan_page.replace("/plan", "/build"), {})
    assert response.status_code == 303
    address = str(response.headers["Location"])
    return address, wait_for(client, address)


def test_a_build_lists_its_files_slides_and_warnings(built: tuple[str, str]) -> None:
    _, page = built
    assert "The pack is ready" in page
    assert re.search(r"deck\.pptx</a> \(\d+ slides\)", page) and re.search(r"handout\.pdf</a> \(\d+ pages?\)", page)
    assert "<ol class=\"slides\"" in page


def test_the_zip_is_the_pack_and_verifies(client: Any, built: tuple[str, str], tmp_path: Path) -> None:
    address, _ = built
    data = client.get(address + "/session-pack.zip").get_data()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        z.extractall(tmp_path)
    pack = tmp_path / "session-pack"
    assert verify_pack(pack).ok
    assert {"deck.pptx", "handout.pdf", "guide.pdf", "plan.yaml", "manifest.json", "contacts.yaml"} <= {p.name for p in pack.iterdir()}
    assert "contacts: contacts.yaml" in (pack / "plan.yaml").read_text()
    assert client.get(address + "/session-pack.zip").get_data() == data  # the same pack, the same bytes


def test_a_pdf_opens_in_the_browser_and_only_the_packs_files_are_served(client: Any, built: tuple[str, str]) -> None:
    address, _ = built
    pdf = client.get(address + "/files/handout.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and "attachment" not in pdf.headers.get("Content-Disposition", "")
    assert client.get(address + "/files/..%2Fcontacts.yaml").status_code == 404
    assert client.get(address + "/files/unknown.pdf").status_code == 404


def test_the_library_shows_what_an_age_may_see_in_both_views(client: Any) -> None:
    young = client.get("/library?age=10-12").get_data(as_text=True)
    older = client.get("/library?age=16-17").get_data(as_text=True)
    assert young.count("<tr><th") < older.count("<tr><th")
    sid = re.search(r'href="/library/([a-z0-9-]+)\?', young).group(1)
    page = client.get(f"/library/{sid}?age=10-12").get_data(as_text=True)
    assert "What participants see" in page and "For the facilitator only" in page
    above = next(s for s in re.findall(r'href="/library/([a-z0-9-]+)\?', older) if s not in young)
    assert client.get(f"/library/{above}?age=10-12").status_code == 404
