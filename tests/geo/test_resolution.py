"""Place names resolve to one feature, by the article's countries, feature rank and population."""

from __future__ import annotations

import pytest

from service.geo.gazetteer import default_gazetteer
from service.geo.resolution import CountryContext, article_context, resolve, resolve_phrase
from service.geo.table import Feature

NO_CONTEXT = CountryContext()


def _resolve(text: str, context: CountryContext = NO_CONTEXT) -> Feature:
    feature = resolve(default_gazetteer(), text, context)
    assert feature is not None
    return feature


def _context(*places: str) -> CountryContext:
    return article_context(default_gazetteer(), places)


def test_province_name_resolves_to_the_province_at_its_main_town() -> None:
    feature = _resolve("Panjshir")
    assert (feature.kind, feature.country, feature.admin1) == ("admin1", "AF", "Panjshir")
    assert feature.lat == pytest.approx(35.3, abs=0.2) and feature.lon == pytest.approx(69.5, abs=0.2)
    assert feature.source == "geonames-admin1:most-populous-city"


def test_country_name_resolves_to_the_country() -> None:
    feature = _resolve("Afghanistan")
    assert (feature.kind, feature.country, feature.geonames_id) == ("country", "AF", 1149361)


@pytest.mark.parametrize(("places", "country"), [(("Karachi", "Lahore"), "PK"), (("Mumbai", "Delhi"), "IN")])
def test_ambiguous_city_resolves_in_the_articles_country(places: tuple[str, ...], country: str) -> None:
    assert _resolve("Hyderabad", _context(*places)).country == country


def test_ambiguous_city_without_context_is_the_most_populous() -> None:
    assert _resolve("Hyderabad").country == "IN"


def test_subdivision_in_two_countries_resolves_in_the_articles_country() -> None:
    assert _resolve("Punjab", _context("Amritsar", "Ludhiana")).country == "IN"
    assert _resolve("Punjab", _context("Karachi", "Peshawar")).country == "PK"


def test_country_name_means_the_country_even_among_places_of_another_country() -> None:
    assert _resolve("Mexico", _context("Texas", "Houston")).kind == "country"


def test_country_name_means_a_subdivision_of_the_articles_country_of_that_name() -> None:
    feature = _resolve("Georgia", _context("Atlanta", "Savannah"))
    assert (feature.kind, feature.country) == ("admin1", "US")
    assert _resolve("Georgia", _context("Tbilisi")).kind == "country"


def test_subdivision_named_like_its_main_city_means_the_city() -> None:
    feature = _resolve("Kabul")
    assert (feature.kind, feature.country, feature.geonames_id) == ("city", "AF", 1138958)


def test_subdivision_named_like_a_smaller_town_means_the_subdivision() -> None:
    assert _resolve("Balkh").kind == "admin1"


def test_subdivision_named_like_its_main_city_by_an_alternate_name_means_the_city() -> None:
    assert _resolve("New York").name == "New York City"


def test_province_word_asks_for_the_subdivision() -> None:
    assert _resolve("Kabul province").kind == "admin1"


def test_alternate_name_weighs_less_than_a_main_name() -> None:
    assert _resolve("Kabul").country == "AF"  # not Cabool, Missouri, also spelled "Kabul"


def test_alternate_spelling_outside_the_articles_countries_is_not_trusted() -> None:
    # "Bombay" is only an alternate name (of Mumbai): among places of the United States it names nothing.
    assert resolve(default_gazetteer(), "Bombay", _context("Chicago", "Boston")) is None
    assert _resolve("Bombay", _context("Pune", "Delhi")).name == "Mumbai"
    assert _resolve("Bombay").name == "Mumbai"


def test_city_in_two_subdivisions_resolves_in_the_articles_subdivision() -> None:
    assert _resolve("Springfield", _context("Boston", "Worcester")).admin1 == "Massachusetts"
    assert _resolve("Springfield", _context("Chicago", "Peoria")).admin1 == "Illinois"


def test_a_names_own_mentions_do_not_count_as_its_context() -> None:
    context = _context("Georgia", "Georgia", "Atlanta")
    assert context.weight("GE", excluding="georgia") == 0 and context.weight("US", excluding="georgia") == 1


def test_dateline_votes_for_its_country() -> None:
    context = article_context(default_gazetteer(), [], ["PESHAWAR", "Pakistan"])
    assert context.countries()["PK"] == 2


def test_place_inside_a_named_place_is_looked_for_inside_it() -> None:
    feature = resolve_phrase(default_gazetteer(), ["Hyderabad", "Sindh"], NO_CONTEXT)
    assert feature is not None and (feature.kind, feature.country, feature.admin1) == ("city", "PK", "Sindh")


def test_unknown_place_inside_a_known_one_resolves_to_the_container() -> None:
    feature = resolve_phrase(default_gazetteer(), ["Nowhereville Flats", "Panjshir"], NO_CONTEXT)
    assert feature is not None and (feature.kind, feature.name) == ("admin1", "Panjshir")


def test_places_in_a_list_resolve_each_alone() -> None:
    feature = resolve_phrase(default_gazetteer(), ["Kabul", "Herat"], NO_CONTEXT)
    assert feature is not None and (feature.kind, feature.name) == ("city", "Kabul")


def test_unknown_place_stays_unresolved() -> None:
    assert resolve(default_gazetteer(), "Nowhereville Flats", NO_CONTEXT) is None
