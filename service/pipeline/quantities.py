"""Reads how many people a phrase counts: "thousands" -> at least 1000, "some 3,000" -> 3000."""

from __future__ import annotations

import re
from functools import cache

from service.pipeline.lexicons import quantity_modifiers, quantity_words
from service.pipeline.types import Quantity

# "lakh" and "crore" are South Asian English: "over 8 lakh people" is 800,000.
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
                "billion": 1_000_000_000}
_SCALE = "(hundred|thousand|lakh|million|crore|billion)"
_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+" + _SCALE + r"s?)?\b")


@cache
def _vague_pattern() -> re.Pattern[str]:
    phrases = sorted(quantity_words(), key=len, reverse=True)
    # "as many as 10,000": "many" there is part of the modifier, not a count of its own.
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b(?!\s+as\b)")


@cache
def _modifier_pattern() -> re.Pattern[str]:
    phrases = sorted(quantity_modifiers(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\s+$")


def _number_with_multiplier(digits: str, multiplier: str | None) -> int:
    value = float(digits.replace(",", ""))
    if multiplier:
        value *= _MULTIPLIERS[multiplier]
    return round(value)


def parse_quantity(phrase: str) -> Quantity | None:
    """The first count a phrase states, with its bounds; None when it states none.

    >>> parse_quantity("more than 200 families")
    Quantity(text='more than 200', min=200, max=None)
    """
    lowered = phrase.lower()
    digit_match = _DIGITS.search(lowered)
    vague_match = _vague_pattern().search(lowered)
    if digit_match and (not vague_match or digit_match.start() <= vague_match.start()):
        value = _number_with_multiplier(digit_match[1], digit_match[2])
        start, end = digit_match.span()
        low: int | None = value
        high: int | None = value
    elif vague_match:
        low, high = quantity_words()[vague_match[1]]
        start, end = vague_match.span()
        # "five thousand": a spelled-out number scaled by the word after it.
        rest = lowered[end:]
        # "twenty-five", "Twenty six": a tens word joined to a unit word, both from the table.
        unit = re.match(r"[- ]([a-z]+)\b", rest)
        if unit and low is not None and low == high and low % 10 == 0 and 20 <= low <= 90:
            unit_bounds = quantity_words().get(unit[1])
            if unit_bounds and unit_bounds[0] is not None and unit_bounds[0] == unit_bounds[1] and unit_bounds[0] < 10:
                low = high = low + unit_bounds[0]
                end += unit.end()
                rest = lowered[end:]
        scale = re.match(r"\s+" + _SCALE + r"\b", rest)
        if scale and low is not None:
            factor = _MULTIPLIERS[scale[1]]
            low, high = low * factor, (high * factor if high is not None else None)
            end += scale.end()
    else:
        return None
    modifier = _modifier_pattern().search(lowered[:start])
    if modifier:
        effect = quantity_modifiers()[modifier[1]]
        start = modifier.start()
        if effect == "at_least":
            high = None
        elif effect == "at_most":
            low, high = None, high
    return Quantity(text=phrase[start:end], min=low, max=high)
