"""The words that name a participant (`mention_span`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.dependency import mention_span


def _subject(doc: Doc) -> str:
    subject = [t for t in doc if t.dep_ == "nsubj"][-1]  # of the last sentence
    return mention_span(subject).text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "They left.\nProvincial and emergency authorities began evacuating the 9,000 people on the weekend.",
            "Provincial and emergency authorities",
        ),
        ("The army and the police evacuated the village.", "The army"),
        ("Soldiers evacuated the village.", "Soldiers"),
    ],
    ids=["coordinated-modifiers-share-the-noun", "two-parties-stay-apart", "plain-subject"],
)
def test_mention_span_of_a_subject(parse: Callable[[str], Doc], text: str, named: str) -> None:
    assert _subject(parse(text)) == named


def test_a_quoted_name_after_a_common_noun_names_the_mention(parse: Callable[[str], Doc]) -> None:
    doc = parse('The independent newsheet "Carta de Mocambique" reported the attack.')
    assert _subject(doc) == "Carta de Mocambique"
