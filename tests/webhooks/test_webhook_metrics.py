"""/metrics counts webhook deliveries by outcome, times them, and reads the outbox depth at each scrape."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from service.webhooks.delivery import deliver_due

RECEIVER = "https://93.184.215.14"  # a public address: no private-address allowance needed, never contacted


def metric(client: TestClient, name: str, labels: str = "") -> float:
    body = client.get("/metrics").text
    match = re.search(rf"^{re.escape(name)}{re.escape(labels)} (\S+)$", body, re.MULTILINE)
    assert match is not None, f"{name}{labels} not in /metrics"
    return float(match.group(1))


def outcome(client: TestClient, name: str) -> float:
    return metric(client, "eventline_webhook_deliveries_total", f'{{outcome="{name}"}}')


@pytest.fixture
def answering() -> Iterator[tuple[Callable[..., httpx.Client], Counter[str]]]:
    """An httpx client whose receiver answers by path: /ok 200, /gone 410, /down 503, /flaky 500 then 200."""
    seen: Counter[str] = Counter()

    def answer(request: httpx.Request) -> httpx.Response:
        key = request.url.path + request.headers["webhook-id"]
        seen[key] += 1
        path = request.url.path
        if path == "/flaky":
            return httpx.Response(500 if seen[key] == 1 else 200)
        return httpx.Response({"/ok": 200, "/gone": 410, "/down": 503}[path])

    clients: list[httpx.Client] = []

    def make() -> httpx.Client:
        clients.append(httpx.Client(transport=httpx.MockTransport(answer)))
        return clients[-1]

    yield make, seen
    for made in clients:
        made.close()


def subscribe_and_post(client: TestClient, paths: list[str], article: dict[str, Any]) -> int:
    """Subscribes each path to displacement events, posts the article; answers the deliveries per path."""
    for path in paths:
        created = client.post("/v1/webhooks", json={"url": RECEIVER + path, "event_types": ["displacement"]})
        assert created.status_code == 201, created.text
    posted = client.post("/v1/articles", json=article)
    assert posted.status_code == 201
    per_path = sum(e["type"] == "displacement" for e in posted.json()["events"])
    assert per_path > 0
    return per_path


def test_deliveries_are_counted_by_outcome(client: TestClient, answering: Any, seed_article: dict[str, Any]) -> None:
    make, _seen = answering
    per_path = subscribe_and_post(client, ["/ok", "/flaky", "/gone", "/down"], seed_article)
    state = client.app.state
    metrics = state.metrics
    assert {name: outcome(client, name) for name in ("delivered", "retried", "failed", "dead")} == dict.fromkeys(
        ("delivered", "retried", "failed", "dead"), 0.0)
    now = datetime.now(UTC)
    with make() as http:
        deliver_due(state.sessions, http, now, max_attempts=2, metrics=metrics)
        deliver_due(state.sessions, http, now + timedelta(hours=2), max_attempts=2, metrics=metrics)
    assert outcome(client, "delivered") == 2 * per_path  # /ok at once, /flaky on its retry
    assert outcome(client, "retried") == 2 * per_path  # /flaky and /down after their first attempt
    assert outcome(client, "failed") == per_path  # /gone
    assert outcome(client, "dead") == per_path  # /down after its second attempt


def test_delivery_latency_and_request_time_are_observed(
    client: TestClient, answering: Any, seed_article: dict[str, Any]
) -> None:
    make, _seen = answering
    per_path = subscribe_and_post(client, ["/ok", "/flaky"], seed_article)
    state = client.app.state
    metrics = state.metrics
    now = datetime.now(UTC)
    with make() as http:
        deliver_due(state.sessions, http, now, metrics=metrics)
        deliver_due(state.sessions, http, now + timedelta(hours=2), metrics=metrics)
    assert metric(client, "eventline_webhook_request_seconds_count") == 3 * per_path  # /flaky was asked twice
    assert metric(client, "eventline_webhook_delivery_latency_seconds_count") == 2 * per_path
    assert metric(client, "eventline_webhook_delivery_latency_seconds_sum") >= 0


def test_outbox_depth_is_read_at_each_scrape(client: TestClient, answering: Any, seed_article: dict[str, Any]) -> None:
    make, _seen = answering
    state = client.app.state
    assert metric(client, "eventline_webhook_outbox_pending") == 0
    per_path = subscribe_and_post(client, ["/ok", "/down"], seed_article)
    assert metric(client, "eventline_webhook_outbox_pending") == 2 * per_path
    with make() as http:
        deliver_due(state.sessions, http)
    assert metric(client, "eventline_webhook_outbox_pending") == per_path  # /down waits for its retry
