"""Holidays are calendar days: fixed ones, nth weekdays of a month and Easter-based ones."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline.temporal.holidays import easter, holiday_date
from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1998, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company was founded on Christmas Day.", [("Christmas Day", "DATE", "1997-12-25")]),
        ("He will return on New Year's Day.", [("New Year's Day", "DATE", "1999-01-01")]),
        ("He will return on New Year’s Day.", [("New Year’s Day", "DATE", "1999-01-01")]),
        ("The talks resumed after Thanksgiving.", [("Thanksgiving", "DATE", "1997-11-27")]),
        ("The talks will resume after Thanksgiving.", [("Thanksgiving", "DATE", "1998-11-26")]),
        ("They met on Easter Sunday 1997.", [("Easter Sunday 1997", "DATE", "1997-03-30")]),
        ("They met last Easter.", [("last Easter", "DATE", "1997-03-30")]),
        ("They met on Memorial Day.", [("Memorial Day", "DATE", "1997-05-26")]),
        ("He bought a Christmas tree.", []),
        ("Sales rose during the Christmas season.", []),
        ("Police linked them to the Easter Sunday attacks.", []),
    ],
    ids=[
        "fixed-day-past-clause",
        "fixed-day-future-clause",
        "curly-apostrophe",
        "fourth-thursday-past",
        "fourth-thursday-future",
        "easter-with-year",
        "last-easter",
        "last-monday-of-may",
        "holiday-as-noun-modifier-is-not-a-date",
        "holiday-season-is-not-the-day",
        "weekday-of-a-holiday-name-is-not-a-weekday",
    ],
)
def test_holidays(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(1989, date(1989, 3, 26)), (1998, date(1998, 4, 12)), (2000, date(2000, 4, 23)), (2024, date(2024, 3, 31))],
)
def test_easter_sunday(year: int, sunday: date) -> None:
    assert easter(year) == sunday


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("12-25", 2021, date(2021, 12, 25)),
        ("11/4/4", 2021, date(2021, 11, 25)),
        ("05/1/-1", 2021, date(2021, 5, 31)),
        ("09/1/1", 2021, date(2021, 9, 6)),
        ("easter-2", 2021, date(2021, 4, 2)),
    ],
    ids=["fixed", "fourth-thursday", "last-monday", "first-monday", "before-easter"],
)
def test_holiday_rules(rule: str, year: int, day: date) -> None:
    assert holiday_date(rule, year) == day
