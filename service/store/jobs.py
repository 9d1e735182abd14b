"""Jobs: the asynchronous extraction of an article, claimed, finished or scheduled for a retry."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from service.errors import NotFound
from service.schemas import JobPublic
from service.store.articles import claim_version
from service.store.models import Article, Job

OPEN = ("pending", "running", "failed")
FINAL = ("done", "dead")
# An article accepted asynchronously carries this version until its events are stored.
PENDING_VERSION = "pending"


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)  # SQLite returns naive UTC


def add_job(*, session: Session, article_id: int, request_id: str | None, now: datetime) -> Job:
    job = Job(article_id=article_id, status="pending", attempts=0, request_id=request_id, created_at=now,
              updated_at=now)
    session.add(job)
    session.flush()
    return job


def get_job(*, session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"no job with id {job_id}")
    return job


def latest_job(*, session: Session, article_id: int) -> Job | None:
    return session.scalars(select(Job).where(Job.article_id == article_id).order_by(Job.id.desc())).first()


def count_open(*, session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Job).where(Job.status.in_(OPEN))) or 0)


def claim(*, session: Session, job_id: int, now: datetime) -> Job | None:
    """Marks the job running and counts the attempt; None when it is finished (a redelivered message)."""
    job = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).first()
    if job is None or job.status in FINAL:
        return None
    job.status, job.attempts, job.updated_at, job.run_after = "running", job.attempts + 1, now, None
    return job


def store_events_once(*, session: Session, article_id: int, pipeline_version: str) -> Article | None:
    """Stamps the pending article with the pipeline version; the article when this transaction is the one
    that does (and so must add the events), None when events were stored already (idempotent)."""
    return claim_version(session=session, article_id=article_id, expected=PENDING_VERSION, version=pipeline_version)


def finish(*, session: Session, job_id: int, status: str, now: datetime, error: dict[str, Any] | None = None,
           run_after: datetime | None = None) -> Job | None:
    job = session.get(Job, job_id)
    if job is None:
        return None
    job.status, job.error, job.updated_at, job.run_after = status, error, now, run_after
    if status in FINAL:
        job.finished_at = now
    return job


def due_jobs(*, session: Session, now: datetime, stale_before: datetime, limit: int = 500) -> list[int]:
    """Jobs to enqueue again, set back to `pending`: retries that are due, and pending or running jobs
    nobody touched since `stale_before` (a lost message, a killed worker). Rows another sweeper holds are
    skipped (PostgreSQL)."""
    rows = session.scalars(
        select(Job).where(or_(
            and_(Job.status == "failed", Job.run_after <= now),
            and_(Job.status.in_(("pending", "running")), Job.updated_at < stale_before),
        )).order_by(Job.id).limit(limit).with_for_update(skip_locked=True)
    ).all()
    for job in rows:
        job.status, job.updated_at = "pending", now
    return [job.id for job in rows]


def public_job(job: Job) -> JobPublic:
    return JobPublic(
        id=job.id, article_id=job.article_id, status=job.status,  # type: ignore[arg-type]
        attempts=job.attempts, error=job.error, request_id=job.request_id, created_at=_utc(job.created_at),
        updated_at=_utc(job.updated_at), finished_at=_utc(job.finished_at) if job.finished_at else None,
        article_url=f"/v1/articles/{job.article_id}",
    )
