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
