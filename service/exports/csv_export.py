"""CSV: one row per event, a stable column set (append new columns at the end, never reorder), safe to
open in a spreadsheet: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads accents, and cells that
would start a formula (= + - @, tab, carriage return) prefixed with a single quote."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from service.exports.source import ExportEntry

COLUMNS: tuple[str, ...] = (
    "id", "article_id", "type", "subtype", "certainty", "confidence", "date_value", "date_precision", "date_text",
    "trigger", "agent", "target", "location", "speaker", "quote", "cue", "attribution", "quantity_min",
    "quantity_max", "cameo", "acled", "mentions", "sentence", "span_start", "span_end", "article_headline",
    "article_source", "article_url", "article_published_at",
    "location_country", "location_admin1", "location_lat", "location_lon",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def spreadsheet_safe(value: object) -> str:
    """The cell text; a text a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _mention(event: dict[str, Any], field: str) -> str | None:
    mention = event.get(field)
    if not mention:
        return None
    return mention.get("canonical") or mention.get("text")


def csv_record(entry: ExportEntry) -> dict[str, object]:
    event, article = entry.event, entry.article
    date = event.get("date") or {}
    quantity = event.get("quantity") or {}
    codes = event.get("codes") or {}
    location = event.get("location") or {}
    return {
        "id": event.get("id"), "article_id": event.get("article_id"), "type": event["type"],
        "subtype": event.get("subtype"), "certainty": event.get("certainty"), "confidence": event.get("confidence"),
        "date_value": date.get("value"), "date_precision": date.get("precision"), "date_text": date.get("text"),
        "trigger": event.get("trigger"), "agent": _mention(event, "agent"), "target": _mention(event, "target"),
        "location": _mention(event, "location"), "speaker": _mention(event, "speaker"), "quote": event.get("quote"),
        "cue": event.get("cue"), "attribution": _mention(event, "attribution"),
        "quantity_min": quantity.get("min"), "quantity_max": quantity.get("max"), "cameo": codes.get("cameo"),
        "acled": codes.get("acled"), "mentions": event.get("mentions"), "sentence": event.get("sentence"),
        "span_start": (event.get("span") or {}).get("start"), "span_end": (event.get("span") or {}).get("end"),
        "article_headline": article.headline, "article_source": article.source, "article_url": article.url,
        "article_published_at": article.published_at.isoformat(),
        "location_country": location.get("country"), "location_admin1": location.get("admin1"),
        "location_lat": location.get("lat"), "location_lon": location.get("lon"),
    }


def csv_chunks(pages: Iterable[list[ExportEntry]]) -> Iterator[str]:
    """The BOM and header, then one chunk of rows per page."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield BOM + buffer.getvalue()
    for page in pages:
        buffer.seek(0)
        buffer.truncate()
        for entry in page:
            record = csv_record(entry)
            writer.writerow([spreadsheet_safe(record[column]) for column in COLUMNS])
        yield buffer.getvalue()
