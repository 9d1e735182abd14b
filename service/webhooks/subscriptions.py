"""Webhook subscriptions in the store."""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import NotFound
from service.store.articles import as_utc
from service.store.models import Webhook, WebhookDelivery
from service.webhooks.destinations import check_destination
from service.webhooks.schemas import DeliveryPublic, WebhookCreated, WebhookIn, WebhookPublic


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode("ascii")


def message_id(delivery_id: int) -> str:
    return f"msg_{delivery_id}"


def create_webhook(*, session: Session, webhook: WebhookIn, allow_private: bool) -> WebhookCreated:
    """Subscribes the URL; InvalidInput (422) for a destination webhooks may not call (see destinations)."""
    check_destination(webhook.url, allow_private=allow_private)  # before the first query: no transaction waits on DNS
    row = Webhook(url=webhook.url, event_types=list(webhook.event_types), secret=new_secret(),
                  created_at=datetime.now(UTC), active=True)
    session.add(row)
    session.flush()
    return WebhookCreated(**public_webhook(row).model_dump(), secret=row.secret)


def get_webhook(*, session: Session, webhook_id: int) -> Webhook:
    row = session.get(Webhook, webhook_id)
    if row is None:
        raise NotFound(f"no webhook with id {webhook_id}")
    return row


def list_webhooks(*, session: Session) -> list[WebhookPublic]:
    return [public_webhook(row) for row in session.scalars(select(Webhook).order_by(Webhook.id))]


def delete_webhook(*, session: Session, webhook_id: int) -> None:
    session.delete(get_webhook(session=session, webhook_id=webhook_id))


def list_deliveries(*, session: Session, webhook_id: int, limit: int) -> list[DeliveryPublic]:
    get_webhook(session=session, webhook_id=webhook_id)
    rows = session.scalars(select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
                           .order_by(WebhookDelivery.id.desc()).limit(limit))
    return [public_delivery(row) for row in rows]


def public_webhook(row: Webhook) -> WebhookPublic:
    return WebhookPublic(id=row.id, url=row.url, event_types=row.event_types, active=row.active,
                         created_at=as_utc(row.created_at), deliveries_url=f"/v1/webhooks/{row.id}/deliveries")


def public_delivery(row: WebhookDelivery) -> DeliveryPublic:
    return DeliveryPublic(
        id=row.id, webhook_id=row.webhook_id, event_id=row.event_id, message_id=message_id(row.id),
        status=row.status,  # type: ignore[arg-type]
        attempts=row.attempts,
        next_attempt_at=as_utc(row.next_attempt_at) if row.status == "pending" else None,
        last_status_code=row.last_status_code, last_error=row.last_error, created_at=as_utc(row.created_at),
        delivered_at=as_utc(row.delivered_at) if row.delivered_at else None,
    )
