"""`Idempotency-Key` on POSTs (draft-ietf-httpapi-idempotency-key-header): the first answer (below 500)
to a key is stored; the same key with the same body gets that answer again, without doing the work
twice; the same key with another body gets 422."""

from __future__ import annotations

import hashlib

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.problems import PROBLEM_JSON
from service.store.idempotency import find_record, save_record

MAX_KEY_LENGTH = 255


class IdempotencyKeys:
    """ASGI middleware over POST requests carrying an `Idempotency-Key` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def _send_stored(self, send: Send, status: int, content_type: str, body: bytes, replayed: bool) -> None:
        headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
        if replayed:
            headers.append((b"idempotent-replayed", b"true"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = dict(scope.get("headers") or []).get(b"idempotency-key")
        if scope["type"] != "http" or scope["method"] != "POST" or key is None:
            await self.app(scope, receive, send)
            return
        if not key or len(key) > MAX_KEY_LENGTH:
            body = (b'{"type":"https://eventline.dev/problems/invalid-input","title":"Invalid input","status":400,'
                    b'"detail":"Idempotency-Key must be 1-255 characters"}')
            await self._send_stored(send, 400, PROBLEM_JSON, body, replayed=False)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        request_body = b"".join(chunks)
        digest = hashlib.sha256(request_body).hexdigest()
        headers = dict(scope.get("headers") or [])
        # Keys are scoped to the route and the caller's credentials: one client cannot replay another's answer.
        caller = hashlib.sha256(headers.get(b"authorization", b"") + b"|" + headers.get(b"x-api-key", b""))
        scoped_key = f"POST {scope['path']} {caller.hexdigest()[:16]} {key.decode('latin-1')}"
        sessions = scope["app"].state.sessions

        def lookup() -> tuple[str, int, str, str] | None:
            with sessions() as session:
                found = find_record(session=session, scoped_key=scoped_key)
                return (found.request_sha256, found.status, found.content_type, found.body) if found else None

        stored = await run_in_threadpool(lookup)
        if stored is not None:
            if stored[0] != digest:
                body = (b'{"type":"https://eventline.dev/problems/idempotency-key-reused","title":"Idempotency key '
                        b'reused","status":422,"detail":"this Idempotency-Key was used with another request body"}')
                await self._send_stored(send, 422, PROBLEM_JSON, body, replayed=False)
                return
            await self._send_stored(send, stored[1], stored[2], stored[3].encode(), replayed=True)
            return

        delivered = False

        async def replay_receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": request_body, "more_body": False}
            return await receive()

        start: Message = {}
        body_parts: list[bytes] = []

        async def capture_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body_parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, replay_receive, capture_send)
        status = int(start.get("status", 500))
        if status < 500 and status not in (401, 403):  # refused callers may retry once authorized
            headers = dict(start.get("headers", []))
            content_type = headers.get(b"content-type", b"application/json").decode("latin-1")
            body_text = b"".join(body_parts).decode("utf-8", "replace")

            def save() -> None:
                with sessions() as session:
                    save_record(session=session, scoped_key=scoped_key, request_sha256=digest, status=status,
                                content_type=content_type, body=body_text)

            await run_in_threadpool(save)
