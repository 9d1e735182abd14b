"""Calendar arithmetic for normalization: shifting a day by units and writing it at a precision."""

from __future__ import annotations

from datetime import date, timedelta

from service.pipeline.temporal.intervals import value_interval

# Precision of a TIMEX3 unit code when a date is written at that unit's granularity.
UNIT_PRECISION = {
    "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "C": "century",
}
# Coarse to fine, to compare precisions.
PRECISION_RANK = {
    "century": 0, "decade": 1, "year": 2, "quarter": 3, "season": 3, "month": 4, "week": 5, "day": 6,
    "time": 7,
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month, dom)
        except ValueError:
            continue
    return date(year, month, 28)


def shift(day: date, unit: str, n: int) -> date:
    """`day` moved by `n` units (D, W, M, Q, Y, DE, C)."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit == "W":
        return day + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "C": 1200}.get(unit)
    if months is None:
        raise ValueError(f"unit {unit} cannot shift a date")
    return add_months(day, months * n)


def fmt(day: date, precision: str) -> str:
    """`day` written as a TIMEX3 value at `precision` (day, week, month, quarter, year, decade, century)."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year}-W{week:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    if precision == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def value_start(value: str) -> date | None:
    """The first day a TIMEX3 value covers (the day part of a TIME value), None if it names no day."""
    span = value_interval(value.split("T")[0] if "T" in value else value)
    return span[0] if span else None


def weekday_on_or_before(day: date, weekday: int, strict: bool = False) -> date:
    """The latest day with ISO `weekday` on or before `day` (strictly before when `strict`)."""
    back = (day.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return day - timedelta(days=back)


def weekday_on_or_after(day: date, weekday: int, strict: bool = False) -> date:
    """The earliest day with ISO `weekday` on or after `day` (strictly after when `strict`)."""
    ahead = (weekday - day.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return day + timedelta(days=ahead)


def safe_date(year: int, month: int, day: int) -> date | None:
    """date(year, month, day) or None when it does not exist (Feb. 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
