"""Periods counted from the story or the publication date, and the verb that sets a weekday's tense."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1998, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He arrived in 1995. The next year, he left.", [("1995", "DATE", "1995"), ("The next year", "DATE", "1996")]),
        ("He arrived in 1995. Next year, he will leave.", [("1995", "DATE", "1995"), ("Next year", "DATE", "1999")]),
        ("Prices will rise over the next year.", [("the next year", "DATE", "1999")]),
        ("Sales rose in the second half of last year.", [("the second half of last year", "DATE", "1997-H2")]),
        ("Sales will rise in the first half of next year.", [("the first half of next year", "DATE", "1999-H1")]),
        ("The company had a loss in its 1997 fiscal year.", [("its 1997 fiscal year", "DATE", "1997")]),
        (
            "He arrived on March 3 and left the day after.",
            [("March 3", "DATE", "1998-03-03"), ("the day after", "DATE", "1998-03-04")],
        ),
        (
            "He arrived in 1995 and left the year before.",
            [("1995", "DATE", "1995"), ("the year before", "DATE", "1994")],
        ),
        ("He left the day before the election.", []),
        ("The '80s were wild.", [("The '80s", "DATE", "198")]),
        ("In the mid-'90s, the firm grew.", [("the mid-'90s", "DATE", "199")]),
        ("It was 80s music.", []),
        ("Sales rose in 1990-95.", [("1990", "DATE", "1990"), ("95", "DATE", "1995")]),
        ("Sales rose from 1990-1995.", [("1990", "DATE", "1990"), ("1995", "DATE", "1995")]),
        ("It was founded in the 1800s.", [("the 1800s", "DATE", "18")]),
        ("The decision came after months of talks.", [("months", "DURATION", "PXM")]),
    ],
    ids=[
        "the-next-year-in-a-past-story-follows-the-story",
        "bare-next-year-follows-the-publication",
        "the-next-year-in-a-future-clause-follows-the-publication",
        "half-of-last-year",
        "half-of-next-year",
        "its-fiscal-year",
        "the-day-after-counts-from-the-story",
        "the-year-before-counts-from-the-story",
        "the-day-before-an-event-has-no-value-here",
        "decade-in-two-digits",
        "mid-decade-in-two-digits",
        "bare-two-digit-decade-without-the-is-not-tagged",
        "two-digit-end-of-a-year-range",
        "four-digit-year-range",
        "hundreds-are-a-century",
        "after-months-of",
    ],
)
def test_relative_periods(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company said on Tuesday it would cut 500 jobs.", "1998-03-03"),
        ("The company said Tuesday it would cut 500 jobs.", "1998-03-03"),
        ("The company said it would cut 500 jobs on Friday.", "1998-03-06"),
    ],
    ids=[
        "said-on-weekday-before-a-future-clause",
        "said-weekday-before-a-future-clause",
        "weekday-inside-the-future-clause",
    ],
)
def test_weekday_takes_the_tense_of_the_verb_right_before_it(tag: Tag, text: str, expected: str) -> None:
    (timex,) = tag(text, DCT)
    assert timex.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president signs the bill Friday.", "1998-03-06"),
        ("Netanyahu and Arafat meet separately Monday with the envoy.", "1998-03-09"),
        ("The two leaders meet Monday in Geneva.", "1998-03-09"),
        ("The president says Friday's vote was fair.", "1998-02-27"),
    ],
    ids=[
        "timetable-present-looks-ahead",
        "plural-timetable-present-looks-ahead",
        "timetable-verb-right-before-the-weekday",
        "reporting-present-looks-back",
    ],
)
def test_simple_present_of_a_timetable_verb_looks_ahead(tag: Tag, text: str, expected: str) -> None:
    (timex,) = tag(text, DCT)
    assert timex.value == expected


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Earnings would rise in the '90s.", date(1989, 10, 26), "199"),
        ("The '90s were a boom.", date(2024, 5, 1), "199"),
        ("Music of the nineties is back.", date(2024, 5, 1), "199"),
        ("The '20s began with a pandemic.", date(2024, 5, 1), "202"),
        ("The '30s will be hotter.", date(2024, 5, 1), "203"),
        ("The '40s brought war.", date(2024, 5, 1), "194"),
    ],
    ids=[
        "coming-decade-before-it-begins",
        "two-digit-decade-of-the-last-century",
        "decade-word-of-the-last-century",
        "current-decade",
        "next-decade",
        "a-decade-far-ahead-is-the-last-centurys",
    ],
)
def test_decade_without_century_is_the_nearest(tag: Tag, text: str, dct: date, value: str) -> None:
    assert [t.value for t in tag(text, dct)] == [value]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Residents watched the rivers rise this weekend.", date(2007, 5, 12), "2007-W19-WE"),
        ("The river is cresting this weekend.", date(2007, 5, 13), "2007-W19-WE"),
        ("Residents watched the rivers rise this weekend.", date(2007, 5, 9), "2007-W18-WE"),
        ("The levee broke last weekend.", date(2007, 5, 12), "2007-W18-WE"),
        ("The levee will be repaired next weekend.", date(2007, 5, 12), "2007-W20-WE"),
    ],
    ids=[
        "this-weekend-told-on-its-saturday",
        "present-this-weekend-told-on-its-sunday",
        "this-weekend-told-midweek-is-the-last-one",
        "last-weekend-told-on-a-saturday",
        "next-weekend-told-on-a-saturday",
    ],
)
def test_weekend_told_during_a_weekend(tag: Tag, text: str, dct: date, value: str) -> None:
    assert [t.value for t in tag(text, dct)] == [value]
