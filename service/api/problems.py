"""RFC 9457 problem details for every error answer, from one set of handlers."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError as SAInterfaceError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.errors import EventlineError, Unauthorized

PROBLEM_JSON = "application/problem+json"
# For route `responses=`: documents that an error status answers with problem+json.
PROBLEM: dict[str, Any] = {"content": {PROBLEM_JSON: {}}}
_TYPE_BASE = "https://eventline.dev/problems/"
log = logging.getLogger("eventline.api")


def problem(
    status: int, title: str, detail: str, slug: str, instance: str | None = None, headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {"type": _TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def _eventline_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, EventlineError)
    retry_after = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    if isinstance(error, Unauthorized):
        headers = {"WWW-Authenticate": 'Bearer realm="eventline"'}
    return problem(error.status, error.title, error.detail, error.type_slug, request.url.path, headers)


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in error.errors()
    ]
    detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
    return problem(422, "Invalid request", detail, "validation", request.url.path, errors=errors)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 413: "Payload too large", 400: "Bad request"}
    return problem(error.status_code, titles.get(error.status_code, "HTTP error"), str(error.detail),
                   f"http-{error.status_code}", request.url.path, dict(error.headers or {}))


async def _database_down(request: Request, error: Exception) -> JSONResponse:
    # The net under routes that do not wrap their queries in flows.database_errors (e.g. the key lookup).
    log.warning("database unreachable on %s: %s", request.url.path, type(error).__name__)
    return problem(503, "Service unavailable", "the database is unreachable; retry shortly", "unavailable",
                   request.url.path, {"Retry-After": "5"})


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path, exc_info=error)
    return problem(500, "Internal error", "an unexpected error occurred; it has been logged", "internal",
                   request.url.path)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(EventlineError, _eventline_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(OperationalError, _database_down)
    app.add_exception_handler(SAInterfaceError, _database_down)
    app.add_exception_handler(Exception, _unexpected_error)
