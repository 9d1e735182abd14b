"""Temporal expressions: finding them and normalizing them to TIMEX3 values."""

from service.pipeline.temporal.intervals import value_interval
from service.pipeline.temporal.tagger import find_timexes
from service.pipeline.temporal.types import Timex, TimexType

__all__ = ["Timex", "TimexType", "find_timexes", "value_interval"]
