"""Reads the pipeline's resource tables (`resources/**/*.tsv`).

Every table opens with a comment header stating its FORMAT; `#` starts a comment line; columns are
separated by tabs; empty cells read as "". Tables are read once per process (cached) because the
pipeline consults them for every sentence.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

RESOURCE_ROOT = Path(str(importlib_resources.files("service.pipeline") / "resources"))


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `resources/<name>` as tuples of stripped cells, comments and blank lines dropped."""
    rows: list[tuple[str, ...]] = []
    for line in (RESOURCE_ROOT / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def read_mapping(name: str) -> dict[str, tuple[str, ...]]:
    """A table keyed by its first column (lower-cased): key -> the remaining cells."""
    return {row[0].lower(): row[1:] for row in read_table(name)}


@cache
def read_set(name: str) -> frozenset[str]:
    """The first column of a table, lower-cased, as a set."""
    return frozenset(row[0].lower() for row in read_table(name))
