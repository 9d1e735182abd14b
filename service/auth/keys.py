"""Creates, finds and revokes API keys. The token is shown once, at creation; only its SHA-256 is stored
(a token is 256 random bits, so a fast hash is enough: there is nothing to brute-force)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import InvalidInput, NotFound
from service.store.models import ApiKey

Scope = Literal["read", "write", "admin"]
# Each scope includes the ones before it.
SCOPE_ORDER: tuple[Scope, ...] = ("read", "write", "admin")
TOKEN_PREFIX = "evl_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def grants(scope: str, needed: Scope) -> bool:
    return scope in SCOPE_ORDER and SCOPE_ORDER.index(scope) >= SCOPE_ORDER.index(needed)


def create_key(*, session: Session, name: str, scope: str) -> tuple[ApiKey, str]:
    """A new key and its token (the only time the token is known)."""
    if scope not in SCOPE_ORDER:
        raise InvalidInput(f"scope must be one of {', '.join(SCOPE_ORDER)}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(name=name, scope=scope, token_sha256=hash_token(token), prefix=token[:12],
                 created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return row, token


def list_keys(*, session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def revoke_key(*, session: Session, key_id: int) -> ApiKey:
    row = session.get(ApiKey, key_id)
    if row is None:
        raise NotFound(f"no API key with id {key_id}")
    row.revoked_at = row.revoked_at or datetime.now(UTC)
    return row


def active_key(*, session: Session, token: str) -> ApiKey | None:
    row = session.scalars(select(ApiKey).where(ApiKey.token_sha256 == hash_token(token))).first()
    return row if row is not None and row.revoked_at is None else None
