"""Temporal words inside proper names are not timexes (TIDES/TimeML: non-markable proper names)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from service.pipeline.temporal import Timex

Tag = Callable[[str, date], list[Timex]]
DCT = date(1998, 3, 4)


def _texts(found: list[Timex]) -> list[str]:
    return [t.text for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sunday Times reported the deal.", []),
        ("He said on CBS's 60 Minutes that it was over.", []),
        ("She spoke on NBC's Today show.", []),
        ('He told ABC\'s "This Week" program.', []),
        ("The Sunday Telegraph said Israel agreed.", []),
        ("They will open before the 2000 Olympics.", ["2000"]),
        ("The Thursday Dec. 5 meeting was put off.", ["Thursday Dec. 5"]),
        ("The Times said on Monday that it would close.", ["Monday"]),
        ("Today the market fell.", ["Today"]),
        ('"Last week was bad," he said.', ["Last week"]),
        ("Stocks Fall Sharply Last Week As Rates Rise\nThe market fell.", ["Last Week"]),
        ("The offer expires at 5 p.m. EST Nov. 9.", ["5 p.m. EST Nov. 9"]),
    ],
    ids=[
        "newspaper-named-by-the-parser",
        "programme-title-with-a-duration",
        "programme-title-with-today",
        "programme-title-with-this-week",
        "the-weekday-before-a-proper-noun",
        "year-in-an-event-name-is-a-date",
        "the-weekday-before-a-month",
        "weekday-after-a-newspaper",
        "sentence-start-is-capitalized-anyway",
        "quote-start-is-capitalized-anyway",
        "headline-is-capitalized-anyway",
        "time-zone-in-capitals",
    ],
)
def test_temporal_words_in_names(tag: Tag, text: str, expected: list[str]) -> None:
    assert _texts(tag(text, DCT)) == expected
