"""Sends the outbox: each due delivery as a Standard Webhooks request (https://www.standardwebhooks.com/) whose
body is its CloudEvents envelope. 2xx → delivered; 408, 429, 5xx, timeouts and connection errors → retried with
exponential backoff, `dead` after `max_attempts`; any other answer, or a destination that now resolves to an
address webhooks may not call (`destinations`), → failed. Redirects are never followed. Deliveries are at least
once: receivers deduplicate by the `webhook-id` header."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.errors import InvalidInput
from service.metrics import Metrics
from service.store.articles import as_utc
from service.store.models import Webhook, WebhookDelivery
from service.webhooks.destinations import PublicOnlyBackend, check_destination
from service.webhooks.subscriptions import message_id

log = logging.getLogger("eventline.webhooks")
MAX_RETRY_DELAY = 3600.0
# A claimed delivery is not picked up again for this long (a sender killed mid-request: sent again after it).
LEASE_SECONDS = 120.0
RETRY_STATUSES = frozenset({408, 429})


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header value: `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed by
    the base64-decoded secret (without its `whsec_` prefix)."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = msg_id.encode() + b"." + str(timestamp).encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii")


@dataclass(frozen=True)
class _Claimed:
    id: int
    url: str
    secret: str
    payload: bytes
    attempts: int
    created_at: datetime


def _retry_delay(retry_seconds: float, attempts: int) -> float:
    return min(retry_seconds * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


def _claim(sessions: sessionmaker[Session], now: datetime, limit: int) -> list[_Claimed]:
    """Due deliveries, leased to this sender (their next attempt moved past the lease) and counted as attempted,
    in one short transaction; rows another sender holds are skipped (PostgreSQL)."""
    with sessions() as session, session.begin():
        rows = session.execute(
            select(WebhookDelivery, Webhook)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now,
                   Webhook.active.is_(True))
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
            .with_for_update(of=WebhookDelivery, skip_locked=True)
        ).all()
        claimed = []
        for delivery, webhook in rows:
            delivery.attempts += 1
            delivery.next_attempt_at = now + timedelta(seconds=LEASE_SECONDS)
            body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            claimed.append(_Claimed(delivery.id, webhook.url, webhook.secret, body, delivery.attempts,
                                    as_utc(delivery.created_at)))
        return claimed


def _send(client: httpx.Client, delivery: _Claimed, allow_private: bool) -> tuple[int | None, str | None, bool]:
    """The receiver's status code (None when no answer came), an error text (None on 2xx), and whether the
    destination was refused without a request."""
    try:
        check_destination(delivery.url, allow_private=allow_private)
    except InvalidInput as refused:
        return None, f"refused: {refused.detail}"[:500], True
    msg_id, timestamp = message_id(delivery.id), int(time.time())
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(delivery.secret, msg_id, timestamp, delivery.payload),
        "content-type": "application/json",
        "user-agent": "Eventline-Webhooks/1",
    }
    try:
        response = client.post(delivery.url, content=delivery.payload, headers=headers)
    except httpx.TimeoutException as error:
        return None, f"timeout: {type(error).__name__}", False
    except httpx.HTTPError as error:
        return None, f"{type(error).__name__}: {error}"[:500], False
    if 200 <= response.status_code < 300:
        return response.status_code, None, False
    return response.status_code, f"HTTP {response.status_code}: {response.text[:300]}", False


def deliver_due(
    sessions: sessionmaker[Session], client: httpx.Client, now: datetime | None = None, *, max_attempts: int = 8,
    retry_seconds: float = 5.0, limit: int = 100, allow_private: bool = False, metrics: Metrics | None = None,
) -> list[tuple[int, str]]:
    """Sends the deliveries due at `now` (default: the current time) once each; answers (delivery id, new
    status) for each one sent. `allow_private`: see `destinations`."""
    now = now or datetime.now(UTC)
    outcomes: list[tuple[int, str]] = []
    for delivery in _claim(sessions, now, limit):
        started = time.perf_counter()
        code, error, refused = _send(client, delivery, allow_private)
        if not refused and metrics is not None:
            metrics.webhook_request_seconds.observe(time.perf_counter() - started)
        if error is None:
            status = "delivered"
        elif refused:
            status = "failed"
        elif code is None or code >= 500 or code in RETRY_STATUSES:
            status = "dead" if delivery.attempts >= max_attempts else "pending"
        else:
            status = "failed"
        with sessions() as session, session.begin():
            row = session.get(WebhookDelivery, delivery.id)
            if row is None:  # its webhook was deleted meanwhile
                continue
            row.status, row.last_status_code, row.last_error = status, code, error
            finished = datetime.now(UTC)
            if status == "delivered":
                row.delivered_at = finished
            if status == "pending":
                row.next_attempt_at = now + timedelta(seconds=_retry_delay(retry_seconds, delivery.attempts))
        if status != "delivered":
            log.warning("webhook delivery %d %s after attempt %d: %s", delivery.id, status, delivery.attempts, error)
        if metrics is not None:
            metrics.observe_webhook_delivery(status, finished - delivery.created_at)
        outcomes.append((delivery.id, status))
    return outcomes


def http_client(settings: Settings) -> httpx.Client:
    """Never follows redirects; unless private addresses are allowed, connects only to vetted public addresses."""
    transport = httpx.HTTPTransport()
    if not settings.webhook_allow_private:
        # httpx has no public way to give its pool a network backend; the pool keeps it here (httpcore 1.0).
        transport._pool._network_backend = PublicOnlyBackend()
    return httpx.Client(transport=transport, timeout=settings.webhook_timeout_seconds, follow_redirects=False)


def deliver_forever(sessions: sessionmaker[Session], settings: Settings, stopping: threading.Event,
                    once: bool = False, metrics: Metrics | None = None) -> None:
    """Sends due deliveries every `webhook_poll_seconds` until `stopping` is set (or after one round)."""
    with http_client(settings) as client:
        while not stopping.is_set():
            try:
                sent = deliver_due(sessions, client, max_attempts=settings.webhook_max_attempts,
                                   retry_seconds=settings.webhook_retry_seconds,
                                   allow_private=settings.webhook_allow_private, metrics=metrics)
            except Exception:
                log.exception("webhook delivery round failed; trying again later")
                sent = []
            if once:
                return
            if not sent:  # a full batch: go on at once
                stopping.wait(settings.webhook_poll_seconds or 1.0)


class WebhookSender:
    """The background thread of the API process that sends the outbox."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings, metrics: Metrics | None = None) -> None:
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=deliver_forever, args=(sessions, settings, self._stopping),
                                        kwargs={"metrics": metrics}, name="eventline-webhooks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        self._thread.join(timeout)
