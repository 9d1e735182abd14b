"""The pairwise score of two events: could they tell the same incident? Pure functions over event payloads.

A pair needs the same type and dates that overlap (or lie within a tolerance); then place, target, agent and
quantity add to or take from the score, each with its reason. `score_pair` answers every field's part, so a
story can say why two reports were linked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from service.geo.names import normalize_place_name
from service.pipeline.temporal import value_interval
from service.stories.names import MentionFacts, compare_mentions, mention_facts
from service.stories.places import FieldMatch, PlaceFacts, compare_places, place_facts
from service.stories.resources import settings

# Statements are left out of stories: in the merge test set 55 of 74 stand in sentences telling the incident
# itself ("officials said the temple was blown up"), worded differently by each outlet (README, Stories).
STORY_TYPES = frozenset({"desecration", "displacement"})
FIELDS = ("type", "date", "place", "target", "agent", "quantity", "kind")


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the matching reads of one stored (or extracted) event."""

    type: str
    published: date
    interval: tuple[date, date] | None
    precision: str | None
    place: PlaceFacts | None
    target: MentionFacts | None
    agent: MentionFacts | None
    quantity: int | None
    kind: str | None = None  # the subtype: destroyed, bombed, eviction, evacuation ...
    # The normalized place names of every event of the same article: where the article as a whole is.
    context: frozenset[str] = frozenset()
    event_id: int | None = None
    article_id: int | None = None

    @property
    def window(self) -> tuple[date, date]:
        """The days the event may have happened on: its date, else the days just before its article."""
        if self.interval is not None:
            return self.interval
        return self.published - timedelta(days=int(settings()["undated.window"])), self.published


def article_places(payloads: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The normalized place names the events of one article carry (their `context`)."""
    names = {normalize_place_name(str(loc.get("canonical") or loc.get("text") or ""))
             for p in payloads if (loc := p.get("location"))}
    return frozenset(n for n in names if n)


def event_facts(payload: Mapping[str, Any], *, published: date, event_id: int | None = None,
                article_id: int | None = None, context: frozenset[str] = frozenset()) -> EventFacts:
    """The facts of an event's public JSON (`EventPublic` without id), published in an article of `published`."""
    when = payload.get("date") or {}
    try:
        interval = value_interval(when.get("value"))
    except (ValueError, OverflowError):
        interval = None
    quantity = (payload.get("quantity") or {}).get("min")
    return EventFacts(
        type=str(payload["type"]), published=published, interval=interval, precision=when.get("precision"),
        place=place_facts(payload.get("location")), target=mention_facts(payload.get("target")),
        agent=mention_facts(payload.get("agent")), quantity=int(quantity) if quantity is not None else None,
        kind=payload.get("subtype"), context=context, event_id=event_id, article_id=article_id,
    )


@dataclass(frozen=True, slots=True)
class Reason:
    field: str
    score: float
    detail: str


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    vetoed: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def joins(self) -> bool:
        return not self.vetoed and self.score >= settings()["threshold"]


def compare_dates(a: EventFacts, b: EventFacts) -> FieldMatch:
    """1 when both dates overlap, less when they are coarse or read off the publication day, 0.6 within the
    tolerance of day-precise dates; a veto beyond it ("the same place on another date")."""
    (start_a, end_a), (start_b, end_b) = a.window, b.window
    gap = max((start_b - end_a).days, (start_a - end_b).days)
    both_dated = a.interval is not None and b.interval is not None
    longest = max((end_a - start_a).days, (end_b - start_b).days)
    tolerance = int(settings()["tolerance.day"]) if longest == 0 or not both_dated else 0
    described = f"{start_a}..{end_a} and {start_b}..{end_b}"
    if gap > tolerance:
        return FieldMatch(0.0, f"{described}: {gap} days apart", veto=True)
    if not both_dated:
        return FieldMatch(0.4, f"{described} (undated: the days before publication)")
    if gap > 0:
        return FieldMatch(0.6, f"{described}: {gap} day apart")
    # Overlapping months or years say less than the same day.
    score = 1.0 if longest == 0 else 0.7 if longest <= 7 else 0.5 if longest <= 31 else 0.2
    return FieldMatch(score, f"{described} overlap")


def compare_quantities(a: int | None, b: int | None) -> FieldMatch:
    if a is None or b is None or a <= 0 or b <= 0:
        return FieldMatch(0.0, "no quantity on one side")
    ratio = max(a, b) / min(a, b)
    if ratio <= settings()["quantity.agree"]:
        return FieldMatch(1.0, f"{a} and {b} agree")
    if ratio > settings()["quantity.differ"]:
        return FieldMatch(-1.0, f"{a} and {b} contradict")
    return FieldMatch(0.0, f"{a} and {b}: neither")


def compare_kinds(a: str | None, b: str | None) -> FieldMatch:
    if a is None or b is None:
        return FieldMatch(0.0, "no subtype on one side")
    return FieldMatch(1.0, f"both {a}") if a == b else FieldMatch(0.0, f"{a} and {b}")


def compare_where(a: EventFacts, b: EventFacts) -> FieldMatch:
    """The events' places; when those say nothing, the places their articles name elsewhere (an eviction
    headline without a place, in an article whose other events are in Darrang). Places in different countries
    veto the pair, unless the two articles also name a place in common."""
    own = compare_places(a.place, b.place)
    shared = a.context & b.context
    if shared and own.veto:  # one misread place ("Dholpur Bazar" taken for a town abroad) among shared ones
        return FieldMatch(0.0, f"{own.detail}, but both articles name {', '.join(sorted(shared))}")
    if own.score != 0 or not shared:
        return own
    return FieldMatch(0.5, f"{own.detail}; both articles name {', '.join(sorted(shared))}")


def score_pair(a: EventFacts, b: EventFacts) -> PairScore:
    """The weighted score of two events with each field's reason; vetoed when the types or dates rule it out."""
    if a.type != b.type:
        return PairScore(0.0, True, (Reason("type", 0.0, f"{a.type} and {b.type}"),))
    parts = {
        "date": compare_dates(a, b),
        "place": compare_where(a, b),
        "target": compare_mentions(a.target, b.target),
        "agent": compare_mentions(a.agent, b.agent),
        "quantity": compare_quantities(a.quantity, b.quantity),
        "kind": compare_kinds(a.kind, b.kind),
    }
    weights = settings()
    reasons = [Reason("type", 1.0, f"both {a.type}")]
    total = 0.0
    for name, part in parts.items():
        weighted = round(weights[f"weight.{name}"] * part.score, 3)
        total += weighted
        reasons.append(Reason(name, weighted, part.detail))
    return PairScore(round(total, 3), any(p.veto for p in parts.values()), tuple(reasons))
