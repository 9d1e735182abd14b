"""Work that spans the pipeline and the store: extract an article, ingest it once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import InterfaceError as SAInterfaceError
from sqlalchemy.orm import Session, sessionmaker

from service.conversions import public_event, public_timex, sentence_explanations
from service.errors import InvalidInput, Unavailable
from service.event_diff import EventDiff, diff_events
from service.metrics import Metrics
from service.pipeline.extract import Extraction
from service.pipeline.pipeline import Pipeline, UnreadableText
from service.pipeline.temporal import Timex
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
from service.store import event_writes
from service.store.actors import link_actors, unlink_events
from service.store.models import Article, Event
from service.store.stories import forget_article, link_stories
from service.webhooks.outbox import enqueue_deliveries

T = TypeVar("T")
log = logging.getLogger("eventline.flows")


@contextmanager
def database_errors() -> Iterator[None]:
    """Turns a lost database connection into a 503 the client can retry, and a value the database
    refuses into a 422."""
    try:
        yield
    except (OperationalError, SAInterfaceError) as error:
        raise Unavailable("the database is unreachable; retry shortly") from error
    except DataError as error:
        raise InvalidInput("a value is outside what the database can store") from error


def run_pipeline(work: Callable[[], T]) -> T:
    """The pipeline's answer, with the input's faults as 422: a text that is no prose, or dates that
    resolve outside years 1-9999 ("next year" in an article of 9999). Its time is bounded by the text
    cap, the cap on space-free runs and the cap on sentence length the stages search."""
    try:
        return work()
    except UnreadableText as error:
        raise InvalidInput(str(error)) from error
    except (OverflowError, ValueError) as error:
        log.warning("pipeline refused a text: %r", error)
        raise InvalidInput("a date in the text resolves outside years 1-9999 against published_at") from error


def _extraction(pipeline: Pipeline, text: str, published: date) -> Extraction:
    return run_pipeline(lambda: pipeline.extract(text, published))


def extract_article(
    *, pipeline: Pipeline, article: ArticleIn, explain: bool = False
) -> ExtractionOut:
    """Events of an article, nothing stored."""
    extraction = _extraction(pipeline, article.text, article.published_date)
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
    timexes: list[Timex] = run_pipeline(lambda: pipeline.tag_time(request.text, request.published_date))
    return TemporalOut(timexes=[public_timex(t) for t in timexes])


def _stored(session: Session, article_id: int) -> ArticleWithEvents:
    row = article_store.get_article(session=session, article_id=article_id)
    return ArticleWithEvents(
        article=article_store.public_article(row),
        events=article_store.article_events(session=session, article_id=article_id),
    )


def ingest_article(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, article: ArticleIn, body_html: str | None = None,
    metrics: Metrics | None = None,
) -> tuple[ArticleWithEvents, bool]:
    """Stores an article with its events, once: a repost (same external id, URL or text) returns
    the stored result and `created=False`, also when two requests race on the unique identity key."""
    key = article_store.identity_key(article)
    with database_errors(), sessions() as session:
        existing = article_store.find_by_identity(session=session, key=key)
        if existing is not None:
            return _stored(session, existing.id), False
    started = time.perf_counter()
    extraction = _extraction(pipeline, article.text, article.published_date)
    events: list[EventPublic] = [public_event(e) for e in extraction.events]
    if metrics is not None:
        metrics.observe_extraction(time.perf_counter() - started, events, extraction.timings)
    return store_article(sessions=sessions, article=article, events=events, pipeline_version=pipeline.version,
                         body_html=body_html)


def save_events(
    *, session: Session, article: Article, events: list[EventPublic], pipeline_version: str,
    rows: list[Event] | None = None, now: datetime | None = None,
) -> EventDiff:
    """THE place an article's events are written, in the caller's transaction: by a synchronous POST, a batch,
    an async job, a bulk ingest and a re-extraction. Diffs `events` against the stored ones (`rows`, when the
    caller read them already), writes the difference with change tracking, stamps the article with the
    pipeline version, links the events to actors and stories across articles, and puts the added events in the
    webhook outbox."""
    if rows is None:
        rows = event_writes.stored_events(session=session, article_id=article.id, for_update=True)
    diff = diff_events(event_writes.as_stored(rows), events)
    if rows and not diff.empty:
        # A re-extraction: the article's events leave their stories (whose summaries are recomputed) and are
        # linked again below, with their new readings; changed events lose their old actor links.
        forget_article(session=session, article_id=article.id)
        unlink_events(session=session, event_ids=[event_id for event_id, _ in diff.changed])
    added = event_writes.write_events(session=session, article=article, rows=rows, diff=diff,
                                      pipeline_version=pipeline_version, now=now or datetime.now(UTC))
    article.pipeline_version = pipeline_version
    if not diff.empty:
        link_actors(session=session, article_id=article.id)  # actors across articles
        link_stories(session=session, article_id=article.id)  # reports of one incident across articles
    if added:
        enqueue_deliveries(session=session, article_id=article.id, event_ids=[row.id for row in added])
    return diff


def store_article(
    *, sessions: sessionmaker[Session], article: ArticleIn, events: list[EventPublic], pipeline_version: str,
    body_html: str | None = None,
) -> tuple[ArticleWithEvents, bool]:
    """Stores an extracted article with its events in one transaction; when the identity key is already
    taken (a race, or a repost within a batch) answers the stored result with `created=False`."""
    key = article_store.identity_key(article)
    with database_errors(), sessions() as session:
        try:
            with session.begin():
                row = article_store.add_article(session=session, article=article, pipeline_version=pipeline_version,
                                                body_html=body_html)
                article_id = row.id
                save_events(session=session, article=row, events=events, pipeline_version=pipeline_version,
                            rows=[])  # a new article has no events yet
        except IntegrityError:
            existing = article_store.find_by_identity(session=session, key=key)
            if existing is None:
                raise
            return _stored(session, existing.id), False
        return _stored(session, article_id), True
