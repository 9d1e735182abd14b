"""Sets apart displacements an article recalls as history: one whose own clause dates it a decade or
more before publication ("3,000 Acadians deported in 1758", "families displaced during urban renewal
in the 1950s") or in "decades ago". They are the background of the news, not an event it reports,
so they leave the events (and `explain` says why). Desecrations are kept: an attack years ago on a
site attacked again is part of the news (the dev corpus lists "the statue was also attacked on the
night of December 26, 2018" in a 2024 article as an event)."""

from __future__ import annotations

import re
from datetime import date

from service.pipeline.lexicons import background_spans
from service.pipeline.temporal import Timex
from service.pipeline.types import Candidate, Event

_YEAR_PREFIX = re.compile(r"^(\d{1,4})(?!\d)")


def latest_year(value: str) -> int | None:
    """The last year a TIMEX3 value can mean: "1758" -> 1758, "195" (the 1950s) -> 1959, "19" -> 1999."""
    match = _YEAR_PREFIX.match(value)
    if match is None:
        return None
    digits = match[1]
    return int(digits.ljust(4, "9"))


def _marks_distant_past(text: str) -> bool:
    return any(re.search(rf"\b{re.escape(word)}\b", text.lower()) for word in background_spans()[0])


def background_reason(event: Event, published: date, timexes: list[Timex]) -> str | None:
    """Why an incident is historical background, or None. Only a date found in the event's own
    clause counts (one borrowed from a neighbouring sentence may date something else), or a
    "decades ago" in its sentence, which has no value to attach."""
    if event.type != "displacement":
        return None
    distant = next((t for t in timexes if event.start <= t.start < event.end and _marks_distant_past(t.text)), None)
    if distant is not None:
        return f"historical background ('{distant.text}')"
    if event.date is None or ":" in event.date.rule:
        return None
    years = background_spans()[1]
    year = latest_year(event.date.value)
    if year is not None and published.year - year >= years:
        return f"historical background ('{event.date.text}', {published.year - year} years before publication)"
    return None


def drop_background(events: list[Event], candidates: list[Candidate], published: date,
                    timexes: list[Timex]) -> list[Event]:
    """The events without the historical ones; their candidates are marked as rejected, with the reason."""
    kept: list[Event] = []
    for event in events:
        reason = background_reason(event, published, timexes)
        if reason is None:
            kept.append(event)
            continue
        for candidate in candidates:
            if candidate.start == event.trigger_start and candidate.type == event.type:
                candidate.kept, candidate.reason = False, reason
    return kept
