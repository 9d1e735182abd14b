"""Security headers on every answer; CORS only for configured origins."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.pipeline.pipeline import Pipeline

VALID = {"text": "Headline\nPolice evacuated 300 residents of Marlow on Friday.", "published_at": "2024-05-04"}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("GET", "/healthz", None), ("GET", "/readyz", None), ("GET", "/v1/events", None), ("GET", "/v1/timeline", None),
     ("POST", "/v1/extract", VALID), ("POST", "/v1/temporal", VALID), ("GET", "/v1/articles/999", None),
     ("GET", "/v1/nothing", None), ("POST", "/v1/articles", {"text": ""}), ("GET", "/openapi.json", None)],
)
def test_every_answer_carries_the_security_headers(client: TestClient, method: str, path: str, body: object) -> None:
    response = client.request(method, path, json=body)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    readable = method == "GET" and response.status_code == 200
    assert response.headers["cache-control"] == ("no-cache" if readable else "no-store")


def test_oversized_body_answer_carries_the_security_headers(client: TestClient) -> None:
    response = client.post("/v1/articles", content=b"x" * 300_000, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.headers["x-content-type-options"] == "nosniff"


def test_html_docs_keep_their_scripts(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and "content-security-policy" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_no_cors_headers_by_default(client: TestClient) -> None:
    response = client.get("/v1/events", headers={"origin": "https://newsroom.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/v1/articles", headers={"origin": "https://newsroom.example",
                                                        "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


@pytest.fixture
def cors_client(clean_database: str, pipeline: Pipeline) -> TestClient:
    settings = Settings(database_url=clean_database, cors_origins="https://newsroom.example")  # type: ignore[arg-type]
    return TestClient(create_app(settings, pipeline=pipeline))


def test_configured_origin_may_read_answers(cors_client: TestClient) -> None:
    with cors_client as client:
        response = client.get("/v1/events", headers={"origin": "https://newsroom.example"})
        assert response.headers["access-control-allow-origin"] == "https://newsroom.example"
        assert "retry-after" in response.headers["access-control-expose-headers"].lower()


def test_configured_origin_passes_the_preflight_with_security_headers(cors_client: TestClient) -> None:
    with cors_client as client:
        response = client.options("/v1/articles", headers={"origin": "https://newsroom.example",
                                                           "access-control-request-method": "POST",
                                                           "access-control-request-headers": "content-type"})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "https://newsroom.example"
        assert "POST" in response.headers["access-control-allow-methods"]
        assert response.headers["x-content-type-options"] == "nosniff"


def test_other_origins_are_not_allowed(cors_client: TestClient) -> None:
    with cors_client as client:
        response = client.get("/v1/events", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in response.headers
        preflight = client.options("/v1/articles", headers={"origin": "https://evil.example",
                                                            "access-control-request-method": "POST"})
        assert preflight.status_code == 400


def test_cors_origins_are_read_comma_separated_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTLINE_CORS_ORIGINS", "https://a.example, https://b.example")
    assert Settings().cors_origins == ["https://a.example", "https://b.example"]
    monkeypatch.delenv("EVENTLINE_CORS_ORIGINS")
    assert Settings().cors_origins == []
