"""The gazetteer: countries, first-level subdivisions and GeoNames cities1000, offline, from the generated
table (`table.py`) plus the hand-kept country aliases (`resources/country_aliases.tsv`). Loaded once per
process, on first use (`default_gazetteer`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from service.geo.names import QualifierKind, fold, split_qualifiers
from service.geo.table import Feature, Hit, Table


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a place name finds: the features, and the feature kind its generic words asked for."""

    hits: list[Hit]
    asked: QualifierKind


def _country_aliases() -> dict[str, str]:
    table = resources.files("service.geo").joinpath("resources/country_aliases.tsv").read_text(encoding="utf-8")
    aliases: dict[str, str] = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = (cell.strip() for cell in line.split("\t"))
            aliases[fold(name)] = code
    return aliases


class Gazetteer:
    def __init__(self, table: Table, country_aliases: dict[str, str]) -> None:
        self._table = table
        self._countries = {c.country: c for c in table.countries()}
        self._aliases = {key: self._countries[code] for key, code in country_aliases.items() if code in self._countries}

    def country(self, code: str) -> Feature | None:
        return self._countries.get(code)

    def _hits(self, key: str) -> list[Hit]:
        hits = self._table.hits(key)
        alias = self._aliases.get(key)
        if alias is not None and all(h.feature != alias for h in hits):
            hits.insert(0, Hit(alias, alternate=False))
        return hits

    def named(self, name: str) -> list[Feature]:
        """The features whose own name (not an alternate spelling) is `name`, accents aside: "Sinjar"
        finds "Sinjār", "Hamas" finds no town that merely lists it as a variant."""
        folded = fold(name)
        return [hit.feature for hit in self.lookup(name).hits if not hit.alternate and fold(hit.feature.name) == folded]

    def lookup(self, text: str) -> Lookup:
        """The features a place name names: by its whole folded name ("Mexico City"), else without its
        generic words ("Panjshir province" -> "panjshir")."""
        key, asked = split_qualifiers(text)
        whole = fold(text)
        hits = self._hits(whole) if whole else []
        if not hits and key and key != whole:
            hits = self._hits(key)
        return Lookup(hits, asked)


@cache
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first use (about 0.4 s, ~40 MB), once per process."""
    return Gazetteer(Table.load(), _country_aliases())
