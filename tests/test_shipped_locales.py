"""The shipped locales build the default sessions entirely in their language (--strict), with
their country's paper and contacts, and no English string of the catalog's source reaches a
participant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from facilitator.build.pipeline import build
from facilitator.localepack import load_locale, resolve, shipped_locales
from facilitator.request import BuildRequest

SESSIONS = {"13-15": 60, "10-12": 45}
"""The default session and the 10-12 45-minute one: both are translated in every shipped locale."""


def _text(folder: Path) -> str:
    """Every participant output's visible text, whitespace collapsed."""
    parts = [shape.text_frame.text for slide in Presentation(str(folder / "deck.pptx")).slides for shape in slide.shapes if shape.has_text_frame]
    for name in ("handout.pdf", "cards.pdf"):
        if (folder / name).is_file():
            parts += [page.extract_text() or "" for page in PdfReader(str(folder / name)).pages]
    return " ".join(" ".join(parts).replace("’", "'").replace("“", '"').replace("”", '"').split())


@pytest.mark.parametrize("locale", shipped_locales())
@pytest.mark.parametrize("age", SESSIONS)
def test_the_session_builds_strictly_in_the_locales_language(locale: str, age: str, tmp_path: Path) -> None:
    pack = load_locale(resolve(locale))
    result = build(BuildRequest.from_options(out_dir=tmp_path, age=age, minutes=SESSIONS[age], locale=locale, strict=True, only="deck,handout,cards"))
    assert not [w for w in result.warnings if w.startswith("untranslated")]
    text = _text(tmp_path)
    # The English of every translated message (long enough not to be a name) appears nowhere.
    english = {m.id for m in pack.catalog if m.id and m.string and m.string != m.id and len(m.id) >= 24 and "{" not in m.id}
    leaked = sorted(e for e in english if " ".join(e.replace("’", "'").split()) in text)
    assert leaked == [], leaked[:5]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["inputs"]["paper"] == pack.paper and manifest["locale"]["status"] == "draft"
    helpline = next(c for c in pack.contacts if c.role == "helpline")
    assert helpline.phone and helpline.phone in text


def test_paper_follows_the_country() -> None:
    assert {locale: load_locale(resolve(locale)).paper for locale in shipped_locales()} == {"fil": "letter", "nl": "a4"}


@pytest.mark.parametrize("locale", shipped_locales())
def test_the_shipped_catalogs_pass_msgfmt_check(locale: str) -> None:
    import shutil
    import subprocess

    if shutil.which("msgfmt") is None:
        pytest.skip("gettext not installed: apt-get install -y gettext")
    po = resolve(locale) / "messages.po"
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True).returncode == 0


@pytest.mark.parametrize("locale", shipped_locales())
def test_every_band_at_30_60_and_90_minutes_is_whole_in_the_locale(locale: str) -> None:
    """What --strict checks, for every session length a user is offered: no section text, left-out
    title or word of the tool that any band's plan prints falls back to English."""
    from facilitator.build.pipeline import _untranslated, load, plan_for
    from facilitator.catalog import tool_words
    from facilitator.model import Words

    loaded = load(BuildRequest.from_options(locale=locale))
    assert loaded.locale is not None
    assert [msgid for msgid, _where in tool_words() if loaded.locale.lookup("tool", msgid) is None] == []
    for age in ("10-12", "13-15", "16-17", "adults"):
        for minutes in (30, 60, 90):
            plan = plan_for(BuildRequest.from_options(age=age, minutes=minutes, locale=locale), loaded.library)
            assert _untranslated(plan, loaded.library, Words()) == [], (age, minutes)
