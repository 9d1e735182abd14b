"""Where an event happened, as the story matching compares it: the resolved place an event's `location` carries
(`country`, `admin1`, `geonames_id`, `lat`/`lon`, `precision`) when the geocoding stage filled them, else what the
location text resolves to in the gazetteer without an article's context (events stored before that stage), else
the normalized text alone."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from service.geo.gazetteer import default_gazetteer
from service.geo.names import normalize_place_name
from service.geo.resolution import CountryContext, resolve
from service.stories.resources import settings

PRECISIONS = ("country", "admin1", "city")


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    text: str  # normalized name
    precision: str  # country | admin1 | city | unresolved
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class FieldMatch:
    """One field's part of a pair score: a value in [-1, 1], why, and whether it rules the pair out."""

    score: float
    detail: str
    veto: bool = False


def place_facts(location: Mapping[str, Any] | None) -> PlaceFacts | None:
    """The comparable place of an event's `location` payload, or None when it has none."""
    if not location:
        return None
    name = normalize_place_name(str(location.get("canonical") or location.get("text") or ""))
    if location.get("precision") in PRECISIONS:  # resolved upstream: trust it
        return PlaceFacts(text=name, precision=str(location["precision"]), country=location.get("country"),
                          admin1=location.get("admin1"), geonames_id=location.get("geonames_id"),
                          lat=location.get("lat"), lon=location.get("lon"))
    if not name:
        return None
    if location.get("precision") == "unresolved":  # the geocoding stage, with the article's context, found none
        return PlaceFacts(text=name, precision="unresolved")
    feature = resolve(default_gazetteer(), name, CountryContext())
    if feature is not None:
        return PlaceFacts(text=name, precision=feature.kind, country=feature.country, admin1=feature.admin1,
                          geonames_id=feature.geonames_id, lat=feature.lat, lon=feature.lon)
    return PlaceFacts(text=name, precision="unresolved")


def _km(a: PlaceFacts, b: PlaceFacts) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _contains(outer: PlaceFacts, inner: PlaceFacts) -> bool:
    """Whether `outer` (a country or admin1) holds `inner` (something finer)."""
    if outer.country is None or outer.country != inner.country:
        return False
    if outer.precision == "country":
        return inner.precision in ("admin1", "city")
    return outer.precision == "admin1" and inner.precision == "city" and outer.admin1 is not None \
        and outer.admin1 == inner.admin1


def compare_places(a: PlaceFacts | None, b: PlaceFacts | None) -> FieldMatch:
    """1 the same place, 0.6 one inside the other (city in admin1 in country), 0 unknown, negative when they
    differ. Never a veto: extracted locations are noisy ("Geneva" for a Geneva-based agency's statement)."""
    if a is None or b is None:
        return FieldMatch(0.0, "no place on one side")
    if (a.text and a.text == b.text) or (a.geonames_id is not None and a.geonames_id == b.geonames_id):
        return FieldMatch(1.0, f"same place ({a.text or b.text})")
    if _contains(a, b) or _contains(b, a):
        return FieldMatch(0.6, f"{a.text} and {b.text}: one inside the other")
    if a.country and b.country and a.country != b.country:
        return FieldMatch(-1.0, f"{a.text} ({a.country}) and {b.text} ({b.country}): different countries")
    km = _km(a, b)
    if km is not None:
        if km <= settings()["near.km"]:
            return FieldMatch(0.8, f"{a.text} and {b.text}: {km:.0f} km apart")
        if km >= settings()["far.km"]:
            return FieldMatch(-0.5, f"{a.text} and {b.text}: {km:.0f} km apart")
    if a.text and b.text and (f" {a.text} " in f" {b.text} " or f" {b.text} " in f" {a.text} "):
        return FieldMatch(0.6, f"{a.text} and {b.text}: one name inside the other")
    return FieldMatch(0.0, f"{a.text} and {b.text}: not comparable")
