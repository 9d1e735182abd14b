"""Work that spans the pipeline and the store: extract an article, ingest it once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import InterfaceError as SAInterfaceError
from sqlalchemy.orm import Session, sessionmaker

from service.conversions import public_event, public_timex, sentence_explanations
from service.errors import Unavailable
from service.pipeline.pipeline import Pipeline
from service.schemas import (
    ArticleIn,
    ArticlePublic,
    ArticleWithEvents,
    EventPublic,
    ExtractionOut,
    TemporalIn,
    TemporalOut,
)
from service.store import articles as article_store


@contextmanager
def database_errors() -> Iterator[None]:
    """Turns a lost database connection into a 503 the client can retry."""
    try:
        yield
    except (OperationalError, SAInterfaceError) as error:
        raise Unavailable("the database is unreachable; retry shortly") from error


def extract_article(*, pipeline: Pipeline, article: ArticleIn, explain: bool = False) -> ExtractionOut:
    """Events of an article, nothing stored."""
    extraction = pipeline.extract(article.text, article.published_date)
    preview = ArticlePublic(
        id=None, external_id=article.external_id, url=article.url,
        headline=article.headline or article.text.split("\n", 1)[0], source=article.source,
        language=article.language, published_at=article.published_at, text=article.text,
        text_sha256=article_store.text_sha256(article.text), pipeline_version=pipeline.version, created_at=None,
    )
    return ExtractionOut(
        article=preview,
        events=[public_event(e) for e in extraction.events],
        explanation=sentence_explanations(article.text, extraction) if explain else None,
    )


def tag_temporal(*, pipeline: Pipeline, request: TemporalIn) -> TemporalOut:
    return TemporalOut(timexes=[public_timex(t) for t in pipeline.tag_time(request.text, request.published_date)])


def _stored(session: Session, article_id: int) -> ArticleWithEvents:
    row = article_store.get_article(session=session, article_id=article_id)
    return ArticleWithEvents(
        article=article_store.public_article(row),
        events=article_store.article_events(session=session, article_id=article_id),
    )


def ingest_article(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, article: ArticleIn
) -> tuple[ArticleWithEvents, bool]:
    """Stores an article with its events, once: a repost (same external id, URL or text) returns
    the stored result and `created=False`, also when two requests race on the unique identity key."""
    key = article_store.identity_key(article)
    with database_errors(), sessions() as session:
        existing = article_store.find_by_identity(session=session, key=key)
        if existing is not None:
            return _stored(session, existing.id), False
    events: list[EventPublic] = [public_event(e) for e in pipeline.extract(article.text, article.published_date).events]
    with database_errors(), sessions() as session:
        try:
            with session.begin():
                row = article_store.add_article(
                    session=session, article=article, events=events, pipeline_version=pipeline.version
                )
                article_id = row.id
        except IntegrityError:
            existing = article_store.find_by_identity(session=session, key=key)
            if existing is None:
                raise
            return _stored(session, existing.id), False
        return _stored(session, article_id), True
