"""GET /v1/events and /v1/timeline in every format, by `format=` or `Accept`; Link and ETag headers."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from service.exports.csv_export import BOM, COLUMNS
from tests.api.test_events import ARTICLES


@pytest.fixture
def posted(client: TestClient) -> list[int]:
    for article in ARTICLES:
        client.post("/v1/articles", json=article)
    return [e["id"] for e in client.get("/v1/events", params={"limit": 500}).json()["events"]]


@pytest.mark.parametrize("path", ["/v1/events", "/v1/timeline"])
def test_csv_export_reads_back_one_row_per_event(client: TestClient, posted: list[int], path: str) -> None:
    response = client.get(path, params={"format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8").removeprefix(BOM), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [int(r["id"]) for r in rows] == posted


def test_ndjson_by_accept_header_streams_every_event(client: TestClient, posted: list[int]) -> None:
    response = client.get("/v1/events", headers={"Accept": "application/x-ndjson"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [e["id"] for e in lines] == posted
    assert all(e["article"]["id"] == e["article_id"] for e in lines)


def test_timelinejs_has_required_fields_and_month_precision_has_no_day(client: TestClient, posted: list[int]) -> None:
    document = client.get("/v1/timeline", params={"format": "timelinejs"}).json()
    slides = document["events"]
    assert [int(s["unique_id"].removeprefix("event-")) for s in slides] == posted
    for slide in slides:
        assert isinstance(slide["start_date"]["year"], int) and slide["text"]["headline"]
        assert slide["group"] in {"desecration", "displacement", "statement"}
    april = next(s for s in slides if s["group"] == "displacement")  # "last month" in May 2023
    assert april["start_date"] == {"year": 2023, "month": 4}


def test_geojson_feature_collection_of_located_events(client: TestClient, posted: list[int]) -> None:
    response = client.get("/v1/events", headers={"Accept": "application/geo+json"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    larkana = [f for f in collection["features"] if f["properties"]["location"]["text"] == "Larkana"]
    assert larkana and larkana[0]["geometry"]["type"] == "Point"
    lon, lat = larkana[0]["geometry"]["coordinates"]
    location = larkana[0]["properties"]["location"]
    assert (lon, lat) == (location["lon"], location["lat"]) and location["country"] == "PK"
    assert 67 < lon < 69 and 27 < lat < 28
    assert location["geo"]["geonames_id"] == location["geonames_id"] == 1172128


def test_link_header_leads_to_the_next_page(client: TestClient, posted: list[int]) -> None:
    seen: list[int] = []
    url: str | None = "/v1/events?limit=2&type=statement"
    while url:
        response = client.get(url)
        seen.extend(e["id"] for e in response.json()["events"])
        link = response.links.get("next")
        url = link["url"] if link else None
        assert (link is None) == (response.json()["next_cursor"] is None)
    assert seen == [e["id"] for e in client.get("/v1/events", params={"type": "statement"}).json()["events"]]


def test_if_none_match_answers_304_until_the_data_changes(client: TestClient, posted: list[int]) -> None:
    first = client.get("/v1/timeline")
    etag = first.headers["etag"]
    again = client.get("/v1/timeline", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    client.post("/v1/articles", json={"text": "Camp\nThousands fled Larkana on Monday.", "published_at": "2023-07-01"})
    assert client.get("/v1/timeline", headers={"If-None-Match": etag}).status_code == 200
