"""Place names fold to the keys the gazetteer stores."""

from __future__ import annotations

import pytest

from service.geo.names import fold, normalize_place_name, split_qualifiers


@pytest.mark.parametrize(("text", "folded"), [
    ("Kābul", "kabul"),
    ("’Unābah", "unabah"),
    ("Łódź", "lodz"),
    ("U.S.", "us"),
    ("Khyber-Pakhtunkhwa", "khyber pakhtunkhwa"),
    ("St. Louis", "st louis"),
])
def test_fold_removes_accents_apostrophes_and_joins_initials(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "key", "asked"), [
    ("Panjshir province", "panjshir", "admin1"),
    ("the city of Larkana", "larkana", "city"),
    ("Kharkiv region", "kharkiv", "admin1"),
    ("the Panjshir Valley", "panjshir", "any"),
    ("Larkana", "larkana", "any"),
])
def test_generic_words_are_dropped_and_say_which_feature_they_ask_for(text: str, key: str, asked: str) -> None:
    assert split_qualifiers(text) == (key, asked)


def test_a_name_made_only_of_a_generic_word_keeps_it() -> None:
    assert normalize_place_name("City") == "city"
