"""Interoperability codes (CAMEO, ACLED) and a confidence for each event, from `event_codes.tsv`."""

from __future__ import annotations

from service.pipeline.lexicons import event_codes
from service.pipeline.types import Event


def codes_for(event_type: str, subtype: str | None) -> dict[str, str | None]:
    for row_type, row_subtype, cameo, acled in event_codes():
        if row_type == event_type and row_subtype in ("*", subtype):
            return {"cameo": cameo or None, "acled": acled or None}
    return {"cameo": None, "acled": None}


def confidence_of(event: Event) -> float:
    """A score in [0, 1] that grows with the evidence the parse found for the event."""
    if event.type == "statement":
        score = 0.55 + 0.2 * (event.speaker is not None) + 0.15 * (event.quote is not None) + 0.05 * bool(event.cue)
    else:
        score = 0.45 + sum(0.12 for arg in (event.agent, event.target, event.date) if arg is not None)
        score += 0.06 * (event.location is not None)
    if event.certainty in ("alleged", "hedged"):
        score -= 0.05
    return round(max(0.05, min(score, 0.99)), 2)


def apply_codes(events: list[Event]) -> None:
    for event in events:
        event.codes = codes_for(event.type, event.subtype)
        event.confidence = confidence_of(event)
