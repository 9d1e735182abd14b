"""POST /v1/articles: stored once, read back, deleted, on both databases."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES

ARTICLE = {
    "text": "Vandals wreck chapel\nVandals smashed the altar of a village chapel in Kerbridge on Monday, "
            "police said. \"We will rebuild it,\" the parish priest, Tom Hale, told reporters.",
    "published_at": "2024-03-06",
    "source": "Test Wire",
}


def test_first_post_answers_201_with_article_and_events(client: TestClient) -> None:
    response = client.post("/v1/articles", json=ARTICLE)
    assert response.status_code == 201
    body = response.json()
    assert body["article"]["id"] > 0
    assert {e["type"] for e in body["events"]} >= {"desecration", "statement"}
    assert all(e["article_id"] == body["article"]["id"] for e in body["events"])


def test_repost_of_same_text_answers_200_and_stores_nothing_twice(client: TestClient) -> None:
    first = client.post("/v1/articles", json=ARTICLE).json()
    again = client.post("/v1/articles", json=ARTICLE)
    assert again.status_code == 200
    assert again.json()["article"]["id"] == first["article"]["id"]
    assert [e["id"] for e in again.json()["events"]] == [e["id"] for e in first["events"]]
    assert len(client.get("/v1/events", params={"limit": 500}).json()["events"]) == len(first["events"])


def test_same_external_id_with_other_text_is_the_same_article(client: TestClient) -> None:
    first = client.post("/v1/articles", json={**ARTICLE, "external_id": "wire-1"}).json()
    edited = {**ARTICLE, "external_id": "wire-1", "text": ARTICLE["text"] + " More later."}
    again = client.post("/v1/articles", json=edited)
    assert again.status_code == 200
    assert again.json()["article"]["id"] == first["article"]["id"]


def test_same_url_is_the_same_article(client: TestClient) -> None:
    first = client.post("/v1/articles", json={**ARTICLE, "url": "https://example.org/a"}).json()
    again = client.post("/v1/articles", json={**ARTICLE, "url": "https://example.org/a", "text": "Other\nText."})
    assert again.status_code == 200 and again.json()["article"]["id"] == first["article"]["id"]


def test_concurrent_duplicate_posts_store_one_article(client: TestClient) -> None:
    article = {**ARTICLE, "external_id": "race-1"}
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = sorted(pool.map(lambda _: client.post("/v1/articles", json=article).status_code, range(6)))
    assert statuses.count(201) == 1 and statuses.count(200) == 5
    ids = {e["article_id"] for e in client.get("/v1/events", params={"limit": 500}).json()["events"]}
    assert len(ids) == 1


def test_get_article_and_its_events(client: TestClient) -> None:
    created = client.post("/v1/articles", json=ARTICLE).json()
    article_id = created["article"]["id"]
    article = client.get(f"/v1/articles/{article_id}").json()
    assert article["text"] == ARTICLE["text"]
    assert article["published_at"].startswith("2024-03-06T00:00:00")
    assert client.get(f"/v1/articles/{article_id}/events").json() == created["events"]


def test_delete_removes_article_and_its_events(client: TestClient) -> None:
    article_id = client.post("/v1/articles", json=ARTICLE).json()["article"]["id"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    assert client.get(f"/v1/articles/{article_id}").status_code == 404
    assert client.get("/v1/events", params={"article_id": article_id}).json()["events"] == []


def test_published_at_with_offset_keeps_local_day_for_dates(client: TestClient) -> None:
    seed = json.loads((EXAMPLES / "panjshir" / "article.json").read_text())
    body = client.post("/v1/articles", json=seed).json()
    tomb = next(e for e in body["events"] if e["type"] == "desecration" and "tomb" in e["sentence"])
    assert tomb["date"]["value"] == "2021-09-09"
    assert body["article"]["published_at"] == "2021-09-10T12:00:00Z"


def test_span_offsets_point_at_the_evidence(client: TestClient) -> None:
    body = client.post("/v1/articles", json=ARTICLE).json()
    for event in body["events"]:
        start, end = event["span"]["start"], event["span"]["end"]
        assert ARTICLE["text"][start:end] == event["sentence"]
        t_start, t_end = event["trigger_span"]["start"], event["trigger_span"]["end"]
        assert ARTICLE["text"][t_start:t_end] == event["trigger"]


def test_reposted_article_answers_timestamps_with_offsets(client: TestClient) -> None:
    client.post("/v1/articles", json=ARTICLE)
    again = client.post("/v1/articles", json=ARTICLE).json()["article"]
    for field in ("published_at", "created_at"):
        assert again[field].endswith(("Z", "+00:00")), again[field]
