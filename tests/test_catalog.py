"""Catalogs as gettext writes them: msgcat and msgmerge leave the shipped files byte-identical,
the shipped template is current, references name the YAML file and line, the header is filled;
placeholders are checked (check --locale, builds) and counts have plural forms."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from facilitator.catalog import (
    PAGE_WIDTH,
    CatalogLookup,
    localise_data,
    placeholder_problem,
    placeholder_problems,
    po_text,
    read_catalog,
    stable_date,
    write_catalog,
)
from facilitator.cli import main
from facilitator.localepack import init_locale, library_template, resolve, shipped_locales, shipped_template, update_locale
from facilitator.model import Words

GETTEXT = shutil.which("msgcat") is not None and shutil.which("msgmerge") is not None
needs_gettext = pytest.mark.skipif(not GETTEXT, reason="gettext not installed: apt-get install -y gettext")


def _shipped_files() -> list[Path]:
    return [resolve(locale) / "messages.po" for locale in shipped_locales()] + [shipped_template()]


@needs_gettext
@pytest.mark.parametrize("path", _shipped_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_msgcat_leaves_a_shipped_catalog_byte_identical(path: Path, tmp_path: Path) -> None:
    out = tmp_path / path.name
    subprocess.run(["msgcat", str(path), "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == path.read_bytes()


@needs_gettext
@pytest.mark.parametrize("locale", shipped_locales())
def test_msgmerge_with_the_catalogs_template_leaves_it_byte_identical(locale: str, tmp_path: Path) -> None:
    """The template is the catalog's own messages (untranslated, same references and date), so the
    test holds while the library is being edited; ``locale update`` writes what msgmerge writes."""
    po = resolve(locale) / "messages.po"
    catalog = read_catalog(po, locale)
    pot = Catalog(project="facilitator", fuzzy=True)
    pot.creation_date = catalog.creation_date
    for m in catalog:
        if m.id:
            pot.add(m.id, context=m.context, auto_comments=m.auto_comments, locations=m.locations, flags=set(m.flags) - {"fuzzy"})
    (tmp_path / "messages.pot").write_text(po_text(pot, template=True), encoding="utf-8")
    out = tmp_path / "merged.po"
    subprocess.run(["msgmerge", "--quiet", str(po), str(tmp_path / "messages.pot"), "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == po.read_bytes()


def test_the_shipped_template_is_current() -> None:
    """Regenerating the template gives the shipped bytes (run `python -m facilitator locale template`)."""
    shipped = shipped_template()
    fresh = library_template()
    stable_date(fresh, read_catalog(shipped))
    assert po_text(fresh, template=True) == shipped.read_text(encoding="utf-8"), "run: python -m facilitator locale template"


@needs_gettext
def test_wrapping_is_gettexts_for_hyphens_slashes_quotes_escapes_and_long_words(tmp_path: Path) -> None:
    catalog = Catalog(locale="nl", project="facilitator")
    texts = [
        "A well-known, much-loved and/or long-established " * 3 + "end.",
        'She said: "Stop, please." Then she left – quickly — without looking back at the people who stood there.',
        "Line one is short.\nLine two is a good deal longer than the first one and has to be wrapped somewhere.\n",
        "x" * 120 + " and then some words",
        "Placeholders {title} and {minutes} stay whole: {title}{minutes}{title}{minutes}{title}{minutes}{title}{minutes}.",
        "Ends with a newline\n",
        "tab\there, backslash \\ there, and a quote \" somewhere in a line that is long enough to wrap around.",
    ]
    for i, text in enumerate(texts):
        catalog.add(text, text.upper(), context=f"test|{i}|*", locations=[("facilitator/content/sections/a-rather-long-file-name.yaml", 100 + i)] * 1)
    path = tmp_path / "x.po"
    write_catalog(catalog, path)
    out = tmp_path / "y.po"
    subprocess.run(["msgcat", str(path), "-o", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert max(len(line) for line in path.read_text(encoding="utf-8").splitlines() if "x" * 60 not in line.lower()) <= PAGE_WIDTH
    assert {m.id: m.string for m in read_catalog(path) if m.id} == {t: t.upper() for t in texts}


def test_references_name_the_yaml_file_and_line_and_code_by_file() -> None:
    text = shipped_template().read_text(encoding="utf-8")
    entry = text.split('msgctxt "grooming|title|*"')[0].rsplit("\n\n", 1)[1]
    ref = next(line for line in entry.splitlines() if line.startswith("#: "))[3:]
    file, line = ref.rsplit(":", 1)
    assert file == "facilitator/content/sections/grooming.yaml"
    yaml_line = (Path(__file__).parent.parent / file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert yaml_line.startswith("title:")
    assert "#: handouts/pages.py" in text or "#: handouts/" in text  # the tool's words: the file, no line
    assert "#. the tool's own words" in text and "#. shown to participants" in text


def test_init_writes_a_filled_header_and_update_keeps_the_translators(tmp_path: Path) -> None:
    folder, _count = init_locale("de", "DE", tmp_path / "de")
    text = (folder / "messages.po").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0]
    assert "Project-Id-Version: facilitator 0.1.0" in head and "Plural-Forms: nplurals=2; plural=(n != 1);" in head
    for placeholder in ("YEAR-MO-DA", "FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "ORGANIZATION", "Generated-By"):
        assert placeholder not in head, placeholder
    po = folder / "messages.po"
    po.write_text(text.replace('"Last-Translator: \\n"', '"Last-Translator: Anna Schmidt <anna@example.org>\\n"\n"X-Generator: Poedit 3.4\\n"'), encoding="utf-8")
    update_locale(folder)
    after = po.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "Last-Translator: Anna Schmidt <anna@example.org>" in after and "X-Generator: Poedit 3.4" in after


def test_update_with_library_merges_an_ngos_own_sections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _count = init_locale("de", "DE", tmp_path / "de")
    mine = tmp_path / "ngo-sections"
    mine.mkdir()
    (mine / "law-germany.yaml").write_text("id: law-germany\nkind: law\ntitle: The law in Germany\ntopics: [law]\nmin_age: 13\nminutes: 5\n"
                                           "participant:\n  key_points:\n    - NGO-OWN-POINT\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["facilitator", "locale", "update", str(folder), "--library", str(mine)])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0, capsys.readouterr().err
    catalog = read_catalog(folder / "messages.po", "de")
    point = [m for m in catalog if m.id == "NGO-OWN-POINT"]
    assert point and point[0].context == "law-germany|participant.key_points|*" and point[0].locations == [("ngo-sections/law-germany.yaml", 9)]


def test_placeholder_problems_are_one_line_each() -> None:
    assert placeholder_problem("Section {title}", "Abschnitt {titel}") == "placeholder {titel} is not in the English ({title})"
    assert placeholder_problem("{minutes} minutes, {start}", "{start}") == "placeholder {minutes} of the English is missing"
    assert placeholder_problem("{minutes} min", "{minutes min").startswith("has an unmatched {")
    assert placeholder_problem("{minutes} min", "{minutes} Min.") is None
    assert placeholder_problem("No braces here", "Keine {Klammern}") is None  # the English is not a format string
    assert placeholder_problem(("{n} card", "{n} cards"), "{n} Karten") is None


def test_check_locale_reports_a_misspelt_placeholder_with_the_po_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nl"
    shutil.copytree(resolve("nl"), folder)
    po = folder / "messages.po"
    text = po.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line == 'msgid "Page {page} of {total}"')
    assert lines[number].startswith('msgstr "') and "{page}" in lines[number]
    lines[number] = lines[number].replace("{page}", "{pagina}")
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["facilitator", "check", "--locale", str(folder), "--quiet"])
    with pytest.raises(SystemExit) as exited:
        main()
    err = capsys.readouterr().err
    assert exited.value.code == 2, err
    assert f"error: nl/messages.po:{number}: tool: placeholder {{pagina}} is not in the English ({{page}}, {{total}})" in err
    assert "internal error" not in err and "Traceback" not in err
    # A build prints that entry in English, names the PO line, and --strict refuses.
    from facilitator.build.pipeline import build
    from facilitator.errors import FacilitatorError
    from facilitator.request import BuildRequest

    result = build(BuildRequest.from_options(out_dir=tmp_path / "pack", locale=str(folder), only="handout"))
    assert any(f"nl/messages.po:{number}: tool: placeholder {{pagina}}" in w for w in result.warnings), result.warnings
    with pytest.raises(FacilitatorError) as refused:
        build(BuildRequest.from_options(out_dir=tmp_path / "strict", locale=str(folder), only="handout", strict=True))
    assert "placeholder {pagina}" in str(refused.value)


def test_shipped_catalogs_have_no_placeholder_problems() -> None:
    for locale in shipped_locales():
        po = resolve(locale) / "messages.po"
        assert placeholder_problems(read_catalog(po, locale), po) == []


def test_section_text_with_broken_placeholders_falls_back_with_its_po_line(tmp_path: Path) -> None:
    catalog = Catalog(locale="de")
    catalog.add("Hello {name}", "Hallo {nmae}", context="s|title|*", lineno=7)
    catalog.add("Plain text", "Klartext", context="s|participant.body|*", lineno=11)
    out, missing = localise_data("s", {"title": "Hello {name}", "participant": {"body": "Plain text"}}, CatalogLookup(catalog, tmp_path / "de.po"))
    assert out == {"title": "Hello {name}", "participant": {"body": "Klartext"}}
    assert [(t.context, t.text) for t in missing] == [(f"{tmp_path / 'de.po'}:7: s|title|*", "placeholder {nmae} is not in the English ({name})")]


def test_words_plural_uses_the_catalogs_plural_forms() -> None:
    assert Words().plural("{minutes} minute", "{minutes} minutes", 1, minutes=1) == "1 minute"
    assert Words().plural("{minutes} minute", "{minutes} minutes", 5, minutes=5) == "5 minutes"
    catalog = Catalog(locale="nl")
    catalog.add(("{minutes} minute", "{minutes} minutes"), ("{minutes} minuut", "{minutes} minuten"), context="tool")
    words = Words(CatalogLookup(catalog), "nl")
    assert [words.plural("{minutes} minute", "{minutes} minutes", n, minutes=n) for n in (1, 2)] == ["1 minuut", "2 minuten"]
    assert words.missing() == []
    assert Words(CatalogLookup(Catalog(locale="nl")), "nl").plural("{n} card", "{n} cards", 3) == "3 cards"


def test_plural_words_are_extracted_with_both_forms() -> None:
    template = library_template()
    plurals = {m.id for m in template if isinstance(m.id, tuple)}
    assert ("Timing: {minutes} minute, {start} to {end}.", "Timing: {minutes} minutes, {start} to {end}.") in plurals
    assert not any(m.id == "Timing: {minutes} minutes, {start} to {end}." for m in template)
