"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.api.problems import problem

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="The database answers and the language model is loaded",
            responses={503: {"description": "Not ready (problem+json)"}})
def readyz(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to reach the database means "not ready"
        return problem(503, "Not ready", f"database unreachable: {type(error).__name__}", "not-ready",
                       "/readyz", {"Retry-After": "5"})
    if request.app.state.pipeline is None:
        return problem(503, "Not ready", "language model not loaded", "not-ready", "/readyz", {"Retry-After": "5"})
    return JSONResponse({"status": "ready", "pipeline_version": request.app.state.pipeline.version})
