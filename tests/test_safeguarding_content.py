"""The safeguarding review's risks to a child (issue 15), held by the text of the shipped library.

Each test reads what a participant (or a facilitator) of one band would read, as the planner and
`facilitator show` give it, and fails if a fixed risk comes back.
"""

import io
import re

import pytest
from pypdf import PdfReader

from facilitator.build.pipeline import render
from facilitator.library import Library
from facilitator.loader import iter_participant_texts, outline_ids
from facilitator.model.audience import Band, band_named, bands_admitted, parse_audience
from facilitator.model.pack import Pack
from facilitator.planner import make_plan
from facilitator.request import BuildRequest
from facilitator.schema import for_band, pick

YOUTH = ("10-12", "13-15", "16-17")
TEENS = ("13-15", "16-17")


def participant_text(section, band: str) -> str:  # type: ignore[no-untyped-def]
    """Everything a participant of ``band`` reads of ``section``, as one string."""
    chunks: list[str] = []
    for _path, variants, bands in iter_participant_texts(section):
        if bands and band not in bands:
            continue
        value = pick(variants, band_named(band))
        chunks.extend(value if isinstance(value, list) else [value])
    return " ".join(chunks)


def facilitator_text(section) -> str:  # type: ignore[no-untyped-def]
    f = section.facilitator
    say = " ".join(f.say.values()) if f.say else ""
    key = " ".join(f.key_message.values()) if f.key_message else ""
    return " ".join([say, *(n.text for n in (*f.notes, *f.safeguarding)), *f.protocol, key])


def plan_ids(lib: Library, age: str, minutes: int) -> list[str]:
    return [b.section_id for b in make_plan(lib, parse_audience(age), minutes).blocks]


# 1. Filming is abuse whether or not anything is sold ---------------------------------------------

NOT_ONLY_WHEN_SOLD = re.compile(r"sold or not|whether or not anything is (ever )?sold|even if nothing is (ever )?sold|nothing has to be sold", re.I)


@pytest.mark.parametrize("sid,band", [
    ("consent-is-irrelevant", "13-15"), ("consent-is-irrelevant", "16-17"),
    ("youth-and-adults", "16-17"), ("myth-or-fact", "16-17"),
])
def test_making_images_of_under_18s_is_abuse_whether_or_not_sold(shipped: Library, sid: str, band: str) -> None:
    text = participant_text(shipped[sid], band)
    assert "child sexual abuse material" in text, sid
    assert NOT_ONLY_WHEN_SOLD.search(text), f"{sid} {band} never says it is abuse even when nothing is sold"


def test_no_16_17_statement_makes_selling_the_condition(shipped: Library) -> None:
    """'If the adult records and sells ... that is exploitation' alone reads as 'filming is fine if
    it isn't sold': every 16-17 text that ties images to selling also says selling is not needed."""
    for s in shipped.select(parse_audience("16-17")):
        text = participant_text(s, "16-17")
        if re.search(r"(record|film)\w* (sexual )?(videos|pictures|images)[^.]* and sell", text, re.I):
            assert NOT_ONLY_WHEN_SOLD.search(text), s.id
    key = shipped["consent-is-irrelevant"].facilitator.key_message or {}
    assert all("whether or not anything is sold" in text for text in key.values())


def test_informed_consent_for_13_15_is_not_a_yes_to_an_adult(shipped: Library) -> None:
    term = next(t for t in shipped["child-sexual-abuse"].participant.terms if t.term == "Informed consent")
    gloss = pick(term.definition, band_named("13-15"))
    assert "pressure" in gloss and "adult" in gloss


# 2. Sextortion in every default teenage session, and a crisis response ----------------------------

@pytest.mark.parametrize("age", TEENS)
@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_default_teenage_sessions_hold_sextortion(shipped: Library, age: str, minutes: int) -> None:
    assert "sextortion" in plan_ids(shipped, age, minutes)


