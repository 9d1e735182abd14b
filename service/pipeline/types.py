"""What the pipeline produces: plain dataclasses, free of spaCy, the database and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventType = Literal["desecration", "displacement", "statement"]
# asserted: in the article's own voice; reported: on a named source's word ("officials said");
# alleged: with a doubt cue ("allegedly", "purported", "claimed"); hedged: "may have"; denied.
Certainty = Literal["asserted", "reported", "alleged", "denied", "hedged"]
# What an actor is (see actor_kinds.py): decided from the head noun and the named entity's label.
ActorKind = Literal["person", "organisation", "armed group", "government", "population"]


@dataclass(slots=True)
class Mention:
    """A participant or place as written (`text`, offsets into the article) and resolved (`canonical`)."""

    text: str
    start: int
    end: int
    canonical: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: ActorKind | None = None


Precision = Literal["country", "admin1", "city", "unresolved"]


@dataclass(slots=True)
class Location(Mention):
    """A place mention resolved against the gazetteer (`geocoding.py`): where it lies and how precisely.
    Unresolved places keep their text, with `precision` "unresolved" and no coordinates."""

    country: str | None = None  # ISO 3166-1 alpha-2
    country_name: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: Precision = "unresolved"
    source: str | None = None  # the gazetteer table, and how its point was chosen


@dataclass(slots=True)
class Quantity:
    text: str
    min: int | None
    max: int | None


@dataclass(slots=True)
class EventDate:
    """The date of an event: a TIMEX3 value with the words it came from and how it was resolved."""

    text: str
    value: str
    precision: str | None
    anchor: str | None
    rule: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event:
    """One extracted event with its arguments and the evidence it rests on.

    `start`/`end` are the evidence sentence's offsets in the article text; `trigger_start`/`trigger_end`
    the trigger word's. `explanation` says which rules produced each field.
    """

    type: EventType
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    start: int
    end: int
    subtype: str | None = None
    agent: Mention | None = None
    target: Mention | None = None
    location: Mention | None = None
    attribution: Mention | None = None
    quantity: Quantity | None = None
    date: EventDate | None = None
    certainty: Certainty = "asserted"
    speaker: Mention | None = None
    quote: str | None = None
    cue: str | None = None
    codes: dict[str, str | None] = field(default_factory=dict)
    confidence: float = 0.5
    explanation: list[str] = field(default_factory=list)
    mentions: int = 1
    # A definite noun that refers back to an incident already told ("the evacuation", "the eviction drive").
    restates: bool = False
    # A running total or a description of the crisis ("40,000 have fled so far", "the floods, which
    # have displaced 12 million"): it sums up the incidents the article tells, whatever their counts.
    summary: bool = False


@dataclass(slots=True)
class Candidate:
    """A trigger the pipeline considered, kept or not, for `explain=true` answers."""

    sentence_index: int
    trigger: str
    start: int
    end: int
    type: EventType
    kept: bool
    reason: str
