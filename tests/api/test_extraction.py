"""POST /v1/extract and POST /v1/temporal: answers without storing anything."""

from __future__ import annotations

from fastapi.testclient import TestClient

ARTICLE = {
    "text": "Army denies shelling\nThe militants threatened to destroy the shrine. Rebels destroyed a mosque in "
            "Kordia on Sunday.",
    "published_at": "2024-05-08",
}


def test_extract_answers_events_and_stores_nothing(client: TestClient) -> None:
    response = client.post("/v1/extract", json=ARTICLE)
    assert response.status_code == 200
    body = response.json()
    assert body["article"]["id"] is None
    by_type = {e["type"]: e for e in body["events"]}
    assert sorted(by_type) == ["desecration", "statement"]
    assert by_type["statement"]["subtype"] == "threat"  # a threat is a speech act, not a desecration
    assert by_type["desecration"]["date"]["value"] == "2024-05-05"
    assert body["explanation"] is None
    assert client.get("/v1/events").json()["events"] == []


def test_explain_says_why_each_candidate_was_kept_or_rejected(client: TestClient) -> None:
    body = client.post("/v1/extract", params={"explain": "true"}, json=ARTICLE).json()
    sentences = body["explanation"]
    assert [s["text"] for s in sentences][1] == "The militants threatened to destroy the shrine."
    rejected = next(c for c in sentences[1]["candidates"] if c["type"] == "desecration")
    assert rejected["kept"] is False and "hypothetical" in rejected["reason"]
    kept = sentences[2]["candidates"][0]
    assert kept["kept"] is True and kept["trigger"] == "destroyed"


def test_explain_on_an_article_without_events_still_shows_its_sentences(client: TestClient) -> None:
    body = client.post("/v1/extract", params={"explain": "true"},
                       json={"text": "Weather\nIt was sunny in Lisbon.", "published_at": "2024-05-08"}).json()
    assert body["events"] == [] and len(body["explanation"]) == 2


def test_temporal_endpoint_normalizes_against_the_publication_date(client: TestClient) -> None:
    text = "The minister resigned on Thursday and will leave office next month."
    body = client.post("/v1/temporal", json={"text": text, "published_at": "2021-09-10T08:00:00-04:00"}).json()
    by_text = {t["text"]: t for t in body["timexes"]}
    thursday = by_text["Thursday"]
    assert thursday["value"] == "2021-09-09" and thursday["type"] == "DATE"
    assert text[thursday["start"] : thursday["end"]] == "Thursday"
    assert thursday["rule"] and thursday["anchor"] == "2021-09-10"
    assert by_text["next month"]["value"] == "2021-10"


def test_temporal_endpoint_refuses_blank_text(client: TestClient) -> None:
    response = client.post("/v1/temporal", json={"text": " ", "published_at": "2021-09-10"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
