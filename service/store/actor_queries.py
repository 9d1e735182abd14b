"""Reading actors: search by name or alias, one actor with its articles, in the public form."""

from __future__ import annotations

import base64
import binascii
import json

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from service.errors import InvalidInput, NotFound
from service.pipeline.actor_names import actor_key
from service.schemas import MAX_ID, ActorDetail, ActorPage, ActorPublic
from service.store.actors import event_counts
from service.store.articles import as_utc
from service.store.models import Actor, ActorAlias, Event, EventActor

MAX_ARTICLE_IDS = 1000


def encode_cursor(actor_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps(["actor", actor_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        tag, actor_id = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        if tag != "actor" or not isinstance(actor_id, int) or not 0 <= actor_id <= MAX_ID:
            raise ValueError("not an actor cursor")
        return actor_id
    except (ValueError, TypeError, binascii.Error, RecursionError) as error:
        raise InvalidInput("cursor is not one this service issued") from error


def _public(actor: Actor, counts: tuple[int, int]) -> ActorPublic:
    aliases = [actor.name, *(a.alias for a in actor.aliases if a.key != actor.key)]
    return ActorPublic(id=actor.id, name=actor.name, kind=actor.kind, aliases=aliases,  # type: ignore[arg-type]
                       event_count=counts[0], article_count=counts[1], created_at=as_utc(actor.created_at),
                       updated_at=as_utc(actor.updated_at))


def search_actors(
    *, session: Session, q: str | None, kind: str | None, limit: int, cursor: str | None = None
) -> ActorPage:
    """Actors in the order they were first seen; `q` matches part of the canonical name or of any alias,
    whatever the case and accents."""
    query = select(Actor).options(selectinload(Actor.aliases)).order_by(Actor.id).limit(limit + 1)
    if q is not None:
        needle = actor_key(q)
        if not needle:
            raise InvalidInput("q must contain a letter or a digit")
        query = query.where(Actor.id.in_(select(ActorAlias.actor_id).where(ActorAlias.key.contains(needle,
                                                                                                     autoescape=True))))
    if kind is not None:
        query = query.where(Actor.kind == kind)
    if cursor:
        query = query.where(Actor.id > decode_cursor(cursor))
    rows = list(session.scalars(query))
    page = rows[:limit]
    counts = event_counts(session=session, actor_ids=[a.id for a in page])
    return ActorPage(actors=[_public(a, counts.get(a.id, (0, 0))) for a in page],
                     next_cursor=encode_cursor(page[-1].id) if len(rows) > limit else None)


def get_actor(*, session: Session, actor_id: int) -> ActorDetail:
    actor = session.scalars(select(Actor).options(selectinload(Actor.aliases)).where(Actor.id == actor_id)).first()
    if actor is None:
        raise NotFound(f"no actor with id {actor_id}")
    counts = event_counts(session=session, actor_ids=[actor.id]).get(actor.id, (0, 0))
    article_ids = session.scalars(
        select(Event.article_id).join(EventActor, EventActor.event_id == Event.id)
        .where(EventActor.actor_id == actor.id).distinct().order_by(Event.article_id).limit(MAX_ARTICLE_IDS)
    ).all()
    return ActorDetail(**_public(actor, counts).model_dump(), article_ids=list(article_ids))
