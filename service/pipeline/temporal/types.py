"""The value a temporal tagger hands to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression, normalized to a TimeML TIMEX3 value.

    `start`/`end` are character offsets into the text that was tagged. `precision` is one of
    "century", "decade", "year", "quarter", "season", "month", "week", "day", "time", or None
    (durations, sets, PAST_REF and the like). `rule` names the resource rule that fired; `anchor` is
    the value the expression was resolved against ("2021-09-10" for the publication date, another
    timex value in narrative mode), None for absolute expressions.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    precision: str | None
    rule: str
    anchor: str | None = None
