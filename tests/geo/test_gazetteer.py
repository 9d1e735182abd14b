"""The packaged gazetteer finds countries, subdivisions and cities by their names, offline."""

from __future__ import annotations

from service.geo.gazetteer import default_gazetteer


def _kinds(text: str) -> set[tuple[str, str]]:
    return {(h.feature.kind, h.feature.country) for h in default_gazetteer().lookup(text).hits}


def test_country_is_found_by_its_name() -> None:
    assert ("country", "AF") in _kinds("Afghanistan")


def test_country_is_found_by_an_alias_of_the_aliases_table() -> None:
    assert ("country", "US") in _kinds("U.S.")


def test_subdivision_is_found_by_its_geonames_name_and_its_iso_name() -> None:
    assert ("admin1", "AF") in _kinds("Panjshir")
    assert ("admin1", "AF") in _kinds("Panjshayr")  # ISO 3166-2 (pycountry) spelling


def test_city_is_found_by_its_name_without_accents() -> None:
    hit = next(h for h in default_gazetteer().lookup("Bazarak").hits if h.feature.kind == "city")
    assert hit.feature.name == "Bāzārak" and hit.feature.admin1 == "Panjshir" and hit.feature.geonames_id == 1429434


def test_whole_name_is_tried_before_its_generic_words_are_dropped() -> None:
    assert {h.feature.name for h in default_gazetteer().lookup("Mexico City").hits} == {"Mexico City"}


def test_generic_word_asks_for_its_feature_kind() -> None:
    lookup = default_gazetteer().lookup("Panjshir province")
    assert lookup.asked == "admin1" and lookup.hits


def test_unknown_name_finds_nothing() -> None:
    assert default_gazetteer().lookup("Nowhereville Flats").hits == []


def test_country_names_come_from_the_table() -> None:
    country = default_gazetteer().country("AF")
    assert country is not None and country.name == "Afghanistan" and country.kind == "country"
