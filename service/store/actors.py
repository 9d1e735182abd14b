"""Actors across articles: upserted and linked to the events of an article in the transaction that stores
them, looked up by name or alias."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.pipeline.actor_names import ActorName, actor_key, actor_name
from service.store.models import Actor, ActorAlias, Event, EventActor

ROLES = ("agent", "target", "speaker", "attribution")
# When articles disagree on an actor's kind, the more specific evidence wins: a head noun ("fighters",
# "officials") over an entity label, a person's name over an organisation guess, anything over a population.
_KIND_RANK = {"population": 1, "organisation": 2, "person": 3, "government": 4, "armed group": 4}


@dataclass(frozen=True, slots=True)
class _Link:
    event_id: int
    key: str
    role: str


def _insert(session: Session, model: type[Any]) -> Any:
    """An INSERT that can skip rows a unique key already holds (ON CONFLICT DO NOTHING)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def _actors_of(events: list[Event]) -> tuple[dict[str, ActorName], list[_Link]]:
    """The actors the events name, one per key (aliases pooled, the strongest kind kept), and the links."""
    actors: dict[str, ActorName] = {}
    links: list[_Link] = []
    for event in events:
        for role in ROLES:
            mention = event.payload.get(role)
            if not isinstance(mention, dict):
                continue
            named = actor_name(text=mention.get("text") or "", canonical=mention.get("canonical"),
                               aliases=list(mention.get("aliases") or []), kind=mention.get("kind"))
            if named is None:
                continue
            known = actors.setdefault(named.key, named)
            if known is not named:
                for key, alias in named.aliases.items():
                    known.aliases.setdefault(key, alias)
                if _KIND_RANK[named.kind] > _KIND_RANK[known.kind]:
                    known.kind = named.kind
            links.append(_Link(event.id, named.key, role))
    return actors, links


def _existing(session: Session, named: ActorName) -> Actor | None:
    """The stored actor this name is: the same canonical name; else, for groups and governments, the one
    actor that was seen under this name ("Taliban fighters"). People match by full name only, so two people
    sharing a surname stay apart."""
    found = session.scalars(select(Actor).where(Actor.key == named.key)).first()
    if found is not None or named.kind == "person":
        return found
    candidates = session.scalars(
        select(Actor).join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(ActorAlias.key == named.key, Actor.kind != "person").distinct().limit(2)
    ).all()
    return candidates[0] if len(candidates) == 1 else None


def _upsert(session: Session, named: ActorName, now: datetime) -> int:
    """The id of the actor for this name, made if new. Two transactions making one actor at once: the unique
    key lets one insert, the other skips (waiting for the first's commit on PostgreSQL) and reads it."""
    actor = _existing(session, named)
    if actor is None:
        statement = _insert(session, Actor).values(
            name=named.name, key=named.key, kind=named.kind, created_at=now, updated_at=now,
        ).on_conflict_do_nothing().returning(Actor.id)
        actor_id = session.execute(statement).scalar()
        if actor_id is not None:
            return int(actor_id)
        actor = session.scalars(select(Actor).where(Actor.key == named.key)).one()
    if _KIND_RANK[named.kind] > _KIND_RANK.get(actor.kind, 0):
        session.execute(update(Actor).where(Actor.id == actor.id).values(kind=named.kind, updated_at=now))
    return actor.id


def link_actors(*, session: Session, article_id: int, now: datetime | None = None) -> int:
    """Upserts the actors the article's events name, adds the aliases they were seen under and links the
    events, inside the caller's transaction (it flushes; the caller commits). Safe to call again for the same
    article (links already made are kept). Answers how many links it made."""
    now = now or datetime.now(UTC)
    session.flush()
    events = list(session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.id)))
    actors, links = _actors_of(events)
    ids: dict[str, int] = {}
    for key in sorted(actors):  # one order for every transaction: concurrent posts never deadlock
        ids[key] = _upsert(session, actors[key], now)
        aliases = [{"actor_id": ids[key], "alias": alias, "key": alias_key}
                   for alias_key, alias in sorted(actors[key].aliases.items())]
        session.execute(_insert(session, ActorAlias).values(aliases).on_conflict_do_nothing())
    rows = sorted({(link.event_id, ids[link.key], link.role) for link in links})
    if rows:
        session.execute(_insert(session, EventActor).values(
            [{"event_id": e, "actor_id": a, "role": r} for e, a, r in rows]).on_conflict_do_nothing())
    return len(rows)


def unlink_events(*, session: Session, event_ids: list[int]) -> None:
    """Drops the actor links of events about to be rewritten (a re-extraction changed their reading); the
    actors and their aliases stay."""
    if event_ids:
        session.execute(delete(EventActor).where(EventActor.event_id.in_(event_ids)))


def actors_named(name: str) -> Select[int]:
    """Ids of the actors any of whose aliases is this name (an index lookup on the alias key)."""
    return select(ActorAlias.actor_id).where(ActorAlias.key == actor_key(name))


def event_counts(*, session: Session, actor_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per actor: how many events and how many articles it takes part in."""
    if not actor_ids:
        return {}
    rows = session.execute(
        select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id)),
               func.count(func.distinct(Event.article_id)))
        .join(Event, Event.id == EventActor.event_id)
        .where(EventActor.actor_id.in_(actor_ids)).group_by(EventActor.actor_id)
    )
    return {actor_id: (events, articles) for actor_id, events, articles in rows}
