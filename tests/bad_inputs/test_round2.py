"""The second hostile-input corpus (issue 20): locale packs, catalogs, contacts, templates, verify
and build-all. Each case is run as a user runs it and must keep the same promise as the first
corpus (``test_bad_inputs.py``): exit 2, one line naming where and what is wrong, no traceback,
nothing read from outside the inputs, and every file exactly as it was.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.bad_inputs.test_bad_inputs import GOOD_SECTION, Case, run_case

HEADER = '''\
msgid ""
msgstr ""
"Project-Id-Version: facilitator 0.1.0\\n"
"Language: nl\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
'''
ENTRY = '''
#: facilitator/content/sections/welcome.yaml:3
msgctxt "welcome|title|*"
msgid "Welcome"
msgstr "Welkom"
'''
LOCALE_YAML = "language: nl\ncountry: NL\n"
CONTACTS = """\
contacts:
  - role: helpline
    name: De Kindertelefoon
    phone: 0800-0432
    website: {website}
    source: {{name: "www.kindertelefoon.nl", date: 2026-12-01}}
"""


def locale(po: str = HEADER + ENTRY, settings: str = LOCALE_YAML, contacts: str | None = None, **extra: str | bytes) -> dict[str, str | bytes]:
    """The files of a small locale pack in ``loc/`` (``extra``: more files, by name in the pack)."""
    files: dict[str, str | bytes] = {"loc/locale.yaml": settings, "loc/messages.po": po}
    if contacts is not None:
        files["loc/contacts.yaml"] = contacts
    files.update({f"loc/{name.replace('__', '/')}": text for name, text in extra.items()})
    return files


def bomb() -> bytes:
    """A .pptx-shaped zip whose one member inflates to 300 MB from a few hundred kB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("ppt/media/image1.png", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(block)
    return buffer.getvalue()


BUILD = ["pack", "--only", "handout", "--locale", "loc"]
UPDATE = ["locale", "update", "loc"]
CONFIG = ["build-all", "packs.yaml"]

CASES: dict[str, Case] = {
    # -- reading outside the inputs: one rule for every input folder ---------------------------
    "locale: catalog is a link out of the pack": Case(BUILD, "messages.po: is a link to a file outside its folder",
                                                       {"loc/locale.yaml": LOCALE_YAML}, links={"loc/messages.po": "/OUTSIDE"}),
    "locale: contacts is a link out of the pack": Case(BUILD, "contacts.yaml: is a link to a file outside its folder",
                                                        locale(), links={"loc/contacts.yaml": "/OUTSIDE"}),
    "locale: a local section is a link out of the pack": Case(BUILD, "law.yaml: is a link to a file outside its folder",
                                                               locale(), links={"loc/sections/law.yaml": "/OUTSIDE"}),
    "locale: sections/ is a link out of the pack": Case(BUILD, "sections: is a link to a folder outside its folder",
                                                         locale(), links={"loc/sections": "lib"}),
    "locale: locale.yaml is a link out of the pack": Case(BUILD, "locale.yaml: is a link to a file outside its folder",
                                                           {"loc/messages.po": HEADER}, links={"loc/locale.yaml": "/OUTSIDE"}),
    "locale: update refuses a catalog that is a link": Case(UPDATE, "messages.po: is a link to a file outside its folder",
                                                             {"loc/locale.yaml": LOCALE_YAML}, links={"loc/messages.po": "/OUTSIDE"}),
    "locale: term base is a link out of the pack": Case(["check", "--quiet", "--locale", "loc"], "terms.yaml: is a link to a file outside its folder",
                                                         locale(), links={"loc/terms.yaml": "/OUTSIDE"}),
    # -- FIFOs and devices are refused by name, never opened -----------------------------------
    "locale: catalog is a FIFO": Case(BUILD, "messages.po: is a named pipe (FIFO)", {"loc/locale.yaml": LOCALE_YAML}, fifos=("loc/messages.po",)),
    "locale: a stray FIFO in the pack": Case(BUILD, "stray: is a named pipe (FIFO)", locale(), fifos=("loc/stray",)),
    "locale: contacts is a FIFO": Case(BUILD, "contacts.yaml: is a named pipe (FIFO)", locale(), fifos=("loc/contacts.yaml",)),
    "locale: status --plan with a FIFO plan": Case(["locale", "status", "loc", "--plan", "plan.yaml"], "plan.yaml", locale(), fifos=("plan.yaml",)),
    "contacts: a FIFO": Case(["pack", "--contacts", "help.yaml"], "help.yaml: --contacts: is a named pipe (FIFO)", fifos=("help.yaml",)),
    "contacts: /dev/zero": Case(["pack", "--contacts", "/dev/zero"], "/dev/zero: --contacts: is a device, not a regular file"),
    "plan: /dev/zero": Case(["pack", "/dev/zero"], "/dev/zero"),
    "plan: a FIFO": Case(["pack", "plan.yaml"], "plan.yaml", fifos=("plan.yaml",)),
    "config: /dev/zero": Case(["build-all", "/dev/zero"], "/dev/zero"),
    "config: a FIFO": Case(CONFIG, "packs.yaml", fifos=("packs.yaml",)),
    "template: a FIFO": Case(["pack", "--template", "ngo.pptx"], "--template: ngo.pptx is a named pipe (FIFO)", fifos=("ngo.pptx",)),
    # -- sizes and counts ------------------------------------------------------------------------
    "locale: a 12 MB catalog": Case(BUILD, "messages.po: is 12,", locale(po=HEADER + "#" * 12_000_000 + "\n")),
    "contacts: a 2 MB file": Case(["pack", "--contacts", "help.yaml"], "help.yaml: is 2,000,", {"help.yaml": "#" * 2_000_000}),
    "template: a zip bomb": Case(["pack", "--only", "deck", "--template", "ngo.pptx"], "ngo.pptx: --template:", {"ngo.pptx": bomb()}),
    # -- a translator's work: refused, never rewritten -----------------------------------------
    "catalog: a duplicated entry (update)": Case(UPDATE, "messages.po:16: msgid: repeats the entry of line 11", locale(po=HEADER + ENTRY + ENTRY)),
    "catalog: a duplicated entry (build)": Case(BUILD, "messages.po:16: msgid: repeats the entry of line 11", locale(po=HEADER + ENTRY + ENTRY)),
    "catalog: a second msgstr (update)": Case(UPDATE, "messages.po:14: msgstr: is a second msgstr for the entry of line 11",
                                              locale(po=HEADER + ENTRY + 'msgstr "Hallo"\n')),
    "catalog: header charset is not the bytes'": Case(BUILD, "messages.po:6: Content-Type: says the file is ISO-8859-1, but it is read as UTF-8",
                                                      locale(po=HEADER.replace("UTF-8", "ISO-8859-1") + ENTRY.replace("Welkom", "Wélkom"))),
    "catalog: garbage Plural-Forms": Case(BUILD, "messages.po:8: Plural-Forms: 'nplurals=zwei; plural=ja;' is not a plural-forms rule",
                                          locale(po=HEADER.replace("nplurals=2; plural=(n != 1);", "nplurals=zwei; plural=ja;") + ENTRY)),
    "locale init: DIR is not writable": Case(["locale", "init", "nl", "--country", "NL", "/proc/facilitator-test"], "/proc/facilitator-test: DIR: cannot be written"),
    # -- hostile text never reaches participants -------------------------------------------------
    "contacts: javascript: website": Case(["pack", "--contacts", "help.yaml"], "help.yaml:5: contacts.0.website: 'javascript:alert(1)' is not a web address",
                                          {"help.yaml": CONTACTS.format(website="javascript:alert(1)")}),
    "contacts: file: website": Case(["pack", "--contacts", "help.yaml"], "contacts.0.website: 'file:///etc/passwd' is not a web address",
                                    {"help.yaml": CONTACTS.format(website="file:///etc/passwd")}),
    "contacts: data: website in a locale pack": Case(BUILD, "contacts.yaml:5: contacts.0.website: 'data:text/html,hi' is not a web address",
                                                     locale(contacts=CONTACTS.format(website="data:text/html,hi"))),
    # -- where packs go ----------------------------------------------------------------------------
    "out: the --library folder": Case(["pack", "--only", "handout", "--library", "lib", "--out", "lib"], "--out: lib is the --library folder lib"),
    "out: inside the --library folder": Case(["pack", "--only", "handout", "--library", "lib", "--out", "lib/pack"], "--out: lib/pack is inside the --library folder lib"),
    "out: the locale folder": Case(BUILD + ["--out", "loc"], "--out: loc is the --locale folder loc", locale()),
    "out: a link": Case(["pack", "--only", "handout", "--out", "linked"], "--out: linked is a link", links={"linked": "session-pack"}),
    # -- verify never reads outside the pack ----------------------------------------------------
    "verify: manifest.json is a link": Case(["verify", "pack"], "manifest.json: is a link, not the pack's own manifest",
                                            {"pack/handout.pdf": "x"}, links={"pack/manifest.json": "/OUTSIDE"}),
    # -- build-all names ---------------------------------------------------------------------------
    "config: a pack named index.md": Case(CONFIG, "packs.1.name: 'index.md' is", {"packs.yaml": "packs:\n  - {name: index.md}\n"}),
    "config: a pack named index.html": Case(CONFIG, "packs.1.name: 'index.html' is", {"packs.yaml": "packs:\n  - {name: index.html}\n"}),
    "config: a name with a newline": Case(CONFIG, "packs.1.name: 'a\\nb' is not a folder name", {"packs.yaml": 'packs:\n  - {name: "a\\nb"}\n'}),
    # -- arguments that are not UTF-8 ------------------------------------------------------------
    "option: --title not UTF-8": Case(["pack", "--title", "Caf\udce9"], "--title: holds bytes that are not UTF-8"),
    "option: --contacts file name not UTF-8": Case(["pack", "--contacts", "help\udce9.yaml"], "--contacts: holds bytes that are not UTF-8"),
    "option: --title with a bidi override": Case(["pack", "--title", "Safe \u202eonline"], "--title: holds the invisible character U+202E"),
    "option: --org with a control character": Case(["pack", "--org", "NGO\x07"], "--org: holds the invisible character U+0007"),
    "option: --title the font cannot print": Case(["pack", "--only", "handout", "--title", "Safe \u0378"], "--title: holds letters the pack's font (DejaVuSans.ttf) cannot print: \u0378 (U+0378)"),
    "verify: a FIFO manifest": Case(["verify", "pack"], "manifest.json: is a named pipe (FIFO)", {"pack/handout.pdf": "x"}, fifos=("pack/manifest.json",)),
    "locale: the pack's folder holds a link to a folder outside": Case(BUILD, "extra: is a link to a folder outside its folder", locale(), links={"loc/extra": "lib"}),
    # -- settings ------------------------------------------------------------------------------------
    "locale: direction rtl on Dutch names the direction line": Case(BUILD, "locale.yaml:3: direction:", locale(settings=LOCALE_YAML + "direction: rtl\n")),
    "locale: a country code that does not exist": Case(BUILD, "locale.yaml:2: country: 'QQ' is not a country code", locale(settings="language: nl\ncountry: QQ\n")),
    "section: bidi override in a title": Case(["pack", "--only", "handout", "--library", "lib"], "local-law.yaml:3: title:",
                                              {"lib/local-law.yaml": GOOD_SECTION.replace("Our national law", "Our \u202enational law")}),
    "section: too many key points": Case(["check", "--quiet", "--library", "lib"], "local-law.yaml",
                                         {"lib/local-law.yaml": GOOD_SECTION + "  key_points:\n" + "".join(f"    - Point {i}.\n" for i in range(40))}),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_one_clear_line_exit_2_and_nothing_written(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(CASES[name], tmp_path, monkeypatch, capsys)
