"""Linking the actors of stored events: one row per actor when posts race, links once per event and role."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.flows import save_events, store_article
from service.jobs.flows import accept_article, run_job
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn, Codes, EventPublic, MentionPublic, TextSpan
from service.store import articles as article_store
from service.store.actors import link_actors
from service.store.models import Actor, ActorAlias, EventActor


def _article(text: str) -> ArticleIn:
    return ArticleIn(text=text, published_at=datetime(2024, 5, 10, tzinfo=UTC))


def _statement(speaker: str, canonical: str, kind: str) -> EventPublic:
    return EventPublic(
        type="statement", subtype="claim", trigger="said", trigger_span=TextSpan(start=0, end=4),
        sentence="s", span=TextSpan(start=0, end=1), certainty="asserted", codes=Codes(), confidence=0.5,
        speaker=MentionPublic(text=speaker, canonical=canonical, kind=kind),  # type: ignore[arg-type]
    )


def test_two_posts_naming_one_new_actor_at_once_make_one_actor(sessions: sessionmaker[Session]) -> None:
    results: list[bool] = []
    with sessions() as first, first.begin():
        row = article_store.add_article(session=first, article=_article("one"), pipeline_version="v")
        save_events(session=first, article=row, pipeline_version="v",  # links: holds the new actor's key, uncommitted
                    events=[_statement("the Front", "Northern Front", "organisation")], rows=[])
        second = threading.Thread(target=lambda: results.append(store_article(
            sessions=sessions, article=_article("two"), pipeline_version="v",
            events=[_statement("Northern Front fighters", "Northern Front", "armed group")])[1]))
        second.start()
        time.sleep(0.5)
        assert second.is_alive()  # waiting for the first transaction, not failing
    second.join(timeout=30)
    with sessions() as session:
        [actor] = session.scalars(select(Actor)).all()
        aliases = set(session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == actor.id)))
        links = session.scalar(select(func.count()).select_from(EventActor).where(EventActor.actor_id == actor.id))
    assert results == [True]
    assert (actor.kind, aliases, links) == ("armed group", {"Northern Front", "Front", "Northern Front fighters"}, 2)


def test_linking_an_article_twice_links_each_event_once(sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():
        row = article_store.add_article(session=session, article=_article("one"), pipeline_version="v")
        save_events(session=session, article=row, pipeline_version="v",  # links once
                    events=[_statement("Massoud", "Ahmad Massoud", "person")], rows=[])
        assert link_actors(session=session, article_id=row.id) == 1
    with sessions() as session:
        links = session.scalar(select(func.count()).select_from(EventActor))
    assert links == 1


def test_a_full_name_never_joins_a_namesake_known_by_the_same_surname(sessions: sessionmaker[Session]) -> None:
    store_article(sessions=sessions, article=_article("one"), pipeline_version="v",
                  events=[_statement("Massoud", "Ahmad Shah Massoud", "person")])
    store_article(sessions=sessions, article=_article("two"), pipeline_version="v",
                  events=[_statement("Massoud", "Ahmad Massoud", "person")])
    store_article(sessions=sessions, article=_article("three"), pipeline_version="v",
                  events=[_statement("Massoud", "Massoud", "person")])
    with sessions() as session:
        names = sorted(session.scalars(select(Actor.name)))
    assert names == ["Ahmad Massoud", "Ahmad Shah Massoud", "Massoud"]


def test_a_group_written_as_a_known_alias_joins_the_actor_seen_under_it(sessions: sessionmaker[Session]) -> None:
    store_article(sessions=sessions, article=_article("one"), pipeline_version="v",
                  events=[_statement("Hamas fighters", "Hamas", "armed group")])
    store_article(sessions=sessions, article=_article("two"), pipeline_version="v",
                  events=[_statement("the Hamas fighters", "Hamas fighters", "armed group")])
    with sessions() as session:
        names = sorted(session.scalars(select(Actor.name)))
    assert names == ["Hamas"]


def test_an_asynchronous_extraction_links_its_actors_too(
    clean_database: str, sessions: sessionmaker[Session], pipeline: Pipeline, seed_article: dict[str, object]
) -> None:
    settings = Settings(database_url=clean_database, auth=False)
    accepted = accept_article(sessions=sessions, article=ArticleIn.model_validate(seed_article), body_html=None,
                              request=None, max_open_jobs=10)
    assert accepted.job is not None
    assert run_job(sessions=sessions, pipeline=pipeline, job_id=accepted.job.id, settings=settings) == "done"
    with sessions() as session:
        massoud = session.scalars(select(Actor).where(Actor.key == "ahmad massoud")).one()
        aliases = set(session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == massoud.id)))
        father = session.scalars(select(Actor).where(Actor.key == "ahmad shah massoud")).first()
    assert (massoud.kind, aliases, father) == ("person", {"Ahmad Massoud", "Massoud"}, None)
