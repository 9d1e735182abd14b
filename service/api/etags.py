"""ETag and If-None-Match for GET answers: a strong ETag from the body's hash, 304 when it matches.
Streamed answers (more than one body message) pass through untouched, so streaming keeps constant memory."""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


def _has_etag(start: Message) -> bool:
    """Static files carry their own ETag (and answer If-None-Match themselves)."""
    return any(name.lower() == b"etag" for name, _value in start.get("headers", []))


class ConditionalGet:
    """ASGI middleware: adds `ETag` to complete 200 answers of GET/HEAD and answers 304 to a matching
    `If-None-Match`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = dict(scope.get("headers") or []).get(b"if-none-match", b"").decode("latin-1")
        held: Message | None = None

        async def conditional_send(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start" and message["status"] == 200 and not _has_etag(message):
                held = message
                return
            if held is None or message["type"] != "http.response.body":
                await send(message)
                return
            start, held = held, None
            if message.get("more_body", False):  # streamed: no ETag
                await send(start)
                await send(message)
                return
            body = message.get("body", b"")
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            headers = [*start.get("headers", []), (b"etag", etag.encode())]
            if if_none_match and _matches(if_none_match, etag):
                kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": headers})
            await send(message)

        await self.app(scope, receive, conditional_send)
