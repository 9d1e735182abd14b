from __future__ import annotations

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings


def test_healthz_answers_ok(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_ready_with_database_and_model(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["status"] == "ready"


def test_readyz_is_503_when_the_database_is_unreachable(pipeline) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(database_url="postgresql+psycopg://postgres@127.0.0.1:1/none")
    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["retry-after"]
        write = client.post("/v1/articles", json={"text": "A\nB said it.", "published_at": "2024-01-01"})
        assert write.status_code == 503 and write.headers["retry-after"]


def test_readyz_is_503_without_a_model(database_url: str) -> None:
    with TestClient(create_app(Settings(database_url=database_url, load_model=False))) as client:
        assert client.get("/readyz").status_code == 503
        assert client.post("/v1/extract", json={"text": "A\nB.", "published_at": "2024-01-01"}).status_code == 503
