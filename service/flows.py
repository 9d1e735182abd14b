"""Work that spans the pipeline and the store: extract an article, ingest it once."""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import InterfaceError as SAInterfaceError
from sqlalchemy.orm import Session, sessionmaker

from service.conversions import public_event, public_timex, sentence_explanations
from service.errors import InvalidInput, Unavailable
from service.pipeline.extract import Extraction
from service.pipeline.pipeline import Pipeline
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

T = TypeVar("T")
log = logging.getLogger("eventline.flows")
# Default CPU budget of one text in the pipeline when the caller gives none (settings.extract_cpu_seconds).
DEFAULT_CPU_SECONDS = 15.0


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


class _OverBudget(BaseException):  # not Exception: a stage's `except Exception` must not swallow it
    """Raised inside the pipeline's thread when its text has used up its CPU budget."""


def _cpu_seconds(thread: threading.Thread) -> float | None:
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(thread.ident or 0))
    except (AttributeError, OSError):  # no per-thread CPU clocks here: fall back to wall time
        return None


def within_cpu_budget(work: Callable[[], T], seconds: float) -> T:
    """`work()`, run in a thread of its own and interrupted once it has used `seconds` of CPU time.

    The pipeline's stages are Python code, so the interruption lands within milliseconds; its time grows
    faster than linearly with the length of a sentence, and a hostile text must not hold a worker for
    minutes. Counting CPU rather than wall time keeps a busy server from refusing ordinary articles."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except _OverBudget:
            outcome["over"] = True
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="eventline-pipeline", daemon=True)
    started = time.monotonic()
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
        used = _cpu_seconds(worker)
        if worker.is_alive() and (used if used is not None else time.monotonic() - started) > seconds:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident or 0),
                                                       ctypes.py_object(_OverBudget))
            worker.join()
            outcome.setdefault("over", True)
    if "error" in outcome:
        raise outcome["error"]
    if "value" not in outcome:
        raise InvalidInput(f"the text needs more than {seconds:g} s of processing; send it in shorter parts")
    return outcome["value"]


def _run_pipeline(work: Callable[[], T], seconds: float) -> T:
    """The pipeline's answer within its budget; dates that resolve outside years 1-9999 (\"next year\"
    in an article of 9999) are the input's fault, not a server error."""
    try:
        return within_cpu_budget(work, seconds)
    except (OverflowError, ValueError) as error:
        log.warning("pipeline refused a text: %r", error)
        raise InvalidInput("a date in the text resolves outside years 1-9999 against published_at") from error


def _extraction(pipeline: Pipeline, text: str, published: date, seconds: float) -> Extraction:
    return _run_pipeline(lambda: pipeline.extract(text, published), seconds)


def extract_article(
    *, pipeline: Pipeline, article: ArticleIn, explain: bool = False, cpu_seconds: float = DEFAULT_CPU_SECONDS
) -> ExtractionOut:
    """Events of an article, nothing stored."""
    extraction = _extraction(pipeline, article.text, article.published_date, cpu_seconds)
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


def tag_temporal(*, pipeline: Pipeline, request: TemporalIn, cpu_seconds: float = DEFAULT_CPU_SECONDS) -> TemporalOut:
    timexes: list[Timex] = _run_pipeline(lambda: pipeline.tag_time(request.text, request.published_date), cpu_seconds)
    return TemporalOut(timexes=[public_timex(t) for t in timexes])


def _stored(session: Session, article_id: int) -> ArticleWithEvents:
    row = article_store.get_article(session=session, article_id=article_id)
    return ArticleWithEvents(
        article=article_store.public_article(row),
        events=article_store.article_events(session=session, article_id=article_id),
    )


def ingest_article(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, article: ArticleIn,
    cpu_seconds: float = DEFAULT_CPU_SECONDS, body_html: str | None = None,
) -> tuple[ArticleWithEvents, bool]:
    """Stores an article with its events, once: a repost (same external id, URL or text) returns
    the stored result and `created=False`, also when two requests race on the unique identity key."""
    key = article_store.identity_key(article)
    with database_errors(), sessions() as session:
        existing = article_store.find_by_identity(session=session, key=key)
        if existing is not None:
            return _stored(session, existing.id), False
    extraction = _extraction(pipeline, article.text, article.published_date, cpu_seconds)
    events: list[EventPublic] = [public_event(e) for e in extraction.events]
    return store_article(sessions=sessions, article=article, events=events, pipeline_version=pipeline.version,
                         body_html=body_html)


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
                row = article_store.add_article(
                    session=session, article=article, events=events, pipeline_version=pipeline_version,
                    body_html=body_html,
                )
                article_id = row.id
        except IntegrityError:
            existing = article_store.find_by_identity(session=session, key=key)
            if existing is None:
                raise
            return _stored(session, existing.id), False
        return _stored(session, article_id), True
