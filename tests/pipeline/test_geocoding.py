"""The geocoding stage resolves each event's place in the article's country context."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from service.conversions import public_event
from service.geo.gazetteer import default_gazetteer
from service.pipeline.geocoding import country_context, geocode_events
from service.pipeline.pipeline import Pipeline
from service.pipeline.types import Event, Location, Mention
from tests.conftest import EXAMPLES


def _event_at(doc: Doc, place: str, occurrence: int = 0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(place, start + 1)
    return Event(type="displacement", trigger="fled", trigger_start=0, trigger_end=4, sentence=doc.text, start=0,
                 end=len(doc.text), location=Mention(place, start, start + len(place)))


def _located(doc: Doc, *events: Event) -> list[Location]:
    geocode_events(doc, list(events), default_gazetteer())
    locations = [e.location for e in events]
    assert all(isinstance(location, Location) for location in locations)
    return locations  # type: ignore[return-value]


def test_ambiguous_place_resolves_in_the_country_the_article_is_about(parse: Callable[[str], Doc]) -> None:
    doc = parse("Rains flooded Karachi and Lahore in Pakistan. Hundreds of families fled Hyderabad.")
    (location,) = _located(doc, _event_at(doc, "Hyderabad"))
    assert (location.country, location.admin1, location.precision) == ("PK", "Sindh", "city")
    assert location.country_name == "Pakistan" and location.geonames_id == 1176734


def test_dateline_gives_the_articles_country(parse: Callable[[str], Doc]) -> None:
    doc = parse("Families flee\nPESHAWAR, Pakistan — Hundreds of families fled their homes.")
    assert country_context(doc, default_gazetteer()).countries()["PK"] >= 2


def test_place_followed_by_the_province_it_lies_in_resolves_inside_it(parse: Callable[[str], Doc]) -> None:
    doc = parse("Hundreds of families fled Bazarak, Panjshir, on Monday.")
    (location,) = _located(doc, _event_at(doc, "Bazarak"))
    assert (location.precision, location.admin1, location.geonames_id) == ("city", "Panjshir", 1429434)
    assert location.text == "Bazarak" and location.canonical == "Bāzārak"


def test_unresolvable_place_keeps_its_text_and_says_so(parse: Callable[[str], Doc]) -> None:
    doc = parse("Hundreds of families fled Nowhereville Flats on Monday.")
    (location,) = _located(doc, _event_at(doc, "Nowhereville Flats"))
    assert (location.text, location.precision, location.lat, location.lon, location.country) == (
        "Nowhereville Flats", "unresolved", None, None, None)


def test_the_same_place_resolves_alike_in_every_event(parse: Callable[[str], Doc]) -> None:
    doc = parse("Families fled Hyderabad. Later more families fled Hyderabad.")
    first, second = _located(doc, _event_at(doc, "Hyderabad"), _event_at(doc, "Hyderabad", 1))
    assert (first.lat, first.lon, first.country) == (second.lat, second.lon, second.country)


def test_events_without_a_place_stay_without_one(parse: Callable[[str], Doc]) -> None:
    doc = parse("Families fled.")
    event = Event(type="displacement", trigger="fled", trigger_start=9, trigger_end=13, sentence=doc.text, start=0,
                  end=len(doc.text))
    geocode_events(doc, [event], default_gazetteer())
    assert event.location is None


def test_public_location_carries_the_resolution(parse: Callable[[str], Doc]) -> None:
    doc = parse("Hundreds of families fled Panjshir province.")
    event = _event_at(doc, "Panjshir province")
    _located(doc, event)
    location = public_event(event).location
    assert location is not None
    assert location.model_dump(exclude={"aliases", "span", "kind"}) == {
        "text": "Panjshir province", "canonical": "Panjshir", "country": "AF", "country_name": "Afghanistan",
        "admin1": "Panjshir", "lat": pytest.approx(35.31292), "lon": pytest.approx(69.51519), "geonames_id": None,
        "precision": "admin1", "source": "geonames-admin1:most-populous-city"}


def test_seed_article_places_panjshir_in_afghanistan(pipeline: Pipeline) -> None:
    article = json.loads((EXAMPLES / "panjshir" / "article.json").read_text())
    extraction = pipeline.extract(article["text"], date.fromisoformat(article["published_at"][:10]))
    located = [e.location for e in extraction.events if e.location is not None and "Panjshir" in e.location.text]
    assert located and all(isinstance(loc, Location) for loc in located)
    for location in located:
        assert isinstance(location, Location) and location.country == "AF" and location.precision == "admin1"
        assert location.lat == pytest.approx(35.3, abs=0.3) and location.lon == pytest.approx(69.5, abs=0.3)
    assert "geocoding" in extraction.timings
