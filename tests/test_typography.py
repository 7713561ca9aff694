"""Typographic quotes and dashes, from text written with plain keyboard quotes."""

from __future__ import annotations

import pytest

from facilitator.typography import typeset


@pytest.mark.parametrize(
    ("plain", "language", "printed"),
    [
        ('"Don\'t," she said - twice', "en", "“Don’t,” she said – twice"),
        ("It's 'our secret'.", "en", "It’s ‘our secret’."),
        ('StarKeeper writes, "Let\'s chat." ("No!")', "en", "StarKeeper writes, “Let’s chat.” (“No!”)"),
        ("The kids' games -- and more", "en", "The kids’ games — and more"),
        ('Hij zei "hallo"', "nl", "Hij zei “hallo”"),
        ('Er sagte "Hallo"', "de", "Er sagte „Hallo“"),
        ("ages 10-12", "en", "ages 10-12"),
    ],
)
def test_plain_quotes_and_dashes_become_typographic(plain: str, language: str, printed: str) -> None:
    assert typeset(plain, language) == printed
