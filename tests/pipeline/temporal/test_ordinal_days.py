"""'The eighth day of' an operation: the publication day in a present clause, nothing in a past one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from service.pipeline.temporal import Timex

Tag = Callable[[str, date], list[Timex]]
DCT = date(1998, 3, 4)


def _pairs(found: list[Timex]) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today is the eighth day of the operation.", [("Today", "1998-03-04"), ("the eighth day", "1998-03-04")]),
        ("It's the second day of an offensive by the police.", [("the second day", "1998-03-04")]),
        ("On the second day of the trial, he spoke.", []),
        ("It was the third consecutive month of gains.", []),
    ],
    ids=["present-copula", "present-contraction", "past-clause-is-not-placed", "month-ordinal-is-not-a-date"],
)
def test_ordinal_day_of(tag: Tag, text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(tag(text, DCT)) == expected
