"""Parts of named days, twilight words, half units inside a count, sets, and shares that are not durations."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pipeline.temporal.tagging import Tag, triples

DCT = date(1998, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He arrived on the night of March 3.", [("the night of March 3", "TIME", "1998-03-03TNI")]),
        ("He arrived on the morning of Jan. 5, 1997.", [("the morning of Jan. 5, 1997", "TIME", "1997-01-05TMO")]),
        ("The attack came at dawn Tuesday.", [("dawn Tuesday", "TIME", "1998-03-03TMO")]),
        ("The attack came shortly after dusk.", [("dusk", "TIME", "1998-03-04TEV")]),
        ("The dawn of a new era.", []),
        ("The meeting lasted three and a half hours.", [("three and a half hours", "DURATION", "PT3H30M")]),
        ("The paper is published every other week.", [("every other week", "SET", "P2W")]),
        ("Iraq imports about three-quarters of its food.", []),
        ("He won two quarters of the vote.", []),
        ("Sales fell for three quarters.", [("three quarters", "DURATION", "P3Q")]),
        ("The chip runs 15 million instructions per second.", []),
        ("The board meets each year.", [("each year", "SET", "P1Y")]),
        (
            "Flights leave on Monday and Tuesday nights.",
            [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")],
        ),
    ],
    ids=[
        "night-of-a-date",
        "morning-of-a-date-with-year",
        "dawn-of-a-weekday",
        "after-dusk",
        "dawn-as-a-noun-is-not-a-time",
        "half-inside-the-count",
        "every-other-week",
        "hyphenated-share-is-not-a-duration",
        "share-of-a-whole-is-not-a-duration",
        "quarters-as-a-duration",
        "rate-per-unit-is-not-a-set",
        "each-year-is-a-set",
        "two-weekdays-share-a-part-of-day-set",
    ],
)
def test_times_and_sets(tag: Tag, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert triples(tag(text, DCT)) == expected
