"""NDJSON: one event per line, as `GET /v1/events` answers it plus its article, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from service.exports.source import ExportEntry


def ndjson_lines(pages: Iterable[list[ExportEntry]]) -> Iterator[bytes]:
    """One chunk per page: a line per event, `{...event, "article": {...}}`."""
    for page in pages:
        yield "".join(
            json.dumps({**entry.event, "article": entry.article.model_dump(mode="json")}, ensure_ascii=False) + "\n"
            for entry in page
        ).encode("utf-8")