def test_a_12_to_14_group_gets_the_gentle_sextortion_text(shipped: Library) -> None:
    assert "sextortion" in plan_ids(shipped, "12-14", 60)
    assert "sextortion" not in plan_ids(shipped, "10-12", 90)
    young = participant_text(shipped["sextortion"], "10-12")
    assert "not your fault" in young and "can't cope" in young
    assert "hurt yourself" not in young and "boys" not in young


@pytest.mark.parametrize("band", TEENS)
def test_sextortion_gives_every_step_and_who_it_targets(shipped: Library, band: str) -> None:
    text = participant_text(shipped["sextortion"], band).lower()
    for step in ("don't pay", "don't send", "don't delete", "report", "trusted adult", "fault", "boys", "money", "sexual extortion", "hurt yourself"):
        assert step in text, (band, step)
    assert re.search(r"stop (replying|all contact)", text), band


@pytest.mark.parametrize("band", YOUTH)
def test_the_help_slot_says_what_to_do_when_you_cant_cope(shipped: Library, band: str) -> None:
    text = participant_text(shipped["where-to-get-help"], band)
    assert "can't cope" in text and "emergency number" in text
    if band != "10-12":
        assert "hurt yourself" in text


def test_the_brief_says_what_to_do_when_a_participant_wants_to_hurt_themselves(shipped: Library) -> None:
    text = facilitator_text(shipped["safeguarding-brief"])
    assert "want to hurt themselves" in text
    assert "never leave them alone" in text and "immediately" in text and "emergency number" in text


# 3. Sexting: the law without threats or promises -------------------------------------------------

PROTECT = "treated as someone to protect"


@pytest.mark.parametrize("band", YOUTH)
def test_sexting_never_threatens_court_without_reassurance(shipped: Library, band: str) -> None:
    text = participant_text(shipped["sexting"], band)
    if re.search(r"court|prosecut", text, re.I):
        assert PROTECT in text
    if band != "10-12":
        assert PROTECT in text and "helpline" in text
    assert "Prosecuted" not in [t.term for t in shipped["sexting"].participant.terms if not t.bands or band in t.bands]


@pytest.mark.parametrize("sid", ["closing", "consent-is-irrelevant", "abuse-material-terminology", "law-international", "sexting"])
def test_no_unconditional_no_trouble_promise(shipped: Library, sid: str) -> None:
    s = shipped[sid]
    bands = [b.name for b in bands_admitted(s) if b.name in YOUTH]
    assert bands, f"{sid} is read by young people"
    for band in bands:  # every youth band the section admits
        text = participant_text(s, band)
        assert not re.search(r"(will not|won't) be in trouble|you are not in trouble|never the one in trouble", text), (sid, band)


@pytest.mark.parametrize("sid", ["consent-is-irrelevant", "abuse-material-terminology", "law-international", "sexting"])
def test_the_law_line_is_the_same_everywhere_for_16_17(shipped: Library, sid: str) -> None:
    text = participant_text(shipped[sid], "16-17")
    assert "Laws differ" in text and PROTECT in text


# 4. Harm with hope --------------------------------------------------------------------------------

@pytest.mark.parametrize("band", YOUTH + ("adults",))
def test_harm_done_ends_on_recovery_and_take_down(shipped: Library, band: str) -> None:
    text = participant_text(shipped["harm-done"], band)
    assert re.search(r"recover|get better", text) and "taken down" in text
    assert "the fear can last for years" not in text


def test_take_down_routes_are_named_with_their_sources(shipped: Library) -> None:
    text = participant_text(shipped["harm-done"], "16-17")
    notes = facilitator_text(shipped["harm-done"])
    assert "Take It Down" in text and "takeitdown.ncmec.org" in notes
    assert "Report Remove" in text and "iwf.org.uk" in notes


# 5. Every session defines sexual abuse, never circularly ------------------------------------------

DEFINES = re.compile(r"Sexual abuse (is|means) ", re.I)


