"""Webhooks end to end on SQLite and PostgreSQL: subscriptions, the outbox written with the events, Standard
Webhooks signatures checked with the spec's algorithm, CloudEvents envelopes, retries, and deliveries that
survive a restart (and a killed process) between commit and sending."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.api.app import create_app
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.store.models import WebhookDelivery
from service.webhooks.delivery import deliver_due

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """An HTTP server on loopback that records every request; `answer(request)` picks the status code."""

    answer: Callable[[Received], int] = lambda _request: 200
    requests: list[Received] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            request = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            state.requests.append(request)
            self.send_response(state.answer(request))
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def client(clean_database: str, pipeline: Pipeline) -> Iterator[TestClient]:
    """The app with webhooks allowed to call private addresses: the receiver listens on loopback."""
    settings = Settings(database_url=clean_database, auth=False, webhook_allow_private=True)
    with TestClient(create_app(settings, pipeline=pipeline)) as test_client:
        yield test_client


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """The Standard Webhooks verification, written from the spec (not Eventline's code)."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    if abs(time.time() - int(headers["webhook-timestamp"])) > 300:
        return False
    return any(hmac.compare_digest(expected, s.split(",", 1)[1])
               for s in headers["webhook-signature"].split(" ") if s.startswith("v1,"))


def subscribe(client: TestClient, url: str, event_types: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"url": url}
    if event_types is not None:
        body["event_types"] = event_types
    response = client.post("/v1/webhooks", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def deliveries(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(WebhookDelivery)) or 0)


def test_subscriptions_show_the_secret_once(client: TestClient) -> None:
    created = subscribe(client, "https://alerts.example.org/hook", ["statement", "desecration"])
    assert created["secret"].startswith("whsec_")
    assert len(base64.b64decode(created["secret"].removeprefix("whsec_"))) == 24
    assert created["event_types"] == ["desecration", "statement"]
    one = client.get(f"/v1/webhooks/{created['id']}")
    assert one.status_code == 200 and "secret" not in one.json()
    listed = client.get("/v1/webhooks").json()
    assert [w["id"] for w in listed] == [created["id"]] and "secret" not in listed[0]
    assert client.get(f"/v1/webhooks/{created['id']}/deliveries").json() == []
    for bad in ({"url": "ftp://example.org/x"}, {"url": "not a url"}, {"url": "https://x.org", "event_types": ["x"]}):
        refused = client.post("/v1/webhooks", json=bad)
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert client.delete(f"/v1/webhooks/{created['id']}").status_code == 204
    gone = client.get(f"/v1/webhooks/{created['id']}")
    assert gone.status_code == 404 and gone.headers["content-type"].startswith("application/problem+json")
    assert client.delete(f"/v1/webhooks/{created['id']}").status_code == 404


def test_new_events_are_pushed_signed_as_cloudevents(
    client: TestClient, sessions: sessionmaker[Session], receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    everything = subscribe(client, receiver.url + "/all")
    statements = subscribe(client, receiver.url + "/statements", ["statement"])
    posted = client.post("/v1/articles", json=seed_article)
    assert posted.status_code == 201
    events = posted.json()["events"]
    article_id = posted.json()["article"]["id"]
    wanted = [e for e in events if e["type"] == "statement"]
    assert events and wanted and len(wanted) < len(events)
    assert deliveries(sessions) == len(events) + len(wanted)  # committed with the events
    assert client.post("/v1/articles", json=seed_article).status_code == 200  # a repost adds nothing
    assert deliveries(sessions) == len(events) + len(wanted)

    with httpx.Client(timeout=5) as http:
        outcomes = deliver_due(sessions, http, allow_private=True)
    assert {status for _id, status in outcomes} == {"delivered"}
    by_path: dict[str, list[Received]] = {"/all": [], "/statements": []}
    for request in receiver.requests:
        by_path[request.path].append(request)
    assert len(by_path["/all"]) == len(events) and len(by_path["/statements"]) == len(wanted)
    for path, secret in (("/all", everything["secret"]), ("/statements", statements["secret"])):
        for request in by_path[path]:
            assert verify(secret, request.headers, request.body)
            other = statements if path == "/all" else everything
            assert not verify(other["secret"], request.headers, request.body)  # another webhook's secret fails
            assert request.headers["content-type"] == "application/json"
            assert request.headers["webhook-id"].startswith("msg_")
            envelope = json.loads(request.body)
            assert envelope["specversion"] == "1.0"
            assert envelope["type"] == "dev.eventline.event.created"
            assert envelope["source"] == f"/v1/articles/{article_id}"
            assert envelope["datacontenttype"] == "application/json"
            assert envelope["id"] and datetime.fromisoformat(envelope["time"])
            assert envelope["data"]["article_id"] == article_id
    assert sorted(json.loads(r.body)["data"]["id"] for r in by_path["/all"]) == sorted(e["id"] for e in events)
    assert sorted(json.loads(r.body)["data"]["id"] for r in by_path["/statements"]) == sorted(e["id"] for e in wanted)
    shown = client.get(f"/v1/webhooks/{statements['id']}/deliveries").json()
    assert len(shown) == len(wanted)
    assert all(d["status"] == "delivered" and d["attempts"] == 1 and d["last_status_code"] == 200 for d in shown)
    with httpx.Client(timeout=5) as http:
        assert deliver_due(sessions, http, allow_private=True) == []  # nothing is sent twice


def test_retries_with_backoff_then_delivers(
    client: TestClient, sessions: sessionmaker[Session], receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    seen: set[str] = set()

    def first_500_then_200(request: Received) -> int:
        first = request.headers["webhook-id"] not in seen
        seen.add(request.headers["webhook-id"])
        return 500 if first else 200

    receiver.answer = first_500_then_200
    hook = subscribe(client, receiver.url, ["displacement"])
    assert client.post("/v1/articles", json=seed_article).status_code == 201
    count = deliveries(sessions)
    assert count > 0
    now = datetime.now(UTC)
    with httpx.Client(timeout=5) as http:
        assert {s for _i, s in deliver_due(sessions, http, now, retry_seconds=30, allow_private=True)} == {"pending"}
        waiting = client.get(f"/v1/webhooks/{hook['id']}/deliveries").json()
        assert all(d["attempts"] == 1 and d["last_status_code"] == 500 and d["status"] == "pending" for d in waiting)
        assert all(datetime.fromisoformat(d["next_attempt_at"]) >= now + timedelta(seconds=29) for d in waiting)
        assert deliver_due(sessions, http, now + timedelta(seconds=10), allow_private=True) == []  # not due yet
        later = deliver_due(sessions, http, now + timedelta(seconds=31), allow_private=True)
        assert {s for _i, s in later} == {"delivered"}
    shown = client.get(f"/v1/webhooks/{hook['id']}/deliveries").json()
    assert len(shown) == count
    assert all(d["status"] == "delivered" and d["attempts"] == 2 and d["delivered_at"] for d in shown)
    assert len(receiver.requests) == 2 * count
    ids = [r.headers["webhook-id"] for r in receiver.requests]
    assert len(set(ids)) == count  # a retry keeps its webhook-id, so receivers can deduplicate


def test_client_errors_fail_and_unreachable_receivers_die(
    client: TestClient, sessions: sessionmaker[Session], receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    receiver.answer = lambda _request: 410
    gone = subscribe(client, receiver.url, ["displacement"])
    closed = subscribe(client, "http://127.0.0.1:9/nobody-listens", ["displacement"])
    assert client.post("/v1/articles", json=seed_article).status_code == 201
    now = datetime.now(UTC)
    with httpx.Client(timeout=2) as http:
        deliver_due(sessions, http, now, max_attempts=2, retry_seconds=1, allow_private=True)
        deliver_due(sessions, http, now + timedelta(seconds=5), max_attempts=2, retry_seconds=1,
                    allow_private=True)
    failed = client.get(f"/v1/webhooks/{gone['id']}/deliveries").json()
    assert failed and all(d["status"] == "failed" and d["attempts"] == 1 and d["last_status_code"] == 410
                          for d in failed)
    dead = client.get(f"/v1/webhooks/{closed['id']}/deliveries").json()
    assert dead and all(d["status"] == "dead" and d["attempts"] == 2 and d["last_error"] for d in dead)


def test_async_jobs_fill_the_outbox_with_their_events(
    client: TestClient, sessions: sessionmaker[Session], receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    subscribe(client, receiver.url)
    accepted = client.post("/v1/articles", json=seed_article, headers={"Prefer": "respond-async"})
    assert accepted.status_code == 202
    deadline = time.monotonic() + 60
    while client.get(accepted.headers["location"]).json()["status"] != "done":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    article_id = accepted.json()["article_id"]
    events = client.get(f"/v1/articles/{article_id}/events").json()
    assert events and deliveries(sessions) == len(events)


def test_deliveries_survive_a_restart(
    clean_database: str, pipeline: Pipeline, receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    settings = Settings(database_url=clean_database, auth=False, webhook_poll_seconds=0, webhook_allow_private=True)
    with TestClient(create_app(settings, pipeline=pipeline)) as before:
        hook = subscribe(before, receiver.url)
        assert before.post("/v1/articles", json=seed_article).status_code == 201
    assert receiver.requests == []  # the process "stopped" between commit and delivery
    with TestClient(create_app(settings, pipeline=pipeline)) as after, httpx.Client(timeout=5) as http:
        outcomes = deliver_due(after.app.state.sessions, http, allow_private=True)  # type: ignore[attr-defined]
        assert outcomes and {s for _i, s in outcomes} == {"delivered"}
        assert len(receiver.requests) == len(outcomes)
        assert all(verify(hook["secret"], r.headers, r.body) for r in receiver.requests)


KILLED_AFTER_COMMIT = """
import os, signal, sys
from datetime import UTC, datetime
from service.flows import store_article
from service.schemas import ArticleIn, EventPublic
from service.store.db import make_engine, make_session_factory
from service.webhooks import subscriptions
from service.webhooks.schemas import WebhookIn

sessions = make_session_factory(make_engine(sys.argv[1]))
with sessions() as session, session.begin():
    print(subscriptions.create_webhook(session=session, webhook=WebhookIn(url=sys.argv[2]),
                                      allow_private=True).secret, flush=True)
events = [EventPublic.model_validate(e) for e in __import__("json").loads(sys.argv[3])]
article = ArticleIn(text="Families flee\\nHundreds fled Larkana.", published_at=datetime(2023, 5, 10, tzinfo=UTC))
store_article(sessions=sessions, article=article, events=events, pipeline_version="test")
os.kill(os.getpid(), signal.SIGKILL)  # killed right after the commit, before any delivery
"""


def test_a_process_killed_after_commit_loses_no_delivery(
    client: TestClient, clean_database: str, receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    events = client.post("/v1/extract", json=seed_article).json()["events"][:3]
    env = {**os.environ, "DATABASE_URL": clean_database, "EVENTLINE_LOG_FORMAT": "text",
           "EVENTLINE_WEBHOOK_ALLOW_PRIVATE": "true"}
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT, clean_database, receiver.url,
                             json.dumps(events)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    secret = killed.stdout.strip()
    assert receiver.requests == []
    sent = subprocess.run([sys.executable, "-m", "service.cli", "deliver", "--once"], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert sent.returncode == 0, sent.stderr
    assert len(receiver.requests) == len(events) == 3
    assert all(verify(secret, r.headers, r.body) for r in receiver.requests)


def test_the_api_delivery_thread_sends_and_reports_to_metrics(
    clean_database: str, pipeline: Pipeline, receiver: Receiver, seed_article: dict[str, Any]
) -> None:
    settings = Settings(database_url=clean_database, auth=False, webhook_poll_seconds=0.05,
                        webhook_allow_private=True)
    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        subscribe(client, receiver.url, ["displacement"])
        posted = client.post("/v1/articles", json=seed_article)
        wanted = sum(e["type"] == "displacement" for e in posted.json()["events"])
        deadline = time.monotonic() + 30
        while len(receiver.requests) < wanted:
            assert time.monotonic() < deadline, "the delivery thread sent nothing"
            time.sleep(0.05)
        line = f'eventline_webhook_deliveries_total{{outcome="delivered"}} {float(wanted)}'
        while line not in client.get("/metrics").text:  # counted just after the receiver answered
            assert time.monotonic() < deadline, "the delivery thread did not report to /metrics"
            time.sleep(0.05)
