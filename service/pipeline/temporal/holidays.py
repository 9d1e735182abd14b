"""Holidays as calendar days: the rules of `holidays.tsv` (fixed, nth weekday, Easter-based) and their
normalizer (registered into `normalize.NORMALIZERS`, same contract as `normalize.py`)."""

from __future__ import annotations

from datetime import date, timedelta

from service.pipeline.temporal.anchoring import Context
from service.pipeline.temporal.calendar import safe_date, weekday_on_or_after, weekday_on_or_before
from service.pipeline.temporal.lexicon import holiday_key, lexicon
from service.pipeline.temporal.normalize import Args, Groups, Norm, normalizer, pick, rel_offset, year_of


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date | None:
    """The day a `holidays.tsv` rule names in `year` ("12-25", "11/4/4", "easter-2"), None if malformed."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule.removeprefix("easter")))
    if "/" in rule:
        month, weekday, nth = (int(part) for part in rule.split("/"))
        if nth < 0:
            first_of_next = date(year + month // 12, month % 12 + 1, 1)
            return weekday_on_or_before(first_of_next - timedelta(days=1), weekday)
        return weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=nth - 1)
    month, day = (int(part) for part in rule.split("-"))
    return safe_date(year, month, day)


@normalizer
def n_holiday(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"Christmas", "Thanksgiving 1997", "last Easter": the holiday's day in its year, else by tense."""
    rule = lexicon().holidays.get(holiday_key(g["holiday"]))
    if rule is None:
        return None
    year = year_of(g)
    if year is not None:
        day = holiday_date(rule, year)
        return Norm(day.isoformat(), "day") if day else None
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := holiday_date(rule, y))]
    rel = rel_offset(g.get("rel"))
    if rel and rel[0] < 0:
        chosen = max(d for d in options if d < ctx.dct)
    elif rel and rel[0] > 0:
        chosen = min(d for d in options if d > ctx.dct)
    elif rel:
        chosen = options[1]  # "this Christmas": the publication year's
    else:
        chosen = pick(options, ctx.dct, None if ctx.after_forward_word() else ctx.tense())
    return Norm(chosen.isoformat(), "day", ctx.dct_value)
