"""Ingest throughput: articles/s through HTTP POST /v1/articles (uvicorn, 2 workers, PostgreSQL) against the
in-process pipeline + store on the same articles, with p50/p95/p99 latency of the HTTP requests.

Target: HTTP ≥ 0.6 × in-process. Usage: python bench/ingest.py [--articles N] [--concurrency C]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.cli import migrate  # noqa: E402
from service.config import Settings  # noqa: E402
from service.flows import ingest_article  # noqa: E402
from service.pipeline.pipeline import Pipeline  # noqa: E402
from service.schemas import ArticleIn  # noqa: E402
from service.store.db import make_engine, make_session_factory  # noqa: E402

PG_ADMIN = os.environ.get("EVENTLINE_PG_TEST_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TARGET = 0.6


def _articles(n: int, tag: str) -> list[dict[str, Any]]:
    corpus = [json.loads(p.read_text()) for p in sorted((ROOT / "tests" / "corpus").glob("*/article.json"))]
    return [{**corpus[i % len(corpus)], "external_id": f"{tag}-{i}"} for i in range(n)]


def _database() -> tuple[str, str]:
    name = f"eventline_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    migrate(Settings(database_url=url))
    return name, url


def _drop(name: str) -> None:
    with psycopg.connect(PG_ADMIN.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_process(articles: list[dict[str, Any]], url: str) -> float:
    pipeline = Pipeline.load(Settings().spacy_model)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    ingest_article(sessions=sessions, pipeline=pipeline, article=ArticleIn.model_validate(articles[0]))
    started = time.perf_counter()
    for article in articles[1:]:
        ingest_article(sessions=sessions, pipeline=pipeline, article=ArticleIn.model_validate(article))
    seconds = time.perf_counter() - started
    engine.dispose()
    return (len(articles) - 1) / seconds


async def _post_all(base: str, articles: list[dict[str, Any]], concurrency: int) -> tuple[float, list[float]]:
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for article in articles:
        queue.put_nowait(article)
    latencies: list[float] = []

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            while not queue.empty():
                article = queue.get_nowait()
                started = time.perf_counter()
                response = await client.post("/v1/articles", json=article)
                latencies.append(time.perf_counter() - started)
                assert response.status_code == 201, response.text[:200]

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return len(articles) / (time.perf_counter() - started), latencies


def over_http(articles: list[dict[str, Any]], url: str, concurrency: int) -> tuple[float, list[float]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": url, "EVENTLINE_AUTH": "off"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "service.api.app:app_from_environment", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        asyncio.run(_post_all(base, [{**a, "external_id": "warm-" + a["external_id"]} for a in articles[:8]], 4))
        return asyncio.run(_post_all(base, articles, concurrency))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def run(n: int, concurrency: int) -> dict[str, float]:
    name, url = _database()
    try:
        local = in_process(_articles(n, "local"), url)
        remote, latencies = over_http(_articles(n, "http"), url, concurrency)
    finally:
        _drop(name)
    result = {
        "articles": n, "in_process_per_s": local, "http_per_s": remote, "ratio": remote / local,
        "p50_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * _percentile(latencies, 0.95),
        "p99_ms": 1000 * _percentile(latencies, 0.99), "cores": os.cpu_count() or 0,
    }
    print(f"articles: {n}, HTTP concurrency {concurrency}, cores {result['cores']}")
    print(f"in-process pipeline + store: {local:6.1f} articles/s")
    print(f"HTTP, uvicorn 2 workers:     {remote:6.1f} articles/s")
    print(f"ratio HTTP / in-process: {result['ratio']:.2f} (target ≥ {TARGET}) "
          f"{'met' if result['ratio'] >= TARGET else 'MISSED'}")
    print(f"latency p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    run(args.articles, args.concurrency)


if __name__ == "__main__":
    main()
