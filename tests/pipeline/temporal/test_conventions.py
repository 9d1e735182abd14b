"""TimeBank conventions the tagger follows: rates, extents, year choice by weekday, tense, references."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1989, 11, 2)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It runs four flights a week.", []),
        ("The stock pays a dividend of $1.76 a year.", []),
        ("The board meets twice a year.", [("a year", "SET", "P1Y")]),
        ("It ended the eight-year war.", [("eight-year", "DURATION", "P8Y")]),
        ("He died within weeks or months of his capture.", [("weeks or months", "DURATION", "PXW")]),
        ("Plants will close over the next year or so.", [("the next year or so", "DATE", "1990")]),
        ("It won't be profitable until 1994 or later.", [("1994 or later", "DATE", "1994")]),
        ("The figure was the lowest for almost two\ndecades.", [("almost two\ndecades", "DURATION", "P20Y")]),
        ("The recent sale of the unit helped.", []),
        ("It blamed current market conditions.", [("current", "DATE", "PRESENT_REF")]),
        ("Sales rose in the current quarter.", [("the current quarter", "DATE", "1989-Q4")]),
        ("The closing is expected in December.", [("December", "DATE", "1989-12")]),
    ],
    ids=[
        "rate-is-not-a-set",
        "money-rate-is-not-a-set",
        "frequency-is-a-set",
        "the-is-outside-an-adjective-duration",
        "alternative-units",
        "or-so",
        "or-later",
        "line-break-inside",
        "recent-adjective-is-not-tagged",
        "current-adjective",
        "current-quarter-stays-a-quarter",
        "present-passive-expected-looks-ahead",
    ],
)
def test_conventions(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


def test_weekday_picks_the_year_of_a_month_day(tag: Tag) -> None:
    (timex,) = tag("The Times said in an editorial on Saturday, April 25: the court erred.", date(1998, 4, 24))
    assert timex.value == "1998-04-25"


def test_plan_seen_from_the_past_through_an_adjective(tag: Tag) -> None:
    (timex,) = tag("It had been due to expire Friday.", date(1989, 10, 30))
    assert timex.value == "1989-10-27"


def test_latest_quarter_is_one_that_is_over(tag: Tag) -> None:
    found = tag("It expects a fourth-quarter charge. Profit fell 59% in the latest quarter.", DCT)
    assert [t.value for t in found] == ["1989-Q4", "1989-Q3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 19-year-old was arrested.", []),
        ("He is 45 years old.", []),
        ("She is two years older than him.", []),
        ("The plan is several years old.", []),
        ("The IRA's 8-month-old truce held.", [("8-month-old", "DURATION", "P8M")]),
        ("It was a 10-year-long war.", [("10-year-long", "DURATION", "P10Y")]),
    ],
    ids=[
        "age-in-years-adjective",
        "age-in-years-predicate",
        "age-difference",
        "fuzzy-age",
        "age-of-an-event-in-months-is-a-duration",
        "long-is-a-duration",
    ],
)
def test_ages(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It sent 2000 dead soldiers home.", []),
        ("The team scored 1500 more runs.", []),
        ("It set up a venture called Orion 1980, making parts.", []),
        ("The index closed at 2000, up 12 points.", []),
        ("Shares traded at 1995, as they did in 1995.", [("1995", "DATE", "1995")]),
        ("At Christmas 1998 they met.", [("Christmas 1998", "DATE", "1998-12-25")]),
        ("It happened in Sept. 1989.", [("Sept. 1989", "DATE", "1989-09")]),
        ("The Clean Air Act of 1990 passed.", [("1990", "DATE", "1990")]),
    ],
    ids=[
        "number-before-adjective-and-plural",
        "number-before-more-and-plural",
        "number-ending-a-name",
        "a-level-at-a-number-is-no-year",
        "a-price-at-a-number-beside-a-year",
        "holiday-and-year",
        "abbreviated-month-and-year",
        "year-after-of-in-a-name",
    ],
)
def test_four_digit_numbers(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Losses were large. Now, following asset sales, it is profitable.", []),
        ("Now for the weather.", []),
        ("Prices fell. Now with new building under way, they rise.", [("Now", "DATE", "PRESENT_REF")]),
        ("It is now profitable.", [("now", "DATE", "PRESENT_REF")]),
    ],
    ids=["discourse-now-comma", "discourse-now-for", "now-with-is-the-present", "now-inside-a-clause"],
)
def test_now(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected
