"""Countries by name or demonym, from the offline data of the `countryinfo` package ("Afghan" and
"Afghanistan" -> Afghanistan). Read once per process; nothing is fetched."""

from __future__ import annotations

from functools import cache

from countryinfo import CountryInfo


def _key(word: str) -> str:
    return " ".join(word.casefold().split())


@cache
def _countries() -> dict[str, str]:
    """Lower-cased country names and demonyms -> the country's name. A demonym shared by several entries
    ("Chinese", "American") goes to the most populous, the country a news text most likely means."""
    ranked = sorted(CountryInfo.all().values(), key=lambda info: info.get("population") or 0)
    table: dict[str, str] = {}
    for info in ranked:  # least populous first, so the most populous is written last and wins
        name = info.get("name")
        if not name:
            continue
        table[_key(name)] = name
        demonym = info.get("demonym")
        if demonym:
            table[_key(demonym)] = name
    for info in ranked:  # a country's own name is never taken by another's demonym
        if info.get("name"):
            table[_key(info["name"])] = info["name"]
    return table


def country_of(word: str) -> str | None:
    """The country a name or demonym refers to ("Pakistani" -> "Pakistan"), or None."""
    return _countries().get(_key(word.removeprefix("the ").removeprefix("The ")))
