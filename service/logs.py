"""Structured logs: one JSON object per line, carrying the request id of the work in hand (the API's
X-Request-ID, stored with a job and set again by the worker that runs it)."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
        }
        current = request_id.get()
        if current:
            line["request_id"] = current
        for key in ("job_id", "article_id", "status", "attempts"):
            if hasattr(record, key):
                line[key] = getattr(record, key)
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


class _RequestIdText(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        current = request_id.get()
        return f"{text} [request_id={current}]" if current else text


def configure_logging(log_format: str) -> None:
    """Called by entry points (the served app, the worker), never at import or by tests."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else
                         _RequestIdText("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error", "dramatiq"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
