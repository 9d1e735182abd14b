"""Events answer their place geocoded, and /v1/events and /v1/timeline filter by its country (both databases)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.store.db import make_engine
from service.store.models import Event
from tests.api.test_events import ARTICLES


def _located(events: list[dict]) -> list[dict]:
    return [e for e in events if e["location"] and e["location"]["precision"] != "unresolved"]


def test_seed_article_places_panjshir_in_afghanistan(client: TestClient, seed_article: dict) -> None:
    events = client.post("/v1/articles", json=seed_article).json()["events"]
    panjshir = [e["location"] for e in events if e["location"] and "Panjshir" in e["location"]["text"]]
    assert panjshir
    for location in panjshir:
        assert (location["country"], location["country_name"], location["admin1"]) == (
            "AF", "Afghanistan", "Panjshir")
        assert location["lat"] == pytest.approx(35.3, abs=0.3) and location["lon"] == pytest.approx(69.5, abs=0.3)
        assert location["precision"] == "admin1" and location["source"].startswith("geonames-admin1")


def test_stored_events_read_back_with_their_place(client: TestClient, seed_article: dict) -> None:
    posted = client.post("/v1/articles", json=seed_article).json()
    stored = client.get(f"/v1/articles/{posted['article']['id']}/events").json()
    assert [e["location"] for e in stored] == [e["location"] for e in posted["events"]]


def test_country_filter_keeps_the_events_placed_in_that_country(client: TestClient, seed_article: dict) -> None:
    client.post("/v1/articles", json=seed_article)
    for article in ARTICLES:
        client.post("/v1/articles", json=article)
    everything = client.get("/v1/events", params={"limit": 500}).json()["events"]
    afghan = client.get("/v1/events", params={"country": "AF", "limit": 500}).json()["events"]
    assert afghan and {e["location"]["country"] for e in afghan} == {"AF"}
    assert [e["id"] for e in afghan] == [e["id"] for e in everything if (e["location"] or {}).get("country") == "AF"]
    assert {e["location"]["country"] for e in _located(everything)} > {"AF"}


def test_country_filter_takes_lower_case_codes(client: TestClient) -> None:
    client.post("/v1/articles", json=ARTICLES[0])
    events = client.get("/v1/events", params={"country": "pk"}).json()["events"]
    assert events and all(e["location"]["country"] == "PK" for e in events)


def test_timeline_filters_by_country(client: TestClient, seed_article: dict) -> None:
    client.post("/v1/articles", json=seed_article)
    client.post("/v1/articles", json=ARTICLES[0])
    days = client.get("/v1/timeline", params={"country": "PK"}).json()["days"]
    countries = {entry["event"]["location"]["country"] for day in days for entry in day["entries"]}
    assert countries == {"PK"}


@pytest.mark.parametrize("country", ["Afghanistan", "A1", "AFG", "é"])
def test_country_that_is_no_alpha_2_code_is_refused(client: TestClient, country: str) -> None:
    response = client.get("/v1/events", params={"country": country})
    assert response.status_code == 422 and response.headers["content-type"].startswith("application/problem+json")


def test_events_stored_before_geocoding_still_read_and_are_unresolved(client: TestClient, clean_database: str) -> None:
    client.post("/v1/articles", json=ARTICLES[0])
    engine = make_engine(clean_database)
    with Session(engine) as session, session.begin():
        for event in session.scalars(select(Event)):
            location = event.payload.get("location")
            if location:  # the payload as events were stored before places were geocoded
                old = {k: location[k] for k in ("text", "canonical", "aliases", "span")}
                session.execute(update(Event).where(Event.id == event.id).values(
                    payload={**event.payload, "location": old}, location_country=None))
    engine.dispose()
    events = client.get("/v1/events").json()["events"]
    located = [e["location"] for e in events if e["location"]]
    assert located and all(loc["precision"] == "unresolved" and loc["lat"] is None for loc in located)
    assert client.get("/v1/events", params={"country": "PK"}).json()["events"] == []
