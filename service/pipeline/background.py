"""Sets apart displacements an article recalls as history: one whose own clause dates it a decade or
more before publication ("3,000 Acadians deported in 1758", "families displaced during urban renewal
in the 1950s") or in "decades ago". They are the background of the news, not an event it reports,
so they leave the events (and `explain` says why). Desecrations are kept: an attack years ago on a
site attacked again is part of the news (the dev corpus lists "the statue was also attacked on the
night of December 26, 2018" in a 2024 article as an event)."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from service.pipeline.lexicons import background_spans
from service.pipeline.paragraphs import text_of
from service.pipeline.temporal import Timex
from service.pipeline.types import Candidate, Event

_YEAR_PREFIX = re.compile(r"^(\d{1,4})(?!\d)")


def latest_year(value: str) -> int | None:
    """The last year a TIMEX3 value can mean: "1758" -> 1758, "195" (the 1950s) -> 1959, "19" -> 1999;
    before the common era, negative: "BC0300" -> -300, "BC07" (the eighth century BC) -> -700."""
    bc = value.startswith("BC")
    match = _YEAR_PREFIX.match(value[2:] if bc else value)
    if match is None:
        return None
    digits = match[1]
    if bc:
        return -int(digits) if len(digits) == 4 else -int(digits) * 100
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
    if event.date.start is not None and event.start <= event.date.start <= event.end and re.search(
            r"\bsince\s+$", event.sentence[: event.date.start - event.start], re.IGNORECASE):
        return None  # "has sent 35,600 back since 2014": a count running to the present, not history
    years = background_spans()[1]
    year = latest_year(event.date.value)
    if year is not None and published.year - year >= years:
        return f"historical background ('{event.date.text}', {published.year - year} years before publication)"
    return None


def _old_year(timex: Timex, published: date) -> bool:
    year = latest_year(timex.value)
    return year is not None and published.year - year >= background_spans()[1]


def _continues_the_story(trigger: Token) -> bool:
    """A clause that hangs on what came before: a relative clause ("…, in which 60,000 people were
    driven out") or the past perfect ("had been expelled")."""
    clause = trigger
    while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "relcl":
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)


def narrated_background(doc: Doc, event: Event, published: date, timexes: list[Timex]) -> str | None:
    """A displacement told in a relative clause or the past perfect, in a sentence with no date of its
    own, right after a sentence of the same paragraph dated years back (`background_spans.tsv`) ("The state saw a
    wave of violence in 2008. Three months of violence ensued, in which 60,000 people were driven from
    their homes"): it goes on with that history."""
    # A duration ("three months of violence") dates nothing.
    if event.type != "displacement" or any(
        event.start <= t.start < event.end and not t.value.startswith("P") for t in timexes
    ):
        return None
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or span.start == 0 or trigger is None or not _continues_the_story(trigger.root):
        return None
    previous = doc[span.start - 1].sent
    if "\n" in text_of(doc)[previous.start_char : event.start]:
        return None
    old = next((t for t in timexes if previous.start_char <= t.start < previous.end_char and _old_year(t, published)),
               None)
    return f"historical background (goes on from '{old.text}' in the sentence before)" if old else None


def drop_background(doc: Doc, events: list[Event], candidates: list[Candidate], published: date,
                    timexes: list[Timex]) -> list[Event]:
    """The events without the historical ones; their candidates are marked as rejected, with the reason."""
    kept: list[Event] = []
    for event in events:
        reason = background_reason(event, published, timexes) or narrated_background(doc, event, published, timexes)
        if reason is None:
            kept.append(event)
            continue
        for candidate in candidates:
            if candidate.start == event.trigger_start and candidate.type == event.type:
                candidate.kept, candidate.reason = False, reason
    return kept
