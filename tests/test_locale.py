"""Locale packs as an NGO uses them: init, translate, build with fallbacks or --strict, update after
the library changes, local sections and contacts; and bad locale packs refused clearly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po

from facilitator import loader
from facilitator.build.pipeline import build
from facilitator.catalog import TOOL, counts
from facilitator.cli import main
from facilitator.errors import FacilitatorError
from facilitator.localepack import init_locale, load_locale, status_rows, update_locale
from facilitator.request import BuildRequest

LEFT_OUT = ("welcome|title|*", "closing|title|*")
"""Messages the test leaves untranslated: both are in every default pack."""


def read(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as f:
        return read_po(f)


def write(catalog, path: Path) -> None:  # type: ignore[no-untyped-def]
    with path.open("wb") as f:
        write_po(f, catalog)


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A German locale pack with everything translated ("DE: ...") except :data:`LEFT_OUT`."""
    folder = tmp_path_factory.mktemp("locale") / "de"
    init_locale("de", "DE", folder)
    catalog = read(folder / "messages.po")
    for message in catalog:
        if message.id and message.context not in LEFT_OUT:
            message.string = "DE: " + message.id if isinstance(message.id, str) else tuple("DE: " + form for form in message.id)
    write(catalog, folder / "messages.po")
    return folder


def test_init_makes_a_pack_whose_catalog_holds_every_string_with_stable_contexts(tmp_path: Path) -> None:
    folder, total = init_locale("de", "DE", tmp_path / "de")
    catalog = read(folder / "messages.po")
    assert total == len(catalog) > 1000
    assert catalog.plural_forms.startswith("nplurals=2")
    grooming = [m for m in catalog if m.context and m.context.startswith("grooming|participant.key_points|")]
    assert grooming and not any(ch.isdigit() for m in grooming for ch in m.context.split("|")[1])  # no list positions
    assert any(m.context == TOOL and m.id == "Where to get help" for m in catalog)
    assert load_locale(folder).paper == "a4" and (folder / "contacts.yaml").is_file()
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(folder / "messages.po")], capture_output=True).returncode == 0


def test_a_partly_translated_pack_warns_with_exactly_what_fell_back_and_strict_refuses(german: Path, tmp_path: Path) -> None:
    result = build(BuildRequest.from_options(out_dir=tmp_path / "pack", locale=str(german), only="handout"))
    fell_back = sorted(w.split(": ", 1)[1].split(":", 1)[0] for w in result.warnings if w.startswith("untranslated"))
    assert fell_back == sorted(LEFT_OUT)
    manifest = json.loads((tmp_path / "pack" / "manifest.json").read_text())
    assert manifest["locale"]["language"] == "de" and manifest["locale"]["status"] == "draft"
    assert manifest["locale"]["catalog"]["untranslated"] == len(LEFT_OUT)
    with pytest.raises(FacilitatorError) as refused:
        build(BuildRequest.from_options(out_dir=tmp_path / "strict", locale=str(german), only="handout", strict=True))
    text = "\n".join(str(p) for p in refused.value.problems)
    assert "2 texts have no translation; nothing was written" in text and all(context in text for context in LEFT_OUT)
    assert not (tmp_path / "strict").exists()


