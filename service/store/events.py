"""Event queries: filters, chronological order, keyset pagination with opaque cursors."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, false, func, literal_column, or_, select, tuple_, union
from sqlalchemy.orm import Session

from service.errors import InvalidInput
from service.schemas import MAX_ID
from service.store.actors import actors_named
from service.store.models import Article, Event, EventActor, StoryEvent


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `GET /v1/events` and `GET /v1/timeline` filter on. `since`/`until` bound the event date:
    an event is kept when the days its date covers overlap [since, until]; undated events are left out."""

    type: str | None = None
    actor: str | None = None
    location: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: int | None = None
    q: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    # One event per story (its first in timeline order) and events outside stories: `group=story`.
    story_leads: bool = False


def _escape_like(text: str) -> str:
    return text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: object, text: str) -> object:
    return column.like(f"%{_escape_like(text)}%", escape="\\")  # type: ignore[attr-defined]


def filtered(filters: EventFilter, actor_ids: Sequence[int] = ()) -> Select[Event]:
    """The events matching the filters; `actor_ids` are the actors known by the `actor` filter's name."""
    query = select(Event)
    if filters.type:
        query = query.where(Event.type == filters.type)
    if filters.article_id is not None:
        query = query.where(Event.article_id == filters.article_id)
    if filters.actor and actor_ids:
        # The words as written (a substring), or an event linked to an actor known by this name or alias
        # ("Massoud" finds the events of Ahmad Massoud). A union, not an OR, so that PostgreSQL can serve
        # each half from its index (trigram; the links' actor index) and join the few ids.
        written = select(Event.id).where(_contains(Event.actor_text, filters.actor))  # type: ignore[arg-type]
        linked = select(EventActor.event_id).where(EventActor.actor_id.in_(actor_ids))
        query = query.where(Event.id.in_(union(written, linked)))
    elif filters.actor:
        query = query.where(_contains(Event.actor_text, filters.actor))  # type: ignore[arg-type]
    if filters.country:
        query = query.where(Event.location_country == filters.country)
    if filters.location:
        query = query.where(_contains(Event.location_text, filters.location))  # type: ignore[arg-type]
    if filters.q:
        needle = f"%{_escape_like(filters.q)}%"
        query = query.where(
            or_(func.lower(Event.sentence).like(needle, escape="\\"), func.lower(Event.quote).like(needle, escape="\\"))
        )
    if filters.story_leads:
        query = query.where(Event.id.not_in(select(StoryEvent.event_id).where(StoryEvent.lead == false())))
    if filters.since is not None:
        query = query.where(and_(Event.undated == false(), Event.date_end >= filters.since))
    if filters.until is not None:
        query = query.where(and_(Event.undated == false(), Event.date_start <= filters.until))
    return query


def encode_cursor(event: Event) -> str:
    raw = json.dumps([int(event.undated), event.sort_date.isoformat(), event.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[bool, date, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        undated, day, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not (isinstance(undated, int) and isinstance(event_id, int) and 0 <= event_id <= MAX_ID):
            raise ValueError("not a cursor")
        return bool(undated), date.fromisoformat(day), event_id
    except (ValueError, TypeError, binascii.Error, RecursionError) as error:
        raise InvalidInput("cursor is not one this service issued") from error


def list_events(
    *, session: Session, filters: EventFilter, limit: int, cursor: str | None = None
) -> tuple[list[Event], str | None]:
    """One page of events in timeline order (dated by first day, then undated by article day, then id)."""
    actor_ids = list(session.scalars(actors_named(filters.actor))) if filters.actor else []
    query = filtered(filters, actor_ids)
    if cursor:
        undated, day, event_id = decode_cursor(cursor)
        query = query.where(tuple_(Event.undated, Event.sort_date, Event.id) > tuple_(undated, day, event_id))
    if filters.since is None:
        rows = list(session.scalars(_first(query, limit + 1)))
    else:
        # "Reaches `since`" is no range of the timeline order: events starting on or after it are one
        # (an index range scan in order), the few starting before it but lasting into it (a month, a
        # year) another, served by the date_end index. Two short queries, merged, stay fast at any size.
        starting = _first(query.where(Event.sort_date >= filters.since), limit + 1)
        lasting_filter = Event.sort_date < filters.since
        if session.get_bind().dialect.name == "postgresql":  # served by the GiST index of migration 0004
            interval = func.daterange(Event.date_start, Event.date_end, literal_column("'[]'"))
            lasting_filter = and_(lasting_filter, Event.undated == false(), interval.op("@>")(filters.since))
        lasting = _first(query.where(lasting_filter), limit + 1)
        merged = {*session.scalars(starting), *session.scalars(lasting)}
        rows = sorted(merged, key=lambda e: (e.undated, e.sort_date, e.id))[: limit + 1]
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def _first(query: Select[Event], count: int) -> Select[Event]:
    return query.order_by(Event.undated, Event.sort_date, Event.id).limit(count)


def articles_by_id(*, session: Session, ids: set[int]) -> dict[int, Article]:
    if not ids:
        return {}
    return {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))}
