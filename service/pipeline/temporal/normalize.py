"""Normalizers for calendar expressions (DATE): each turns a rule's regex groups into a TIMEX3 value.

Every normalizer reads the match groups (`g`, only the groups that matched), the document `Context`
(publication date, tense, narrative anchor) and the rule's `args` from `rules.tsv`, and returns a
`Norm` or None to reject the match. Durations, sets and clock times live in `normalize_spans.py`, quarters
and halves in `normalize_periods.py`, holidays in `holidays.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from service.pipeline.paragraphs import text_of
from service.pipeline.temporal.anchoring import Context
from service.pipeline.temporal.calendar import (
    PRECISION_RANK,
    UNIT_PRECISION,
    fmt,
    safe_date,
    shift,
    value_start,
    weekday_on_or_after,
    weekday_on_or_before,
)
from service.pipeline.temporal.lexicon import lexicon, parse_number, parse_ordinal, parse_year_words

Groups = dict[str, str]
Args = dict[str, str]


class Norm(NamedTuple):
    """A normalizer's answer: the value, its precision, the anchor used, and a type override."""

    value: str
    precision: str | None
    anchor: str | None = None
    type: str | None = None


Normalizer = Callable[[Groups, Context, Args], Norm | None]
NORMALIZERS: dict[str, Normalizer] = {}


def normalizer(fn: Normalizer) -> Normalizer:
    """Register `fn` under its name, the name `rules.tsv` uses in its normalizer column."""
    NORMALIZERS[fn.__name__.removeprefix("n_")] = fn
    return fn


