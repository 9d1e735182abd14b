"""Events in the formats newsroom tools read: TimelineJS, CSV, NDJSON, GeoJSON (JSON is the API's own).

`negotiate` picks the format from a `format=` parameter, else from the `Accept` header."""

from __future__ import annotations

from typing import Literal

ExportFormat = Literal["json", "timelinejs", "csv", "ndjson", "geojson"]

MEDIA_TYPES: dict[ExportFormat, str] = {
    "json": "application/json",
    "timelinejs": "application/vnd.timelinejs+json",
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "geojson": "application/geo+json",
}
_ACCEPTED: dict[str, ExportFormat] = {
    "application/json": "json",
    "application/vnd.timelinejs+json": "timelinejs",
    "text/csv": "csv",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/geo+json": "geojson",
}


def negotiate(format_param: ExportFormat | None, accept: str | None) -> ExportFormat:
    """The explicit `format=` wins; else the first media type of `Accept` (by q-value) that we serve; else JSON."""
    if format_param is not None:
        return format_param
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, media.lower()))
    for negative_quality, _, media in sorted(ranked):
        if negative_quality < 0 and media in _ACCEPTED:
            return _ACCEPTED[media]
    return "json"
