"""Normalizers for reporting periods of business news: quarters, halves and year-ago periods
(registered into `normalize.NORMALIZERS`, same contract as `normalize.py`)."""

from __future__ import annotations

from datetime import date, timedelta

from service.pipeline.temporal.anchoring import Context
from service.pipeline.temporal.calendar import fmt, shift, value_start
from service.pipeline.temporal.lexicon import parse_ordinal
from service.pipeline.temporal.normalize import Args, Groups, Norm, month_of, n_month, normalizer, rel_offset, year_of


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@normalizer
def n_quarter(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A fiscal quarter: "the third quarter (of 1990)", "next year's first quarter", "third-quarter",
    "the September quarter" (the quarter that month ends)."""
    month = month_of(g["month"]) if "month" in g else None
    q = (month - 1) // 3 + 1 if month else parse_ordinal(g["ord"])
    if q is None or not 1 <= q <= 4:
        return None
    year = year_of(g)
    if year is None and (relyear := rel_offset(g.get("relyear"))) is not None:
        year = ctx.dct.year + relyear[0]
    if year is not None:
        return Norm(f"{year:04d}-Q{q}", "quarter", None if "year" in g else ctx.dct_value)
    # Earnings news reports on quarters already begun, whatever the tense ("will report
    # third-quarter results" in October means this year's third quarter).
    starts = [date(y, 3 * q - 2, 1) for y in (ctx.dct.year - 1, ctx.dct.year)]
    day = max(s for s in starts if s <= ctx.dct)
    if day < shift(_quarter_start(ctx.dct), "Q", -1) and ctx.tense() == "future":
        # ... but not on one over before the last reported on: "expects a profit in the first
        # quarter" told in October is next year's.
        day = shift(day, "Y", 1)
    back = int(args.get("back", "0"))  # "the year-ago third quarter": that quarter a year before
    return Norm(fmt(shift(day, "Y", -back), "quarter"), "quarter", ctx.dct_value)


@normalizer
def n_quarter_ref(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"the quarter"/"the latest period": the last quarter mentioned, else DCT's (args which).

    which=completed ("the latest quarter") takes the last quarter mentioned only when it is over by
    the calendar, else the quarter before DCT's: the latest quarter reported on has ended."""
    if args.get("which") == "current":  # "the current quarter" is DCT's, whatever was mentioned before
        return Norm(fmt(ctx.dct, "quarter"), "quarter", ctx.dct_value)
    if ctx.quarter and args.get("which") == "completed":
        start = value_start(ctx.quarter)
        if start is not None and start < _quarter_start(ctx.dct):
            return Norm(ctx.quarter, "quarter", ctx.quarter)
        return Norm(fmt(shift(ctx.dct, "Q", -1), "quarter"), "quarter", ctx.dct_value)
    if ctx.quarter and ctx.quarter_fiscal and args.get("which") == "latest":
        # A fiscal quarter's number is not the calendar's: TimeML leaves "the quarter" unspecified.
        return Norm(f"{ctx.quarter[:4]}-QX", "quarter", ctx.quarter)
    if ctx.quarter:
        return Norm(ctx.quarter, "quarter", ctx.quarter)
    day = ctx.dct if args.get("which") == "current" else shift(ctx.dct, "Q", -1)
    return Norm(fmt(day, "quarter"), "quarter", ctx.dct_value)


@normalizer
def n_year_ago(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"the year-ago quarter", "the 1988 period": the last quarter mentioned, in the year before."""
    quarter = ctx.recent_quarter(window=800)
    year = year_of(g)
    if quarter:
        q = quarter[-1]
        target = year if year is not None else int(quarter[:4]) - 1
        return Norm(f"{target:04d}-Q{q}", "quarter", quarter)
    if year is not None:
        return Norm(f"{year:04d}", "year")
    return Norm(f"{ctx.dct.year - 1:04d}", "year", ctx.dct_value)


@normalizer
def n_half(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"the first half (of 1990)" -> 1990-H1; "the second half of last year" -> the year before DCT's."""
    n = parse_ordinal(g["ord"])
    if n not in (1, 2):
        return None
    year = year_of(g)
    if year is None and (relyear := rel_offset(g.get("relyear"))) is not None:
        year = ctx.dct.year + relyear[0]
    if year is None:
        # "Profit fell in the second half" told in March: the last second half, not the coming one.
        begun = date(ctx.dct.year, 6 * n - 5, 1) <= ctx.dct
        year = ctx.dct.year - (not begun and ctx.tense() == "past")
    year -= int(args.get("back", "0"))  # "the year-earlier first half"
    return Norm(f"{year:04d}-H{n}", "quarter", ctx.dct_value)


_WEEK_OF_MONTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


@normalizer
def n_part_of_month(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"the last week of February" -> the ISO week holding Feb. 25 (a week mostly in the month);
    "the first day of March" -> March 1 (args unit=week|day; the month's year as for a month name)."""
    month = n_month(g, ctx, {})
    start = value_start(month.value) if month else None
    if month is None or start is None:
        return None
    last_day = shift(start, "M", 1) - timedelta(days=1)
    which = g["which"].lower()
    if args.get("unit") == "day":
        day = start if which == "first" else last_day
        return Norm(day.isoformat(), "day", month.anchor)
    if which in ("last", "final"):
        day = last_day - timedelta(days=3)
    else:
        day = start + timedelta(days=3 + 7 * _WEEK_OF_MONTH[which])
    return Norm(fmt(day, "week"), "week", month.anchor)
