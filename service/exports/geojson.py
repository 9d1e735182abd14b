"""GeoJSON (RFC 7946): a FeatureCollection of the events whose place was geocoded when they were extracted
(`service/pipeline/geocoding.py`): a Point at the event's own coordinates, no second lookup. Events whose
place is unresolved, or stored before places were geocoded, are left out."""

from __future__ import annotations

from typing import Any

from service.exports.source import ExportEntry

_PROPERTIES = ("id", "article_id", "type", "subtype", "trigger", "sentence", "certainty", "confidence", "date")


def _geo(location: dict[str, Any]) -> dict[str, Any]:
    """The `geo` object of earlier exports, kept for their readers: the point and where it came from."""
    return {"lat": location["lat"], "lon": location["lon"], "source": location.get("source"),
            "geonames_id": location.get("geonames_id"), "name": location.get("canonical") or location.get("text"),
            "country": location.get("country"), "precision": location.get("precision")}


def feature_collection(entries: list[ExportEntry]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    for entry in entries:
        event = entry.event
        location = event.get("location") or {}
        if location.get("lat") is None or location.get("lon") is None:
            continue
        properties = {
            **{k: event.get(k) for k in _PROPERTIES},
            "location": {**location, "geo": _geo(location)},
            "article": entry.article.model_dump(mode="json"),
        }
        features.append({"type": "Feature", "id": event["id"],
                         "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}
