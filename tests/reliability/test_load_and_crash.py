"""50 concurrent clients post distinct and repeated articles to uvicorn (2 workers) + PostgreSQL: no errors,
every acknowledged article stored exactly once with its events. Then the same with kill -9 mid-load: after a
restart every acknowledged article is there with all its events, and no article lacks its events."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import psycopg
import pytest

from tests.reliability.conftest import Server, corpus_articles

pytestmark = pytest.mark.slow
CLIENTS = 50
LOAD_SECONDS = float(os.environ.get("EVENTLINE_LOAD_SECONDS", "60"))


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    # external_id -> (article id, number of events) of every 2xx answer
    acknowledged: dict[str, tuple[int, int]] = field(default_factory=dict)
    requests: int = 0


async def _client(url: str, seed: int, until: float, tally: Tally) -> None:
    articles = corpus_articles()
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        while time.monotonic() < until:
            n = rng.randrange(400)  # 400 distinct ids, drawn again and again: many duplicates
            article = {**articles[n % len(articles)], "external_id": f"load-{n}"}
            try:
                response = await client.post("/v1/articles", json=article)
            except httpx.HTTPError as error:
                tally.errors.append(f"{type(error).__name__}")
                await asyncio.sleep(0.2)
                continue
            tally.requests += 1
            tally.statuses[response.status_code] += 1
            if response.status_code in (200, 201):
                body = response.json()
                answer = (body["article"]["id"], len(body["events"]))
                previous = tally.acknowledged.setdefault(article["external_id"], answer)
                if previous != answer:
                    tally.errors.append(f"{article['external_id']}: {previous} then {answer}")
            else:
                tally.errors.append(f"{response.status_code}: {response.text[:200]}")


async def _load(url: str, seconds: float, tally: Tally) -> None:
    until = time.monotonic() + seconds
    await asyncio.gather(*(_client(url, seed, until, tally) for seed in range(CLIENTS)))


def _stored(database_url: str) -> dict[str, tuple[int, int, int]]:
    """external_id -> (article id, rows with that external id, events)."""
    plain = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as connection:
        rows = connection.execute(
            "SELECT a.external_id, min(a.id), count(DISTINCT a.id), count(e.id) "
            "FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY a.external_id"
        ).fetchall()
        duplicates = connection.execute(
            "SELECT count(*) FROM (SELECT article_id, type, sentence, payload::text FROM events "
            "GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"
        ).fetchone()
    assert duplicates is not None and duplicates[0] == 0, "duplicate events"
    return {external_id: (article_id, copies, events) for external_id, article_id, copies, events in rows}


def _check(tally: Tally, stored: dict[str, tuple[int, int, int]]) -> None:
    for external_id, (article_id, events) in tally.acknowledged.items():
        assert external_id in stored, f"{external_id} acknowledged but not stored"
        stored_id, copies, stored_events = stored[external_id]
        assert (stored_id, copies, stored_events) == (article_id, 1, events), external_id
    by_text: dict[int, set[int]] = {}
    for external_id, (_, copies, events) in stored.items():
        assert copies == 1
        by_text.setdefault(int(external_id.split("-")[1]) % len(corpus_articles()), set()).add(events)
    # The same text always yields the same events: an article stored without them is half-written.
    assert all(len(counts) == 1 for counts in by_text.values()), by_text


def test_fifty_clients_for_a_minute_lose_and_duplicate_nothing(server: Server) -> None:
    tally = Tally()
    started = time.monotonic()
    asyncio.run(_load(server.url, LOAD_SECONDS, tally))
    elapsed = time.monotonic() - started
    stored = _stored(server.database_url)
    print(f"\nload: {tally.requests} requests in {elapsed:.0f} s ({tally.requests / elapsed:.1f}/s), "
          f"statuses {dict(tally.statuses)}, errors {len(tally.errors)}, articles checked {len(tally.acknowledged)}")
    assert not tally.errors, tally.errors[:5]
    _check(tally, stored)
    assert set(stored) == set(tally.acknowledged)


def test_kill_9_mid_load_leaves_every_acknowledged_article_whole(server: Server) -> None:
    tally = Tally()

    async def load_then_kill() -> None:
        load = asyncio.create_task(_load(server.url, LOAD_SECONDS / 2, tally))
        await asyncio.sleep(LOAD_SECONDS / 4)
        server.kill(signal.SIGKILL)
        await load

    asyncio.run(load_then_kill())
    server.start()
    stored = _stored(server.database_url)
    refused = [e for e in tally.errors if not e.startswith(("ConnectError", "RemoteProtocolError", "ReadError"))]
    print(f"\ncrash: {tally.requests} answered before/after kill -9, statuses {dict(tally.statuses)}, "
          f"connection errors {len(tally.errors) - len(refused)}, articles checked {len(tally.acknowledged)}, "
          f"stored {len(stored)}")
    assert not refused, refused[:5]
    _check(tally, stored)
    with httpx.Client(base_url=server.url, timeout=60) as client:
        assert client.get("/readyz").status_code == 200
        for external_id, (article_id, events) in list(tally.acknowledged.items())[:50]:
            assert len(client.get(f"/v1/articles/{article_id}/events").json()) == events, external_id
