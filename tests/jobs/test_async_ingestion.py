"""Prefer: respond-async on POST /v1/articles, the jobs API, the embedded executor, retries, the sweeper and
back-pressure, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from service.api.app import create_app
from service.jobs.flows import accept_article, run_job, sweep
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from service.store import jobs as job_store
from service.store.models import Event, Job
from tests.jobs.conftest import job_settings as _settings

ASYNC = {"Prefer": "respond-async"}


def _wait_for(client: TestClient, location: str, statuses: tuple[str, ...] = ("done", "dead")) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location).json()
        if job["status"] in statuses:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job still {job['status']}")


def _event_count(sessions: sessionmaker[Session], article_id: int) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Event).where(Event.article_id == article_id)) or 0)


class FailingPipeline:
    version = "failing-1"

    def extract(self, text: str, published: date) -> object:
        raise RuntimeError("the model fell over")


def test_respond_async_answers_202_with_location_then_the_job_is_done(
    async_client: TestClient, seed_article: dict[str, object]
) -> None:
    answer = async_client.post("/v1/articles", json=seed_article, headers=ASYNC)
    assert answer.status_code == 202
    assert answer.headers["preference-applied"] == "respond-async"
    location = answer.headers["location"]
    assert location == f"/v1/jobs/{answer.json()['id']}"
    job = _wait_for(async_client, location)
    assert (job["status"], job["attempts"], job["error"]) == ("done", 1, None)
    events = async_client.get(f"{job['article_url']}/events").json()
    expected = async_client.post("/v1/extract", json=seed_article).json()["events"]
    assert len(events) == len(expected) > 0
    assert async_client.get(job["article_url"]).json()["pipeline_version"] != "pending"


def test_synchronous_post_stays_the_default(async_client: TestClient, seed_article: dict[str, object]) -> None:
    answer = async_client.post("/v1/articles", json=seed_article)
    assert answer.status_code == 201 and answer.json()["events"]
    assert "eventline_pipeline_seconds_count 1.0" in async_client.get("/metrics").text


def test_async_repost_of_a_synchronously_stored_article_answers_the_stored_result(
    async_client: TestClient, seed_article: dict[str, object]
) -> None:
    async_client.post("/v1/articles", json=seed_article)
    again = async_client.post("/v1/articles", json=seed_article, headers=ASYNC)
    assert again.status_code == 200 and again.json()["events"]


def test_a_redelivered_job_stores_one_set_of_events(sessions: sessionmaker[Session], pipeline: Pipeline,
                                                    seed_article: dict[str, object]) -> None:
    settings = _settings("sqlite://")
    accepted = accept_article(sessions=sessions, article=ArticleIn.model_validate(seed_article), body_html=None,
                              request="r-1", max_open_jobs=10)
    assert accepted.job is not None and accepted.created
    job_id, article_id = accepted.job.id, accepted.job.article_id
    assert run_job(sessions=sessions, pipeline=pipeline, job_id=job_id, settings=settings) == "done"
    stored = _event_count(sessions, article_id)
    assert stored > 0
    assert run_job(sessions=sessions, pipeline=pipeline, job_id=job_id, settings=settings) == "skipped"
    with sessions() as session, session.begin():  # as if a lost message were swept and delivered again
        session.execute(update(Job).where(Job.id == job_id).values(status="running"))
    assert run_job(sessions=sessions, pipeline=pipeline, job_id=job_id, settings=settings) == "done"
    assert _event_count(sessions, article_id) == stored


def test_a_failing_job_is_retried_then_dead_with_its_problem(
    sessions: sessionmaker[Session], clean_database: str, pipeline: Pipeline, seed_article: dict[str, object]
) -> None:
    # A retry an hour away: no executor of another test's app sharing this database takes it meanwhile.
    settings = _settings(clean_database, job_max_attempts=2, job_retry_seconds=3600)
    failing: Any = FailingPipeline()
    accepted = accept_article(sessions=sessions, article=ArticleIn.model_validate(seed_article), body_html=None,
                              request=None, max_open_jobs=10)
    assert accepted.job is not None
    job_id = accepted.job.id
    assert run_job(sessions=sessions, pipeline=failing, job_id=job_id, settings=settings) == "failed"
    now = datetime.now(UTC)
    with sessions() as session, session.begin():
        assert job_store.due_jobs(session=session, now=now, stale_before=now - timedelta(hours=1)) == []
    with sessions() as session, session.begin():
        later = now + timedelta(hours=2)
        assert job_store.due_jobs(session=session, now=later, stale_before=now - timedelta(hours=1)) == [job_id]
    assert run_job(sessions=sessions, pipeline=failing, job_id=job_id, settings=settings) == "dead"
    with sessions() as session, session.begin():
        assert job_store.due_jobs(session=session, now=later, stale_before=later) == []
    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        job = client.get(f"/v1/jobs/{job_id}").json()
    assert (job["status"], job["attempts"]) == ("dead", 2)
    assert job["error"]["status"] == 500 and "the model fell over" in job["error"]["detail"]


def test_the_sweeper_requeues_running_jobs_nobody_touched_for_too_long(
    sessions: sessionmaker[Session], seed_article: dict[str, object]
) -> None:
    settings = _settings("sqlite://", job_stale_seconds=60)
    accepted = accept_article(sessions=sessions, article=ArticleIn.model_validate(seed_article), body_html=None,
                              request=None, max_open_jobs=10)
    assert accepted.job is not None
    assert sweep(sessions=sessions, settings=settings) == []
    with sessions() as session, session.begin():  # a worker claimed it two minutes ago and died
        session.execute(update(Job).values(status="running", updated_at=datetime.now(UTC) - timedelta(minutes=2)))
    assert sweep(sessions=sessions, settings=settings) == [accepted.job.id]
    with sessions() as session:
        assert session.get(Job, accepted.job.id).status == "pending"  # type: ignore[union-attr]


def test_async_posts_get_503_with_retry_after_over_the_pending_bound(
    clean_database: str, pipeline: Pipeline, seed_article: dict[str, object]
) -> None:
    with TestClient(create_app(_settings(clean_database, max_pending_jobs=0), pipeline=pipeline)) as client:
        answer = client.post("/v1/articles", json=seed_article, headers=ASYNC)
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert int(answer.headers["retry-after"]) > 0


def test_an_unknown_job_is_404(async_client: TestClient) -> None:
    answer = async_client.get("/v1/jobs/999999")
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"


def test_the_request_id_is_answered_and_stored_with_the_job(
    async_client: TestClient, seed_article: dict[str, object]
) -> None:
    answer = async_client.post("/v1/articles", json=seed_article, headers={**ASYNC, "X-Request-ID": "cms-42.a"})
    assert answer.headers["x-request-id"] == "cms-42.a"
    assert async_client.get(answer.headers["location"]).json()["request_id"] == "cms-42.a"
    made_up = async_client.get("/healthz", headers={"X-Request-ID": "bad id <script>"}).headers["x-request-id"]
    assert len(made_up) == 32


def test_metrics_count_requests_events_and_open_jobs(async_client: TestClient,
                                                     seed_article: dict[str, object]) -> None:
    location = async_client.post("/v1/articles", json=seed_article, headers=ASYNC).headers["location"]
    _wait_for(async_client, location)
    text = async_client.get("/metrics").text
    assert 'eventline_http_requests_total{method="POST",route="/v1/articles",status="202"} 1.0' in text
    assert "eventline_jobs_open 0.0" in text
    assert 'eventline_events_extracted_total{type="' in text
    assert "eventline_job_latency_seconds_count 1.0" in text
    assert "eventline_pipeline_seconds_count 1.0" in text