def _key(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


def rel_offset(word: str | None) -> tuple[int, str] | None:
    """(offset, base) of a modifier word ("last" -> (-1, "dct")), from `modifiers.tsv`."""
    if not word:
        return None
    return lexicon().modifiers.get(_key(word))


def month_of(word: str) -> int | None:
    """Month number of a month name ("Sept." -> 9)."""
    return lexicon().months.get(word.lower()) or lexicon().months.get(word.lower().rstrip("."))


def unit_of(word: str) -> tuple[str, bool, bool] | None:
    """(unit code, clock unit, article ok) of a unit word ("weeks" -> ("W", False, True))."""
    return lexicon().units.get(word.lower())


def is_future(ctx: Context) -> bool:
    """True when the clause of the expression points ahead (will/shall/going to/is to...)."""
    return ctx.tense() == "future"


def year_of(g: Groups) -> int | None:
    """The explicit year of a match: digits (`year`), words (`yearword`) or a number (`yearnum`)."""
    if "year" in g:
        return int(g["year"])
    if "yearword" in g:
        return parse_year_words(g["yearword"])
    if "yearnum" in g and (n := parse_number(g["yearnum"])) is not None and 1000 <= n <= 2100:
        return int(n)
    if "century" in g and "yy" in g:  # "1990-95": the century of the range's first year
        return int(g["century"] + g["yy"])
    return None


# A year-less day in a present perfect clause: more than _FAR_DAYS back by the tense, within
# _NEAR_DAYS ahead -> the near one.
_FAR_DAYS = 270
_NEAR_DAYS = 60


def pick(candidates: list[date], dct: date, tense: str | None) -> date:
    """Latest candidate on or before DCT in a past clause, earliest on or after it in a future one;
    otherwise (present tense, no verb, a plan seen from the past: "the offer expires Dec. 15", "had been
    set to expire Nov. 6") the one nearest to DCT."""
    ordered = sorted(candidates)
    if tense == "future":
        return next((d for d in ordered if d >= dct), ordered[-1])
    if tense == "past":
        return next((d for d in reversed(ordered) if d <= dct), ordered[0])
    return min(ordered, key=lambda d: (abs((d - dct).days), d))


@normalizer
def n_const(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A fixed value (PRESENT_REF, PAST_REF, P1D for "daily"...); args: value, precision."""
    value = args["value"]
    anchor = ctx.dct_value if value.endswith("_REF") else None
    return Norm(value, args.get("precision"), anchor)


@normalizer
def n_day_offset(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """today/yesterday/tomorrow: the publication day shifted by args offset (days).

    args tense=present keeps the match only in a present clause ("today is the eighth day of the
    strike" is the publication day; a past "the second day of the trial" is a day we cannot place)."""
    if "tense" in args and ctx.tense() != args["tense"]:
        return None
    return Norm(shift(ctx.dct, "D", int(args["offset"])).isoformat(), "day", ctx.dct_value)


def resolve_weekday(g: Groups, ctx: Context) -> date | None:
    """The day a weekday name refers to, from its modifier ("last"/"next") or the clause tense."""
    weekday = lexicon().weekdays.get(g["weekday"].lower())
    if weekday is None:
        return None
    rel = rel_offset(g.get("rel"))
    if rel and rel[0] < 0:
        return weekday_on_or_before(ctx.dct, weekday, strict=True)
    if rel and rel[0] > 0:
        return weekday_on_or_after(ctx.dct, weekday, strict=True)
    if is_future(ctx):
        return weekday_on_or_after(ctx.dct, weekday)
    before = weekday_on_or_before(ctx.dct, weekday)
    # "had been due to expire Friday", "postponed until Thursday", "ahead of Friday's report": a plan or
    # a deadline, the nearer one (ties: the past one).
    if ctx.tense() == "plan" or (ctx.after_forward_word() and not ctx.closes_a_range()):
        after = weekday_on_or_after(ctx.dct, weekday)
        return before if ctx.dct - before <= after - ctx.dct else after
    return before


@normalizer
def n_weekday(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A weekday name: past tense -> latest on/before DCT, future -> next on/after DCT."""
    day = resolve_weekday(g, ctx)
    return Norm(day.isoformat(), "day", ctx.dct_value) if day else None


def resolve_date(g: Groups, ctx: Context) -> tuple[date, bool] | None:
    """(day, absolute) of a month-day expression; without a year the tense picks the year."""
    month = month_of(g["month"]) if "month" in g else int(g["mnum"]) if "mnum" in g else None
    dom = parse_ordinal(g["day"]) if "day" in g else int(g["dnum"]) if "dnum" in g else None
    if month is None or dom is None:
        return None
    if "y2" in g:
        year2 = int(g["y2"])
        year: int | None = year2 if year2 > 99 else year2 + (1900 if year2 > 30 else 2000)
    else:
        year = year_of(g)
    if year is not None:
        day = safe_date(year, month, dom)
        return (day, True) if day else None
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := safe_date(y, month, dom))]
    weekday = lexicon().weekdays.get(g.get("weekday", "").lower())
    if weekday is not None and (agreeing := [d for d in options if d.isoweekday() == weekday]):
        options = agreeing  # "Saturday, April 25": the year in which April 25 is a Saturday
    if not options:
        return None
    chosen = pick(options, ctx.dct, None if ctx.after_forward_word() else ctx.tense())
    nearest = pick(options, ctx.dct, None)
    far = abs((chosen - ctx.dct).days) > _FAR_DAYS and abs((nearest - ctx.dct).days) <= _NEAR_DAYS
    if far and ctx.present_perfect():
        # A present perfect takes no definite past date, so its date is another time, and one most of
        # a year back would carry its year: "Dunkin' has set Nov. 10 as the deadline", told on Nov. 2.
        chosen = nearest
    return chosen, False


@normalizer
def n_date(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A calendar day ("Sept. 9", "September 9, 2001", "2021-09-09")."""
    resolved = resolve_date(g, ctx)
    if not resolved:
        return None
    day, absolute = resolved
    return Norm(day.isoformat(), "day", None if absolute else ctx.dct_value)


@normalizer
def n_month(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A month, with a year, a modifier ("last April"), a year reference ("June last year") or tense."""
    month = month_of(g["month"])
    if month is None:
        return None
    year = year_of(g)
    if year is not None:
        return Norm(f"{year:04d}-{month:02d}", "month")
    if (relyear := rel_offset(g.get("relyear"))) is not None:
        return Norm(f"{ctx.dct.year + relyear[0]:04d}-{month:02d}", "month", ctx.dct_value)
    options = [date(y, month, 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    this_month = ctx.dct.replace(day=1)
    rel = rel_offset(g.get("rel"))
    if rel and rel[0] < 0:
        day = max(d for d in options if d < this_month)
    elif rel and rel[0] > 0:
        day = min(d for d in options if d > this_month)
    elif rel:
        day = date(ctx.dct.year, month, 1)
    else:
        day = pick(options, this_month, None if ctx.after_forward_word() else ctx.tense())
    return Norm(fmt(day, "month"), "month", ctx.dct_value)


@normalizer
def n_year(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """An explicit year: "1998", "nineteen ninety-four", "the year two thousand", "fiscal 1988"."""
    year = year_of(g)
    return Norm(f"{year:04d}", "year") if year is not None else None


@normalizer
def n_decade(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A decade: "the 1990s" -> 199; "the nineties", "the '90s" -> the nineties nearest DCT (see `_nearest_decade`)."""
    if "year" in g:
        # "1997's third quarter" is a year's, not a decade: decades are written from their first year;
        # "the 1800s" are a century (TimeML writes it with two digits).
        if g["year"].endswith("00"):
            return Norm(g["year"][:2], "century")
        return Norm(g["year"][:3], "decade") if g["year"].endswith("0") else None
    if "yy" in g:
        return Norm(_nearest_decade(int(g["yy"][0]), ctx.dct.year), "decade", ctx.dct_value)
    digit = lexicon().decades.get(g["decadeword"].lower())
    if digit is None:
        return None
    if "cent" in g and (said := parse_number(g["cent"])) is not None:
        return Norm(f"{int(said)}{digit}", "decade")  # "the nineteen eighties": the century is said
    return Norm(_nearest_decade(int(digit), ctx.dct.year), "decade", ctx.dct_value)


def _nearest_decade(digit: int, dct_year: int) -> str:
    """The decade with this tens digit that has begun by DCT, or the coming one if it begins within
    ten years: in 1989 "the '90s" are the 1990s about to begin, not the 1890s; in 2024 "the
    nineties" are the 1990s, not the 2090s."""
    start = dct_year // 100 * 100 + digit * 10
    while start > dct_year + 10:
        start -= 100
    return f"{start // 10:03d}"


@normalizer
def n_century(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A century: "the 20th century" -> 19."""
    n = parse_ordinal(g["ord"])
    if not n or not 1 <= n <= 30:
        return None
    # TIMEX3 writes an era before the common one with a "BC" prefix, as HeidelTime does.
    return Norm(f"{'BC' if 'bc' in g else ''}{n - 1:02d}", "century")


@normalizer
def n_year_bc(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A year before the common era: "300 B.C." -> BC0300."""
    return Norm(f"BC{int(g['bcyear']):04d}", "year")


def from_anchor(ctx: Context, unit: str, n: int, keep_precision: bool = True) -> Norm | None:
    """The narrative anchor (else DCT) moved by `n` units, at the anchor's precision when it is finer
    and `keep_precision` ("a year earlier" after "Sept. 30" is a day), else at the unit's precision."""
    value, precision = ctx.anchor if ctx.anchor else (ctx.dct_value, "day")
    if not ctx.anchor:
        keep_precision = False  # no date told yet: "two years later" is as precise as its unit
    base = value_start(value)
    if base is None:
        return None
    unit_precision = UNIT_PRECISION.get(unit)
    if unit_precision is None:
        return None
    out_precision = precision if precision in ("day", "week", "month", "quarter", "year") else "year"
    if not keep_precision or PRECISION_RANK[out_precision] < PRECISION_RANK[unit_precision]:
        out_precision = unit_precision  # "two days later" after "in March": as precise as the unit
    return Norm(fmt(shift(base, unit, n), out_precision), out_precision, value)


@normalizer
def n_relative(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A unit with a modifier: "last week", "this month", "next year", "the following day"."""
    unit = unit_of(g["unit"])
    rel = rel_offset(g.get("rel")) or (0, "dct")
    if unit is None or unit[1] or g["unit"].lower().endswith("s"):
        return None  # "coming months", "past years" are vague references, not one unit
    code, (offset, base) = unit[0], rel
    if offset > 0 and "the" in g and ctx.tense() == "past" and ctx.anchor:
        base = "narrative"  # "He arrived in 1995. The next year, he left.": the story's next year
    if code == "D" or base == "narrative":
        # "the next day"/"the following year" count from the story's date, at the unit's precision.
        return from_anchor(ctx, code, offset, keep_precision=False)
    precision = UNIT_PRECISION.get(code)
    if precision is None:
        return None
    return Norm(fmt(shift(ctx.dct, code, offset), precision), precision, ctx.dct_value)


def count_of(word: str) -> float | None:
    """The count in front of a unit ("two" -> 2, "a" -> 1); None for vague counts ("several")."""
    return parse_number(word)


@normalizer
def n_ago(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"two days ago"/"a year from now": DCT moved by the count, written at the unit's precision."""
    unit = unit_of(g["unit"])
    if unit is None or unit[1]:
        return None
    direction = int(args.get("dir", "-1"))
    n = count_of(g["num"]) if "num" in g else None  # "years ago": no count, a vague past
    if n is None:
        return Norm("PAST_REF" if direction < 0 else "FUTURE_REF", None, ctx.dct_value)
    code = unit[0]
    if "half" in g and code == "Y":
        # "two and a half years ago": thirty months back, as precise as a month
        months = round((n + 0.5) * 12) * direction
        return Norm(fmt(shift(ctx.dct, "M", months), "month"), "month", ctx.dct_value)
    if code == "Y" and n == 1 and (quarter := ctx.recent_quarter()):
        # Earnings reports: "a year ago" after "the third quarter" means that quarter a year before.
        start = value_start(quarter)
        if start:
            return Norm(fmt(shift(start, "Y", direction), "quarter"), "quarter", quarter)
    precision = UNIT_PRECISION.get(code)
    if precision is None:
        return None
    return Norm(fmt(shift(ctx.dct, code, direction * round(n)), precision), precision, ctx.dct_value)


@normalizer
def n_narrative(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"two days later"/"a year earlier": the narrative anchor moved by the count (args dir=±1)."""
    unit = unit_of(g["unit"])
    n = count_of(g.get("num", "one"))
    if unit is None or unit[1] or n is None:
        return None
    direction = int(args.get("dir", "1"))
    if unit[0] == "Y" and n == 1 and direction < 0 and (quarter := ctx.recent_quarter(window=1500)):
        start = value_start(quarter)
        if start:
            return Norm(fmt(shift(start, "Y", -1), "quarter"), "quarter", quarter)
    return from_anchor(ctx, unit[0], direction * round(n))


@normalizer
def n_season(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """A season: "last spring" (the year before DCT's), "this summer", "the winter of 1994"."""
    code = lexicon().seasons.get(g["season"].lower())
    if code is None:
        return None
    year = year_of(g)
    if year is not None:
        return Norm(f"{year:04d}-{code}", "season")
    rel = rel_offset(g.get("rel"))
    year = ctx.dct.year
    if rel and _key(g["rel"]) == "this past":
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year -= date(year, start_month, 1) > ctx.dct
    elif rel:
        year += rel[0]
    return Norm(f"{year:04d}-{code}", "season", ctx.dct_value)


@normalizer
def n_weekend(g: Groups, ctx: Context, args: Args) -> Norm | None:
    """"the weekend": the last one before DCT, or the coming one in a future clause or after "next";
    told on a Saturday or Sunday, "this weekend" (and a present "the weekend") is the one under way."""
    rel = rel_offset(g.get("rel"))
    this = text_of(ctx.doc)[ctx.start : ctx.end].lower().startswith("this ") or (rel is not None and rel[0] == 0)
    if ctx.dct.isoweekday() >= 6 and (this or (rel is None and ctx.tense() == "present")):
        saturday = weekday_on_or_before(ctx.dct, 6)
    elif (rel and rel[0] > 0) or is_future(ctx):
        saturday = weekday_on_or_after(ctx.dct, 6, strict=bool(rel))
    else:
        saturday = weekday_on_or_before(ctx.dct, 6, strict=True)
    return Norm(fmt(saturday, "week") + "-WE", "week", ctx.dct_value)
