"""The generated table: written and read back, bisected in place, and stored with folded keys."""

from __future__ import annotations

import gzip
from pathlib import Path

from service.geo.names import fold
from service.geo.table import KEYS_MARK, TABLE_PATH, Feature, Table, table_bytes, write_table


def _feature(name: str, kind: str = "city", country: str = "AF") -> Feature:
    return Feature(kind=kind, geonames_id=None if kind == "admin1" else 7, name=name, country=country,  # type: ignore[arg-type]
                   admin1="Panjshir" if kind != "country" else None, lat=35.3, lon=69.5, population=10, source="test")


def _table() -> Table:
    named = [(_feature("Afghanistan", "country"), ("afghanistan",)),
             (_feature("Panjshir", "admin1"), ("panjshir", "panjshayr")),
             (_feature("Bāzārak"), ("bazarak", "bazarak e panjshir")), (_feature("Khinj"), ("khinj", "panjshayr"))]
    return Table(table_bytes(named, ["a test table"]))


def test_a_name_finds_every_feature_it_names_and_marks_alternates() -> None:
    hits = _table().hits("panjshayr")
    assert [(h.feature.name, h.alternate) for h in hits] == [("Panjshir", True), ("Khinj", True)]


def test_main_names_are_not_alternates() -> None:
    assert [(h.feature.name, h.alternate) for h in _table().hits("bazarak")] == [("Bāzārak", False)]


def test_a_name_between_two_keys_finds_nothing() -> None:
    table = _table()
    assert table.hits("bazara") == [] and table.hits("zzz") == [] and table.hits("aaa") == []


def test_countries_are_read_from_the_top_of_the_table() -> None:
    assert [c.name for c in _table().countries()] == ["Afghanistan"]


def test_written_table_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv.gz"
    write_table(path, table_bytes([(_feature("Khinj"), ("khinj",))], ["x"]))
    assert Table.load(path).hits("khinj")[0].feature == _feature("Khinj")


def test_shipped_table_keys_are_sorted_and_folded() -> None:
    data = gzip.decompress(TABLE_PATH.read_bytes())
    keys = [line.split(b"\t", 1)[0] for line in data[data.index(KEYS_MARK) + len(KEYS_MARK):].splitlines()]
    assert keys == sorted(keys)
    assert all(fold(key.decode()) == key.decode() for key in keys[::97])