@pytest.mark.parametrize("band", YOUTH + ("adults",))
def test_the_content_note_every_session_keeps_defines_sexual_abuse(shipped: Library, band: str) -> None:
    # On its slide (the key points), which every session shows; the body is printed nowhere.
    slide = " ".join(pick(shipped["content-note"].participant.key_points, band_named(band)))
    assert DEFINES.search(slide) or re.search(r"sexual abuse online [-–—] getting a child into sexual things", slide), band


@pytest.mark.parametrize("age", TEENS)
def test_a_90_minute_teen_plan_defines_sexual_abuse(shipped: Library, age: str) -> None:
    assert any(DEFINES.search(participant_text(shipped[sid], age)) for sid in plan_ids(shipped, age, 90))


@pytest.mark.parametrize("band", TEENS + ("adults",))
def test_abuser_is_not_defined_by_abusing(shipped: Library, band: str) -> None:
    terms = {t.term: pick(t.definition, band_named(band)) for t in shipped["key-terms"].participant.terms}
    assert "abuses" not in terms["Abuser"]
    assert "Sexual abuse" in terms and "abus" not in terms["Sexual abuse"].replace("Sexual abuse", "")
    assert "someone who sexually abuses a child" not in participant_text(shipped["key-terms"], band)


def test_abuser_is_not_defined_by_abusing_for_10_12_either(shipped: Library) -> None:
    assert "someone who sexually abuses a child" not in participant_text(shipped["key-terms"], "10-12")


# 6. The brief's gaps ------------------------------------------------------------------------------

def test_the_brief_covers_its_open_gaps(shipped: Library) -> None:
    text = facilitator_text(shipped["safeguarding-brief"])
    for needed in (
        "the safeguarding lead decides whether, when and by whom parents or carers are told",
        "could put the child at greater risk",
        "what you said back",
        "who else was present",
        "Record whom you told and when",
        "never what it shows",
        "A disclosure about another child in the group",
        "says they forwarded a sexual image",
        "No private or online contact",
        "no facilitator or peer educator tells the group about their own experience of abuse",
        "in England only, the local authority designated officer",
        "A locale pack puts its country's routes",
    ):
        assert needed in text, needed


# 7. The question box promises only what it can keep -----------------------------------------------

@pytest.mark.parametrize("band", YOUTH + ("adults",))
def test_the_question_box_does_not_promise_nobody_can_tell(shipped: Library, band: str) -> None:
    text = participant_text(shipped["question-box"], band)
    assert "nobody can tell who asked" not in text and "nobody knows who asked" not in text
    assert "Only" in text and "read the slips" in text


def test_the_question_box_says_a_worrying_slip_may_be_followed_up(shipped: Library) -> None:
    for band in TEENS:
        assert "find out who wrote it" in participant_text(shipped["question-box"], band)


# 8. Facilitator text fitted to the band ------------------------------------------------------------

BAND_WORD = r"(adults?|parents|carers|teenagers|teens|older|younger|\d\d-\d\d|\d\d-year-olds|\d\d and (over|up))"
BAND_PREFIX = re.compile(rf"^\s*(\((?=[^)]*\b{BAND_WORD}\b)[^)]*\)|(?=[^:.]*\b{BAND_WORD}\b)[^:.]{{1,40}}:)\s", re.I)
"""A label naming who a line is for ("Adults: ...", "(16-17) ...", "13 and over: ..."): a line for
some bands only is written ``{text, bands}`` instead, so each band's guide prints only its own."""


def facilitator_lines(section, band: Band) -> list[str]:  # type: ignore[no-untyped-def]
    """Every facilitator line the guide and the speaker notes print of ``section`` for ``band``."""
    f = section.facilitator
    lines = for_band(section.objectives, band) + for_band(f.notes, band) + for_band(f.safeguarding, band)
    for q in section.questions:
        if q.shown_to(band):
            lines += for_band(q.listen_for, band) + for_band(q.follow_up, band)
    return lines + ([pick(f.key_message, band)] if f.key_message else [])


