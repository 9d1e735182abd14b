"""Stored answers to POSTs sent with an `Idempotency-Key`."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.store.models import IdempotencyRecord


def find_record(*, session: Session, scoped_key: str) -> IdempotencyRecord | None:
    return session.scalars(select(IdempotencyRecord).where(IdempotencyRecord.scoped_key == scoped_key)).first()


def save_record(
    *, session: Session, scoped_key: str, request_sha256: str, status: int, content_type: str, body: str
) -> None:
    """Keeps the first answer for a key; a concurrent request that stored one first wins."""
    try:
        with session.begin():
            session.add(IdempotencyRecord(scoped_key=scoped_key, request_sha256=request_sha256, status=status,
                                          content_type=content_type, body=body, created_at=datetime.now(UTC)))
    except IntegrityError:
        session.rollback()
