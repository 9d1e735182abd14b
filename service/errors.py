"""Eventline's exceptions. The API maps each to an RFC 9457 problem in one handler.

EventlineError
 ├── InvalidInput        422  the request is well-formed JSON but cannot be processed
 ├── NotFound            404  no such article, event or cursor target
 ├── PayloadTooLarge     413  body over the configured limit
 ├── Unauthorized        401  no API key, or an unknown or revoked one
 ├── Forbidden           403  the API key's scope does not cover the request
 └── Unavailable         503  a dependency (database, model) is down; retry later
"""

from __future__ import annotations


class EventlineError(Exception):
    """Base of every error Eventline raises on purpose."""

    status = 500
    title = "Internal error"
    type_slug = "internal"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InvalidInput(EventlineError):
    status = 422
    title = "Invalid input"
    type_slug = "invalid-input"


class NotFound(EventlineError):
    status = 404
    title = "Not found"
    type_slug = "not-found"


class PayloadTooLarge(EventlineError):
    status = 413
    title = "Payload too large"
    type_slug = "payload-too-large"


class RetryLater(EventlineError):
    """An error the client should retry after `retry_after` seconds (answered as Retry-After)."""

    def __init__(self, detail: str, retry_after: int = 5) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Unavailable(RetryLater):
    status = 503
    title = "Service unavailable"
    type_slug = "unavailable"


class Unauthorized(EventlineError):
    status = 401
    title = "Unauthorized"
    type_slug = "unauthorized"


class Forbidden(EventlineError):
    status = 403
    title = "Forbidden"
    type_slug = "forbidden"


class TooManyRequests(RetryLater):
    status = 429
    title = "Too many requests"
    type_slug = "rate-limited"
