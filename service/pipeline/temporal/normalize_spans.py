"""Normalizers for durations, sets and clock times (registered into `normalize.NORMALIZERS`).

Same contract as `normalize.py`: read the match groups, the document `Context` and the rule args,
return a `Norm` or None to reject the match.
"""

from __future__ import annotations

from datetime import date

from service.pipeline.temporal.anchoring import Context
from service.pipeline.temporal.calendar import shift
from service.pipeline.temporal.lexicon import lexicon, parse_number
from service.pipeline.temporal.normalize import (
    Args,
    Groups,
    Norm,
    count_of,
    normalizer,
    rel_offset,
    resolve_date,
    resolve_weekday,
    unit_of,
)

# How a fraction of a unit is written in the next smaller one ("2 1/2 years" -> P2Y6M).
_SMALLER = {"C": ("Y", 100), "Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7)}
_CLOCK_CODES = {"H": "H", "MIN": "M", "S": "S"}


def duration_value(n: float | None, code: str) -> str:
    """A TIMEX3 duration for `n` units of `code` (X when the count is vague)."""
    clock = code in _CLOCK_CODES or code == "MIN"
    letter = _CLOCK_CODES.get(code, code)
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{'E' if code == 'DE' else letter}"
    if code == "Y" and n >= 1000 and n % 1000 == 0:
        return f"P{round(n / 1000)}L"  # "two thousand years" -> two millennia, as TimeBank writes it
    if code == "DE":
        # TimeBank writes one decade as P1E but several as years ("two decades" -> P20Y).
        return "P1E" if n == 1 else f"P{round(n * 10)}Y"
    whole = int(n)
    fraction = n - whole
    if fraction and code in _SMALLER:
        small, factor = _SMALLER[code]
        small_clock = small in _CLOCK_CODES
        part = f"{round(fraction * factor)}{_CLOCK_CODES.get(small, small)}"
        if not whole:
            return f"{'PT' if small_clock else 'P'}{part}"
        if small_clock and not clock:
            return f"P{whole}{letter}T{part}"
        return f"{prefix}{whole}{letter}{part}"
    return f"{prefix}{whole if not fraction else n}{letter}"


@normalizer
def n_duration(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"three days", "the past 24 hours", "several years", "a minute and a half" -> P3D, PT24H, PXY..."""
    unit = unit_of(g.get("unit") or g.get("plural", ""))
    if unit is None:
        return None
    if "num" in g and not unit[2] and lexicon().numbers.get(g["num"].lower(), ("", ""))[1] == "article":
        return None  # "a second round", "a quarter of the vote": not durations
    n = count_of(g["num"]) if "num" in g else None if "fuzzy" in g or "plural" in g else 1.0
    if "count" in args:
        n = float(args["count"])  # "half an hour": the count is in the rule, not in a group
    if n is not None and "half" in g:
        n += 0.5
    if n is not None and n <= 0:
        return None
    return Norm(duration_value(n, unit[0]), None)


@normalizer
def n_set_weekday(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"every Friday" -> XXXX-WXX-5 (with a part of day: "Tuesday nights" -> XXXX-WXX-2TNI)."""
    weekday = lexicon().weekdays.get(g["weekday"].lower()) or lexicon().weekdays.get(g["weekday"].lower()[:-1])
    if weekday is None:
        return None
    part = lexicon().day_parts.get(g["daypart"].lower()) if "daypart" in g else None
    return Norm(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), None)


@normalizer
def n_set_unit(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"each year"/"every two weeks"/"every other week"/"twice a year" -> P1Y, P2W, P2W, P1Y."""
    unit = unit_of(g["unit"])
    if unit is None:
        return None
    n = count_of(g["num"]) if "num" in g else 2.0 if "other" in g else 1.0
    return Norm(duration_value(n if n else 1.0, unit[0]), None)


@normalizer
def n_set_daypart(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"every morning" -> XXXX-XX-XXTMO."""
    part = lexicon().day_parts.get(g["daypart"].lower())
    return Norm(f"XXXX-XX-XXT{part}", None) if part else None


@normalizer
def n_set_season(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"each summer" -> XXXX-SU."""
    code = lexicon().seasons.get(g["season"].lower())
    return Norm(f"XXXX-{code}", None) if code else None


@normalizer
def n_set_month(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"each July" -> XXXX-07."""
    month = lexicon().months.get(g["month"].lower())
    return Norm(f"XXXX-{month:02d}", None) if month else None


def context_day(g: Groups, ctx: Context) -> tuple[date, str] | None:
    """The day a clock time or part of day falls on: its own date words, else the story day, else DCT."""
    if "month" in g and "day" in g:
        resolved = resolve_date(g, ctx)
        return (resolved[0], ctx.dct_value) if resolved else None
    if "weekday" in g:
        day = resolve_weekday(g, ctx)
        return (day, ctx.dct_value) if day else None
    if "dayword" in g:
        offset = lexicon().day_words.get(g["dayword"].lower())
        if offset is None:
            return None
        return shift(ctx.dct, "D", offset), ctx.dct_value
    if ctx.anchor and ctx.anchor[1] in ("day", "time") and ctx.start - ctx.anchor_pos < 200:
        return date.fromisoformat(ctx.anchor[0][:10]), ctx.anchor[0]
    return ctx.dct, ctx.dct_value


@normalizer
def n_overnight(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"overnight": the night of the story's day; told of the past on the publication day, the night
    before it ("thousands were evacuated overnight, officials said Sunday" -> Saturday night)."""
    found = context_day({}, ctx)
    if found is None:
        return None
    day, anchor = found
    if day == ctx.dct and ctx.tense() == "past":
        day = shift(day, "D", -1)
    return Norm(f"{day.isoformat()}TNI", "time", anchor)


@normalizer
def n_clock(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"3 p.m. local time", "5 p.m. EST Nov. 9" -> 2021-09-09T15:00 (day from the words or context)."""
    hour = int(g["hour"])
    minute = int(g.get("minute", "0"))
    meridiem = lexicon().meridiems.get(g["meridiem"].lower().replace(" ", ""), 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + meridiem
    day = context_day(g, ctx)
    if day is None:
        return None
    return Norm(f"{day[0].isoformat()}T{hour:02d}:{minute:02d}", "time", day[1])


@normalizer
def n_oclock(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"six o'clock in the morning", "eleven o'clock at night" -> T06:00, T23:00 (the day from context)."""
    hour = parse_number(g["hournum"])
    if hour is None or hour != int(hour) or not 1 <= hour <= 12:
        return None
    part = g.get("part", "").lower()
    later = part in ("afternoon", "evening") or (part == "night" and hour >= 6)
    hour = int(hour) % 12 + (12 if later else 0)
    day = context_day(g, ctx)
    if day is None:
        return None
    return Norm(f"{day[0].isoformat()}T{hour:02d}:00", "time", day[1])


@normalizer
def n_daypart(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"Thursday morning", "last night", "tonight", "midnight Friday" -> 2021-09-09TMO, ...TNI, T24."""
    part = lexicon().day_parts.get(args.get("part", g.get("daypart", "")).lower())
    if part is None:
        return None
    if "offset" in args:
        day = (shift(ctx.dct, "D", int(args["offset"])), ctx.dct_value)
    elif "rel" in g:
        # "that night", "the next morning": the story's day (else DCT), moved by the modifier
        rel = rel_offset(g["rel"].lower().removeprefix("the "))
        base = context_day({}, ctx)
        if rel is None or base is None:
            return None
        day = (shift(base[0], "D", rel[0]), base[1])
    else:
        found = context_day(g, ctx)
        if found is None:
            return None
        day = found
    return Norm(f"{day[0].isoformat()}T{part}", "time", day[1])


