"""The event stages in order, over one parsed document: find incidents and statements, weigh their
certainty, date them, fold repeated mentions, code them."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from service.pipeline.actors import resolve_actors
from service.pipeline.background import drop_background
from service.pipeline.certainty import apply_certainty, attribute_quoted
from service.pipeline.codes import apply_codes
from service.pipeline.datelines import find_dateline
from service.pipeline.dating import date_events
from service.pipeline.incidents import find_incidents
from service.pipeline.merging import merge_mentions
from service.pipeline.paragraphs import text_of
from service.pipeline.quotes import speech_quotes
from service.pipeline.statements import find_statements
from service.pipeline.temporal import Timex
from service.pipeline.types import Candidate, Event


@dataclass(slots=True)
class Extraction:
    """Everything the pipeline found in one article."""

    events: list[Event]
    timexes: list[Timex]
    candidates: list[Candidate] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # Seconds spent in Eventline's own stages ("temporal", "events"); the spaCy parse is the rest.
    timings: dict[str, float] = field(default_factory=dict)


# A deck (standfirst) under the headline is a headline of its own: a short line with no full stop,
# "22,000 people displaced; 770 take shelter in relief camps".
_DECK_MIN_WORDS, _DECK_MAX_WORDS = 4, 25  # fewer words make a dateline line ("NAGA, Philippines")
_SENTENCE_ENDS = tuple('.!?"”’\'')


def body_start(text: str) -> int:
    """Where the story's body starts: after the headline (the first line) and the deck under it, if any.
    Mentions before it fold into the body's telling of the same event."""
    headline_end = text.find("\n")
    if headline_end <= 0:
        return 0
    deck_end = text.find("\n", headline_end + 1)
    deck = text[headline_end + 1 : deck_end].strip() if deck_end > 0 else ""
    if deck and not deck.endswith(_SENTENCE_ENDS) and _DECK_MIN_WORDS <= len(deck.split()) <= _DECK_MAX_WORDS and (
            find_dateline(deck + " x") is None):
        return deck_end
    return headline_end


def extract_events(doc: Doc, timexes: list[Timex]) -> Extraction:
    """Runs the event stages on a parsed document whose temporal expressions are already found."""
    incidents, incident_candidates = find_incidents(doc)
    apply_certainty(doc, incidents)
    statements, statement_candidates = find_statements(doc, frozenset(e.start for e in incidents))
    events = incidents + statements
    resolve_actors(doc, events)
    quotes = speech_quotes(doc)
    attribute_quoted(events, quotes)
    date_events(doc, events, timexes, quotes)
    if doc._.published is not None:
        events = drop_background(doc, events, incident_candidates, doc._.published, timexes)
    events = merge_mentions(events, body_start=body_start(text_of(doc)))
    apply_codes(events)
    events.sort(key=lambda e: (e.start, e.trigger_start))
    return Extraction(
        events=events,
        timexes=timexes,
        candidates=sorted(incident_candidates + statement_candidates, key=lambda c: c.start),
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
    )
