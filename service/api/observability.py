"""Request ids and request metrics, as one ASGI middleware: X-Request-ID is taken from the request (when it
is a sane token) or made up, set for the logs of the work, and answered back."""

from __future__ import annotations

import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.logs import request_id
from service.metrics import Metrics

_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")


def incoming_request_id(raw: bytes | None) -> str:
    value = raw.decode("latin-1") if raw else ""
    return value if _SANE_ID.fullmatch(value) else uuid.uuid4().hex


class Observability:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = incoming_request_id(dict(scope.get("headers") or []).get(b"x-request-id"))
        token = request_id.set(rid)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            method = scope["method"]
            self.metrics.requests.labels(method=method, route=route, status=str(status)).inc()
            self.metrics.request_seconds.labels(method=method, route=route).observe(time.perf_counter() - started)