def test_the_band_prefix_pattern_finds_the_old_labels() -> None:
    for line in ("Adults: name signs.", "(16-17) Gifts do not create a debt.", "13 and over: know what it is.",
                 "(13-15, 16-17) Flattery.", "16-17: it can feel normal.", "(16-17 and adults) Staff.", "12-year-olds: the youngest."):
        assert BAND_PREFIX.match(line), line
    for line in ("Adults may recognise a child they care for.", "Laws and the young person: the text says so.",
                 "Say \"Thank you for telling me\".", "(Grooming can happen between young people.)"):
        assert not BAND_PREFIX.match(line), line


def test_no_facilitator_line_printed_for_a_band_starts_with_a_band_prefix(shipped: Library) -> None:
    found = [(s.id, band.name, line) for s in shipped.values() for band in bands_admitted(s)
             for line in facilitator_lines(s, band) if BAND_PREFIX.match(line)]
    assert not found, found


def rendered_guide(age: str, minutes: int) -> tuple[str, Pack]:
    """The facilitator guide of a default session, as one string (spaces squashed, plain quotes),
    and the pack it was made from (whose facilitator view also makes the speaker notes)."""
    rendered = render(BuildRequest.from_options(age=age, minutes=minutes, only="guide"))
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(rendered.files["guide.pdf"])).pages)
    return plain(text), rendered.pack


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(str.maketrans("\u201c\u201d\u2018\u2019\u2013", "\"\"''-"))).strip()


def adults_only_lines(section) -> list[str]:  # type: ignore[no-untyped-def]
    """The facilitator lines of ``section`` written for adults only, and its adults' own key message."""
    f = section.facilitator
    notes = [*section.objectives, *f.notes, *f.safeguarding, *(n for q in section.questions for n in (*q.listen_for, *q.follow_up))]
    lines = [n.text for n in notes if n.bands == ["adults"]]
    key = f.key_message or {}
    if "adults" in key and key["adults"] not in [v for k, v in key.items() if k != "adults"]:
        lines.append(key["adults"])
    return lines


def test_a_10_12_guide_and_its_notes_hold_no_line_written_for_adults_only(shipped: Library) -> None:
    young, young_pack = rendered_guide("10-12", 90)
    adults, adults_pack = rendered_guide("adults", 90)
    in_adults = {b.section_id for b in adults_pack.facilitator.blocks}
    both = [b.section_id for b in young_pack.facilitator.blocks if b.section_id in in_adults]
    checked = [(sid, line) for sid in both for line in adults_only_lines(shipped[sid])]
    assert len(checked) >= 3, "the 10-12 and adults plans share too few sections with adults-only lines to test"
    for sid, line in checked:
        start = plain(line)[:60]  # the first words: PDF text breaks long lines where they wrap
        assert start not in young, (sid, line)
        assert start in adults, (sid, line)
    # The speaker notes are made from the same facilitator view of each block: it holds none either.
    for b in young_pack.facilitator.blocks:
        printed = {plain(t) for t in (*b.objectives, *b.notes, *b.safeguarding, b.key_message,
                                      *(n for q in b.questions for n in (*q.listen_for, *q.follow_up)))}
        for line in adults_only_lines(shipped[b.section_id]):
            assert plain(line) not in printed, (b.section_id, line)


# 9. Wording ---------------------------------------------------------------------------------------

def test_no_text_reads_as_the_avoided_term(shipped: Library) -> None:
    for s in shipped.values():
        for band in ("10-12", "13-15", "16-17", "adults"):
            text = participant_text(s, band) + " " + facilitator_text(s) + " " + " ".join(n.text for n in s.objectives)
            assert not re.search(r"\b(a|the) child abuse material", text, re.I), s.id


