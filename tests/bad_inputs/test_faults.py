"""Issue 20's causes that are not one bad file: faults (Ctrl-C during build-all, two updates at
once, a folder that cannot be written), a translator's work across updates, hostile templates
and translations, and verify never reading outside the pack."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from facilitator.catalog import read_catalog
from facilitator.errors import FacilitatorError
from facilitator.localepack import init_locale, update_locale
from facilitator.model.words import Words, fill, placeholder_problem


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("loc") / "loc"
    init_locale("nl", "NL", folder)
    return folder


def copy_of(pack: Path, tmp_path: Path) -> Path:
    target = tmp_path / "loc"
    shutil.copytree(pack, target)
    return target


# -- a translator's work ---------------------------------------------------------------------------


def test_previous_text_lines_are_kept_exactly_across_updates(pack: Path, tmp_path: Path) -> None:
    folder = copy_of(pack, tmp_path)
    po = folder / "messages.po"
    text = po.read_text(encoding="utf-8")
    entry = 'msgctxt "welcome|title|*"\n'
    assert entry in text
    text = text.replace(entry, '#, fuzzy\n#| msgctxt "welcome|title|*"\n#| msgid "Welcome, everyone"\n' + entry, 1)
    po.write_text(text, encoding="utf-8")
    update_locale(folder)
    once = po.read_bytes()
    assert b'#| msgid "Welcome, everyone"' in once and b"# |" not in once
    update_locale(folder)
    assert po.read_bytes() == once


def test_two_updates_at_once_both_finish(pack: Path, tmp_path: Path) -> None:
    folder = copy_of(pack, tmp_path)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            update_locale(folder)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    read_catalog(folder / "messages.po")
    assert not list(folder.glob(".messages.po*"))


def test_update_in_a_folder_that_cannot_be_written_is_one_problem(pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_of(pack, tmp_path)
    before = (folder / "messages.po").read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # as a read-only folder does (the tests may run as root)
    with pytest.raises(FacilitatorError, match=r"messages.po: cannot be written: Permission denied"):
        update_locale(folder)
    assert (folder / "messages.po").read_bytes() == before


def test_init_in_a_folder_that_cannot_be_written_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", refuse)
    with pytest.raises(FacilitatorError, match="DIR: cannot be written: Permission denied"):
        init_locale("nl", "NL", tmp_path / "new")
    assert not (tmp_path / "new").exists()


# -- translations never reach Python objects -------------------------------------------------------


def test_a_format_field_in_a_translation_is_never_evaluated() -> None:
    hostile = "{n.__class__.__mro__} {n[0]} {n!r} {n:>99999}"
    words = Words(lambda context, text: hostile, "nl")
    assert words("{n} parts", n=3) == "3 parts"
    assert placeholder_problem("{n} parts", "{n.__class__} delen") is not None
    with pytest.raises(ValueError):
        fill("{n.__class__}", {"n": 3})
    with pytest.raises(ValueError):
        fill("{unknown}", {"n": 3})
    assert fill("{{n}} {n}", {"n": 3}) == "{n} 3"


def test_an_unknown_placeholder_falls_back_to_english() -> None:
    words = Words(lambda context, text: "{aantal} delen", "nl")
    assert words("{n} parts", n=3) == "3 parts"
    assert words.missing()


# -- templates -------------------------------------------------------------------------------------


def hostile_template(path: Path) -> None:
    from lxml import etree
    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    layout = prs.slide_layouts.get_by_name("Title and Content")
    link = layout.part.relate_to("https://tracker.example/pixel.gif", RT.HYPERLINK, is_external=True)
    picture = layout.part.relate_to("file:///etc/passwd", RT.IMAGE, is_external=True)
    title = next(iter(layout.placeholders))
    c_nv_pr = title._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    click = etree.SubElement(c_nv_pr, "{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick")
    click.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", link)
    layout._element.cSld.spTree.append(etree.fromstring(
        '<p:pic xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:nvPicPr><p:cNvPr id="99" name="Picture"/><p:cNvPicPr/><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:link="{picture}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="10" cy="10"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'))
    vba = Part(PackURI("/ppt/vbaProject.bin"), "application/vnd.ms-office.vbaProject", prs.part.package, b"MACRO-PROJECT")
    prs.part.relate_to(vba, "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    prs.save(str(path))


def test_a_templates_external_links_and_macros_never_reach_the_deck(tmp_path: Path) -> None:
    from decks.template import open_stage

    template = tmp_path / "ngo.pptx"
    hostile_template(template)
    stage = open_stage(template)
    out = tmp_path / "deck.pptx"
    stage.prs.save(str(out))
    with zipfile.ZipFile(out) as deck:
        for name in deck.namelist():
            data = deck.read(name)
            assert b'TargetMode="External"' not in data, name
            assert b"passwd" not in data and b"tracker.example" not in data, name
            assert b"vbaProject" not in data and b"MACRO-PROJECT" not in data, name


def test_a_zip_bomb_template_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    from decks.template import open_stage
    from tests.bad_inputs.test_round2 import bomb

    template = tmp_path / "ngo.pptx"
    template.write_bytes(bomb())
    with pytest.raises(FacilitatorError, match="--template: expands to"):
        open_stage(template)


# -- verify ----------------------------------------------------------------------------------------


def test_verify_never_follows_a_document_that_is_a_link_out_of_the_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator.build.manifest import sha256
    from facilitator.verify import verify_pack

    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret %%EOF")
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "handout.pdf").symlink_to(secret)
    (folder / "cards.pdf").symlink_to(secret)
    entry = {"handout.pdf": {"sha256": sha256(secret.read_bytes()), "bytes": secret.stat().st_size}}
    (folder / "manifest.json").write_text(json.dumps({"files": entry}), encoding="utf-8")
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    report = verify_pack(folder)
    assert not report.ok
    assert {f.name for f in report.problems} == {"handout.pdf", "cards.pdf"}
    assert all("link" in f.message for f in report.problems)
    assert not any("secret" in name or "handout" in name or "cards" in name for name in opened)


# -- Ctrl-C during build-all -------------------------------------------------------------------


def test_ctrl_c_during_build_all_stops_soon_says_what_finished_and_leaves_no_half_pack(tmp_path: Path) -> None:
    config = tmp_path / "packs.yaml"
    config.write_text("defaults: {only: [handout]}\npacks:\n" + "".join(
        f"  - {{name: p{i}, age: {age}, minutes: 60}}\n" for i, age in enumerate(["10-12", "13-15", "16-17", "adults"] * 2)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen([sys.executable, "-m", "facilitator", "build-all", str(config), "--out", "packs", "--jobs", "2"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    start = time.monotonic()
    while time.monotonic() - start < 120 and not list((tmp_path / "packs").glob("*/manifest.json")):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stopped = time.monotonic()
    _out, err = process.communicate(timeout=30)
    assert time.monotonic() - stopped < 10
    assert process.returncode == 130, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted:" in lines[0] and "of 8 packs finished" in lines[0], err
    assert "Traceback" not in err
    packs = tmp_path / "packs"
    assert not [p.name for p in packs.iterdir() if p.name.startswith(".facilitator-")]
    for folder in (p for p in packs.iterdir() if p.is_dir()):
        assert (folder / "manifest.json").is_file() and (folder / "handout.pdf").is_file(), folder
        assert folder.name in lines[0]


# -- what a translation may not do to participants ---------------------------------------------


def test_a_translation_that_removes_where_to_get_help_is_warned_and_refused_with_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from facilitator.cli import main
    from facilitator.localepack import shipped_locales_dir

    folder = tmp_path / "loc"
    shutil.copytree(shipped_locales_dir() / "nl", folder)
    po = folder / "messages.po"
    text = po.read_text(encoding="utf-8")
    entry = 'msgctxt "tool"\nmsgid "Where to get help"\nmsgstr "'
    start = text.index(entry) + len(entry)
    po.write_text(text[:start] + '."' + text[text.index("\n", start):], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["facilitator", "pack", "--locale", "loc", "--only", "deck", "--strict"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "would not see where to get help" in err and "Traceback" not in err
    assert not (tmp_path / "session-pack").exists()


def test_a_participant_entry_translated_as_facilitator_text_is_found() -> None:
    from facilitator.catalog import section_texts
    from facilitator.helpcheck import copied_facilitator_text
    from facilitator.loader import load_library
    from facilitator.model.audience import parse_audience
    from facilitator.planner import make_plan
    from facilitator.yamlfile import read_yaml

    library = load_library()
    plan = make_plan(library, parse_audience("13-15"), 60)
    sid = next(b.section_id for b in plan.blocks
               if any(not t.participant for t in section_texts(b.section_id, read_yaml(Path(library[b.section_id].origin))[0])))
    texts = list(section_texts(sid, read_yaml(Path(library[sid].origin))[0]))
    note = next(t for t in texts if not t.participant and len(t.text) > 20)
    target = next(t for t in texts if t.participant and len(t.text) > 20)
    found = copied_facilitator_text(plan, library, lambda context, text: note.text if (context, text) == (target.context, target.text) else None)
    assert len(found) == 1 and target.context in found[0]
    assert copied_facilitator_text(plan, library, lambda context, text: None) == []


def test_a_valid_entry_holding_a_line_separator_is_read(tmp_path: Path) -> None:
    from tests.bad_inputs.test_round2 import HEADER

    po = tmp_path / "messages.po"
    po.write_text(HEADER + '\nmsgctxt "welcome|title|*"\nmsgid "Welcome"\nmsgstr "Wel\u2028kom"\n', encoding="utf-8")
    catalog = read_catalog(po)
    assert catalog.get("Welcome", context="welcome|title|*").string == "Wel\u2028kom"
