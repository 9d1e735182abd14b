"""Place and mention comparison: containment, distance, countries; shared words and different names."""

from __future__ import annotations

import pytest

from service.stories.names import compare_mentions, mention_facts
from service.stories.places import compare_places, place_facts


@pytest.mark.parametrize(("a", "b", "sign"), [
    ("Mosul", "Mosul", 1),  # equal text
    ("Iraq", "Mosul", 1),  # a city inside its country
    ("Mosul", "Bristol", -1),  # different countries
    ("Westhoffen village", "Westhoffen", 1),  # generic words dropped
    ("Ellinika", "Quatzenheim", 0),  # neither known: no evidence either way
])
def test_place_comparison_sign(a: str, b: str, sign: int) -> None:
    score = compare_places(place_facts({"text": a}), place_facts({"text": b})).score
    assert (score > 0) - (score < 0) == sign


def test_city_inside_admin1_from_resolved_fields_is_contained() -> None:
    admin1 = place_facts({"text": "Bas-Rhin", "country": "FR", "admin1": "67", "precision": "admin1"})
    city = place_facts({"text": "Strasbourg", "country": "FR", "admin1": "67", "precision": "city"})
    assert compare_places(admin1, city).score == 0.6


def test_missing_place_gives_no_evidence() -> None:
    assert compare_places(None, place_facts({"text": "Mosul"})).score == 0.0


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Palestinian protesters", "Palestinians", 1.0),  # plural and demonym folded
    ("the ancient temple of Baal Shamin", "the temple of Baal Shamin", 1.0),  # generic words dropped
    ("a statue of Christopher Columbus", "a statue of slave trader Edward Colston", 0.333),  # "statue" only
    ("Temple of Bel", "mausoleum of Sidi Mahmoud", -0.25),  # different names, nothing shared
])
def test_mention_comparison(a: str, b: str, expected: float) -> None:
    assert compare_mentions(mention_facts({"text": a}), mention_facts({"text": b})).score == expected


def test_aliases_count_as_words_of_the_mention() -> None:
    jonah = mention_facts({"text": "Jonah's tomb", "aliases": ["Nabi Yunus shrine"]})
    assert compare_mentions(jonah, mention_facts({"text": "the shrine of Nabi Yunus"})).score > 0.5
