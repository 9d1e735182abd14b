"""POST /v1/articles:batch with Prefer: respond-async, and several jobs run with one parse (`run_jobs`), on SQLite
and PostgreSQL."""

from __future__ import annotations

import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.api.app import create_app
from service.jobs.flows import accept_articles, run_jobs
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from service.store.models import Article, Event
from tests.jobs.conftest import job_settings as _settings

ASYNC = {"Prefer": "respond-async"}
PLAIN = {"text": "Families flee\nMore than 200 families fled the village of Ostrava Nova last month.",
         "published_at": "2023-05-10"}
OTHER = {"text": "Cemetery\nVandals desecrated graves in Brenton on Sunday.", "published_at": "2023-06-01"}


def _done(client: TestClient, location: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location).json()
        if job["status"] in ("done", "dead"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"{location} still {job['status']}")


def test_an_async_batch_answers_202_with_a_job_and_location_per_item_then_each_is_done(
    async_client: TestClient
) -> None:
    answer = async_client.post("/v1/articles:batch", json={"articles": [PLAIN, OTHER]}, headers=ASYNC)
    assert answer.status_code == 202 and answer.headers["preference-applied"] == "respond-async"
    items = answer.json()["items"]
    assert [i["status"] for i in items] == [202, 202]
    assert all(i["location"] == f"/v1/jobs/{i['job']['id']}" for i in items)
    for item in items:
        job = _done(async_client, item["location"])
        assert job["status"] == "done"
        assert async_client.get(f"{job['article_url']}/events").json()


def test_an_async_batch_answers_stored_results_and_problems_per_item(async_client: TestClient) -> None:
    assert async_client.post("/v1/articles", json=PLAIN).status_code == 201
    batch = {"articles": [PLAIN, {"text": "", "published_at": "2023-05-10"}, OTHER]}
    items = async_client.post("/v1/articles:batch", json=batch, headers=ASYNC).json()["items"]
    assert [i["status"] for i in items] == [200, 422, 202]
    assert items[0]["result"]["events"] and items[1]["problem"]["status"] == 422


def test_a_repeat_within_an_async_batch_answers_the_same_job(async_client: TestClient) -> None:
    items = async_client.post("/v1/articles:batch", json={"articles": [PLAIN, PLAIN]}, headers=ASYNC).json()["items"]
    assert items[0]["job"]["id"] == items[1]["job"]["id"]
    with async_client.app.state.sessions() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(Article)) == 1


def test_an_async_batch_gets_503_with_retry_after_over_the_pending_bound(clean_database: str,
                                                                         pipeline: Pipeline) -> None:
    with TestClient(create_app(_settings(clean_database, max_pending_jobs=0), pipeline=pipeline)) as client:
        answer = client.post("/v1/articles:batch", json={"articles": [PLAIN]}, headers=ASYNC)
        assert answer.status_code == 503 and answer.headers["retry-after"] == "30"
        assert answer.headers["content-type"].startswith("application/problem+json")
        with client.app.state.sessions() as session:  # type: ignore[attr-defined]
            assert session.scalar(select(func.count()).select_from(Article)) == 0


def test_jobs_run_together_and_a_text_the_pipeline_refuses_fails_only_its_job(
    sessions: sessionmaker[Session], pipeline: Pipeline, clean_database: str
) -> None:
    unreadable = {"text": "x" * 600 + " end", "published_at": "2023-05-10"}
    accepted = accept_articles(sessions=sessions, articles=[(ArticleIn.model_validate(a), None)
                                                            for a in (PLAIN, unreadable, OTHER)],
                               request=None, max_open_jobs=10)
    job_ids = [a.job.id for a in accepted if a.job is not None]
    statuses = run_jobs(sessions=sessions, pipeline=pipeline, job_ids=job_ids, settings=_settings(clean_database))
    assert [statuses[j] for j in job_ids] == ["done", "dead", "done"]
    again = run_jobs(sessions=sessions, pipeline=pipeline, job_ids=job_ids, settings=_settings(clean_database))
    assert set(again.values()) == {"skipped"}
    with sessions() as session:
        per_article = dict(session.execute(select(Event.article_id, func.count()).group_by(Event.article_id)).all())
    assert sorted(per_article) == sorted(a.job.article_id for a in accepted if a.job is not None)[::2]
