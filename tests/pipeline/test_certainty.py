from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from service.pipeline.certainty import apply_certainty
from service.pipeline.incidents import find_incidents
from service.pipeline.pipeline import Pipeline


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("Rebels destroyed the shrine on Sunday.", "asserted"),
        ("Rebels allegedly destroyed the shrine.", "alleged"),
        ("Rebels reportedly bulldozed the cemetery.", "alleged"),
        ("Videos purported to show rebels smashing the statue.", "alleged"),
        ("The rebels denied destroying the shrine.", "denied"),
        ("Rebels may have damaged the mosque.", "hedged"),
        # the knowing is unsure, not the act
        ("Police asked anyone who may know something about the beheading of the statue to call them.", "asserted"),
    ],
)
def test_certainty_of_incidents(parse: Callable[[str], Doc], sentence: str, certainty: str) -> None:
    doc = parse(sentence)
    events = find_incidents(doc)[0]
    apply_certainty(doc, events)
    assert [e.certainty for e in events] == [certainty]


def test_according_to_gives_attribution(parse: Callable[[str], Doc]) -> None:
    doc = parse("Troops expelled 300 families from the valley, according to leaders of the local council.")
    events = find_incidents(doc)[0]
    apply_certainty(doc, events)
    assert events[0].attribution is not None and events[0].attribution.text == "leaders of the local council"
    assert events[0].certainty == "reported"


def test_incident_told_inside_a_quotation_is_on_the_speakers_word(pipeline: Pipeline) -> None:
    text = '"They burnt the market. Many people were displaced in the attack," said Grace Obi, a farmer.'
    events = [e for e in pipeline.extract(text, date(2024, 3, 1)).events if e.type == "displacement"]
    assert events and events[0].certainty == "reported"
    attribution = events[0].attribution
    assert attribution is not None and "Obi" in (attribution.canonical or attribution.text)


def test_incident_in_the_articles_own_voice_stays_asserted(pipeline: Pipeline) -> None:
    events = [e for e in pipeline.extract("Many people were displaced in the attack.", date(2024, 3, 1)).events
              if e.type == "displacement"]
    assert events and events[0].certainty == "asserted"


def test_a_source_far_up_a_chain_of_consequences_is_the_attribution(parse: Callable[[str], Doc]) -> None:
    doc = parse("The news agency KPL said the dam in Attapeu province collapsed Monday evening, releasing large "
                "amounts of water that swept away houses and left more than 6,600 people homeless.")
    events = [e for e in find_incidents(doc)[0] if e.type == "displacement"]
    apply_certainty(doc, events)
    assert events and events[0].attribution is not None and "agency" in events[0].attribution.text


def test_a_source_after_what_it_reports_is_the_attribution(parse: Callable[[str], Doc]) -> None:
    doc = parse('Dozens of families have fled to the provincial capital, Pemba, reports the independent newsheet'
                ' "Carta de Mocambique".')
    events = [e for e in find_incidents(doc)[0] if e.type == "displacement"]
    apply_certainty(doc, events)
    assert events and events[0].certainty == "reported"
    assert events[0].attribution is not None and events[0].attribution.text == "Carta de Mocambique"


def test_a_report_closing_the_sentence_attributes_the_incident(parse: Callable[[str], Doc]) -> None:
    doc = parse("Up to 20,000 people fled their homes in Central African Republic last week when the army torched"
                " hundreds of houses after a rebel attack, U.N. refugee agency UNHCR said on Tuesday, quoting local"
                " relief workers.")
    events = [e for e in find_incidents(doc)[0] if e.type == "displacement"]
    apply_certainty(doc, events)
    assert events[0].certainty == "reported"
    assert events[0].attribution is not None and "UNHCR" in events[0].attribution.text
