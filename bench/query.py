"""Query latency: GET /v1/events and /v1/timeline with each filter, first page (limit 50), at 10k, 100k and
1M bulk-generated events, on SQLite and PostgreSQL. Target: time at the largest size ≤ 2 × time at 10k for
every filtered, paginated query; EXPLAIN is printed for each miss.

Usage: python bench/query.py [--sizes 10000,100000,1000000] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.api.app import create_app  # noqa: E402
from service.cli import migrate  # noqa: E402
from service.config import Settings  # noqa: E402
from service.store.db import make_engine  # noqa: E402
from service.store.events import EventFilter, filtered  # noqa: E402
from service.store.models import Article, Event  # noqa: E402

PG_ADMIN = os.environ.get("EVENTLINE_PG_TEST_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TYPES = ["desecration", "displacement", "statement"]
NAMES = [f"person{i} name{i % 97}" for i in range(5000)]
PLACES = [f"town{i}" for i in range(2000)]
QUERIES: dict[str, dict[str, Any]] = {
    "none": {}, "type": {"type": "statement"}, "actor": {"actor": "person1234"}, "location": {"location": "town77"},
    "q": {"q": "marker42"}, "since": {"since": "2024-06"}, "until": {"until": "2001-02"},
    "since+until": {"since": "2010-03", "until": "2010-03"}, "article_id": {"article_id": 5},
    "type+since": {"type": "displacement", "since": "2020"},
}
TARGET = 2.0


def _payload(kind: str, sentence: str) -> dict[str, Any]:
    return {"type": kind, "subtype": None, "trigger": "x", "trigger_span": {"start": 0, "end": 1},
            "sentence": sentence, "span": {"start": 0, "end": len(sentence)}, "certainty": "asserted",
            "codes": {}, "confidence": 0.5}


def fill(url: str, events: int) -> None:
    """Adds `events` events (100 per article) dated across 2000-2025; a few match each filter."""
    rng = random.Random(events)
    engine = make_engine(url)
    start = date(2000, 1, 1)
    batch_tag = uuid.uuid4().hex[:8]
    with engine.begin() as connection:
        articles = max(1, events // 100)
        connection.execute(insert(Article), [
            {"identity_key": f"ext:{batch_tag}-{i}", "external_id": f"{batch_tag}-{i}", "url": None,
             "headline": "h", "text": "t",
             "text_sha256": "0" * 64, "published_at": start, "published_date": start, "source": None,
             "language": "en", "pipeline_version": "bench", "created_at": start} for i in range(articles)])
        ids = [row[0] for row in connection.execute(
            text("SELECT id FROM articles WHERE external_id LIKE :tag ORDER BY id"), {"tag": f"{batch_tag}-%"})]
        batch: list[dict[str, Any]] = []
        for i in range(events):
            kind = TYPES[i % 3]
            day = start + timedelta(days=rng.randrange(9400))
            dated = i % 10 != 0
            sentence = f"Sentence {i} about marker{rng.randrange(20000)} in town."
            batch.append({
                "article_id": ids[i // 100], "type": kind, "subtype": None, "certainty": "asserted",
                "confidence": 0.5, "sentence": sentence, "quote": None,
                "actor_text": f"{rng.choice(NAMES)} | {rng.choice(NAMES)}", "location_text": rng.choice(PLACES),
                "date_value": day.isoformat() if dated else None, "date_start": day if dated else None,
                "date_end": day if dated else None, "sort_date": day, "undated": not dated,
                "payload": _payload(kind, sentence)})
            if len(batch) == 20_000:
                connection.execute(insert(Event), batch)
                batch = []
        if batch:
            connection.execute(insert(Event), batch)
        connection.execute(text("ANALYZE"))
    engine.dispose()


def _database(kind: str) -> tuple[str, Any]:
    if kind == "sqlite":
        folder = tempfile.mkdtemp(prefix="eventline-bench-")
        url = f"sqlite:///{folder}/bench.db"
        migrate(Settings(database_url=url))
        return url, lambda: None
    name = f"eventline_qbench_{uuid.uuid4().hex[:8]}"
    admin = PG_ADMIN.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    migrate(Settings(database_url=url))

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, drop


def _time(client: TestClient, path: str, params: dict[str, Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path, params={**params, "limit": 50})
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.text[:200]
    return statistics.median(times)


def explain(url: str, params: dict[str, Any]) -> str:
    from service.api.routes.events import event_filter

    filters: EventFilter = event_filter(**{k: v for k, v in params.items()})
    query = filtered(filters).order_by(Event.undated, Event.sort_date, Event.id).limit(51)
    engine = make_engine(url)
    compiled = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    prefix = "EXPLAIN ANALYZE " if url.startswith("postgresql") else "EXPLAIN QUERY PLAN "
    with engine.connect() as connection:
        plan = "\n".join("    " + " ".join(str(c) for c in row) for row in connection.execute(text(prefix + compiled)))
    engine.dispose()
    return plan


def run(sizes: list[int], databases: list[str]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for kind in databases:
        url, drop = _database(kind)
        try:
            app = create_app(Settings(database_url=url, load_model=False, auth=False))  # type: ignore[call-arg]
            filled = 0
            timings: dict[int, dict[tuple[str, str], float]] = {}
            for size in sizes:
                started = time.perf_counter()
                fill(url, size - filled)
                filled = size
                print(f"{kind}: {size:>9,} events ({time.perf_counter() - started:.0f} s to generate)", flush=True)
                with TestClient(app) as client:
                    timings[size] = {(path, name): _time(client, path, params)
                                     for path in ("/v1/events", "/v1/timeline") for name, params in QUERIES.items()}
            for (path, name), base in timings[sizes[0]].items():
                largest = timings[sizes[-1]][(path, name)]
                ratio = largest / base
                row = {"database": kind, "endpoint": path, "filter": name, "ratio": ratio,
                       **{f"ms_{size}": 1000 * timings[size][(path, name)] for size in sizes}}
                results.append(row)
                cells = "  ".join(f"{1000 * timings[size][(path, name)]:8.1f}" for size in sizes)
                print(f"  {path:13} {name:12} {cells} ms   ×{ratio:5.2f} {'ok' if ratio <= TARGET else 'MISSED'}")
                if ratio > TARGET and path == "/v1/events":
                    print(explain(url, QUERIES[name]))
        finally:
            drop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.databases.split(","))


if __name__ == "__main__":
    main()
