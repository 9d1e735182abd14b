"""Who may call what: API keys by `X-API-Key` or `Authorization: Bearer`. GETs need `read`, other methods
`write`, webhooks `admin`; health checks and the timeline page are open. With `EVENTLINE_PUBLIC_READ=true`
GETs need no key; with `EVENTLINE_AUTH=off` nothing does (loopback development only)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from service.auth.keys import Scope, active_key, grants
from service.auth.rate_limit import RateLimiter
from service.config import Settings
from service.errors import Forbidden, TooManyRequests, Unauthorized

log = logging.getLogger("eventline.auth")
_API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False, description="An Eventline API key")
_BEARER = HTTPBearer(auto_error=False, description="An Eventline API key as a bearer token")
ADMIN_PREFIXES = ("/v1/webhooks", "/v1/keys")


def needed_scope(method: str, path: str) -> Scope | None:
    """The scope a request needs; None for open paths (health, the page, the API document)."""
    if not path.startswith("/v1/"):
        return None
    if path.startswith(ADMIN_PREFIXES):
        return "admin"
    return "read" if method in ("GET", "HEAD") else "write"


def authorize(
    request: Request,
    api_key: Annotated[str | None, Security(_API_KEY)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)] = None,
) -> None:
    """An app-wide dependency: raises 401 or 403 problems when the request's key does not cover it."""
    settings: Settings = request.app.state.settings
    needed = needed_scope(request.method, request.url.path)
    if not settings.auth or needed is None:
        return
    token = api_key or (bearer.credentials if bearer else None)
    if not token:
        if needed == "read" and settings.public_read:
            return
        raise Unauthorized("an API key is required: send it as X-API-Key or Authorization: Bearer")
    with request.app.state.sessions() as session:
        key = active_key(session=session, token=token)
        scope = key.scope if key is not None else None
        key_id = str(key.id) if key is not None else ""
    if scope is None:
        raise Unauthorized("unknown or revoked API key")
    if not grants(scope, needed):
        raise Forbidden(f"this API key has scope '{scope}'; the request needs '{needed}'")
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is not None and (wait := limiter.wait_seconds(key_id)):
        raise TooManyRequests(f"this API key made more than {limiter.per_minute} requests a minute", wait)


def warn_when_open(settings: Settings) -> None:
    if not settings.auth:
        log.warning("!" * 72)
        log.warning("EVENTLINE_AUTH=off: every request is accepted WITHOUT an API key. Serve on loopback only.")
        log.warning("!" * 72)
