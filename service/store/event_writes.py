"""Writes an article's events: a diff (service/event_diff.py) applied to the rows, with change tracking."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.event_diff import EventDiff, StoredEvent, event_payload
from service.pipeline.temporal import value_interval
from service.schemas import EventPublic
from service.store import changes
from service.store.models import Article, Event


def actor_text(event: EventPublic) -> str:
    """Lower-cased names of the event's actors, for the `actor` filter."""
    names: list[str] = []
    for mention in (event.agent, event.target, event.speaker, event.attribution):
        if mention is not None:
            names.extend([mention.text, mention.canonical or "", *mention.aliases])
    return " | ".join(n.lower() for n in names if n)


def location_text(event: EventPublic) -> str:
    if event.location is None:
        return ""
    return " | ".join(n.lower() for n in (event.location.text, event.location.canonical) if n)


def _columns(event: EventPublic, article: Article) -> dict[str, Any]:
    """The queryable columns of an event row, and its payload."""
    interval = value_interval(event.date.value) if event.date else None
    return {
        "type": event.type, "subtype": event.subtype, "certainty": event.certainty, "confidence": event.confidence,
        "sentence": event.sentence, "quote": event.quote, "actor_text": actor_text(event),
        "location_text": location_text(event),
        "location_country": event.location.country if event.location else None,
        "date_value": event.date.value if event.date else None,
        "date_start": interval[0] if interval else None, "date_end": interval[1] if interval else None,
        "sort_date": interval[0] if interval else article.published_date, "undated": interval is None,
        "payload": event_payload(event),
    }


def stored_events(*, session: Session, article_id: int, for_update: bool = False) -> list[Event]:
    query = select(Event).where(Event.article_id == article_id).order_by(Event.id)
    return list(session.scalars(query.with_for_update() if for_update else query))


def as_stored(rows: list[Event]) -> list[StoredEvent]:
    return [StoredEvent(id=r.id, type=r.type, payload=r.payload) for r in rows]


def write_events(*, session: Session, article: Article, rows: list[Event], diff: EventDiff, pipeline_version: str,
                 now: datetime) -> list[Event]:
    """Applies `diff` (computed against `rows`) in the caller's transaction: adds, updates in place (new version,
    new change number), deletes leaving a tombstone. Answers the added rows (flushed: they have ids)."""
    if diff.empty:
        return []
    seq = changes.next_change_seq(session=session)
    by_id = {row.id: row for row in rows}
    for event_id, event in diff.changed:
        row = by_id[event_id]
        for name, value in _columns(event, article).items():
            setattr(row, name, value)
        row.pipeline_version, row.updated_at, row.change_seq = pipeline_version, now, seq
    for removed in diff.removed:
        row = by_id[removed.id]
        changes.tombstone(session=session, event=row, pipeline_version=pipeline_version, change_seq=seq, now=now)
        session.delete(row)
    added = [Event(article_id=article.id, **_columns(event, article), pipeline_version=pipeline_version, created_at=now,
                   updated_at=now, change_seq=seq) for event in diff.added]
    session.add_all(added)
    session.flush()
    return added


def delete_events(*, session: Session, article_id: int, now: datetime) -> None:
    """Deletes an article's events, each leaving a tombstone (the article is being deleted)."""
    rows = stored_events(session=session, article_id=article_id, for_update=True)
    if not rows:
        return
    seq = changes.next_change_seq(session=session)
    for row in rows:
        changes.tombstone(session=session, event=row, pipeline_version="", change_seq=seq, now=now)
        session.delete(row)
    session.flush()