def test_update_marks_a_changed_string_fuzzy_and_reordering_keeps_translations(german: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "de"
    shutil.copytree(german, pack)
    library = tmp_path / "library"
    shutil.copytree(loader.shipped_sections_dir(), library)
    grooming = yaml.safe_load((library / "grooming.yaml").read_text(encoding="utf-8"))
    grooming["participant"]["key_points"]["13-15"].reverse()
    grooming["participant"]["body"]["13-15"] += " One sentence more."
    (library / "grooming.yaml").write_text(yaml.safe_dump(grooming, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(loader, "shipped_sections_dir", lambda: library)
    found = update_locale(pack)
    assert found["fuzzy"] == 1
    catalog = read(pack / "messages.po")
    body = [m for m in catalog if m.context == "grooming|participant.body|13-15"]
    assert len(body) == 1 and body[0].fuzzy
    points = [m for m in catalog if m.context == "grooming|participant.key_points|13-15"]
    assert points and all(m.string == "DE: " + m.id and not m.fuzzy for m in points)
    rows, total = status_rows(pack)
    assert dict(rows)["grooming"].fuzzy == 1 and total.fuzzy == 1


def test_local_sections_add_and_replace(german: Path, tmp_path: Path) -> None:
    pack = tmp_path / "de"
    shutil.copytree(german, pack)
    law = {
        "id": "law-germany", "kind": "law", "title": "Das Gesetz in Deutschland", "topics": ["law"], "min_age": 13, "minutes": 5,
        "one_text": True, "participant": {"key_points": ["DE-LOCAL-LAW: Das Gesetz schützt Kinder."]},
        "facilitator": {"notes": ["DE-LOCAL-NOTE"]},
    }
    (pack / "sections" / "law-germany.yaml").write_text(yaml.safe_dump(law, allow_unicode=True), encoding="utf-8")
    welcome = yaml.safe_load((loader.shipped_sections_dir() / "welcome.yaml").read_text(encoding="utf-8"))
    welcome["title"] = "DE-LOCAL-WELCOME"
    (pack / "sections" / "welcome.yaml").write_text(yaml.safe_dump(welcome, allow_unicode=True), encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "age: 13-15\nblocks:\n" + "".join(f"  - {{section: {s}, minutes: 5}}\n" for s in ("welcome", "ground-rules", "content-note", "question-box", "law-germany", "where-to-get-help", "closing")),
        encoding="utf-8",
    )
    result = build(BuildRequest.from_options(out_dir=tmp_path / "pack", plan_file=plan, locale=str(pack), only="handout,guide"))
    from pypdf import PdfReader

    guide = " ".join(page.extract_text() or "" for page in PdfReader(str(result.files["guide.pdf"][0])).pages)
    handout = " ".join(page.extract_text() or "" for page in PdfReader(str(result.files["handout.pdf"][0])).pages)
    assert "DE-LOCAL-LAW" in handout and "DE-LOCAL-NOTE" in guide
    assert "DE-LOCAL-WELCOME" in guide and "DE: Welcome" not in guide


GOOD_LOCALE = "language: de\ncountry: DE\n"


@pytest.mark.parametrize(
    ("name", "files", "expected"),
    [
        ("no locale.yaml", {"messages.po": ""}, "has no locale.yaml"),
        ("unknown language", {"locale.yaml": "language: xx-nowhere\ncountry: DE\n"}, "locale.yaml:1: language: 'xx-nowhere' is not a language code"),
        ("right to left", {"locale.yaml": "language: ar\ncountry: EG\n"}, "Arabic is written right to left"),
        ("contact without a source", {"locale.yaml": GOOD_LOCALE, "contacts.yaml": "contacts:\n  - {role: helpline, name: Hilfe, phone: '111'}\n"}, "contacts.yaml:2: contacts.0.source: is missing"),
        ("broken PO", {"locale.yaml": GOOD_LOCALE, "messages.po": 'msgid "a"\nmsgstr "b\n'}, "messages.po:2: is not a valid PO line"),
        ("font missing", {"locale.yaml": GOOD_LOCALE + "fonts: {regular: none.ttf, bold: none.ttf}\n"}, "fonts.regular: none.ttf is not a font file inside the locale folder"),
        ("section escaping the folder", {"locale.yaml": GOOD_LOCALE, "messages.po": "", "sections/": None}, "is a link to a file outside its folder"),
    ],
)
def test_a_bad_locale_pack_is_one_clear_error_and_nothing_is_written(
    name: str, files: dict[str, str | None], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "locale"
    pack.mkdir()
    for rel, text in files.items():
        if text is None:  # a sections/ folder holding a link to a file elsewhere
            (pack / "sections").mkdir()
            (tmp_path / "elsewhere.yaml").write_text("id: elsewhere\n", encoding="utf-8")
            (pack / "sections" / "elsewhere.yaml").symlink_to(tmp_path / "elsewhere.yaml")
        else:
            (pack / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["facilitator", "pack", "--locale", str(pack), "--only", "handout", "--out", "out"])
    with pytest.raises(SystemExit) as exited:
        main()
    err = capsys.readouterr().err
    assert exited.value.code == 2, err
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_font_without_the_needed_letters_names_them_and_where_they_come_from(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["facilitator", "pack", "--title", "Safe online 安全", "--only", "handout", "--out", str(tmp_path / "out")])
    with pytest.raises(SystemExit) as exited:
        main()
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "--title: holds letters the pack's font (DejaVuSans.ttf) cannot print: 安 (U+5B89)" in err
    assert not (tmp_path / "out").exists()


def test_counts_split_translated_fuzzy_and_untranslated(german: Path) -> None:
    c = counts(load_locale(german).catalog)
    assert c.untranslated == len(LEFT_OUT) and c.fuzzy == 0 and c.translated > 1000
