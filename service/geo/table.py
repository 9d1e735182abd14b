"""The gazetteer's generated table, `resources/gazetteer.tsv.gz`, and a compact reader for it.
`service/geo/generate.py` writes it; nobody edits it by hand.

FORMAT (UTF-8, gzipped; `#` lines are comments), two sections:
1. one feature a line, tab-separated: kind, geonames_id, name, country, admin1, lat, lon, population, source
   - kind: country | admin1 | city; countries come first
   - geonames_id: the GeoNames id, empty where the packages the table is built from give none (subdivisions)
   - admin1: the subdivision a city lies in (an admin1's own name; empty for a country)
   - source: the table the feature comes from and how its point was chosen ("geonames-admin1:most-populous-city")
2. after a `## keys` line, one folded name (`names.fold`) a line, in byte order: the key, a tab, and the
   comma-separated byte offsets (in the uncompressed table) of the lines of the features it names, `~`
   marking an alternate name: `bazarak<TAB>10203441,~20991734`

The reader keeps the uncompressed bytes (~25 MB) and bisects the sorted keys in place, parsing only the
features a name finds: no dict of half a million names (~100 MB, seconds to build) and no line index.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

FeatureKind = Literal["country", "admin1", "city"]
COLUMNS = ("kind", "geonames_id", "name", "country", "admin1", "lat", "lon", "population", "source")
KEYS_MARK = b"## keys\n"
TABLE_PATH = Path(str(resources.files("service.geo") / "resources" / "gazetteer.tsv.gz"))


@dataclass(frozen=True, slots=True)
class Feature:
    kind: FeatureKind
    geonames_id: int | None
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    source: str


@dataclass(frozen=True, slots=True)
class Hit:
    """A feature found by a name, and whether that name is its main one or an alternate."""

    feature: Feature
    alternate: bool


def feature_line(feature: Feature) -> str:
    cells = (feature.kind, "" if feature.geonames_id is None else str(feature.geonames_id), feature.name,
             feature.country, feature.admin1 or "", f"{feature.lat:.5f}", f"{feature.lon:.5f}",
             str(feature.population), feature.source)
    return "\t".join(cells) + "\n"


def parse_feature(line: str) -> Feature:
    kind, geonames_id, name, country, admin1, lat, lon, population, source = line.rstrip("\n").split("\t")
    return Feature(kind=kind, geonames_id=int(geonames_id) if geonames_id else None,  # type: ignore[arg-type]
                   name=name, country=country, admin1=admin1 or None, lat=float(lat), lon=float(lon),
                   population=int(population), source=source)


def table_bytes(named: Iterable[tuple[Feature, tuple[str, ...]]], header: list[str]) -> bytes:
    """The uncompressed table for features and their keys (main name first)."""
    head = ("".join(f"# {line}\n" for line in header) + "# " + "\t".join(COLUMNS) + "\n").encode()
    lines: list[bytes] = []
    keys: dict[str, list[str]] = {}
    offset = len(head)
    for feature, names in named:
        line = feature_line(feature).encode()
        for position, key in enumerate(names):
            keys.setdefault(key, []).append(f"~{offset}" if position else str(offset))
        lines.append(line)
        offset += len(line)
    ordered = sorted(keys.items(), key=lambda item: item[0].encode())
    key_lines = "".join(f"{key}\t{','.join(offsets)}\n" for key, offsets in ordered)
    return head + b"".join(lines) + KEYS_MARK + key_lines.encode()


def write_table(path: Path, data: bytes) -> None:
    """Gzipped with a fixed timestamp, so the same input gives the same bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(data)


class Table:
    """The features and the sorted name keys of the table, searched in place."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        first = 0
        while data.startswith(b"#", first):
            first = data.index(b"\n", first) + 1
        self._first = first
        self._keys_start = data.index(KEYS_MARK) + len(KEYS_MARK)

    @classmethod
    def load(cls, path: Path = TABLE_PATH) -> Table:
        return cls(gzip.decompress(path.read_bytes()))

    def feature(self, offset: int) -> Feature:
        return parse_feature(self._data[offset : self._data.index(b"\n", offset)].decode("utf-8"))

    def _first_line_not_below(self, key: bytes) -> int:
        """The offset of the first key line whose key is >= `key` (bisection over byte positions)."""
        data, low, high = self._data, self._keys_start, len(self._data)
        while low < high:
            start = data.rfind(b"\n", self._keys_start - 1, (low + high) // 2) + 1
            if data[start : data.index(b"\t", start)] < key:
                low = data.index(b"\n", start) + 1
            else:
                high = start
        return low

    def hits(self, key: str) -> list[Hit]:
        """Every feature the folded name `key` names."""
        wanted = key.encode()
        start = self._first_line_not_below(wanted)
        data = self._data
        if start >= len(data) or data[start : data.index(b"\t", start)] != wanted:
            return []
        offsets = data[start + len(wanted) + 1 : data.index(b"\n", start)].decode().split(",")
        return [Hit(self.feature(int(o.lstrip("~"))), o.startswith("~")) for o in offsets]

    def countries(self) -> list[Feature]:
        """The country features (they open the table)."""
        found, offset = [], self._first
        while self._data.startswith(b"country\t", offset):
            found.append(self.feature(offset))
            offset = self._data.index(b"\n", offset) + 1
        return found
