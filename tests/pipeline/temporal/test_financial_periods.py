"""Reporting periods of business news: quarters named by year, month or relative year; halves; fiscal years."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1998, 3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net income rose in the September quarter.", [("the September quarter", "DATE", "1997-Q3")]),
        ("Net income rose in 1997's third quarter.", [("1997's third quarter", "DATE", "1997-Q3")]),
        ("Net income rose in fiscal 1997's fourth quarter.", [("fiscal 1997's fourth quarter", "DATE", "1997-Q4")]),
        (
            "Net income will rise in the second quarter of next year.",
            [("the second quarter of next year", "DATE", "1999-Q2")],
        ),
        ("Net income rose in the second half.", [("the second half", "DATE", "1997-H2")]),
        ("Net income will rise in the second half.", [("the second half", "DATE", "1998-H2")]),
        ("The company will report results in the current fiscal year.", [("the current fiscal year", "DATE", "1998")]),
        ("Prices rose in the 1990's.", [("the 1990's", "DATE", "199")]),
        ("Sales rose in the latest fiscal year.", [("the latest fiscal year", "DATE", "1997")]),
        ("Sales will rise next fiscal year.", [("next fiscal year", "DATE", "1999")]),
        ("Sales rose in the first half of fiscal 1997.", [("the first half of fiscal 1997", "DATE", "1997-H1")]),
    ],
    ids=[
        "quarter-named-by-its-month",
        "possessive-year-quarter-is-not-a-decade",
        "possessive-fiscal-year-quarter",
        "quarter-of-next-year",
        "past-second-half-told-in-march-is-last-years",
        "future-second-half-is-this-years",
        "current-fiscal-year",
        "decade-with-apostrophe",
        "latest-fiscal-year-is-the-last-one",
        "next-fiscal-year",
        "half-of-a-fiscal-year",
    ],
)
def test_reporting_periods(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


def test_same_period_is_the_quarter_just_reported(tag: Tag) -> None:
    found = tag("Net income rose in the third quarter. In the same period, sales rose.", DCT)
    assert triples(found)[1] == ("the same period", "DATE", "1997-Q3")


def test_comparable_period_is_the_reported_quarter_a_year_before(tag: Tag) -> None:
    found = tag("Net income rose in the third quarter, compared with a loss in the comparable period.", DCT)
    assert triples(found)[1] == ("the comparable period", "DATE", "1996-Q3")


def test_a_year_earlier_after_a_nine_month_period_is_the_year_before(tag: Tag) -> None:
    text = (
        "Net income rose 10% in the third quarter from a year earlier. "
        "For the nine months, net fell to $5 million from $7 million a year earlier."
    )
    values = [(t.text, t.value) for t in tag(text, date(1989, 10, 26))]
    assert values == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "1988"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the fiscal first quarter. Sales fell in the quarter.", "1998-QX"),
        ("Profit rose in the first quarter. Sales fell in the quarter.", "1998-Q1"),
    ],
    ids=["after-a-fiscal-quarter-the-quarter-is-unspecified", "after-a-calendar-quarter-the-quarter-is-that-one"],
)
def test_the_quarter_after_a_named_quarter(tag: Tag, text: str, expected: str) -> None:
    assert tag(text, DCT)[-1].value == expected
