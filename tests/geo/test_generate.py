"""The table generator combines the three packages' records (here small ones made up for the test)."""

from __future__ import annotations

from typing import Any

from service.geo.generate import (
    SOURCE_ADMIN1,
    SOURCE_COUNTRY_CAPITAL,
    SOURCE_COUNTRY_LARGEST,
    Subdivision,
    admin1_features,
    admin1_names,
    city_features,
    city_keys,
    country_features,
)


def _gn(geonameid: int, name: str, lat: float, population: int, code: str = "42", alternates: tuple[str, ...] = (),
        country: str = "AF") -> dict[str, Any]:
    return {"geonameid": geonameid, "name": name, "latitude": lat, "longitude": 69.5, "countrycode": country,
            "population": population, "admin1code": code, "alternatenames": list(alternates)}


CITIES = [_gn(1, "Bāzārak", 35.31292, 65000, alternates=("Bazarak", "Bāzārak", "بازارک")),
          _gn(2, "Khinj", 35.42898, 0), _gn(3, "Rukha", 35.2, 0), _gn(4, "Charikar", 35.0, 50000, code="40")]
STATES = [{"country_code": "AF", "latitude": 35.31292, "longitude": 69.5, "state": "Panjshir"},
          {"country_code": "AF", "latitude": 35.42898, "longitude": 69.5, "state": "Panjshir"},
          {"country_code": "AF", "latitude": 35.0, "longitude": 69.5, "state": "Parwan"}]


def test_city_keys_are_the_folded_main_name_then_distinct_latin_alternates() -> None:
    assert city_keys("Bāzārak", ["Bazarak", "Bazaraka", "بازارک", "Ba"]) == ("bazarak", "bazaraka")


def test_admin1_names_come_from_cities_at_the_same_coordinates() -> None:
    assert admin1_names(CITIES, STATES) == {("AF", "42"): "Panjshir", ("AF", "40"): "Parwan"}


def test_cities_without_a_coordinate_match_get_the_name_of_their_admin1_code() -> None:
    cities = city_features(CITIES, admin1_names(CITIES, STATES))
    assert {c.name: c.admin1 for c, _keys in cities}["Rukha"] == "Panjshir"


def test_subdivision_point_is_its_most_populous_city() -> None:
    admin1s = {f.name: f for f, _keys in admin1_features(city_features(CITIES, admin1_names(CITIES, STATES)), [])}
    assert (admin1s["Panjshir"].lat, admin1s["Panjshir"].population) == (35.31292, 65000)
    assert admin1s["Panjshir"].source == SOURCE_ADMIN1 and admin1s["Panjshir"].geonames_id is None


def test_subdivision_is_also_found_by_its_closest_iso_name() -> None:
    cities = city_features(CITIES, admin1_names(CITIES, STATES))
    iso = [Subdivision("AF", "Panjshayr"), Subdivision("AF", "Parwān"), Subdivision("AF", "Zābul")]
    keys = {f.name: k for f, k in admin1_features(cities, iso)}
    assert keys == {"Panjshir": ("panjshir", "panjshayr"), "Parwan": ("parwan",)}


def test_country_point_is_its_capital_else_its_most_populous_city() -> None:
    cities = city_features(CITIES, {})
    countries = [{"iso": "AF", "geonameid": 9, "name": "Afghanistan", "capital": "Charikar", "population": 5},
                 {"iso": "AF", "geonameid": 9, "name": "Afghanistan", "capital": "Kabul", "population": 5}]
    with_capital, without = (f for f, _keys in country_features(countries, cities, {}))
    assert (with_capital.lat, with_capital.source) == (35.0, SOURCE_COUNTRY_CAPITAL)
    assert (without.lat, without.source) == (35.31292, SOURCE_COUNTRY_LARGEST)


def test_country_is_found_by_its_other_names() -> None:
    countries = [{"iso": "AF", "geonameid": 9, "name": "Afghanistan", "capital": "", "population": 5}]
    other_names = {"AF": ["Islamic Republic of Afghanistan"]}
    ((_feature, keys),) = country_features(countries, city_features(CITIES, {}), other_names)
    assert keys == ("afghanistan", "islamic republic of afghanistan")


def test_country_without_cities_is_left_out() -> None:
    countries = [{"iso": "AQ", "geonameid": 1, "name": "Antarctica", "capital": "", "population": 0}]
    assert country_features(countries, city_features(CITIES, {}), {}) == []
