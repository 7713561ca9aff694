"""The Pack: two views of different types, assembled only from a plan that keeps the rules."""

import dataclasses
import datetime as dt

import pytest

from facilitator.assemble import assemble
from facilitator.contacts import ContactEntry, Source
from facilitator.errors import FacilitatorError
from facilitator.library import Library
from facilitator.model import Block, FacilitatorBlock, ParticipantBlock, ParticipantPack, Plan
from facilitator.model.audience import parse_audience
from facilitator.planner import make_plan


def test_the_participant_view_has_no_facilitator_fields(small_library: Library) -> None:
    pack = assemble(make_plan(small_library, parse_audience("16-17"), 600), small_library)
    assert all(type(b) is ParticipantBlock for b in pack.participant.blocks)
    assert all(type(b) is FacilitatorBlock for b in pack.facilitator.blocks)
    participant_fields = {f.name for f in dataclasses.fields(ParticipantBlock)} | {f.name for f in dataclasses.fields(ParticipantPack)}
    assert not participant_fields & {"say", "notes", "safeguarding", "listen_for", "follow_up", "key_message", "protocol"}
    text = repr(pack.participant)
    assert "FACILITATOR-" not in text
    assert "FACILITATOR-LISTEN-FOR" in repr(pack.facilitator)


def test_the_band_picks_the_variant(small_library: Library) -> None:
    young = assemble(make_plan(small_library, parse_audience("10-12"), 600), small_library)
    older = assemble(make_plan(small_library, parse_audience("16-17"), 600), small_library)
    points = lambda pack: [p for b in pack.participant.blocks for p in b.key_points]  # noqa: E731
    assert "YOUNG-POINT" in points(young) and "OLDER-POINT" in points(older)


def test_a_plan_with_a_section_above_the_age_is_refused(small_library: Library) -> None:
    plan = Plan(parse_audience("13-15"), (Block("welcome", 5), Block("older-story", 10), Block("help", 5), Block("closing", 5)))
    with pytest.raises(FacilitatorError, match="'older-story' is for ages 15\\+"):
        assemble(plan, small_library)


def test_the_safeguarding_brief_is_in_the_facilitator_view_only(small_library: Library) -> None:
    pack = assemble(make_plan(small_library, parse_audience("13-15"), 60), small_library)
    assert [b.section_id for b in pack.facilitator.safeguarding] == ["brief"]
    assert "brief" not in {b.section_id for b in pack.participant.blocks}


def test_where_to_get_help_is_one_line_naming_the_local_helpline_when_there_is_one(small_library: Library) -> None:
    plan = make_plan(small_library, parse_audience("13-15"), 60)
    without = assemble(plan, small_library).participant
    assert without.help_line == "Need help? Talk to an adult you trust, or call a child helpline."  # never a directory
    helpline = ContactEntry(role="helpline", name="Childline", phone="0800 1111", source=Source(name="test", date=dt.date(2026, 12, 2)))
    crisis = ContactEntry(role="crisis", name="Samaritans", phone="116 123", source=Source(name="test", date=dt.date(2026, 12, 2)))
    local = assemble(plan, small_library, local_help=(helpline, crisis)).participant
    assert local.help_line == "Need help? Talk to an adult you trust, or contact Childline: 0800 1111"
    assert [c.where for c in local.local_contacts] == ["0800 1111", "", "116 123"]  # helpline, emergency (to write in), crisis
    assert local.contacts[0].name == "Childline"  # first in every list of where to get help
