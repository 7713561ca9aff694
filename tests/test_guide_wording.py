"""The guide's own instructions are content (content/guide.yaml): lines chosen by whether the plan
has cards, the number of cards filled in, every line in the translators' catalog."""

from __future__ import annotations

from facilitator.catalog import tool_words
from facilitator.guide_wording import Line, guide_wording, printed
from facilitator.model import Words


def test_lines_follow_whether_the_plan_has_cards_and_say_how_many() -> None:
    lines = [Line(text="Always."), Line(text="Cards: {count}.", when="cards"), Line(text="No cards.", when="no-cards")]
    assert printed(lines, Words(), 3) == ("Always.", "Cards: 3.")
    assert printed(lines, Words(), 0) == ("Always.", "No cards.")


def test_the_shipped_wording_is_valid_and_every_line_is_in_the_catalog_template() -> None:
    wording = guide_wording()
    assert wording.preparation and wording.to_print
    catalog = {msgid for msgid, _where in tool_words()}
    assert {line.text for line in (*wording.preparation, *wording.to_print)} <= catalog
