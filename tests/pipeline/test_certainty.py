from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.certainty import apply_certainty
from service.pipeline.incidents import find_incidents


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("Rebels destroyed the shrine on Sunday.", "asserted"),
        ("Rebels allegedly destroyed the shrine.", "alleged"),
        ("Rebels reportedly bulldozed the cemetery.", "alleged"),
        ("Videos purported to show rebels smashing the statue.", "alleged"),
        ("The rebels denied destroying the shrine.", "denied"),
        ("Rebels may have damaged the mosque.", "hedged"),
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
