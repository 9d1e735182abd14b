"""Webhooks: subscribe a URL to new events (admin scope); deliveries are sent from the outbox, not here."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from service.api.deps import SessionDep, SettingsDep
from service.api.problems import PROBLEM
from service.flows import database_errors
from service.schemas import MAX_ID
from service.webhooks import subscriptions
from service.webhooks.schemas import DeliveryPublic, WebhookCreated, WebhookIn, WebhookPublic

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
WebhookId = Annotated[int, Path(ge=1, le=MAX_ID, description="An id Eventline gave the webhook")]
ERRORS: dict[int | str, dict[str, Any]] = {401: PROBLEM, 403: PROBLEM, 422: PROBLEM, 503: PROBLEM}


@router.post("", response_model=WebhookCreated, status_code=status.HTTP_201_CREATED,
             summary="Subscribe a URL to new events (the signing secret is shown only in this answer)",
             description="The URL must be http(s) and its host public: a host that is or resolves to a loopback, "
             "private, link-local, multicast or reserved address gets 422 unless EVENTLINE_WEBHOOK_ALLOW_PRIVATE=true.",
             responses={400: PROBLEM, 413: PROBLEM, **ERRORS})
def create_webhook(body: WebhookIn, session: SessionDep, settings: SettingsDep, response: Response) -> WebhookCreated:
    with database_errors(), session.begin():
        created = subscriptions.create_webhook(session=session, webhook=body,
                                               allow_private=settings.webhook_allow_private)
    response.headers["Location"] = f"/v1/webhooks/{created.id}"
    return created


@router.get("", response_model=list[WebhookPublic], summary="Webhooks (never their secrets)", responses=ERRORS)
def list_webhooks(session: SessionDep) -> list[WebhookPublic]:
    with database_errors():
        return subscriptions.list_webhooks(session=session)


@router.get("/{webhook_id}", response_model=WebhookPublic, summary="A webhook (never its secret)",
            responses={404: PROBLEM, **ERRORS})
def get_webhook(webhook_id: WebhookId, session: SessionDep) -> WebhookPublic:
    with database_errors():
        return subscriptions.public_webhook(subscriptions.get_webhook(session=session, webhook_id=webhook_id))


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Unsubscribe (pending deliveries are dropped)", responses={404: PROBLEM, **ERRORS})
def delete_webhook(webhook_id: WebhookId, session: SessionDep) -> Response:
    with database_errors(), session.begin():
        subscriptions.delete_webhook(session=session, webhook_id=webhook_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{webhook_id}/deliveries", response_model=list[DeliveryPublic],
            summary="A webhook's deliveries, newest first", responses={404: PROBLEM, **ERRORS})
def list_deliveries(
    webhook_id: WebhookId, session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many")] = 50,
) -> list[DeliveryPublic]:
    with database_errors():
        return subscriptions.list_deliveries(session=session, webhook_id=webhook_id, limit=limit)
