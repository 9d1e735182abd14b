"""Security headers on every answer, and CORS when origins are configured."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# JSON never runs, embeds or frames anything; the HTML of /docs loads Swagger UI and keeps its own rules.
JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: adds ALWAYS to every response, a restrictive CSP to all but HTML, and a cache policy
    where the route set none: successful reads `no-cache` (a cache must revalidate them by ETag, the store
    changes), everything else `no-store`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                if not headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", JSON_CSP)
                readable = scope["method"] in ("GET", "HEAD") and 200 <= message["status"] < 300
                headers.setdefault("Cache-Control", "no-cache" if readable else "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_headers(app: FastAPI, cors_origins: list[str]) -> None:
    """CORS only for the configured origins (none: no CORS headers, browsers refuse cross-origin reads);
    security headers outermost, so that CORS and size-limit answers carry them too."""
    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["content-type"], expose_headers=["Retry-After", "Location"], max_age=600,
        )
    app.add_middleware(SecurityHeaders)
