"""A bare weekday resolves by tense: past -> on or before the publication day, future -> on or after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from service.pipeline.temporal import Timex

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONDAY = date(2021, 9, 6)
PAIRS = [(pub, name) for pub in range(7) for name in range(7)]


def _ids(pair: tuple[int, int]) -> str:
    return f"published-{WEEKDAYS[pair[0]]}-says-{WEEKDAYS[pair[1]]}"


def _only(found: list[Timex]) -> Timex:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("pair", PAIRS, ids=[_ids(p) for p in PAIRS])
def test_past_tense_weekday_is_latest_on_or_before_publication(
    tag: Callable[[str, date], list[Timex]], pair: tuple[int, int]
) -> None:
    pub, wd = pair
    dct = MONDAY + timedelta(days=pub)
    timex = _only(tag(f"The minister resigned on {WEEKDAYS[wd]}.", dct))
    assert timex.value == (dct - timedelta(days=(pub - wd) % 7)).isoformat()
    assert (timex.type, timex.precision, timex.anchor) == ("DATE", "day", dct.isoformat())


@pytest.mark.parametrize("pair", PAIRS, ids=[_ids(p) for p in PAIRS])
def test_future_tense_weekday_is_next_on_or_after_publication(
    tag: Callable[[str, date], list[Timex]], pair: tuple[int, int]
) -> None:
    pub, wd = pair
    dct = MONDAY + timedelta(days=pub)
    timex = _only(tag(f"The minister will resign on {WEEKDAYS[wd]}.", dct))
    assert timex.value == (dct + timedelta(days=(wd - pub) % 7)).isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks are set to resume Monday.", "2021-09-13"),
        ("She is going to speak on Tuesday.", "2021-09-14"),
        ("The company said Tuesday it had sold the unit.", "2021-09-07"),
        ("He has been in office since Wednesday.", "2021-09-08"),
    ],
    ids=["set-to-is-future", "going-to-is-future", "said-is-past", "present-perfect-is-past"],
)
def test_tense_cues(tag: Callable[[str, date], list[Timex]], text: str, expected: str) -> None:
    timex = _only(tag(text, date(2021, 9, 10)))
    assert timex.value == expected


def test_last_weekday_is_strictly_before_publication(tag: Callable[[str, date], list[Timex]]) -> None:
    timex = _only(tag("Shares fell last Friday.", date(2021, 9, 10)))
    assert (timex.text, timex.value) == ("last Friday", "2021-09-03")
