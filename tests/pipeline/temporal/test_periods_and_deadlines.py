"""Halves and year-ago quarters named whole, quarters in a future clause, a time of day on a dated day,
and year-less dates in a present perfect clause."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1989, 11, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales were weak in the second half of 1989.", [("the second half of 1989", "DATE", "1989-H2")]),
        ("Sales rose in the first half of 1990.", [("the first half of 1990", "DATE", "1990-H1")]),
        ("Prices rose at the end of 1988.", [("the end of 1988", "DATE", "1988")]),
        (
            "In the year-ago third quarter, the company earned $5 million.",
            [("the year-ago third quarter", "DATE", "1988-Q3")],
        ),
        ("Net rose from the year-earlier first half.", [("the year-earlier first half", "DATE", "1988-H1")]),
    ],
    ids=[
        "half-of-a-year-is-that-half",
        "first-half-of-a-year",
        "end-of-a-year-is-the-year",
        "year-ago-quarter-named-by-its-number",
        "year-earlier-half",
    ],
)
def test_named_reporting_periods(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The company said it will report a loss in the first quarter.", "1990-Q1"),
        ("The company said it will report a loss in the fourth quarter.", "1989-Q4"),
        ("The company said it will report third-quarter results.", "1989-Q3"),
        ("The company earned $5 million in the first quarter.", "1989-Q1"),
    ],
    ids=[
        "future-quarter-long-over-is-next-years",
        "future-current-quarter-is-this-years",
        "future-report-on-the-quarter-just-ended",
        "past-quarter-is-this-years",
    ],
)
def test_quarter_and_tense(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The offer expires at midnight Nov. 20.", [("midnight Nov. 20", "TIME", "1989-11-20T24")]),
        ("The vote is at noon Friday, Nov. 3.", [("noon Friday, Nov. 3", "TIME", "1989-11-03T12:00")]),
    ],
    ids=["midnight-of-a-date", "noon-of-a-weekday-and-date"],
)
def test_time_of_day_on_a_date_is_one_timex(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dunkin' has set Nov. 10 as the deadline for offers.", "1989-11-10"),
        ("The board met Nov. 10 to discuss the offer.", "1988-11-10"),
        ("The stock has fallen 20% since Oct. 13.", "1989-10-13"),
    ],
    ids=[
        "present-perfect-date-days-ahead-is-not-last-years",
        "simple-past-date-is-in-the-past",
        "present-perfect-since-a-recent-date",
    ],
)
def test_year_less_date_in_a_present_perfect(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT)] == [value]