@pytest.mark.parametrize("sid", ["law-international", "law-regional"])
def test_treaties_are_quoted_by_their_official_titles(shipped: Library, sid: str) -> None:
    s = shipped[sid]
    assert s.official_titles
    for band in ("16-17", "adults"):
        text = participant_text(s, band)
        assert all(title in text for title in s.official_titles), (sid, band)
    for band in ("13-15", "16-17", "adults"):
        text = participant_text(s, band)
        assert "Rights of the Child on the sale of children." not in text
        assert "Rights of the Child on the sale of children (OPSC)" not in text


@pytest.mark.parametrize("age", YOUTH + ("adults",))
@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_never_too_late_at_most_twice_per_session(shipped: Library, age: str, minutes: int) -> None:
    band = parse_audience(age).band.name
    text = " ".join(participant_text(shipped[sid], band) for sid in plan_ids(shipped, age, minutes))
    assert len(re.findall(r"never too late", text, re.I)) <= 1


def test_the_outline_names_the_guides_topic_not_its_framing() -> None:
    assert "sell their own" not in outline_ids()["G23"]


@pytest.mark.parametrize("band", TEENS + ("adults",))
def test_sextortion_is_glossed_as_sexual_extortion(shipped: Library, band: str) -> None:
    term = next(t for t in shipped["sextortion"].participant.terms if t.term == "Sextortion")
    assert "sexual extortion" in pick(term.definition, band_named(band))


# 10. The specialist review (F3-F10) ----------------------------------------------------------------

@pytest.mark.parametrize("sid,band", [
    ("sextortion", "13-15"), ("sextortion", "16-17"), ("sextortion", "adults"), ("reporting-and-images", "adults"),
])
def test_take_down_routes_reach_the_default_sessions_with_their_sources(shipped: Library, sid: str, band: str) -> None:
    """F3: the routes harm-done names (Take It Down, Report Remove) are also in sextortion and in the
    adults' reporting section, and each section's notes give the sources."""
    text = participant_text(shipped[sid], band)
    assert "Take It Down" in text and "Report Remove" in text and "Childline" in text, (sid, band)
    assert re.search(r"without (sending the (pictures|images)|the images? being sent) to anyone", text), (sid, band)
    notes = " ".join(for_band(shipped[sid].facilitator.notes, band_named(band)))
    assert "takeitdown.ncmec.org" in notes and "iwf.org.uk" in notes, (sid, band)


def test_the_12_14_sextortion_text_names_no_take_down_route(shipped: Library) -> None:
    assert "Take It Down" not in participant_text(shipped["sextortion"], "10-12")


@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_an_adults_session_shows_a_definition_of_sexual_abuse(shipped: Library, minutes: int) -> None:
    """F4: the content note's slides (its key points; the body is not printed) define sexual abuse
    for adults, plainly and not by itself."""
    assert "content-note" in plan_ids(shipped, "adults", minutes)
    points = pick(shipped["content-note"].participant.key_points, band_named("adults"))
    definition = next(p for p in points if DEFINES.search(p))
    assert "involving a child in sexual activity" in definition and "abus" not in definition.replace("Sexual abuse", "")
    assert "without touching" in definition and "sexual images" in definition


@pytest.mark.parametrize("band", TEENS)
def test_telling_is_not_framed_as_owning_up_to_a_mistake(shipped: Library, band: str) -> None:
    """F5: the victim's act is never called a mistake; the adult is responsible."""
    s = shipped["youth-and-adults"]
    text = participant_text(s, band) + " " + pick(s.facilitator.key_message, band_named(band)) + " " + pick(s.facilitator.say, band_named(band))
    assert not re.search(r"makes? mistakes|mistakes happen", text, re.I)
    assert "it is not your fault" in text and "the adult is responsible" in text
    assert not re.search(r"makes? mistakes", participant_text(shipped["scenario-f"], band), re.I)


NO_TROUBLE = re.compile(r"((will not|won't|would not|wouldn't) be|\b(is|are) not) in trouble(?! for (telling|asking))", re.I)
"""An unconditional 'not in trouble' ("you are not in trouble for telling" says what is true)."""


