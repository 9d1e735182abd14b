"""GeoJSON (RFC 7946): a FeatureCollection of the events whose place the gazetteer resolves; each
feature's `location.geo` says where the coordinates came from. Unresolved places are left out."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from service.exports.source import ExportEntry
from service.geo.gazetteer import Gazetteer


def _place_text(event: dict[str, Any]) -> str | None:
    location = event.get("location")
    if not location:
        return None
    return location.get("canonical") or location.get("text")


def feature_collection(entries: list[ExportEntry], gazetteer: Gazetteer) -> dict[str, Any]:
    places_by_article: dict[int, list[str]] = defaultdict(list)
    for entry in entries:
        if (text := _place_text(entry.event)) is not None:
            places_by_article[entry.article.id].append(text)
    dominant = {article_id: gazetteer.dominant_country(places) for article_id, places in places_by_article.items()}
    features: list[dict[str, Any]] = []
    for entry in entries:
        place_text = _place_text(entry.event)
        if place_text is None:
            continue
        place = gazetteer.resolve(place_text, dominant.get(entry.article.id))
        if place is None:
            continue
        event = entry.event
        properties = {
            **{k: event.get(k) for k in ("id", "article_id", "type", "subtype", "trigger", "sentence", "certainty",
                                         "confidence", "date")},
            "location": {**event["location"], "geo": place.geo()},
            "article": entry.article.model_dump(mode="json"),
        }
        features.append({"type": "Feature", "id": event["id"],
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}
