"""HTTP answers for event listings in every format: paged JSON with an RFC 8288 `Link: rel="next"`,
TimelineJS and GeoJSON pages, and CSV and NDJSON streamed over keyset pages."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from service.exports import MEDIA_TYPES, ExportFormat
from service.exports.csv_export import csv_chunks
from service.exports.geojson import feature_collection
from service.exports.ndjson import ndjson_lines
from service.exports.source import entry_page, entry_pages
from service.exports.timelinejs import timelinejs_document
from service.flows import database_errors
from service.store.events import EventFilter

# Documents the other formats of a listing in the OpenAPI document.
EXPORT_CONTENT: dict[str, Any] = {
    media.split(";")[0]: {} for name, media in MEDIA_TYPES.items() if name != "json"
}
FORMAT_HELP = ("json (default) | timelinejs | csv | ndjson | geojson; overrides the Accept header. csv and ndjson "
               "stream every matching event (from `cursor`, at most `limit` when given); the others answer a page.")


def next_link(request: Request, next_cursor: str | None, next_url: str | None = None) -> dict[str, str]:
    """RFC 8288 `rel="next"`: the same request with the next cursor (or `next_url` when given)."""
    if next_url is None and next_cursor:
        next_url = str(request.url.include_query_params(cursor=next_cursor))
    return {"Link": f'<{next_url}>; rel="next"'} if next_url else {}


def _json(request: Request, body: str, next_cursor: str | None, media_type: str,
          next_url: str | None = None) -> Response:
    headers = {**next_link(request, next_cursor, next_url), "Vary": "Accept"}
    return Response(body, media_type=media_type, headers=headers)


def json_page(request: Request, page: BaseModel, next_cursor: str | None, next_url: str | None = None) -> Response:
    return _json(request, page.model_dump_json(), next_cursor, MEDIA_TYPES["json"], next_url)


def export_response(
    *, request: Request, export_format: ExportFormat, sessions: sessionmaker[Session], filters: EventFilter,
    limit: int, limit_given: bool, cursor: str | None,
) -> Response:
    """The listing in a non-JSON format."""
    if export_format in ("csv", "ndjson"):
        pages = entry_pages(sessions=sessions, filters=filters, cursor=cursor,
                            max_events=limit if limit_given else None)
        if export_format == "csv":
            return StreamingResponse(csv_chunks(pages), media_type=MEDIA_TYPES["csv"], headers={
                "Content-Disposition": 'attachment; filename="events.csv"', "Vary": "Accept"})
        return StreamingResponse(ndjson_lines(pages), media_type=MEDIA_TYPES["ndjson"], headers={"Vary": "Accept"})
    with database_errors(), sessions() as session:
        entries, next_cursor = entry_page(session=session, filters=filters, limit=limit, cursor=cursor)
    document = timelinejs_document(entries) if export_format == "timelinejs" else feature_collection(entries)
    return _json(request, json.dumps(document, ensure_ascii=False), next_cursor, MEDIA_TYPES[export_format])
