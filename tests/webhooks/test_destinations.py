"""Webhook URL policy (SSRF): only http(s) hosts that are and resolve to public addresses, unless
EVENTLINE_WEBHOOK_ALLOW_PRIVATE=true; checked at subscription (422 problem+json) and again before each request."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpcore
import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from service.api.app import create_app
from service.config import Settings
from service.errors import InvalidInput
from service.pipeline.pipeline import Pipeline
from service.webhooks.delivery import deliver_due, http_client
from service.webhooks.destinations import PublicOnlyBackend, check_destination

REFUSED = [
    ("http://127.0.0.1:8080/hook", "loopback"),
    ("http://localhost/hook", "loopback"),  # a name: resolved (from /etc/hosts) and refused by its address
    ("http://[::1]/hook", "loopback"),
    ("http://[::ffff:127.0.0.1]/hook", "loopback"),
    ("https://10.1.2.3/hook", "private"),
    ("https://192.168.0.10/hook", "private"),
    ("https://172.16.5.4/hook", "private"),
    ("http://169.254.169.254/latest/meta-data", "link-local"),  # cloud metadata
    ("http://[fe80::1]/hook", "link-local"),
    ("http://224.0.0.1/hook", "multicast"),
    ("http://240.0.0.1/hook", "reserved"),
    ("http://0.0.0.0/hook", "unspecified"),
    ("http://100.64.0.1/hook", "non-global"),  # carrier-grade NAT
    ("http://2130706433/hook", "loopback"),  # 127.0.0.1 written as one number
]


def fake_resolver(answers: dict[str, list[str]]) -> Any:
    def resolve(host: str, _port: int) -> list[str]:
        if host not in answers:
            raise OSError(f"no such host {host}")
        return answers[host]

    return resolve


@pytest.fixture
def strict_client(clean_database: str, pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=clean_database, auth=False), pipeline=pipeline)) as client:
        yield client


@pytest.mark.parametrize(("url", "kind"), REFUSED)
def test_subscribing_a_non_public_address_answers_422_problem(strict_client: TestClient, url: str, kind: str) -> None:
    response = strict_client.post("/v1/webhooks", json={"url": url})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert f"a {kind} address" in response.json()["detail"]
    assert strict_client.get("/v1/webhooks").json() == []


def test_a_public_address_is_subscribed(strict_client: TestClient) -> None:
    response = strict_client.post("/v1/webhooks", json={"url": "https://93.184.215.14/eventline"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("url", ["ftp://93.184.215.14/x", "file:///etc/passwd", "gopher://93.184.215.14/"])
def test_other_schemes_are_refused_even_when_private_addresses_are_allowed(url: str) -> None:
    with pytest.raises(InvalidInput, match="http"):
        check_destination(url, allow_private=True)


def test_a_name_resolving_to_a_private_address_is_refused() -> None:
    resolve = fake_resolver({"hooks.example.org": ["10.0.0.7"]})
    with pytest.raises(InvalidInput, match="private address"):
        check_destination("https://hooks.example.org/x", allow_private=False, resolve=resolve)


def test_a_name_is_refused_when_any_of_its_addresses_is_private() -> None:
    resolve = fake_resolver({"hooks.example.org": ["93.184.215.14", "192.168.1.1"]})
    with pytest.raises(InvalidInput, match="private address"):
        check_destination("https://hooks.example.org/x", allow_private=False, resolve=resolve)


def test_a_name_resolving_to_public_addresses_is_allowed() -> None:
    resolve = fake_resolver({"hooks.example.org": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]})
    check_destination("https://hooks.example.org:8443/x", allow_private=False, resolve=resolve)


def test_a_name_that_does_not_resolve_is_refused() -> None:
    with pytest.raises(InvalidInput, match="does not resolve"):
        check_destination("https://nowhere.invalid/x", allow_private=False, resolve=fake_resolver({}))


def test_the_setting_allows_private_addresses(clean_database: str, pipeline: Pipeline) -> None:
    settings = Settings(database_url=clean_database, auth=False, webhook_allow_private=True)
    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        assert client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}).status_code == 201


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().webhook_allow_private is False
    monkeypatch.setenv("EVENTLINE_WEBHOOK_ALLOW_PRIVATE", "true")
    assert Settings().webhook_allow_private is True


def test_delivery_refuses_a_destination_that_became_private(
    clean_database: str, pipeline: Pipeline, sessions: sessionmaker[Session], seed_article: dict[str, Any]
) -> None:
    # Subscribed while allowed (as if its name resolved to a public address then); the sender no longer allows it.
    settings = Settings(database_url=clean_database, auth=False, webhook_allow_private=True)
    requests: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200)

    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        hook = client.post("/v1/webhooks", json={"url": "http://10.9.8.7/hook", "event_types": ["displacement"]})
        assert hook.status_code == 201
        assert client.post("/v1/articles", json=seed_article).status_code == 201
        with httpx.Client(transport=httpx.MockTransport(record)) as http:
            outcomes = deliver_due(sessions, http, allow_private=False)
        assert outcomes and {status for _id, status in outcomes} == {"failed"}
        assert requests == []  # nothing was sent
        shown = client.get(f"/v1/webhooks/{hook.json()['id']}/deliveries").json()
        assert all(d["status"] == "failed" and d["last_error"].startswith("refused: ") and "private address"
                   in d["last_error"] and d["last_status_code"] is None for d in shown)


def test_the_sender_connects_only_to_the_address_it_vetted(monkeypatch: pytest.MonkeyPatch) -> None:
    connected: list[tuple[str, int]] = []
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp",
                        lambda _self, host, port, *_args, **_kw: connected.append((host, port)))
    backend = PublicOnlyBackend(resolve=fake_resolver({"hooks.example.org": ["93.184.215.14"]}))
    backend.connect_tcp("hooks.example.org", 443)
    assert connected == [("93.184.215.14", 443)]  # the name is not resolved a second time by the socket


def test_the_sender_refuses_a_name_that_turned_private_when_connecting() -> None:
    backend = PublicOnlyBackend(resolve=fake_resolver({"hooks.example.org": ["127.0.0.1"]}))
    with pytest.raises(httpcore.ConnectError, match=r"refused: .*loopback"):
        backend.connect_tcp("hooks.example.org", 443)


@pytest.fixture
def loopback_receiver() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_the_delivery_client_refuses_private_addresses_by_itself(loopback_receiver: str) -> None:
    with http_client(Settings(webhook_allow_private=True)) as allowed:
        assert allowed.post(loopback_receiver).status_code == 204
    with http_client(Settings()) as strict, pytest.raises(httpx.ConnectError, match="refused"):
        strict.post(loopback_receiver)
