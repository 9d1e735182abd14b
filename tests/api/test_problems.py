"""Bad input gets RFC 9457 problem+json 4xx answers, never a 500, and stored data stays."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"
VALID = {"text": "Headline\nPolice evacuated 300 residents of Marlow on Friday.", "published_at": "2024-05-04"}


def _assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"].startswith("https://")
    return body


@pytest.mark.parametrize(
    "body",
    [
        {"text": "", "published_at": "2024-05-04"},
        {"text": "   \n ", "published_at": "2024-05-04"},
        {"text": "Some text", "published_at": "not a date"},
        {"text": "Some text"},
        {"published_at": "2024-05-04"},
        {"text": 42, "published_at": "2024-05-04"},
        {"text": "Some text", "published_at": "2024-05-04", "language": "fr"},
        [],
        "just a string",
    ],
)
def test_invalid_article_bodies_answer_422(client: TestClient, body: object) -> None:
    _assert_problem(client.post("/v1/articles", json=body), 422)
    _assert_problem(client.post("/v1/extract", json=body), 422)


def test_malformed_json_answers_422(client: TestClient) -> None:
    response = client.post("/v1/articles", content=b"{not json", headers={"content-type": "application/json"})
    _assert_problem(response, 422)


def test_oversized_body_answers_413(client: TestClient) -> None:
    huge = {"text": "word " * 60_000, "published_at": "2024-05-04"}
    _assert_problem(client.post("/v1/articles", json=huge), 413)


def test_unknown_article_answers_404(client: TestClient) -> None:
    body = _assert_problem(client.get("/v1/articles/999999"), 404)
    assert "999999" in body["detail"]
    _assert_problem(client.delete("/v1/articles/999999"), 404)
    _assert_problem(client.get("/v1/articles/999999/events"), 404)


def test_non_numeric_id_answers_422(client: TestClient) -> None:
    _assert_problem(client.get("/v1/articles/abc"), 422)


def test_unknown_route_answers_404_problem(client: TestClient) -> None:
    _assert_problem(client.get("/v1/nothing-here"), 404)


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 501}, {"cursor": "garbage!"}, {"since": "yesterday"}, {"until": "2021-13"},
     {"type": "riot"}],
)
def test_bad_query_parameters_answer_422(client: TestClient, params: dict) -> None:
    _assert_problem(client.get("/v1/events", params=params), 422)
    _assert_problem(client.get("/v1/timeline", params=params), 422)


def test_failed_post_leaves_stored_articles_alone(client: TestClient) -> None:
    stored = client.post("/v1/articles", json=VALID).json()
    _assert_problem(client.post("/v1/articles", json={"text": "", "published_at": "2024-05-04"}), 422)
    assert client.get(f"/v1/articles/{stored['article']['id']}").status_code == 200
