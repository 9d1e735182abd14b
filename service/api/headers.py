"""Security headers on every answer, and CORS when origins are configured."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# JSON never runs, embeds or frames anything; the HTML of /docs loads Swagger UI and keeps its own rules.
JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The timeline page and its files: its own scripts and styles (no inline script or style element), its own
# images, and reads of this API; nothing from elsewhere, no framing. The filter form submits to the page itself.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def content_security_policy(path: str, content_type: str) -> str | None:
    """The page's policy for `/` and `/static/…`, none for other HTML (/docs), the strictest for the rest."""
    if path == "/" or path.startswith("/static/"):
        return PAGE_CSP
    return None if content_type.startswith("text/html") else JSON_CSP


class SecurityHeaders:
    """ASGI middleware: adds ALWAYS to every response, a CSP (`content_security_policy`), and a cache policy
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
                policy = content_security_policy(scope["path"], headers.get("content-type", ""))
                if policy is not None:
                    headers.setdefault("Content-Security-Policy", policy)
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
