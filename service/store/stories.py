"""Stories in the database: linking an article's events when they are stored (in the same transaction),
candidate retrieval by an indexed window query, unlinking on delete, splitting, and reading back.

Race safety: on PostgreSQL the linking of an article takes transaction-scoped advisory locks, one per (type,
ISO week) its events' windows touch (plus a shared lock per type; an event spanning over a year takes that type
lock exclusively), in sorted order. Two concurrent posts about one incident thus link one after the other, and
the second sees the first's story once the first commits. SQLite has one writer at a time: the article's
INSERT already holds the database lock when linking starts."""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, tuple_, update
from sqlalchemy.orm import Session

from service.errors import InvalidInput, NotFound
from service.schemas import MAX_ID
from service.store.models import Article, Event, Story, StoryEvent
from service.stories.clustering import Candidate, Decision, bridged, joinable
from service.stories.matching import STORY_TYPES, EventFacts, PairScore, article_places, event_facts
from service.stories.resources import settings

WIDE_WEEKS = 60  # a window over this many weeks locks its whole type
# Linking is quadratic in an article's events; a list of a hundred incidents is no report of one: its first
# events are linked, the rest stay outside stories (keeps a 150-event text within the hostile-input time bound).
MAX_LINKED_EVENTS = 30


def _now() -> datetime:
    return datetime.now(UTC)


def _slack() -> timedelta:
    """How far outside a story's window an event may lie and still match it (the date tolerance)."""
    return timedelta(days=int(settings()["tolerance.day"]) + 1)


def _lock_windows(session: Session, facts: Sequence[EventFacts]) -> None:
    if session.get_bind().dialect.name != "postgresql" or not facts:
        return
    keys: dict[int, set[int]] = {}
    exclusive: set[int] = set()
    for fact in facts:
        namespace = zlib.crc32(f"eventline.stories.{fact.type}".encode()) & 0x7FFFFFFF
        start, end = fact.window[0] - _slack(), fact.window[1] + _slack()
        weeks = range(start.toordinal() // 7, end.toordinal() // 7 + 1)
        if len(weeks) > WIDE_WEEKS:
            exclusive.add(namespace)
        keys.setdefault(namespace, set()).update(weeks)
    for namespace in sorted(keys):
        if namespace in exclusive:
            session.execute(select(func.pg_advisory_xact_lock(namespace, -1)))
            continue
        session.execute(select(func.pg_advisory_xact_lock_shared(namespace, -1)))
        for week in sorted(keys[namespace]):
            session.execute(select(func.pg_advisory_xact_lock(namespace, week)))


def _facts_of(session: Session, links: Sequence[StoryEvent]) -> dict[int, EventFacts]:
    """The matching facts of linked events, with their articles' places as context."""
    rows = session.execute(
        select(Event.id, Event.article_id, Event.payload, Article.published_date)
        .join(Article, Article.id == Event.article_id).where(Event.id.in_([link.event_id for link in links]))
    ).all()
    article_ids = {row.article_id for row in rows}
    payloads: dict[int, list[dict[str, Any]]] = {}
    for article_id, payload in session.execute(
            select(Event.article_id, Event.payload).where(Event.article_id.in_(article_ids))):
        payloads.setdefault(article_id, []).append(payload)
    return {row.id: event_facts(row.payload, published=row.published_date, event_id=row.id,
                                article_id=row.article_id, context=article_places(payloads[row.article_id]))
            for row in rows}


def _candidates(session: Session, fact: EventFacts, known: dict[int, EventFacts]) -> list[Candidate]:
    """Stories of the same type whose window comes within the tolerance of the event's (an index range).
    `known` caches members' facts across the events of one article (an article may carry a hundred)."""
    start, end = fact.window
    stories = list(session.scalars(select(Story).where(
        Story.type == fact.type, Story.locked.is_(False),
        Story.date_start <= end + _slack(), Story.date_end >= start - _slack())))
    if not stories:
        return []
    links = list(session.scalars(select(StoryEvent).where(StoryEvent.story_id.in_([s.id for s in stories]))))
    if missing := [link for link in links if link.event_id not in known]:
        known.update(_facts_of(session, missing))
    members: dict[int, list[EventFacts]] = {}
    for link in links:
        members.setdefault(link.story_id, []).append(known[link.event_id])
    return [Candidate(story.id, members.get(story.id, [])) for story in stories]


def _reasons(match: PairScore | None) -> list[dict[str, Any]]:
    if match is None:
        return []
    return [{"field": r.field, "score": r.score, "detail": r.detail} for r in match.reasons]


def link_stories(*, session: Session, article_id: int) -> int:
    """Links the desecration and displacement events of a just-stored article to the stories they tell (or
    new ones), in the caller's transaction. Answers how many events joined an existing story."""
    session.flush()
    article = session.get(Article, article_id)
    if article is None:
        return 0
    rows = list(session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.id)))
    context = article_places(r.payload for r in rows)
    facts = [event_facts(r.payload, published=article.published_date, event_id=r.id, article_id=article_id,
                         context=context) for r in rows if r.type in STORY_TYPES][:MAX_LINKED_EVENTS]
    _lock_windows(session, facts)
    known = {f.event_id: f for f in facts if f.event_id is not None}
    joined = 0
    for fact in facts:
        found = joinable(fact, _candidates(session, fact, known))
        if not found:
            story = _new_story(session, fact.type)
            story_id, match, matched = story.id, None, None
        else:
            decision = found[0]
            assert decision.candidate.story_id is not None
            story_id, match, matched = decision.candidate.story_id, decision.match, decision.matched.event_id
            joined += 1
            for other in bridged(fact, found):
                _merge_into(session, story_id, other)
        session.add(StoryEvent(story_id=story_id, event_id=fact.event_id, score=match.score if match else None,
                               reasons=_reasons(match), matched_event_id=matched, created_at=_now()))
        session.flush()
        refresh_story(session=session, story_id=story_id)
    return joined


