"""The tables the story matching reads (`resources/`), parsed once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("service.stories").joinpath(f"resources/{name}").read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def settings() -> dict[str, float]:
    """`matching.tsv`: name -> value."""
    table: dict[str, float] = {}
    for line in _lines("matching.tsv"):
        name, value = line.split("\t")
        table[name.strip()] = float(value)
    return table


@cache
def generic_words() -> frozenset[str]:
    return frozenset(line.strip() for line in _lines("generic_words.tsv"))
