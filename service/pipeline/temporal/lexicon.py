"""Word tables of the temporal tagger (`resources/temporal/*.tsv`) and the regex fragments built from them.

The tables hold every word the tagger knows (months, weekdays, number words, units...). This module
turns them into (a) lookup dictionaries used by the normalizers and (b) regex fragments that the rule
patterns in `rules.tsv` reference as `{placeholder}` or `{placeholder:group}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from service.pipeline.resources import read_table

_DIR = "temporal/"


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so "Sept." wins over "Sep"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[ -]") for w in ordered)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables (all keys lower-cased) and `{placeholder}` regex templates (with `{g}` = group)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, tuple[str, str]]  # word -> (value, kind)
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool, bool]]  # word -> (code, clock unit, "a <unit>" is a duration)
    seasons: dict[str, str]
    day_parts: dict[str, str]
    decades: dict[str, int]
    meridiems: dict[str, int]
    modifiers: dict[str, tuple[int, str]]  # word -> (offset, base "dct"/"narrative")
    day_words: dict[str, int]
    holidays: dict[str, str]  # name (lower-cased, straight apostrophes) -> date rule
    fragments: dict[str, str]
    class_words: dict[str, tuple[str, ...]]  # placeholder -> its words, lower-cased (for the prefilter)


def _fragments(
    months: list[str],
    weekdays: list[str],
    numbers: dict[str, tuple[str, str]],
    ordinals: list[str],
    units: list[str],
    seasons: list[str],
    day_parts: list[str],
    decades: list[str],
    meridiems: list[str],
    holidays: list[str],
    extra: dict[str, list[str]],
) -> dict[str, str]:
    """Regex templates for each placeholder; `{g}` is replaced by the group name at rule load time."""
    by_kind: dict[str, list[str]] = {}
    for word, (_value, kind) in numbers.items():
        by_kind.setdefault(kind, []).append(word)
    plain = by_kind.get("unit", []) + by_kind.get("ten", []) + by_kind.get("scale", [])
    # "a couple of" etc. are listed as units but are phrases; keep single words for compounds.
    single = [w for w in plain if " " not in w]
    phrases = [w for w in plain if " " in w]
    word_num = rf"(?:{_alternation(phrases)}|(?:{_alternation(single)})(?:[- ](?:and[- ])?(?:{_alternation(single)}))*)"
    digit_num = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[ -]1/2)?"
    ten_words = [w for w, (_v, k) in numbers.items() if k == "ten"]
    unit_words = [w for w, (v, k) in numbers.items() if k == "unit" and " " not in w and v.isdigit()]
    teen_words = [w for w in unit_words if 10 <= int(numbers[w][0]) <= 19]
    teens, tens, ones = _alternation(teen_words), _alternation(ten_words), _alternation(unit_words)
    vague = _alternation(by_kind.get("article", []) + by_kind.get("fuzzy", []))
    # Cased words: months and weekdays are only names when capitalized ("may" is a modal).
    cased = lambda words: "(?-i:" + _alternation(words + [w.upper() for w in words]) + r")(?![A-Za-z])"  # noqa: E731
    words = {name: "(?P<{g}>" + _alternation(ws) + ")" for name, ws in extra.items()}
    return words | {
        "month": "(?P<{g}>" + cased(months) + ")",
        "weekday": "(?P<{g}>" + cased(weekdays) + ")",
        "day": r"(?P<{g}>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|" + _alternation(ordinals) + ")",
        "year": r"(?P<{g}>(?<![\d$.,/])(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|/\d))",
        "yearword": rf"(?P<{{g}}>(?:{teens})[- ](?:{tens})(?:[- ](?:{ones}))?)",
        "num": rf"(?P<{{g}}>{digit_num}|{word_num})",
        "count": rf"(?P<{{g}}>{digit_num}|{word_num}|{vague})",
        "fuzzy": rf"(?P<{{g}}>{_alternation(by_kind.get('fuzzy', []))})",
        "ordinal": r"(?P<{g}>\d+(?:st|nd|rd|th)|" + _alternation(ordinals) + ")",
        "unit": "(?P<{g}>" + _alternation(units) + ")",
        "season": "(?P<{g}>" + _alternation(seasons) + ")",
        "daypart": "(?P<{g}>" + _alternation(day_parts) + ")",
        "decadeword": "(?P<{g}>" + _alternation(decades) + ")",
        "meridiem": "(?P<{g}>" + _alternation(meridiems) + r")(?![A-Za-z])",
        # Holiday names are proper nouns: matched as written, "'" standing for either apostrophe.
        "holiday": "(?P<{g}>(?-i:" + _alternation(holidays).replace("'", "['’]") + r"))(?![A-Za-z])",
    }


@cache
def lexicon() -> Lexicon:
    """Load every temporal word table once per process and build the placeholder fragments."""

    def pairs(name: str) -> list[tuple[str, ...]]:
        return list(read_table(_DIR + name))

    months = {r[0]: int(r[1]) for r in pairs("months.tsv")}
    weekdays = {r[0]: int(r[1]) for r in pairs("weekdays.tsv")}
    numbers = {r[0].lower(): (r[1], r[2]) for r in pairs("numbers.tsv")}
    ordinals = {r[0].lower(): int(r[1]) for r in pairs("ordinals.tsv")}
    units = {r[0].lower(): (r[1], r[2] == "yes", r[3] == "yes") for r in pairs("units.tsv")}
    seasons = {r[0].lower(): r[1] for r in pairs("seasons.tsv")}
    day_parts = {r[0].lower(): r[1] for r in pairs("day_parts.tsv")}
    decades = {r[0].lower(): int(r[1]) for r in pairs("decades.tsv")}
    meridiems = {r[0].lower(): int(r[1]) for r in pairs("meridiems.tsv")}
    modifiers = {r[0].lower(): (int(r[1]), r[2]) for r in pairs("modifiers.tsv")}
    day_words = {r[0].lower(): int(r[1]) for r in pairs("day_words.tsv")}
    holidays = {r[0]: r[1] for r in pairs("holidays.tsv")}
    extra = {
        "rel": list(modifiers),
        "mod": [r[0] for r in pairs("mods.tsv")],
        "approx": [r[0] for r in pairs("approximators.tsv")],
        "dayword": list(day_words),
    }
    fragments = _fragments(
        list(months), list(weekdays), numbers, list(ordinals), list(units), list(seasons),
        list(day_parts), list(decades), list(meridiems), list(holidays), extra,
    )
    return Lexicon(
        months={k.lower(): v for k, v in months.items()},
        weekdays={k.lower(): v for k, v in weekdays.items()},
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        seasons=seasons,
        day_parts=day_parts,
        decades=decades,
        meridiems=meridiems,
        modifiers=modifiers,
        day_words=day_words,
        holidays={holiday_key(k): v for k, v in holidays.items()},
        fragments=fragments,
        class_words={
            name: tuple(sorted({w.lower() for w in ws}))
            for name, ws in (
                ("month", list(months)), ("weekday", list(weekdays)), ("unit", list(units)),
                ("season", list(seasons)), ("daypart", list(day_parts)), ("decadeword", list(decades)),
                ("meridiem", list(meridiems)), ("holiday", list(holidays)),
                ("fuzzy", [w for w, (_v, kind) in numbers.items() if kind == "fuzzy"]),
                *extra.items(),
            )
        },
    )


def holiday_key(name: str) -> str:
    """The lookup key of a holiday name as written ("New Year’s Day" -> "new year's day")."""
    return " ".join(name.lower().replace("’", "'").replace("-", " ").split())


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "2 1/2"); None if fuzzy.

    Reads the numbers table: units and tens add up, scales ("hundred", "thousand") multiply.
    """
    lex = lexicon()
    t = text.lower().strip()
    half = 0.5 if t.endswith("1/2") else 0.0
    t = t.removesuffix("1/2").strip(" -")
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    if t in lex.numbers:
        value, kind = lex.numbers[t]
        return None if kind == "fuzzy" else float(value)
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word not in lex.numbers:
            return None
        value, kind = lex.numbers[word]
        if kind == "fuzzy":
            return None
        if kind == "scale":
            current = (current or 1.0) * float(value)
            if float(value) >= 1000:
                total, current = total + current, 0.0
        else:
            current += float(value)
    return total + current + half


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal ("3rd", "third", "twenty-first"), None when unknown."""
    t = text.lower()
    if m := re.match(r"\d+", t):
        return int(m.group(0))
    return lexicon().ordinals.get(t.replace(" ", "-"))


def parse_year_words(text: str) -> int | None:
    """A year written in words, "nineteen ninety-four" -> 1994: a leading teen number of centuries."""
    parts = re.split(r"[\s-]+", text.lower(), maxsplit=1)
    if len(parts) != 2:
        return None
    century = parse_number(parts[0])
    rest = parse_number(parts[1])
    if century is None or rest is None:
        return None
    return int(century) * 100 + int(rest)
