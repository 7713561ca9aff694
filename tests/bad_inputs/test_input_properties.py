"""Properties of the input layer for catalogs and contacts (issue 20): whatever a translator or an
attacker writes, a catalog is either read as written or refused with one problem naming its line;
what the tool writes it reads back unchanged; a help website is only ever http(s) or a domain;
a translation's placeholders are never evaluated."""

from __future__ import annotations

import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.catalog import po_text, read_catalog
from facilitator.contacts import is_web_address
from facilitator.errors import FacilitatorError
from facilitator.model.words import Words, fill

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)

text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), min_size=1, max_size=60).filter(lambda t: t.strip() == t and t)


@SETTINGS
@given(entries=st.dictionaries(st.tuples(text, text), text, min_size=1, max_size=5))
def test_a_catalog_the_tool_writes_is_read_back_as_it_was(entries: dict[tuple[str, str], str]) -> None:
    catalog = Catalog(locale="nl")
    for (context, msgid), msgstr in entries.items():
        catalog.add(msgid, msgstr, context=context)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.po"
        path.write_text(po_text(catalog), encoding="utf-8")
        back = read_catalog(path)
    assert {(m.context, m.id): m.string for m in back if m.id} == {(c, i): s for (c, i), s in entries.items()}


@SETTINGS
@given(lines=st.lists(st.sampled_from(['msgctxt "a"', 'msgid "x"', 'msgstr "y"', 'msgstr ""', '"more"', '#| msgid "old"', "#, fuzzy", "", 'msgid ""',
                                       'msgstr[0] "z"', 'msgid_plural "xs"', 'msgid "x', "garbage", "\u2028"]), max_size=12))
def test_any_catalog_is_read_or_refused_with_one_line(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.po"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            read_catalog(path)
        except FacilitatorError as exc:
            assert len(exc.problems) == 1
            assert "\n" not in str(exc.problems[0])
            assert exc.problems[0].file == str(path)


@SETTINGS
@given(scheme=st.sampled_from(["javascript:", "data:", "file:", "vbscript:", "ftp://", "JaVaScRiPt:", " javascript:", "java\tscript:"]), rest=text)
def test_a_help_website_is_never_another_scheme(scheme: str, rest: str) -> None:
    assert not is_web_address(scheme + rest)


@SETTINGS
@given(translation=st.text(st.sampled_from("{}n.[]0!r:_x_ __class__mro"), max_size=30))
def test_a_translation_never_reaches_python_objects(translation: str) -> None:
    words = Words(lambda context, english: translation, "nl")
    shown = words("{n} parts", n=3)
    assert "class" not in shown or "class" in translation.replace("{", "").replace("}", "")
    assert "<" not in shown and "built-in" not in shown and "object" not in shown
    try:
        fill(translation, {"n": 3})
    except ValueError:
        pass
