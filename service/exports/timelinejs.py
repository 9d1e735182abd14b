"""TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): a slide per event,
`group` = event type, the date only as precise as the event's (a month-precision date has no day).
TimelineJS renders `text` as HTML, so every text taken from an article is escaped."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from service.exports.source import ExportEntry
from service.pipeline.temporal import value_interval

_PRECISE_TO: dict[str, tuple[str, ...]] = {
    "day": ("year", "month", "day"),
    "month": ("year", "month"),
    "year": ("year",),
}


def _parts_for(start: date, end: date) -> tuple[str, ...]:
    """For precisions TimelineJS has no name for (weeks, seasons): the parts both ends share."""
    if start == end:
        return ("year", "month", "day")
    if (start.year, start.month) == (end.year, end.month):
        return ("year", "month")
    return ("year",)


def timelinejs_date(value: str | None, precision: str | None, fallback: date) -> tuple[dict[str, Any], bool]:
    """A TimelineJS date object for a TIMEX3 value, and whether it is the event's own date (not the fallback)."""
    interval = value_interval(value) if value else None
    if interval is None:
        return {"year": fallback.year, "month": fallback.month, "day": fallback.day}, False
    start, end = interval
    parts = _PRECISE_TO.get(precision or "") or _parts_for(start, end)
    fields = {"year": start.year, "month": start.month, "day": start.day}
    return {part: fields[part] for part in parts}, True


def _highlighted(sentence: str, trigger: str, sentence_start: int, trigger_start: int) -> str:
    offset = trigger_start - sentence_start
    if trigger and offset >= 0 and sentence[offset:offset + len(trigger)] == trigger:
        return (html.escape(sentence[:offset]) + "<strong>" + html.escape(trigger) + "</strong>"
                + html.escape(sentence[offset + len(trigger):]))
    return html.escape(sentence)


def timelinejs_event(entry: ExportEntry) -> dict[str, Any]:
    event, article = entry.event, entry.article
    event_date = event.get("date") or {}
    start_date, dated = timelinejs_date(event_date.get("value"), event_date.get("precision"),
                                        article.published_at.date())
    headline = f"{event['type'].capitalize()}: {event.get('trigger') or event.get('cue') or ''}".strip(": ")
    text = _highlighted(event.get("sentence", ""), event.get("trigger", ""), (event.get("span") or {}).get("start", 0),
                        (event.get("trigger_span") or {}).get("start", -1))
    if article.url and article.url.startswith(("http://", "https://")):
        text += f' <a href="{html.escape(article.url)}">{html.escape(article.headline or article.url)}</a>'
    slide: dict[str, Any] = {
        "start_date": start_date,
        "text": {"headline": html.escape(headline), "text": text},
        "group": event["type"],
        "unique_id": f"event-{event['id']}",
    }
    if not dated:
        slide["display_date"] = f"undated (reported {article.published_at.date().isoformat()})"
    elif event_date.get("text"):
        slide["display_date"] = html.escape(f"{event_date['value']} ({event_date['text']})")
    return slide


def timelinejs_document(entries: list[ExportEntry], title: str = "Eventline timeline") -> dict[str, Any]:
    return {
        "title": {"text": {"headline": html.escape(title), "text": f"{len(entries)} events"}},
        "events": [timelinejs_event(e) for e in entries],
    }
