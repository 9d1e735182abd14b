"""Old and new events of one article, matched by a stable key, so a re-extraction keeps the ids of the events
it finds again: unchanged ones stay as they are, changed ones are updated in place, the rest are added or
removed.

The key: the event type and its trigger's offsets; failing that, the type, the evidence's offsets and the
roles (agent, target, speaker), so an event whose trigger moved inside the same evidence with the same
participants counts as changed, not as one removed and one added. The stored text never changes, so
offsets are stable across pipeline versions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from service.schemas import EventPublic

# Fields of EventPublic that describe the stored row, not what the pipeline found.
TRACKING_FIELDS = frozenset({"id", "article_id", "pipeline_version", "created_at", "updated_at", "change_seq"})


def event_payload(event: EventPublic) -> dict[str, Any]:
    """What the pipeline found, as stored in the row's `payload` and compared across versions."""
    return event.model_dump(mode="json", exclude=set(TRACKING_FIELDS))


@dataclass(frozen=True, slots=True)
class StoredEvent:
    id: int
    type: str
    payload: dict[str, Any]


def _trigger_key(type_: str, payload: dict[str, Any]) -> tuple[object, ...]:
    span = payload.get("trigger_span") or {}
    return (type_, span.get("start"), span.get("end"))


def _role(payload: dict[str, Any], name: str) -> str | None:
    mention = payload.get(name)
    return mention.get("text") if isinstance(mention, dict) else None


def _evidence_key(type_: str, payload: dict[str, Any]) -> tuple[object, ...]:
    span = payload.get("span") or {}
    return (type_, span.get("start"), span.get("end"), *(_role(payload, r) for r in ("agent", "target", "speaker")))


@dataclass
class EventDiff:
    """What writing `new` over the stored events does; `changed` pairs a stored id with its new reading."""

    unchanged: list[tuple[int, EventPublic]] = field(default_factory=list)
    changed: list[tuple[int, EventPublic]] = field(default_factory=list)
    added: list[EventPublic] = field(default_factory=list)
    removed: list[StoredEvent] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed)

    def counts(self) -> Counter[tuple[str, str]]:
        """(event type, "added" | "removed" | "changed" | "unchanged") → how many."""
        counts: Counter[tuple[str, str]] = Counter()
        counts.update((e.type, "added") for e in self.added)
        counts.update((e.type, "removed") for e in self.removed)
        counts.update((e.type, "changed") for _, e in self.changed)
        counts.update((e.type, "unchanged") for _, e in self.unchanged)
        return counts


def diff_events(stored: list[StoredEvent], new: list[EventPublic]) -> EventDiff:
    """Matches each new event to a stored one by trigger, else by evidence and roles (each stored event at
    most once, in order), and sorts them into unchanged, changed, added and removed."""
    diff = EventDiff()
    unmatched = {e.id: e for e in stored}
    by_trigger: dict[tuple[object, ...], list[StoredEvent]] = {}
    by_evidence: dict[tuple[object, ...], list[StoredEvent]] = {}
    for old in stored:
        by_trigger.setdefault(_trigger_key(old.type, old.payload), []).append(old)
        by_evidence.setdefault(_evidence_key(old.type, old.payload), []).append(old)
    for event in new:
        payload = event_payload(event)
        match = _take(by_trigger.get(_trigger_key(event.type, payload), []), unmatched)
        if match is None:
            match = _take(by_evidence.get(_evidence_key(event.type, payload), []), unmatched)
        if match is None:
            diff.added.append(event)
        elif match.payload == payload:
            diff.unchanged.append((match.id, event))
        else:
            diff.changed.append((match.id, event))
    diff.removed = list(unmatched.values())
    return diff


def _take(candidates: list[StoredEvent], unmatched: dict[int, StoredEvent]) -> StoredEvent | None:
    for candidate in candidates:
        if candidate.id in unmatched:
            return unmatched.pop(candidate.id)
    return None
