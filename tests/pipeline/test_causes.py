"""Agents of displacements whose trigger names none: causes.py, as find_incidents applies it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.incidents import find_incidents


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        ("The Okafor family left in a hurry, because they were told by border guards to flee.", "border guards"),
        ("Thousands of villagers fled as the army shelled their villages.", "army"),
        ("Hundreds of families fled after gunmen attacked the market.", "gunmen"),
        ("Thousands fled the militia's assault on the town.", "militia"),
        ("Thousands fled amid attacks by militants.", "militants"),
        ("Some 300 families were left homeless after the army torched their huts.", "army"),
        ("The district administration conducted an eviction drive in the forest on Friday.",
         "district administration"),
        ("Evictions of the squatters were overseen by the police.", "police"),
    ],
)
def test_agent_found_through_the_cause_of_the_flight(parse: Callable[[str], Doc], sentence: str, agent: str) -> None:
    events = [e for e in find_incidents(parse(sentence))[0] if e.type == "displacement"]
    assert events and events[0].agent is not None and agent in events[0].agent.text


def test_a_clause_of_no_violence_names_no_agent(parse: Callable[[str], Doc]) -> None:
    events = [e for e in find_incidents(parse("Thousands fled as the river rose."))[0] if e.type == "displacement"]
    assert events and events[0].agent is None


@pytest.mark.parametrize(
    ("sentence", "agent", "event_type"),
    [
        ("Attacks by armed men drove thousands of villagers from their homes last week.", "armed men", "displacement"),
        ("The militia's offensive on the town displaced about 40,000 people.", "militia", "displacement"),
        ("An attack by militants destroyed the shrine in Swat.", "militants", "desecration"),
    ],
)
def test_an_act_of_violence_as_subject_names_its_owner_as_the_agent(
        parse: Callable[[str], Doc], sentence: str, agent: str, event_type: str) -> None:
    events = [e for e in find_incidents(parse(sentence))[0] if e.type == event_type]
    assert events and events[0].agent is not None and agent in events[0].agent.text
    assert not events[0].agent.text.lower().startswith(("attack", "the militia's offensive"))


def test_an_act_of_violence_without_an_owner_stays_the_agent(parse: Callable[[str], Doc]) -> None:
    """Nobody is named: the act is what drove them out ("The attack destroyed the shrine")."""
    events = [e for e in find_incidents(parse("The attack destroyed the shrine."))[0] if e.type == "desecration"]
    assert events and events[0].agent is not None and events[0].agent.text == "The attack"


def test_the_subject_of_the_verb_that_forced_them_is_the_agent(parse: Callable[[str], Doc]) -> None:
    text = ("The army fired shells into the stronghold, forcing 5,000 villagers to cross the river and seek "
            "refuge abroad.")
    events = [e for e in find_incidents(parse(text))[0] if e.type == "displacement"]
    assert events and events[0].agent is not None and "army" in events[0].agent.text


def test_what_the_flight_sought_refuge_from_names_its_agent(parse: Callable[[str], Doc]) -> None:
    doc = parse("Nearly 600 Mexicans have fled across the border into Guatemala seeking refuge from drug cartel"
                " violence.")
    fled = next(e for e in find_incidents(doc)[0] if e.type == "displacement" and e.trigger == "fled")
    assert fled.agent is not None and fled.agent.text == "drug cartel"


def test_what_the_flight_escaped_names_its_agent(parse: Callable[[str], Doc]) -> None:
    (fled,) = [e for e in find_incidents(parse("Thousands fled the town to escape the army's offensive."))[0]
               if e.type == "displacement"]
    assert fled.agent is not None and fled.agent.text == "the army"


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        ("An attack by gunmen early Monday sent hundreds of villagers fleeing into the bush.", "gunmen"),
        ("Soldiers sent thousands of residents fleeing when they shelled the town.", "Soldiers"),
        # a possessive time says when the violence was, not whose it was
        ("Last week's violence in the town sent nearly 300 people fleeing across the border into Chad.", None),
    ],
)
def test_whoever_sent_people_fleeing_drove_them_out(parse: Callable[[str], Doc], sentence: str,
                                                    agent: str | None) -> None:
    (fled,) = [e for e in find_incidents(parse(sentence))[0] if e.type == "displacement"]
    assert fled.restates is False
    assert (fled.agent.text if fled.agent is not None else None) == agent


def test_a_series_of_attacks_names_its_authors(parse: Callable[[str], Doc]) -> None:
    doc = parse("Thiem is 20km from villages where a series of attacks in May by fighters linked to the ISIL armed"
                " group forced more than 11,000 inhabitants to flee.")
    events = [e for e in find_incidents(doc)[0] if e.type == "displacement"]
    assert any(e.agent is not None and e.agent.text.startswith("fighters") for e in events)
