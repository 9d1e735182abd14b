"""Recognizes a wire dateline opening a paragraph: "PESHAWAR:", "KHARTOUM (Reuters) -",
"Amman, June 2 (Petra) -", "KABUL, Afghanistan —"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3})"
    r"(?P<region>,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    r"(?P<date>,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"
    r"\s*(?P<agency>\([^)]{1,40}\))?"
    r"\s*(?:[:—–]|--?)\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    place_start: int
    end: int  # offset (in the paragraph) where the story itself starts


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, when it is clearly one (capitals, a date or an agency)."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match["place"]
    shouting = place.replace(" ", "").replace(".", "").isupper() and len(place) >= 3
    if not (shouting or match["date"] or match["agency"]):
        return None
    if place.lower().startswith(("by ", "published", "updated", "photo")):
        return None
    return Dateline(place=place, place_start=match.start("place"), end=match.end())
