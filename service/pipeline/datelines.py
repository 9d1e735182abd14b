"""Recognizes a wire dateline opening a paragraph: "PESHAWAR:", "KHARTOUM (Reuters) -",
"Amman, June 2 (Petra) -", "KABUL, Afghanistan —", "Dar es Salaam — "."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.geo.gazetteer import default_gazetteer

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3})"
    r"(?P<region>,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    r"(?P<date>,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"
    r"\s*(?P<agency>\([^)]{1,40}\))?"
    # a dash may touch the story's first word: "ATHENS—Two villages …"
    r"\s*(?:(?:[:—–]|--?)\s+|[—–](?=[A-Z]))"
)

# An agency's parenthesis holding the date, with or without a separator after it: "LONDON (UrduPoint
# News / Sputnik - 21st August, 2020) UK Housing Secretary ...", "Lumut, Malaysia, (APP - UrduPoint /
# Pakistan Point News - 23rd Feb, 2021 ) :Malaysia on Tuesday ...".
_DATED_AGENCY = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?,?"
    r"\s*\((?=[^)]*\s[-–/]\s)(?P<agency>[^)]{0,60}\b\d{1,2}(?:st|nd|rd|th)? "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? (?:1[89]|20)\d{2}\s*)\)"
    r"\s*(?:[:—–]|--?)?\s*"
)

# A place in title case and a dash, with no date or agency: "Dar es Salaam — More than 50 families …",
# the style of African wire copy. Only a known city or country makes it a dateline, not "Gunmen — ".
_TITLE_CASE_DASH = re.compile(
    r"^(?P<place>[A-Z][a-z'’-]+(?: (?:[A-Z][a-z'’-]+|es|de|del|el|al|la|di|da|do|du|des)){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?\s+[—–]\s+"
)
# A city this big is the place a reporter files from; smaller namesakes ("Police" in Poland) are words.
DATELINE_CITY_POPULATION = 100_000

# A date alone opening the story, joined by a dash: "Jul 2, 2018-A total of 17 families …" (no place).
_DATE_ONLY = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (?:1[89]|20)\d{2}"
    r"\s*(?:[:—–-]|--)\s*(?=[A-Z])"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # empty for a date alone
    place_start: int
    end: int  # offset (in the paragraph) where the story itself starts


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, when it is clearly one (capitals, a date or an agency)."""
    date_only = _DATE_ONLY.match(paragraph)
    if date_only is not None and date_only.end() < len(paragraph):
        return Dateline(place="", place_start=0, end=date_only.end())
    titled = _TITLE_CASE_DASH.match(paragraph)
    if titled is not None and titled.end() < len(paragraph) and _known_city_or_country(titled["place"]):
        return Dateline(place=titled["place"], place_start=0, end=titled.end())
    match = _DATELINE.match(paragraph)
    if match is None:
        dated = _DATED_AGENCY.match(paragraph)
        if dated is None or dated.end() >= len(paragraph):
            return None
        return Dateline(place=dated["place"], place_start=dated.start("place"), end=dated.end())
    place = match["place"]
    shouting = place.replace(" ", "").replace(".", "").isupper() and len(place) >= 3
    if not (shouting or match["date"] or match["agency"]):
        return None
    if place.lower().startswith(("by ", "published", "updated", "photo")):
        return None
    return Dateline(place=place, place_start=match.start("place"), end=match.end())


def _known_city_or_country(name: str) -> bool:
    """Whether a name is the gazetteer's own name of a country or of a city of some size."""
    return any(feature.kind == "country" or (feature.kind == "city" and feature.population >= DATELINE_CITY_POPULATION)
               for feature in default_gazetteer().named(name))
