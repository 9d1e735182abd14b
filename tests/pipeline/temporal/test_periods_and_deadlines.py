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
        ("This year's first half was strong.", [("This year's first half", "DATE", "1989-H1")]),
        ("Sales rose in the 1988 second half.", [("the 1988 second half", "DATE", "1988-H2")]),
    ],
    ids=[
        "half-of-a-year-is-that-half",
        "first-half-of-a-year",
        "end-of-a-year-is-the-year",
        "year-ago-quarter-named-by-its-number",
        "year-earlier-half",
        "relative-years-half-is-one-timex",
        "years-half-is-one-timex",
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is six o'clock in the morning in Baghdad.", [("six o'clock in the morning", "TIME", "1998-01-14T06:00")]),
        ("He called at eleven o'clock at night.", [("eleven o'clock at night", "TIME", "1998-01-14T23:00")]),
        ("At eight o'clock, the president will speak.", [("eight o'clock", "TIME", "1998-01-14T08:00")]),
        ("That was in the late nineteen eighties.", [("the late nineteen eighties", "DATE", "198")]),
        ("The meeting lasted half an hour.", [("half an hour", "DURATION", "PT30M")]),
        ("Coming up in the next half hour, the news.", [("the next half hour", "DURATION", "PT30M")]),
        ("The attack came two and a half years ago.", [("two and a half years ago", "DATE", "1995-07")]),
        ("He was killed a year and a half ago.", [("a year and a half ago", "DATE", "1996-07")]),
    ],
    ids=[
        "oclock-in-the-morning",
        "oclock-at-night-is-evening-hours",
        "bare-oclock",
        "decade-with-its-century-in-words",
        "half-an-hour",
        "the-next-half-hour",
        "two-and-a-half-years-ago-is-a-month",
        "a-year-and-a-half-ago",
    ],
)
def test_spoken_times_and_halves(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, date(1998, 1, 14))) == expected


def test_year_ago_period_does_not_compare_with_a_forecast_quarter(tag: Tag) -> None:
    text = (
        "Profit fell in the third quarter. Analysts expect losses through the third quarter of 1991. "
        "In the year-ago period, the company earned $101 million."
    )
    assert [t.value for t in tag(text, DCT)] == ["1989-Q3", "1991-Q3", "1988-Q3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the last week of February, the army attacked.", [("the last week of February", "DATE", "1998-W09")]),
        ("In the first week of March, talks resumed.", [("the first week of March", "DATE", "1998-W10")]),
        ("The talks will end on the last day of March.", [("the last day of March", "DATE", "1998-03-31")]),
        ("He arrived on the first day of January 1997.", [("the first day of January 1997", "DATE", "1997-01-01")]),
    ],
    ids=["last-week-of-a-month", "first-week-of-a-month", "last-day-of-a-month", "first-day-of-a-dated-month"],
)
def test_weeks_and_days_of_a_month(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, date(1998, 3, 6))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army attacked on Feb. 20. That night, rebels fled.", ("That night", "TIME", "1998-02-20TNI")),
        ("The army attacked on Feb. 20. The next morning, rebels fled.", ("The next morning", "TIME", "1998-02-21TMO")),
        ("Rebels attacked a village. Later that evening, they fled.", ("Later that evening", "TIME", "1998-03-06TEV")),
    ],
    ids=[
        "that-night-is-the-storys-day",
        "the-next-morning-after-the-storys-day",
        "without-a-story-day-the-publication-day",
    ],
)
def test_part_of_the_storys_day(tag: Tag, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(tag(text, date(1998, 3, 6)))[-1] == expected


@pytest.mark.parametrize(
    "text",
    ["Prices rose 2% on a month-to-month basis.", "Sales rose 5% on a year-over-year basis."],
    ids=["month-to-month", "year-over-year"],
)
def test_comparison_bases_are_not_durations(tag: Tag, text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two years back, he was rich.", [("Two years back", "DATE", "1996")]),
        ("He left a few weeks back.", [("a few weeks back", "DATE", "PAST_REF")]),
        ("They pushed the vote back two weeks.", [("two weeks", "DURATION", "P2W")]),
    ],
    ids=["years-back-is-years-ago", "vague-weeks-back", "back-before-a-count-is-no-ago"],
)
def test_back_as_ago(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, date(1998, 3, 6))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The store is closed on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
        ("Every morning he runs.", [("Every morning", "SET", "XXXX-XX-XXTMO")]),
        ("Each summer the family travels.", [("Each summer", "SET", "XXXX-SU")]),
        ("The Sundays played a concert.", []),
    ],
    ids=["plural-weekday-after-on", "every-morning", "each-summer", "plural-weekday-without-on-is-no-set"],
)
def test_recurring_days_and_seasons(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, date(1998, 3, 6))) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stocks rose ahead of Friday's jobs report.", "2024-03-15"),
        ("The vote was postponed until Thursday.", "2024-03-14"),
        ("The hearing was moved to Thursday.", "2024-03-14"),
        ("The company bought shares from Feb. 14 to Thursday.", "2024-03-07"),
        ("Police said the attack happened on Thursday.", "2024-03-07"),
    ],
    ids=[
        "ahead-of-a-weekday-looks-ahead",
        "postponed-until-a-weekday-is-the-nearer-one",
        "moved-to-a-weekday-is-the-nearer-one",
        "a-range-closed-by-a-weekday-follows-the-tense",
        "a-past-weekday-stays-past",
    ],
)
def test_weekday_as_a_deadline(tag: Tag, text: str, value: str) -> None:
    """DCT Tuesday 2024-03-12: a weekday after "until", "to", "ahead of" is a deadline, the nearer one."""
    assert [t.value for t in tag(text, date(2024, 3, 12))][-1] == value
