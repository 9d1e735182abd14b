"""ninjs in, POST /v1/articles:batch, and Idempotency-Key on POSTs."""

from __future__ import annotations

from fastapi.testclient import TestClient

NINJS = {
    "uri": "urn:newsml:example.org:20230510:shrine", "versioncreated": "2023-05-10T09:00:00Z",
    "headline": "Shrine bombed", "byline": "A. Reporter", "language": "en", "located": "Larkana",
    "body_html": "<p>Militants <em>bombed</em> the shrine of a Sufi saint in Larkana on Monday.</p>"
                 "<script>track()</script>",
    "subject": [{"name": "religion"}],
}
PLAIN = {"text": "Families flee\nMore than 200 families fled the village of Ostrava Nova last month.",
         "published_at": "2023-05-10"}


def test_ninjs_item_is_stored_with_text_offsets_and_original_html(client: TestClient) -> None:
    response = client.post("/v1/articles", json=NINJS)
    assert response.status_code == 201
    body = response.json()
    text = body["article"]["text"]
    assert text.startswith("Shrine bombed\nMilitants bombed") and "track()" not in text
    assert body["article"]["body_html"] == NINJS["body_html"]
    assert body["article"]["external_id"] == NINJS["uri"]
    bombed = next(e for e in body["events"] if e["type"] == "desecration")
    assert text[bombed["trigger_span"]["start"]:bombed["trigger_span"]["end"]] == bombed["trigger"]
    assert client.get(f"/v1/articles/{body['article']['id']}").json()["body_html"] == NINJS["body_html"]


def test_ninjs_content_type_is_accepted_by_extract(client: TestClient) -> None:
    import json

    response = client.post("/v1/extract", content=json.dumps(NINJS),
                           headers={"content-type": "application/vnd.iptc.ninjs+json"})
    assert response.status_code == 200 and response.json()["events"]


def test_ninjs_content_type_with_another_shape_answers_422(client: TestClient) -> None:
    import json

    response = client.post("/v1/articles", content=json.dumps(PLAIN),
                           headers={"content-type": "application/vnd.iptc.ninjs+json"})
    assert response.status_code == 422


def test_batch_answers_each_item(client: TestClient) -> None:
    client.post("/v1/articles", json=PLAIN)
    batch = {"articles": [NINJS, PLAIN, {"text": "", "published_at": "2023-05-10"},
                          {"text": "Cemetery\nVandals desecrated graves in Brenton.", "published_at": "2023-06-01"}]}
    response = client.post("/v1/articles:batch", json=batch)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["status"] for i in items] == [201, 200, 422, 201]
    assert items[2]["problem"]["status"] == 422 and items[2]["result"] is None
    assert items[0]["result"]["events"] and items[3]["result"]["article"]["id"]


def test_batch_over_100_articles_answers_422(client: TestClient) -> None:
    assert client.post("/v1/articles:batch", json={"articles": [PLAIN] * 101}).status_code == 422


def test_same_idempotency_key_and_body_replays_the_stored_answer(client: TestClient) -> None:
    headers = {"Idempotency-Key": "k-1"}
    first = client.post("/v1/articles", json=PLAIN, headers=headers)
    again = client.post("/v1/articles", json=PLAIN, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"


def test_same_idempotency_key_with_another_body_answers_422(client: TestClient) -> None:
    client.post("/v1/articles", json=PLAIN, headers={"Idempotency-Key": "k-2"})
    other = client.post("/v1/articles", json={**PLAIN, "text": "Other\nText."}, headers={"Idempotency-Key": "k-2"})
    assert other.status_code == 422 and other.headers["content-type"].startswith("application/problem+json")
