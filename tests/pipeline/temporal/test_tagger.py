"""Behaviour tables of the temporal tagger: extents, TIMEX3 types and values (publication 2021-09-10)."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(2021, 9, 10)  # a Friday


CASES = {
    # calendar days
    "month-day-year": ("It opened on Sept. 9, 2001.", [("Sept. 9, 2001", "DATE", "2001-09-09")]),
    "full-month-day-year": ("It opened on September 9, 2001.", [("September 9, 2001", "DATE", "2001-09-09")]),
    "day-month": ("It opened on 9 September.", [("9 September", "DATE", "2021-09-09")]),
    "range-of-days-before-the-month": (
        "Houses were demolished on 28 and 29 March 2017.",
        [("28", "DATE", "2017-03-28"), ("29 March 2017", "DATE", "2017-03-29")],
    ),
    "hyphenated-range-of-days-before-the-month": (
        "Heavy rain fell on 6-7 September.",
        [("6", "DATE", "2021-09-06"), ("7 September", "DATE", "2021-09-07")],
    ),
    "range-of-days-after-the-month": (
        "Between September 4 and 9, thousands fled.",
        [("September 4", "DATE", "2021-09-04"), ("9", "DATE", "2021-09-09")],
    ),
    "range-of-days-with-a-year": (
        "Talks were held Oct. 23-24, 1989.",
        [("Oct. 23", "DATE", "1989-10-23"), ("24, 1989", "DATE", "1989-10-24")],
    ),
    "percent-after-a-day-is-no-range": ("It fell on Sept. 2 and 3 percent later.", [("Sept. 2", "DATE", "2021-09-02")]),
    "century-before-the-common-era": (
        "The shrine was built in the eighth century BC.",
        [("the eighth century BC", "DATE", "BC07")],
    ),
    "year-before-the-common-era": ("The temple was built in 300 B.C.", [("300 B.C.", "DATE", "BC0300")]),
    "a-name-after-bc-is-no-era": ("The match was in 1998 at BC Place.", [("1998", "DATE", "1998")]),
    "right-now-opening-a-sentence": ("Right now, they are in camps.", [("Right now", "DATE", "PRESENT_REF")]),
    "now-as-a-discourse-marker": ("Now, they are in camps.", []),
    "a-moment-ago": ("A moment ago, the senator arrived.", [("A moment ago", "DATE", "PAST_REF")]),
    "overnight-told-of-the-past": (
        "Thousands were evacuated overnight, officials said.",
        [("overnight", "TIME", "2021-09-09TNI")],
    ),
    "overnight-of-the-storys-day": (
        "The storm hit on Tuesday. Overnight, 500 people fled.",
        [("Tuesday", "DATE", "2021-09-07"), ("Overnight", "TIME", "2021-09-07TNI")],
    ),
    "overnight-as-an-adjective-is-no-time": ("Banks lent at overnight rates of 5 percent.", []),
    "iso-date": ("Filed 2021-09-09 in court.", [("2021-09-09", "DATE", "2021-09-09")]),
    "slash-date": ("Filed 09/09/2021 in court.", [("09/09/2021", "DATE", "2021-09-09")]),
    "month-year": ("It opened in September 2021.", [("September 2021", "DATE", "2021-09")]),
    "bare-year": ("It opened in 2021.", [("2021", "DATE", "2021")]),
    "decade": ("Prices rose in the 1990s.", [("the 1990s", "DATE", "199")]),
    "century": ("It was built in the 20th century.", [("the 20th century", "DATE", "19")]),
    # relative to the publication date
    "yesterday": ("The bill passed yesterday.", [("yesterday", "DATE", "2021-09-09")]),
    "today": ("The bill passes today.", [("today", "DATE", "2021-09-10")]),
    "tomorrow": ("The bill passes tomorrow.", [("tomorrow", "DATE", "2021-09-11")]),
    "last-week": ("The bill passed last week.", [("last week", "DATE", "2021-W35")]),
    "this-week": ("The bill passed this week.", [("this week", "DATE", "2021-W36")]),
    "next-month": ("The bill passes next month.", [("next month", "DATE", "2021-10")]),
    "last-month": ("The bill passed last month.", [("last month", "DATE", "2021-08")]),
    "last-year": ("The bill passed last year.", [("last year", "DATE", "2020")]),
    "earlier-this-month": ("It rose earlier this month.", [("earlier this month", "DATE", "2021-09")]),
    "days-ago": ("It rose two days ago.", [("two days ago", "DATE", "2021-09-08")]),
    "a-year-ago": ("It rose a year ago.", [("a year ago", "DATE", "2020")]),
    "last-spring": ("It rose last spring.", [("last spring", "DATE", "2020-SP")]),
    "first-quarter": ("Profit rose in the first quarter.", [("the first quarter", "DATE", "2021-Q1")]),
    "now": ("Prices are now higher.", [("now", "DATE", "PRESENT_REF")]),
    "currently": ("He currently leads.", [("currently", "DATE", "PRESENT_REF")]),
    "recently": ("He recently left.", [("recently", "DATE", "PAST_REF")]),
    "the-past": ("That was the past.", [("the past", "DATE", "PAST_REF")]),
    "the-future": ("Think about the future.", [("the future", "DATE", "FUTURE_REF")]),
    "soon": ("He will leave soon.", [("soon", "DATE", "FUTURE_REF")]),
    # times
    "clock-time": ("It exploded at 3 p.m. local time.", [("3 p.m. local time", "TIME", "2021-09-10T15:00")]),
    "weekday-morning": ("It exploded Thursday morning.", [("Thursday morning", "TIME", "2021-09-09TMO")]),
    "tonight": ("He speaks tonight.", [("tonight", "TIME", "2021-09-10TNI")]),
    "last-night": ("He spoke last night.", [("last night", "TIME", "2021-09-09TNI")]),
    # durations
    "for-three-days": ("They talked for three days.", [("three days", "DURATION", "P3D")]),
    "two-weeks": ("The talks took two weeks.", [("two weeks", "DURATION", "P2W")]),
    "several-years": ("It took several years.", [("several years", "DURATION", "PXY")]),
    "past-24-hours": ("It rained in the past 24 hours.", [("the past 24 hours", "DURATION", "PT24H")]),
    "a-decade": ("It took about a decade.", [("about a decade", "DURATION", "P1E")]),
    "five-year-low": ("Stocks hit a five year low.", [("five year", "DURATION", "P5Y")]),
    "two-and-a-half": ("It lasted 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    # sets
    "every-friday": ("They meet every Friday.", [("every Friday", "SET", "XXXX-WXX-5")]),
    "daily": ("Prices are checked daily.", [("daily", "SET", "P1D")]),
    "each-year": ("They meet each year.", [("each year", "SET", "P1Y")]),
    "twice-a-year": ("They meet twice a year.", [("a year", "SET", "P1Y")]),
    # false positives
    "may-modal": ("You may go.", []),
    "second-round": ("He won the second round.", []),
    "hot-spring": ("They bathed in a hot spring.", []),
    "count-not-year": ("About 2,000 people and 300 soldiers came.", []),
    "plural-count-not-year": ("The army sent 1500 troops.", []),
    "fall-of-city": ("The fall of the city shocked them.", []),
    "a-second-time": ("He tried a second time.", []),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_tagger_table(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The minister resigned on Sept. 9.", date(2021, 9, 10), "2021-09-09"),
        ("The minister resigned on Sept. 11.", date(2021, 9, 10), "2020-09-11"),
        ("The minister will resign on Sept. 9.", date(2021, 9, 10), "2022-09-09"),
        ("The minister will resign on Sept. 11.", date(2021, 9, 10), "2021-09-11"),
        ("The vote was held in March.", date(2021, 9, 10), "2021-03"),
        ("The vote was held in October.", date(2021, 9, 10), "2020-10"),
        ("The vote will be held in March.", date(2021, 9, 10), "2022-03"),
        ("Following a speech in February, hundreds of migrants lost their homes.", date(2023, 9, 18), "2023-02"),
    ],
    ids=[
        "past-day-before-dct",
        "past-day-after-dct-is-last-year",
        "future-day-before-dct-is-next-year",
        "future-day-after-dct",
        "past-month-before-dct",
        "past-month-after-dct-is-last-year",
        "future-month-before-dct-is-next-year",
        "a-participle-preposition-takes-the-tense-of-its-clause",
    ],
)
def test_year_of_day_or_month_without_year_follows_tense(tag: Tag, text: str, dct: date, expected: str) -> None:
    (timex,) = tag(text, dct)
    assert timex.value == expected
    assert timex.anchor == dct.isoformat()


def test_absolute_date_has_no_anchor(tag: Tag) -> None:
    (timex,) = tag("It opened on Sept. 9, 2001.", DCT)
    assert (timex.anchor, timex.precision, timex.rule) == (None, "day", "month_day_year")


def test_narrative_anchor_counts_from_last_date(tag: Tag) -> None:
    found = tag("On March 3 the army arrived. Two days later it left.", DCT)
    assert triples(found) == [("March 3", "DATE", "2021-03-03"), ("Two days later", "DATE", "2021-03-05")]
    assert found[1].anchor == "2021-03-03"


def test_narrative_count_without_anchor_has_the_units_precision(tag: Tag) -> None:
    # No date told yet: "two years later" counts from DCT at year precision (TimeML: the unit's granularity).
    (timex,) = tag("Two years later, he was fired.", DCT)
    assert (timex.value, timex.precision) == ("2023", "year")


def test_narrative_previous_day_without_anchor_uses_dct(tag: Tag) -> None:
    (timex,) = tag("The previous day was calm.", DCT)
    assert (timex.value, timex.anchor) == ("2021-09-09", "2021-09-10")


def test_following_year_counts_from_last_year_mentioned(tag: Tag) -> None:
    found = tag("He was elected in 1995. The following year he resigned.", DCT)
    assert [t.value for t in found] == ["1995", "1996"]


def test_year_earlier_after_quarter_is_that_quarter_a_year_before(tag: Tag) -> None:
    found = tag("Profit rose 5% in the third quarter. A year earlier it fell.", DCT)
    assert [t.value for t in found] == ["2021-Q3", "2020-Q3"]


def test_clock_time_takes_day_from_context(tag: Tag) -> None:
    found = tag("On Sept. 9, 2001, the plane landed at 3 p.m.", DCT)
    assert [t.value for t in found] == ["2001-09-09", "2001-09-09T15:00"]


def test_offsets_index_the_text_and_are_sorted(tag: Tag) -> None:
    text = "Yesterday prices rose; last week they fell for three days."
    found = tag(text, DCT)
    assert [text[t.start : t.end] for t in found] == [t.text for t in found]
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_datetime_dct_is_accepted(tag: Tag) -> None:
    (timex,) = tag("The bill passed yesterday.", datetime(2021, 9, 10, 14, 30))
    assert timex.value == "2021-09-09"