@pytest.mark.parametrize("band", YOUTH)
def test_no_young_participant_text_promises_they_are_not_in_trouble(shipped: Library, band: str) -> None:
    """F6: 'you will not be in trouble' is a promise nobody in the room can keep; what is true is
    that telling is never what gets you into trouble."""
    audiences = [band] if band != "10-12" else ["10-12", "12-14"]
    for age in audiences:
        for s in shipped.select(parse_audience(age)):
            assert not NO_TROUBLE.search(participant_text(s, band)), (s.id, age)


def test_the_13_15_promises_now_say_what_is_true(shipped: Library) -> None:
    assert "Telling is never what gets you into trouble" in participant_text(shipped["child-sexual-abuse"], "13-15")
    assert "Telling is never what gets Sam into trouble" in participant_text(shipped["scenario-game-friend"], "13-15")
    for sid in ("scenario-game-friend", "peer-to-peer", "responding-to-disclosure"):
        s = shipped[sid]
        for band in bands_admitted(s):
            lines = facilitator_lines(s, band)
            assert not any(NO_TROUBLE.search(line) for line in lines), (sid, band.name)


def test_the_13_15_c_and_d_line_names_abuse_material_not_only_selling(shipped: Library) -> None:
    """F7: the pictures are abuse material whether or not they are sold; sharing them was wrong."""
    points = pick(shipped["scenario-c-and-d"].participant.key_points, band_named("13-15"))
    line = next(p for p in points if "sexual exploitation" in p)
    assert "child sexual abuse material" in line and "without her OK was wrong" in line


@pytest.mark.parametrize("age", YOUTH + ("adults",))
@pytest.mark.parametrize("minutes", [30, 60, 90])
def test_facilitator_text_says_any_time_not_never_too_late(shipped: Library, age: str, minutes: int) -> None:
    """F9: 'never too late' is kept for the guide's own tip (a participant line, and a note that
    quotes the guide's tips); the facilitator's words say 'at any time'."""
    band = parse_audience(age).band
    for sid in plan_ids(shipped, age, minutes):
        s = shipped[sid]
        say = pick(s.facilitator.say, band) if s.facilitator.say else ""
        for line in [say, *facilitator_lines(s, band)]:
            assert "never too late" not in line.lower() or line.startswith("From the guide"), (sid, line)


@pytest.mark.parametrize("minutes", [60, 90])
def test_a_60_minute_adults_session_holds_sextortion(shipped: Library, minutes: int) -> None:
    """F10: sextortion fits an hour with adults, without dropping the four sections adults come for."""
    ids = plan_ids(shipped, "adults", minutes)
    for sid in ("sextortion", "signs-of-harm", "responding-to-disclosure", "talking-with-children", "reporting-and-images"):
        assert sid in ids, (minutes, sid)


@pytest.mark.parametrize("sid", ["welcome", "tips", "closing"])
def test_the_10_12_key_message_is_not_written_for_adults(shipped: Library, sid: str) -> None:
    """Point 8: a 10-12 guide's key messages say nothing about adults or the children they care for."""
    key = pick(shipped[sid].facilitator.key_message, band_named("10-12"))
    assert not re.search(r"\badults\b|care for", key), (sid, key)
    assert re.search(r"\badults\b|care for", pick(shipped[sid].facilitator.key_message, band_named("adults")))


def test_adults_and_16_17_notes_are_band_limited(shipped: Library) -> None:
    young = band_named("10-12")
    ground = for_band(shipped["ground-rules"].facilitator.safeguarding, young)
    assert not any("their own childhood" in line for line in ground)
    assert any("their own childhood" in line for line in for_band(shipped["ground-rules"].facilitator.safeguarding, band_named("adults")))
    for band in ("10-12", "13-15"):
        assert not any("16-17 statement" in line for line in for_band(shipped["myth-or-fact"].facilitator.notes, band_named(band)))
    assert any("16-17 statement" in line for line in for_band(shipped["myth-or-fact"].facilitator.notes, band_named("16-17")))
