"""Change tracking: the change sequence, tombstones, and the events changed after a sequence number or time.

Every transaction that writes events takes ONE number from `change_sequence` (an UPDATE that holds the row
lock until commit, so numbers become visible in the order given) and stamps each event it adds or changes,
and each tombstone it leaves, with it. A reader that asks for changes after N, up to the value it read
first, sees each such transaction whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from service.store.models import ChangeSequence, Event, EventTombstone


def next_change_seq(*, session: Session) -> int:
    """The number of the calling transaction's changes; blocks a concurrent writer until this one commits."""
    value = session.execute(
        update(ChangeSequence).where(ChangeSequence.id == 1).values(value=ChangeSequence.value + 1)
        .returning(ChangeSequence.value)
    ).scalar_one()
    return int(value)


def current_change_seq(*, session: Session) -> int:
    return int(session.scalar(select(ChangeSequence.value).where(ChangeSequence.id == 1)) or 0)


def tombstone(*, session: Session, event: Event, pipeline_version: str, change_seq: int, now: datetime) -> None:
    session.add(EventTombstone(event_id=event.id, article_id=event.article_id, type=event.type,
                               pipeline_version=pipeline_version, deleted_at=now, change_seq=change_seq))


@dataclass(frozen=True, slots=True)
class ChangesSince:
    """After change number `seq`, or (when `at` is given) changes made at or after that time."""

    seq: int = 0
    at: datetime | None = None


def _events_after(query: Select[Event], since: ChangesSince, through: int) -> Select[Event]:
    query = query.where(Event.change_seq > since.seq, Event.change_seq <= through)
    return query.where(Event.updated_at >= since.at) if since.at is not None else query


def _tombstones_after(since: ChangesSince, through: int, type_: str | None,
                      article_id: int | None) -> Select[EventTombstone]:
    query = select(EventTombstone).where(EventTombstone.change_seq > since.seq, EventTombstone.change_seq <= through)
    if since.at is not None:
        query = query.where(EventTombstone.deleted_at >= since.at)
    if type_ is not None:
        query = query.where(EventTombstone.type == type_)
    if article_id is not None:
        query = query.where(EventTombstone.article_id == article_id)
    return query


def changed_event_seqs(*, session: Session, query: Select[Event], since: ChangesSince, through: int,
                       limit: int) -> list[int]:
    """The change numbers of the first `limit` events of `query` (already filtered) changed after `since`."""
    numbers = _events_after(query, since, through).with_only_columns(Event.change_seq).order_by(Event.change_seq)
    return [int(n) for n in session.scalars(numbers.limit(limit))]


def changed_events(*, session: Session, query: Select[Event], since: ChangesSince,
                   through: int) -> list[Event]:
    """Every event of `query` changed after `since` up to change `through`, in change order."""
    return list(session.scalars(_events_after(query, since, through).order_by(Event.change_seq, Event.id)))


def deleted_event_seqs(*, session: Session, since: ChangesSince, through: int, limit: int, type_: str | None = None,
                       article_id: int | None = None) -> list[int]:
    query = _tombstones_after(since, through, type_, article_id).with_only_columns(EventTombstone.change_seq)
    return [int(n) for n in session.scalars(query.order_by(EventTombstone.change_seq).limit(limit))]


def deleted_events(*, session: Session, since: ChangesSince, through: int, type_: str | None = None,
                   article_id: int | None = None) -> list[EventTombstone]:
    query = _tombstones_after(since, through, type_, article_id)
    return list(session.scalars(query.order_by(EventTombstone.change_seq, EventTombstone.id)))
