"""The outbox: delivery rows added in the caller's transaction, the one that stores the events, so an event is
committed with its deliveries or not at all (a crash between commit and sending loses nothing)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.store.articles import public_event_row
from service.store.models import Event, Webhook, WebhookDelivery

EVENT_CREATED = "dev.eventline.event.created"


def cloud_event(event: Event, now: datetime) -> dict[str, Any]:
    """The CloudEvents 1.0 JSON envelope of a new event; `data` is the event as `GET /v1/events` shows it."""
    return {
        "specversion": "1.0",
        "type": EVENT_CREATED,
        "source": f"/v1/articles/{event.article_id}",
        "id": f"evt_{event.id}",
        "time": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "subject": f"events/{event.id}",
        "datacontenttype": "application/json",
        "data": public_event_row(event).model_dump(mode="json"),
    }


def enqueue_deliveries(*, session: Session, article_id: int, now: datetime | None = None,
                       event_ids: list[int] | None = None) -> int:
    """Adds a pending delivery for every event of the article (or only those of `event_ids`: the ones a
    re-extraction added) and every active webhook whose types match. Call it after the events were added,
    inside their transaction (it flushes; the caller commits). Answers how many deliveries it added."""
    webhooks = session.scalars(select(Webhook).where(Webhook.active.is_(True)).order_by(Webhook.id)).all()
    if not webhooks:
        return 0
    now = now or datetime.now(UTC)
    session.flush()
    if event_ids is not None and not event_ids:
        return 0
    query = select(Event).where(Event.article_id == article_id)
    if event_ids is not None:
        query = query.where(Event.id.in_(event_ids))
    events = session.scalars(query.order_by(Event.id)).all()
    added = 0
    for event in events:
        envelope: dict[str, Any] | None = None
        for webhook in webhooks:
            if webhook.event_types and event.type not in webhook.event_types:
                continue
            envelope = envelope or cloud_event(event, now)
            session.add(WebhookDelivery(webhook_id=webhook.id, event_id=event.id, payload=envelope,
                                        status="pending", attempts=0, next_attempt_at=now, created_at=now))
            added += 1
    if added:
        session.flush()
    return added


def pending_deliveries(*, sessions: sessionmaker[Session]) -> int:
    """The outbox depth: deliveries not sent yet or waiting for a retry."""
    with sessions() as session:
        count = session.scalar(select(func.count()).select_from(WebhookDelivery)
                               .where(WebhookDelivery.status == "pending"))
        return int(count or 0)
