"""Within one article, the same event told twice is one event: a repeated lead, two conjoined verbs
of one act ("forced people from their homes and expelled thousands"), a quote restated."""

from __future__ import annotations

import re

from service.pipeline.types import Event, Quantity

_ARGUMENTS = ("agent", "target", "location", "attribution", "quantity", "date", "speaker", "quote", "cue")


def _folded(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def _head_word(event: Event) -> str:
    return _folded(event.target.text).split(" ")[-1] if event.target else ""


def _conflict(a: Event, b: Event) -> bool:
    """True when two mentions disagree on something that tells incidents apart."""
    if a.date and b.date and a.date.value != b.date.value:
        return True
    if a.location and b.location and _folded(a.location.text) != _folded(b.location.text):
        return True
    return bool(a.quantity and b.quantity and _disjoint(a.quantity, b.quantity))


def _disjoint(a: Quantity, b: Quantity) -> bool:
    """Counts that tell two groups of people apart. An indefinite count ("several", "many": no upper
    bound, a floor of ten or less) tells nothing apart: "several residents were evacuated" then "eight
    people were ordered to evacuate" is one evacuation the later sentence counts."""
    if _indefinite(a) or _indefinite(b):
        return False
    return a.min != b.min


def _indefinite(quantity: Quantity) -> bool:
    return quantity.max is None and quantity.min is not None and quantity.min <= 10


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.type == "statement":  # a quote told twice, or one sentence read twice
        same_quote = _folded(a.quote) == _folded(b.quote)
        return same_quote and (bool(a.quote) or _folded(a.sentence) == _folded(b.sentence))
    if _folded(a.sentence) == _folded(b.sentence):
        # Conjoined triggers of one act ("forced people from their homes and expelled thousands"),
        # unless the sentence tells two incidents apart by place, date or count.
        return a.restates or b.restates or not _conflict(a, b)
    if b.summary and b.start > a.start:  # a running total told after the incidents it sums up
        return True
    if b.restates and b.start > a.start:  # "the evacuation" told again: only a new date tells it apart
        if a.type == "desecration":  # "the desecration" at another named site may be another one
            return not _conflict(a, b)
        return not (a.date and b.date and a.date.value != b.date.value)
    if _restates_by_count(a, b):
        return True
    if a.type == "displacement":
        # People are named many ways ("3,000 villagers", "all residents"): a later displacement with no
        # place, date or count of its own is the one told before (a distinct incident comes with one).
        return not _conflict(a, b)
    return bool(_head_word(a)) and _head_word(a) == _head_word(b) and a.subtype == b.subtype and not _conflict(a, b)


def _restates_by_count(a: Event, b: Event) -> bool:
    """"Up to 40,000 people fled towns …" then "7,000 households (up to 40,000 people) fled towns …":
    the same kind of incident with the same count is the same incident, however its people are named."""
    if a.type != "displacement" or a.subtype != b.subtype or not (a.quantity and b.quantity):
        return False
    same_count = (a.quantity.min, a.quantity.max) == (b.quantity.min, b.quantity.max)
    return same_count and not (a.date and b.date and a.date.value != b.date.value)


def _absorb(kept: Event, other: Event) -> None:
    for name in _ARGUMENTS:
        if getattr(kept, name) is None and getattr(other, name) is not None:
            setattr(kept, name, getattr(other, name))
    if kept.certainty == "asserted" and other.certainty != "asserted" and kept.start == other.start:
        kept.certainty = other.certainty
    kept.mentions += other.mentions
    kept.explanation.append(f"merged with the mention at {other.start}-{other.end}")


def _richness(event: Event) -> int:
    return sum(getattr(event, name) is not None for name in _ARGUMENTS)


def merge_mentions(events: list[Event], body_start: int = 0) -> list[Event]:
    """Events with each group of mentions of one event folded into its first (or richest, within a
    sentence) mention. Mentions before `body_start` (the headline) fold into the body's mention:
    the body tells the event with its context."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.start < body_start, e.start, e.trigger_start)):
        twin = next((kept for kept in merged if same_event(kept, event)), None)
        if twin is None:
            merged.append(event)
        elif (twin.start == event.start and _richness(event) > _richness(twin)) or (
            # "… housing some of the thousands who fled", then "tens of thousands fled the assault":
            # the sentence that reports the event tells it, not the one that presupposes it.
            twin.restates and not event.restates and event.start >= body_start
        ):
            merged[merged.index(twin)] = event
            _absorb(event, twin)
        else:
            _absorb(twin, event)
    return merged
