"""Jobs on the real broker: RabbitMQ on 127.0.0.1:5672 and `eventline worker` subprocesses against a PostgreSQL
database of their own. Every accepted article ends `done` with exactly one set of events, also when the worker
is killed with SIGKILL mid-job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pika
import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from service.api.app import create_app
from service.cli import migrate
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from service.store.db import make_engine, make_session_factory
from service.store.models import Event, Job
from tests.conftest import PG_ADMIN_URL

pytestmark = pytest.mark.slow
BROKER_URL = os.environ.get("EVENTLINE_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/")
ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/article.json"))[:16]


@pytest.fixture
def broker_settings(tmp_path: Path) -> Iterator[Settings]:
    name = f"eventline_broker_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    queue = f"eventline-test-{uuid.uuid4().hex[:8]}"
    settings = Settings(database_url=PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", broker_url=BROKER_URL,
                        broker_queue=queue, auth=False, job_sweep_seconds=1, job_stale_seconds=10)
    migrate(settings)
    try:
        yield settings
    finally:
        with pika.BlockingConnection(pika.URLParameters(BROKER_URL)) as connection:
            channel = connection.channel()
            for suffix in ("", ".DQ", ".XQ"):
                channel.queue_delete(queue + suffix)
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_worker(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": settings.database_url, "EVENTLINE_BROKER_URL": BROKER_URL,
           "EVENTLINE_BROKER_QUEUE": settings.broker_queue, "EVENTLINE_JOB_SWEEP_SECONDS": "1",
           "EVENTLINE_JOB_STALE_SECONDS": "10"}
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "service.cli", "worker"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _post_all(client: TestClient) -> list[int]:
    ids = []
    for index, path in enumerate(CORPUS):
        answer = client.post("/v1/articles", content=path.read_bytes(),
                             headers={"Prefer": "respond-async", "content-type": "application/json",
                                      "X-Request-ID": f"broker-test-{index}"})
        assert answer.status_code == 202, answer.text
        ids.append(answer.json()["id"])
    return ids


def _jobs(settings: Settings) -> list[Job]:
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            return list(session.scalars(select(Job).order_by(Job.id)))
    finally:
        engine.dispose()


def _wait_all_done(settings: Settings, timeout: float = 240) -> list[Job]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = _jobs(settings)
        if jobs and all(job.status == "done" for job in jobs):
            return jobs
        time.sleep(0.5)
    raise AssertionError(f"jobs not done: {[(j.id, j.status, j.attempts) for j in _jobs(settings)]}")


def _assert_one_set_of_events(settings: Settings, pipeline: Pipeline) -> None:
    expected = {}
    for path in CORPUS:
        article = ArticleIn.model_validate_json(path.read_text())
        expected[article.text] = len(pipeline.extract(article.text, article.published_date).events)
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            for job in session.scalars(select(Job)):
                counted = select(func.count()).select_from(Event).where(Event.article_id == job.article_id)
                stored = session.scalar(counted)
                text = job_article_text(session, job.article_id)
                assert stored == expected[text], f"article {job.article_id}: {stored} events, {expected[text]} expected"
    finally:
        engine.dispose()


def job_article_text(session: Any, article_id: int) -> str:
    from service.store.models import Article

    article = session.get(Article, article_id)
    assert article is not None and article.pipeline_version != "pending"
    return str(article.text)


def test_a_worker_runs_every_accepted_article_once(broker_settings: Settings, pipeline: Pipeline,
                                                   tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    worker = _start_worker(broker_settings, log)
    try:
        with TestClient(create_app(broker_settings, pipeline=pipeline)) as client:
            ids = _post_all(client)
        jobs = _wait_all_done(broker_settings)
    finally:
        _stop(worker)
    assert [job.id for job in jobs] == ids
    assert all(job.attempts == 1 for job in jobs)
    _assert_one_set_of_events(broker_settings, pipeline)
    assert '"request_id": "broker-test-3"' in log.read_text()  # the request id follows the article to the worker


def test_a_worker_killed_mid_job_loses_nothing_and_stores_events_once(
    broker_settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    log = tmp_path / "worker.log"
    worker = _start_worker(broker_settings, log)
    try:
        with TestClient(create_app(broker_settings, pipeline=pipeline)) as client:
            _post_all(client)
        deadline = time.monotonic() + 120
        while not any(job.status == "running" for job in _jobs(broker_settings)):
            assert time.monotonic() < deadline, "no job started"
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed = [job.id for job in _jobs(broker_settings) if job.status == "running"]
        worker = _start_worker(broker_settings, log)
        jobs = _wait_all_done(broker_settings)
    finally:
        _stop(worker)
    assert killed
    assert all(job.attempts >= 2 for job in jobs if job.id in killed)
    _assert_one_set_of_events(broker_settings, pipeline)


def _rabbitmq(action: str) -> None:
    subprocess.run(["rabbitmqctl", action], check=True, capture_output=True, timeout=120)


def test_a_broker_restart_under_load_loses_no_accepted_article(
    broker_settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    """RabbitMQ stopped while articles are accepted and worked on: the API still answers 202 (the job is in
    the database), the sweeper sends what the broker never got, and every article ends done once."""
    log = tmp_path / "worker.log"
    worker = _start_worker(broker_settings, log)
    try:
        with TestClient(create_app(broker_settings, pipeline=pipeline)) as client:
            first = _post_all(client)
            _rabbitmq("stop_app")
            try:
                during = [
                    client.post("/v1/articles", content=path.read_bytes().replace(b'"text"', b'"external_id": '
                                b'"restart-%d", "text"' % index),
                                headers={"Prefer": "respond-async", "content-type": "application/json"})
                    for index, path in enumerate(CORPUS[:4])
                ]
            finally:
                _rabbitmq("start_app")
        assert all(answer.status_code == 202 for answer in during), [a.text for a in during]
        jobs = _wait_all_done(broker_settings, timeout=300)
    finally:
        _stop(worker)
    assert len(jobs) == len(first) + 4 and all(job.status == "done" for job in jobs)
    _assert_one_set_of_events(broker_settings, pipeline)  # each article: exactly the events of one extraction
