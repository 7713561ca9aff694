"""The shipped library: valid, covering the whole guide, with its facts kept exactly."""

import re

from facilitator.checks import check_library
from facilitator.library import Library
from facilitator.loader import iter_texts
from facilitator.model.audience import BANDS, parse_audience


def all_text(lib: Library, ids: list[str] | None = None) -> str:
    chunks = []
    for s in lib.values():
        if ids is None or s.id in ids:
            for _path, variants in iter_texts(s):
                for value in variants.values():
                    chunks.extend(value if isinstance(value, list) else [value])
            chunks += [n.text for n in s.facilitator.notes] + [c.name + " " + (c.website or "") for c in s.participant.contacts]
    return " ".join(chunks)


def test_no_errors_no_terminology_and_full_coverage(shipped: Library) -> None:
    report = check_library(shipped)
    assert report.errors == []
    assert report.uncovered == []


def test_every_in_real_life_case_is_a_scenario_with_questions_and_listen_for(shipped: Library) -> None:
    rows = {"G17", "G21", "G24", "G27", "G32"}
    scenarios = [s for s in shipped.values() if s.kind == "scenario" and set(s.source) & rows]
    assert {r for s in scenarios for r in s.source} >= rows
    for s in scenarios:
        assert s.participant.story and s.questions and s.facilitator.key_message
        assert all(q.listen_for for q in s.questions)


def test_the_session_sections_exist(shipped: Library) -> None:
    for sid in ("welcome", "ground-rules", "content-note", "question-box", "myth-or-fact", "role-play", "privacy-practical", "action-plan", "closing", "safeguarding-brief"):
        assert sid in shipped
    assert len(shipped["myth-or-fact"].participant.statements) >= 8
    assert shipped["safeguarding-brief"].facilitator_only and shipped["safeguarding-brief"].facilitator.protocol


def test_the_guides_facts_are_kept_exactly(shipped: Library) -> None:
    text = all_text(shipped)
    for fact in ("82%", "Gambia", "Uganda", "85%", "Togo", "Kenya", "20%", "Cameroon", "45 countries", "second week of February",
                 "Lanzarote", "Budapest", "2014", "Optional Protocol", "80", "74", "INSAFE", "100 countries"):
        assert fact in text, fact
    for country in ("UK", "Austria", "Germany", "Netherlands", "Belgium"):
        assert country in all_text(shipped, ["make-it-safe"]), country
    vgt = all_text(shipped, ["where-to-get-help"])
    for country in ("Australia", "Canada", "Italy", "Republic of Korea", "Netherlands", "New Zealand", "UAE", "UK", "USA"):
        assert country in vgt, country


def test_every_contact_names_its_source_and_no_phone_is_invented(shipped: Library) -> None:
    guide_sites = {"www.inhope.org", "www.virtualglobaltaskforce.com", "www.childhelplineinternational.org", "www.ecpat.net", "www.childnet.com",
                   "www.thinkuknow.com", "www.digizen.org", "www.kidsmart.org.uk", "www.staysmartonline.gov.au", "www.netsmartz.org",
                   "www.netsafe.org.nz", "www.cyberkids.co.nz", "www.enacso.eu", "www.saferinternetday.org"}
    for s in shipped.values():
        for c in s.participant.contacts:
            assert c.source and c.phone is None
            assert c.website in guide_sites, c.website
    websites = set(re.findall(r"www\.[a-z.]+[a-z]", all_text(shipped)))
    assert websites <= guide_sites | {"bit.ly"}, websites - guide_sites


def test_young_text_is_plainer_than_older_text(shipped: Library) -> None:
    young = shipped.select(parse_audience("10-12"))
    assert young and all(s.min_age <= 10 for s in young)
    grooming = shipped["grooming"].participant.body
    assert grooming is not None and grooming["10-12"] != grooming["16-17"]
    assert len(BANDS) == 4
