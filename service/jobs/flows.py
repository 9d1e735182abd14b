"""The job's life across store and pipeline: accept an article, run its extraction once, sweep lost jobs."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.conversions import public_event
from service.errors import EventlineError, Unavailable
from service.flows import database_errors, run_pipeline, save_events
from service.logs import request_id
from service.metrics import Metrics
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn, ArticleWithEvents, JobPublic
from service.store import articles as article_store
from service.store import jobs as job_store

log = logging.getLogger("eventline.jobs")
MAX_RETRY_DELAY = 300.0


class JobQueue(Protocol):
    """Where accepted jobs go: the embedded executor or the broker. Losing a job here loses nothing (the
    sweeper finds it in the database)."""

    def enqueue(self, job_id: int) -> None: ...


@dataclass(frozen=True)
class Accepted:
    """An async POST's answer: a job (202), or the stored result of an article extracted before (200)."""

    job: JobPublic | None = None
    stored: ArticleWithEvents | None = None
    created: bool = False


def _now() -> datetime:
    return datetime.now(UTC)


def _problem(error: BaseException) -> dict[str, Any]:
    if isinstance(error, EventlineError):
        return {"type": f"https://eventline.dev/problems/{error.type_slug}", "title": error.title,
                "status": error.status, "detail": error.detail}
    return {"type": "https://eventline.dev/problems/job-failed", "title": "Extraction failed", "status": 500,
            "detail": f"{type(error).__name__}: {error}"[:1000]}


def accept_article(
    *, sessions: sessionmaker[Session], article: ArticleIn, body_html: str | None, request: str | None,
    max_open_jobs: int,
) -> Accepted:
    """Stores the article as pending with a job, in one transaction; a repost answers its job (or, when it was
    extracted synchronously, its stored result). Refuses with 503 while too many jobs are open."""
    key = article_store.identity_key(article)
    with database_errors(), sessions() as session:
        for _ in range(2):  # a second round when another request stored the same article meanwhile
            existing = article_store.find_by_identity(session=session, key=key)
            if existing is not None:
                job = job_store.latest_job(session=session, article_id=existing.id)
                if job is not None:
                    return Accepted(job=job_store.public_job(job))
                return Accepted(stored=ArticleWithEvents(
                    article=article_store.public_article(existing),
                    events=article_store.article_events(session=session, article_id=existing.id)))
            if job_store.count_open(session=session) >= max_open_jobs:
                raise Unavailable(f"more than {max_open_jobs} articles are waiting for extraction", retry_after=30)
            try:  # the article and its job in one transaction (begun by the reads above)
                row = article_store.add_article(session=session, article=article,
                                                pipeline_version=job_store.PENDING_VERSION, body_html=body_html)
                job = job_store.add_job(session=session, article_id=row.id, request_id=request, now=_now())
                public = job_store.public_job(job)
                session.commit()
                log.info("article accepted for extraction", extra={"job_id": public.id, "article_id": row.id})
                return Accepted(job=public, created=True)
            except IntegrityError:
                session.rollback()
        raise Unavailable("the article is being stored by another request; retry", retry_after=1)


def _retry_delay(settings: Settings, attempts: int) -> float:
    return min(settings.job_retry_seconds * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


def run_job(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, job_id: int, settings: Settings,
    metrics: Metrics | None = None,
) -> str:
    """Runs one job: claims it, extracts, then stores the events and marks it done in ONE transaction. Safe to
    run again for the same job (a redelivered message): the article gets its events once per pipeline version.
    Answers the job's status afterwards ("skipped" when it was finished already)."""
    with database_errors(), sessions() as session, session.begin():
        job = job_store.claim(session=session, job_id=job_id, now=_now())
        if job is None:
            return "skipped"
        article = article_store.get_article(session=session, article_id=job.article_id)
        text, published, attempts, created = article.text, article.published_date, job.attempts, job.created_at
        token = request_id.set(job.request_id)
    try:
        extra = {"job_id": job_id, "article_id": article.id, "attempts": attempts}
        log.info("job started", extra=extra)
        started = time.perf_counter()
        try:
            extraction = run_pipeline(lambda: pipeline.extract(text, published))
            events = [public_event(e) for e in extraction.events]
        except Exception as error:
            return _record_failure(sessions=sessions, job_id=job_id, attempts=attempts, error=error,
                                   settings=settings, metrics=metrics)
        seconds = time.perf_counter() - started
        with database_errors(), sessions() as session, session.begin():
            row = job_store.store_events_once(session=session, article_id=article.id,
                                              pipeline_version=pipeline.version)
            if row is not None:
                save_events(session=session, article=row, events=events, pipeline_version=pipeline.version)
            job_store.finish(session=session, job_id=job_id, status="done", now=_now())
        if metrics is not None:
            metrics.observe_extraction(seconds, events, extraction.timings)
            metrics.jobs.labels(status="done").inc()
            created_utc = article_store.as_utc(created)
            metrics.job_seconds.observe((_now() - created_utc).total_seconds())
        log.info("job done: %d events%s", len(events), "" if row is not None else " (stored before)",
                 extra={**extra, "status": "done"})
        return "done"
    finally:
        request_id.reset(token)


def _record_failure(
    *, sessions: sessionmaker[Session], job_id: int, attempts: int, error: Exception, settings: Settings,
    metrics: Metrics | None,
) -> str:
    # A refusal of the input (4xx) will not change on a retry; anything else is retried with backoff.
    permanent = isinstance(error, EventlineError) and error.status < 500
    status = "dead" if permanent or attempts >= settings.job_max_attempts else "failed"
    run_after = _now() + timedelta(seconds=_retry_delay(settings, attempts)) if status == "failed" else None
    with database_errors(), sessions() as session, session.begin():
        job_store.finish(session=session, job_id=job_id, status=status, now=_now(), error=_problem(error),
                         run_after=run_after)
    if metrics is not None:
        metrics.jobs.labels(status=status).inc()
    log.warning("job %s after attempt %d: %r", status, attempts, error,
                extra={"job_id": job_id, "status": status, "attempts": attempts})
    return status


def sweep(*, sessions: sessionmaker[Session], settings: Settings) -> list[int]:
    """Ids of jobs to enqueue again (due retries, stale pending or running jobs), set back to pending."""
    now = _now()
    with database_errors(), sessions() as session, session.begin():
        due = job_store.due_jobs(session=session, now=now,
                                 stale_before=now - timedelta(seconds=settings.job_stale_seconds))
    if due:
        log.info("sweeper re-enqueues %d jobs", len(due))
    return due


def open_jobs(*, sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return job_store.count_open(session=session)
