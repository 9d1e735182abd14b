"""The calendar days a TIMEX3 value covers, so dates of any precision can be ordered and filtered."""

from __future__ import annotations

import re
from datetime import date, timedelta

_VALUE = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-W(?P<week>\d{2})(?:-(?P<weekday>\d))?"
    r"|-Q(?P<quarter>[1-4])"
    r"|-H(?P<half>[12])"
    r"|-(?P<season>SP|SU|FA|AU|WI))?"
    r"(?:T.*)?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<century>\d{2})$")

# Meteorological seasons (northern hemisphere); winter runs into the next year.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    first_of_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def value_interval(value: str | None) -> tuple[date, date] | None:
    """First and last day covered by a TIMEX3 date value, or None when it names no calendar span.

    >>> value_interval("2021-09")
    (datetime.date(2021, 9, 1), datetime.date(2021, 9, 30))
    """
    if not value:
        return None
    try:
        if m := _DECADE.match(value):
            first_year = int(m["decade"]) * 10
            return date(first_year, 1, 1), date(first_year + 9, 12, 31)
        if m := _CENTURY.match(value):
            first_year = int(m["century"]) * 100
            return date(first_year, 1, 1), date(first_year + 99, 12, 31)
        m = _VALUE.match(value)
        if not m:
            return None
        year = int(m["year"])
        if m["day"]:
            day = date(year, int(m["month"]), int(m["day"]))
            return day, day
        if m["month"]:
            if not 1 <= int(m["month"]) <= 12:
                return None
            return _month_start(year, int(m["month"])), _month_end(year, int(m["month"]))
        if m["week"]:
            monday = date.fromisocalendar(year, int(m["week"]), 1)
            if m["weekday"]:
                day = monday + timedelta(days=int(m["weekday"]) - 1)
                return day, day
            return monday, monday + timedelta(days=6)
        if m["quarter"]:
            first = (int(m["quarter"]) - 1) * 3 + 1
            return _month_start(year, first), _month_end(year, first + 2)
        if m["half"]:
            first = 1 if m["half"] == "1" else 7
            return _month_start(year, first), _month_end(year, first + 5)
        if m["season"]:
            first, last = _SEASON_MONTHS[m["season"]]
            return _month_start(year, first), _month_end(year, last)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