def _merge_into(session: Session, story_id: int, other: Decision) -> None:
    """Moves the members of a story an event bridges into the story it joins; the emptied story goes."""
    assert other.candidate.story_id is not None
    session.execute(update(StoryEvent).where(StoryEvent.story_id == other.candidate.story_id)
                    .values(story_id=story_id))
    session.flush()
    session.expire_all()
    refresh_story(session=session, story_id=other.candidate.story_id)


def _new_story(session: Session, event_type: str, locked: bool = False) -> Story:
    now = _now()
    story = Story(type=event_type, label="", date_start=date.min, date_end=date.min, locked=locked,
                  events_count=0, sources_count=0, created_at=now, updated_at=now)
    session.add(story)
    session.flush()
    return story


def refresh_story(*, session: Session, story_id: int) -> Story | None:
    """Recomputes a story's summary from its members (window, place, label, counts, lead); deletes it when
    none is left. Answers the story, or None when it was deleted."""
    story = session.get(Story, story_id)
    if story is None:
        return None
    members = list(session.execute(
        select(StoryEvent, Event, Article.published_date).join(Event, Event.id == StoryEvent.event_id)
        .join(Article, Article.id == Event.article_id).where(StoryEvent.story_id == story_id)))
    if not members:
        session.delete(story)
        session.flush()
        return None
    before = timedelta(days=int(settings()["undated.window"]))  # as EventFacts.window, from the columns
    windows = [(published - before, published) if e.undated or e.date_start is None or e.date_end is None
               else (e.date_start, e.date_end) for _, e, published in members]
    story.date_start = min(w[0] for w in windows)
    story.date_end = max(w[1] for w in windows)
    places = Counter(str((e.payload.get("location") or {}).get("canonical") or (e.payload.get("location") or {})
                         .get("text")) for _, e, _ in members if e.payload.get("location"))
    story.place = places.most_common(1)[0][0] if places else None
    dated = Counter(e.date_value for _, e, _ in members if e.date_value)
    when = dated.most_common(1)[0][0] if dated else f"before {story.date_end}"
    story.label = f"{story.type}{' in ' + story.place if story.place else ''}, {when}"
    story.events_count = len(members)
    story.sources_count = len({e.article_id for _, e, _ in members})
    story.updated_at = _now()
    lead = min(members, key=lambda m: (m[1].undated, m[1].sort_date, m[1].id))[0]
    for link, _, _ in members:
        link.lead = link is lead
    session.flush()
    return story


