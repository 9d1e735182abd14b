"""API keys: hashed at rest, scopes read < write < admin, 401/403 problems, public reads when allowed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.auth.keys import create_key, hash_token, list_keys, revoke_key
from service.cli import main
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.store.db import make_engine, make_session_factory

ARTICLE = {"text": "Headline\nPolice evacuated 300 residents of Marlow on Friday.", "published_at": "2024-05-04"}
AppFactory = Callable[..., TestClient]


@pytest.fixture
def keys(clean_database: str) -> Iterator[dict[str, str]]:
    engine = make_engine(clean_database)
    tokens: dict[str, str] = {}
    with make_session_factory(engine)() as session, session.begin():
        for scope in ("read", "write", "admin"):
            tokens[scope] = create_key(session=session, name=f"{scope} key", scope=scope)[1]
        revoked, tokens["revoked"] = create_key(session=session, name="old", scope="admin")
        revoke_key(session=session, key_id=revoked.id)
    engine.dispose()
    yield tokens


@pytest.fixture
def secured(clean_database: str, pipeline: Pipeline) -> Iterator[AppFactory]:
    clients: list[TestClient] = []

    def build(**settings: object) -> TestClient:
        configured = Settings(database_url=clean_database, auth=True, **settings)  # type: ignore[arg-type]
        app = create_app(configured, pipeline=pipeline)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


def test_requests_without_a_key_answer_401_problem(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured()
    for response in (client.get("/v1/events"), client.post("/v1/articles", json=ARTICLE)):
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/healthz").status_code == 200


def test_unknown_and_revoked_keys_answer_401(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured()
    assert client.get("/v1/events", headers={"X-API-Key": "evl_nothing"}).status_code == 401
    assert client.get("/v1/events", headers={"X-API-Key": keys["revoked"]}).status_code == 401


def test_read_key_reads_but_cannot_write(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured()
    assert client.get("/v1/events", headers={"X-API-Key": keys["read"]}).status_code == 200
    refused = client.post("/v1/articles", json=ARTICLE, headers={"Authorization": f"Bearer {keys['read']}"})
    assert refused.status_code == 403 and refused.json()["title"] == "Forbidden"


def test_write_key_writes_by_header_or_bearer(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured()
    assert client.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": keys["write"]}).status_code == 201
    assert client.get("/v1/events", headers={"Authorization": f"Bearer {keys['admin']}"}).status_code == 200


def test_public_read_lets_gets_in_but_not_writes(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured(public_read=True)
    assert client.get("/v1/timeline").status_code == 200
    assert client.post("/v1/articles", json=ARTICLE).status_code == 401


def test_only_the_hash_of_a_token_is_stored(clean_database: str, keys: dict[str, str]) -> None:
    engine = make_engine(clean_database)
    with make_session_factory(engine)() as session:
        stored = {k.token_sha256 for k in list_keys(session=session)}
    engine.dispose()
    assert hash_token(keys["read"]) in stored and keys["read"] not in stored


def test_cli_creates_lists_and_revokes_keys(clean_database: str, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTLINE_DATABASE_URL", clean_database)
    main(["keys", "create", "--name", "cms", "--scope", "write"])
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("evl_")
    main(["keys", "list"])
    listing = capsys.readouterr().out
    assert "cms" in listing and "active" in listing and token not in listing
    key_id = listing.split("\t", 1)[0]
    main(["keys", "revoke", key_id])
    main(["keys", "list"])
    assert "revoked" in capsys.readouterr().out


def test_a_key_over_its_rate_gets_429_with_retry_after(secured: AppFactory, keys: dict[str, str]) -> None:
    client = secured(rate_limit_per_minute=3)
    headers = {"X-API-Key": keys["read"]}
    assert [client.get("/v1/events", headers=headers).status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get("/v1/events", headers=headers)
    assert limited.status_code == 429
    assert limited.headers["content-type"].startswith("application/problem+json")
    assert int(limited.headers["retry-after"]) >= 1
    other = client.get("/v1/events", headers={"X-API-Key": keys["write"]})
    assert other.status_code == 200  # the limit is per key


def test_bucket_refills_with_time() -> None:
    from service.auth.rate_limit import RateLimiter

    now = [0.0]
    limiter = RateLimiter(per_minute=60, clock=lambda: now[0])
    assert all(limiter.wait_seconds("k") == 0 for _ in range(60))
    assert limiter.wait_seconds("k") == 1
    now[0] += 1.0
    assert limiter.wait_seconds("k") == 0
