"""The job's life across store and pipeline: accept an article, run its extraction once, sweep lost jobs."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.conversions import public_event
from service.errors import EventlineError, Unavailable
from service.flows import database_errors, run_pipeline, save_events
from service.logs import request_id
from service.metrics import Metrics
from service.pipeline.extract import Extraction
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn, ArticleWithEvents, JobPublic
from service.store import articles as article_store
from service.store import jobs as job_store
from service.store.models import Article, Job

log = logging.getLogger("eventline.jobs")
MAX_RETRY_DELAY = 300.0


class JobQueue(Protocol):
    """Where accepted jobs go: the embedded executor or the broker. Losing a job here loses nothing (the
    sweeper finds it in the database)."""

    def enqueue(self, job_id: int) -> None: ...

    def enqueue_many(self, job_ids: list[int]) -> None:
        """Several jobs at once (a batch); the broker sends them in few messages, run with one parse each."""
        ...


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


def accept_articles(
    *, sessions: sessionmaker[Session], articles: list[tuple[ArticleIn, str | None]], request: str | None,
    max_open_jobs: int,
) -> list[Accepted]:
    """`accept_article` for many, in ONE transaction (one commit for a batch): each new article stored as pending
    with a job; a stored one answers its job or result; a repeat within the batch answers the first's job.
    Refuses with 503 while too many jobs are open (checked once: a batch may overshoot by its own size)."""
    keys = [article_store.identity_key(article) for article, _ in articles]
    answers: dict[str, Accepted] = {}
    with database_errors(), sessions() as session:
        for row in article_store.find_by_identities(session=session, keys=keys):
            job = job_store.latest_job(session=session, article_id=row.id)
            answers[row.identity_key] = Accepted(job=job_store.public_job(job)) if job is not None else Accepted(
                stored=ArticleWithEvents(article=article_store.public_article(row),
                                         events=article_store.article_events(session=session, article_id=row.id)))
        if len(answers) < len(set(keys)) and job_store.count_open(session=session) >= max_open_jobs:
            raise Unavailable(f"more than {max_open_jobs} articles are waiting for extraction", retry_after=30)
        created: dict[str, tuple[Article, Job]] = {}
        try:
            now = _now()
            for key, (article, body_html) in zip(keys, articles, strict=True):
                if key in answers or key in created:
                    continue
                row = article_store.add_article(session=session, article=article,
                                                pipeline_version=job_store.PENDING_VERSION, body_html=body_html)
                created[key] = (row, job_store.add_job(session=session, article_id=row.id, request_id=request, now=now))
            session.commit()
        except IntegrityError:  # another request stored one of them meanwhile: one transaction per article
            session.rollback()
            return [accept_article(sessions=sessions, article=a, body_html=h, request=request,
                                   max_open_jobs=max_open_jobs) for a, h in articles]
    for key, (_, job) in created.items():
        answers[key] = Accepted(job=job_store.public_job(job), created=True)
    log.info("%d articles accepted for extraction", len(created))
    results: list[Accepted] = []
    for key in keys:  # a repeat within the batch answers the first one's job, not created again
        answer = answers[key]
        results.append(answer)
        if answer.created:
            answers[key] = Accepted(job=answer.job)
    return results


def _retry_delay(settings: Settings, attempts: int) -> float:
    return min(settings.job_retry_seconds * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


@dataclass(frozen=True)
class _Claimed:
    job_id: int
    article_id: int
    text: str
    published: date
    attempts: int
    created: datetime
    request_id: str | None


def _claim_all(sessions: sessionmaker[Session], job_ids: list[int]) -> list[_Claimed]:
    """Marks the jobs running (one transaction); finished ones (a redelivered message) are left out."""
    claimed: list[_Claimed] = []
    with database_errors(), sessions() as session, session.begin():
        for job_id in job_ids:
            job = job_store.claim(session=session, job_id=job_id, now=_now())
            if job is None:
                continue
            article = article_store.get_article(session=session, article_id=job.article_id)
            claimed.append(_Claimed(job_id=job_id, article_id=article.id, text=article.text,
                                    published=article.published_date, attempts=job.attempts, created=job.created_at,
                                    request_id=job.request_id))
    return claimed


def _extract_claimed(pipeline: Pipeline, claimed: list[_Claimed]) -> list[Extraction | Exception]:
    """One `nlp.pipe` parse for all; when it fails, each on its own, so only the faulty article's job fails."""
    if len(claimed) > 1:
        try:
            return list(run_pipeline(lambda: list(pipeline.extract_many([(c.text, c.published) for c in claimed]))))
        except Exception:
            log.info("a batch of %d jobs failed to parse together; parsing them one by one", len(claimed))
    outcomes: list[Extraction | Exception] = []
    for job in claimed:
        try:
            outcomes.append(run_pipeline(lambda j=job: pipeline.extract(j.text, j.published)))  # type: ignore[misc]
        except Exception as error:
            outcomes.append(error)
    return outcomes


def run_jobs(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, job_ids: list[int], settings: Settings,
    metrics: Metrics | None = None,
) -> dict[int, str]:
    """Runs jobs: claims them, extracts them together, then for each stores the events and marks it done in ONE
    transaction. Safe to run again for the same jobs (a redelivered message): an article gets its events once
    per pipeline version. Answers each job's status afterwards ("skipped" when it was finished already)."""
    statuses = dict.fromkeys(job_ids, "skipped")
    claimed = _claim_all(sessions, job_ids)
    if not claimed:
        return statuses
    started = time.perf_counter()
    outcomes = _extract_claimed(pipeline, claimed)
    seconds = (time.perf_counter() - started) / len(claimed)
    for job, outcome in zip(claimed, outcomes, strict=True):
        token = request_id.set(job.request_id)
        try:
            if isinstance(outcome, Exception):
                statuses[job.job_id] = _record_failure(sessions=sessions, job_id=job.job_id, attempts=job.attempts,
                                                       error=outcome, settings=settings, metrics=metrics)
            else:
                statuses[job.job_id] = _complete(sessions=sessions, pipeline=pipeline, job=job, extraction=outcome,
                                                 seconds=seconds, metrics=metrics)
        finally:
            request_id.reset(token)
    return statuses


def run_job(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, job_id: int, settings: Settings,
    metrics: Metrics | None = None,
) -> str:
    """`run_jobs` for one job."""
    return run_jobs(sessions=sessions, pipeline=pipeline, job_ids=[job_id], settings=settings, metrics=metrics)[job_id]


def _complete(*, sessions: sessionmaker[Session], pipeline: Pipeline, job: _Claimed, extraction: Extraction,
              seconds: float, metrics: Metrics | None) -> str:
    extra = {"job_id": job.job_id, "article_id": job.article_id, "attempts": job.attempts}
    events = [public_event(e) for e in extraction.events]
    with database_errors(), sessions() as session, session.begin():
        row = job_store.store_events_once(session=session, article_id=job.article_id,
                                          pipeline_version=pipeline.version)
        job_store.finish(session=session, job_id=job.job_id, status="done", now=_now())
        if row is not None:  # last: it takes the change-number lock, held until the commit just after
            # Events are stored only with the stamp just set: a pending article has none to diff against.
            save_events(session=session, article=row, events=events, pipeline_version=pipeline.version, rows=[])
    if metrics is not None:
        metrics.observe_extraction(seconds, events, extraction.timings)
        metrics.jobs.labels(status="done").inc()
        metrics.job_seconds.observe((_now() - article_store.as_utc(job.created)).total_seconds())
    log.info("job done: %d events%s", len(events), "" if row is not None else " (stored before)",
             extra={**extra, "status": "done"})
    return "done"


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
