"""A locale's term base keeps the key terms' rendering: an entry that renders a term with an
avoided word is named with its PO file and line; a word the English itself quotes is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from facilitator.catalog import read_catalog
from facilitator.localepack import resolve, shipped_locales
from facilitator.termbase import Term, check_terms, load_terms

TERMS = [Term(en="make a child look at or do sexual things", use="ipagawa", also=["ipatingin"], avoid=["pilitin", "namilit"]),
         Term(en="children's services", use="Veilig Thuis", avoid=["jeugdzorg"])]


def catalog(*entries: tuple[str, str]) -> Catalog:
    c = Catalog(locale="fil")
    for i, (english, translation) in enumerate(entries):
        c.add(english, translation, context=f"s|participant.body|{i}", lineno=10 + i)
    return c


def test_an_avoided_rendering_is_named_with_file_line_and_context() -> None:
    found = check_terms(catalog(("Groomers make a child look at or do sexual things.", "Pinipilit ng groomer... pilitin ang bata.")), TERMS, Path("fil.po"))
    assert [str(p) for p in found] == ["fil.po:10: s|participant.body|0: renders 'make a child look at or do sexual things' as 'pilitin' (use 'ipagawa' (terms.yaml))"]


def test_the_right_rendering_or_a_quoted_avoided_word_is_not_flagged() -> None:
    assert check_terms(catalog(
        ("They make a child look at or do sexual things.", "Ipinapagawa nila... ipagawa o ipatingin sa bata."),
        ("Tell children's services (the old name was 'jeugdzorg').", "Vertel het aan jeugdzorg."),
        ("Tell children's services.", ""),
    ), TERMS, Path("x.po")) == []


@pytest.mark.parametrize("locale", shipped_locales())
def test_the_shipped_catalogs_keep_their_term_base(locale: str) -> None:
    folder = resolve(locale)
    terms = load_terms(folder)
    assert len(terms) >= 10, "a term base for the key terms"
    assert check_terms(read_catalog(folder / "messages.po", locale), terms, folder / "messages.po") == []