def forget_article(*, session: Session, article_id: int) -> None:
    """Takes an article's events out of their stories (deleting stories left empty); before the events go."""
    event_ids = select(Event.id).where(Event.article_id == article_id)
    story_ids = set(session.scalars(select(StoryEvent.story_id).where(StoryEvent.event_id.in_(event_ids))))
    session.execute(delete(StoryEvent).where(StoryEvent.event_id.in_(event_ids)))
    for story_id in sorted(story_ids):
        refresh_story(session=session, story_id=story_id)


def get_story(*, session: Session, story_id: int) -> Story:
    story = session.get(Story, story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id}")
    return story


def split_story(*, session: Session, story_id: int, event_ids: Iterable[int] | None) -> list[Story]:
    """Moves the given events (all when None or empty) out of a story, each into a locked story of its own.
    Answers the story split (when anything is left in it) followed by the new stories."""
    story = get_story(session=session, story_id=story_id)
    links = {link.event_id: link for link in story.links}
    chosen = sorted(set(event_ids or ())) or sorted(links)
    if unknown := [e for e in chosen if e not in links]:
        raise InvalidInput(f"events {unknown} are not in story {story_id}")
    created: list[Story] = []
    for event_id in chosen:
        link = links[event_id]
        single = _new_story(session, story.type, locked=True)
        link.story_id, link.score, link.matched_event_id = single.id, None, None
        link.reasons = [{"field": "split", "score": 0.0, "detail": f"split out of story {story_id}"}]
        session.flush()
        session.expire(story, ["links"])
        created.append(refresh_story(session=session, story_id=single.id) or single)
    left = refresh_story(session=session, story_id=story_id)
    return ([left] if left is not None else []) + created


def story_of_events(*, session: Session, event_ids: set[int]) -> dict[int, Story]:
    """The story each of these events belongs to (events outside stories are absent)."""
    if not event_ids:
        return {}
    rows = session.execute(select(StoryEvent.event_id, Story).join(Story, Story.id == StoryEvent.story_id)
                           .where(StoryEvent.event_id.in_(event_ids)))
    return {event_id: story for event_id, story in rows}


def encode_story_cursor(story: Story) -> str:
    raw = json.dumps([story.date_start.isoformat(), story.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_story_cursor(cursor: str) -> tuple[date, int]:
    try:
        day, story_id = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        if not (isinstance(story_id, int) and 0 <= story_id <= MAX_ID):
            raise ValueError("not a cursor")
        return date.fromisoformat(day), story_id
    except (ValueError, TypeError, binascii.Error, RecursionError) as error:
        raise InvalidInput("cursor is not one this service issued") from error


def list_stories(*, session: Session, event_type: str | None, since: date | None, until: date | None, limit: int,
                 cursor: str | None = None) -> tuple[list[Story], str | None]:
    """One page of stories by first day then id; `since`/`until` keep stories whose window reaches them."""
    query = select(Story)
    if event_type:
        query = query.where(Story.type == event_type)
    if since is not None:
        query = query.where(Story.date_end >= since)
    if until is not None:
        query = query.where(Story.date_start <= until)
    if cursor:
        day, story_id = decode_story_cursor(cursor)
        query = query.where(tuple_(Story.date_start, Story.id) > tuple_(day, story_id))
    rows = list(session.scalars(query.order_by(Story.date_start, Story.id).limit(limit + 1)))
    next_cursor = encode_story_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def story_members(*, session: Session, story_id: int) -> list[tuple[StoryEvent, Event, Article]]:
    """A story's links with their events and articles, in timeline order."""
    rows = session.execute(select(StoryEvent, Event, Article).join(Event, Event.id == StoryEvent.event_id)
                           .join(Article, Article.id == Event.article_id).where(StoryEvent.story_id == story_id)
                           .order_by(Event.undated, Event.sort_date, Event.id))
    return [(link, event, article) for link, event, article in rows]
