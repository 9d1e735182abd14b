"""Matching a re-extraction's events to the stored ones (service/event_diff.py)."""

from __future__ import annotations

from typing import Any

from service.event_diff import StoredEvent, diff_events, event_payload
from service.schemas import Codes, EventPublic, MentionPublic, TextSpan


def _event(trigger: tuple[int, int], *, type_: str = "displacement", agent: str | None = None,
           certainty: str = "asserted", evidence: tuple[int, int] = (0, 40)) -> EventPublic:
    data: dict[str, Any] = {
        "type": type_, "subtype": None, "trigger": "fled", "trigger_span": TextSpan(start=trigger[0], end=trigger[1]),
        "sentence": "Hundreds fled the town.", "span": TextSpan(start=evidence[0], end=evidence[1]),
        "certainty": certainty, "codes": Codes(), "confidence": 0.8,
        "agent": MentionPublic(text=agent) if agent else None,
    }
    return EventPublic(**data)


def _stored(event_id: int, event: EventPublic) -> StoredEvent:
    return StoredEvent(id=event_id, type=event.type, payload=event_payload(event))


def test_an_identical_event_is_unchanged_and_keeps_its_id() -> None:
    diff = diff_events([_stored(7, _event((9, 13)))], [_event((9, 13))])
    assert [event_id for event_id, _ in diff.unchanged] == [7]
    assert diff.empty


def test_the_same_trigger_read_differently_is_changed_in_place() -> None:
    diff = diff_events([_stored(7, _event((9, 13)))], [_event((9, 13), certainty="reported")])
    assert [(event_id, e.certainty) for event_id, e in diff.changed] == [(7, "reported")]
    assert not diff.added and not diff.removed


def test_a_trigger_moved_within_the_same_evidence_and_roles_is_changed_not_replaced() -> None:
    diff = diff_events([_stored(7, _event((9, 13), agent="militants"))], [_event((20, 26), agent="militants")])
    assert [event_id for event_id, _ in diff.changed] == [7]


def test_a_trigger_moved_with_other_roles_is_one_removed_and_one_added() -> None:
    diff = diff_events([_stored(7, _event((9, 13), agent="militants"))], [_event((20, 26), agent="soldiers")])
    assert [e.id for e in diff.removed] == [7]
    assert [e.trigger_span.start for e in diff.added] == [20]


def test_another_type_at_the_same_trigger_is_not_the_same_event() -> None:
    diff = diff_events([_stored(7, _event((9, 13)))], [_event((9, 13), type_="statement")])
    assert [e.id for e in diff.removed] == [7] and len(diff.added) == 1


def test_each_stored_event_matches_at_most_one_new_event() -> None:
    diff = diff_events([_stored(7, _event((9, 13)))], [_event((9, 13)), _event((9, 13), certainty="hedged")])
    assert len(diff.unchanged) == 1 and len(diff.added) == 1


def test_counts_are_per_type_and_kind() -> None:
    diff = diff_events([_stored(1, _event((0, 4))), _stored(2, _event((50, 54), type_="statement"))],
                       [_event((0, 4), certainty="alleged"), _event((90, 94))])
    assert diff.counts() == {("displacement", "changed"): 1, ("displacement", "added"): 1,
                             ("statement", "removed"): 1}
