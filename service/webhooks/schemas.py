"""The webhook API's request and answer bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.schemas import EventTypeName

DeliveryStatus = Literal["pending", "delivered", "failed", "dead"]


class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=2000, description="An http:// or https:// URL that receives the POSTs",
                     examples=["https://alerts.example.org/eventline"])
    event_types: list[EventTypeName] = Field(
        default_factory=list, max_length=10, description="Event types to push; empty (the default): every type")

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        from urllib.parse import urlsplit

        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an absolute http:// or https:// URL")
        return url.strip()

    @field_validator("event_types")
    @classmethod
    def _unique(cls, types: list[str]) -> list[str]:
        return sorted(set(types))


class WebhookPublic(BaseModel):
    id: int
    url: str
    event_types: list[EventTypeName] = Field(description="Empty: every type")
    active: bool
    created_at: datetime
    deliveries_url: str


class WebhookCreated(WebhookPublic):
    secret: str = Field(description="`whsec_…`: the signing secret (Standard Webhooks), shown only in this answer")


class DeliveryPublic(BaseModel):
    id: int
    webhook_id: int
    event_id: int
    message_id: str = Field(description="The `webhook-id` header the receiver sees")
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When the next attempt is due (pending only)")
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
