"""The timeline page at `/` and its static files at `/static/` (open like the health checks: the data the page
shows comes from the API, which asks for a key)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.staticfiles import StaticFiles

from service.page import static_directory

router = APIRouter(include_in_schema=False)
STATIC_PREFIX = "/static"


@router.api_route("/", methods=["GET", "HEAD"])
def timeline_page() -> FileResponse:
    return FileResponse(static_directory() / "index.html", media_type="text/html; charset=utf-8")


def static_files() -> StaticFiles:
    return StaticFiles(directory=static_directory())
