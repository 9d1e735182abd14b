"""PostgreSQL stops under load: /readyz and writes answer 503 problem+json with Retry-After, never 500;
once it is back, the same server recovers without a restart. Stops the whole cluster: slow suite only."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx
import pytest

from tests.reliability.conftest import Server, corpus_articles, start_cluster, stop_cluster

pytestmark = pytest.mark.slow


async def _hammer(url: str, stop: asyncio.Event, statuses: Counter[int], phase: list[str]) -> None:
    articles = corpus_articles()
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        n = 0
        while not stop.is_set():
            article = {**articles[n % len(articles)], "external_id": f"outage-{phase[0]}-{n}"}
            response = await client.post("/v1/articles", json=article)
            statuses[response.status_code] += 1
            if response.status_code == 503:
                assert response.headers["retry-after"]
                assert response.headers["content-type"].startswith("application/problem+json")
            n += 1


def test_database_outage_answers_503_and_recovers_without_restart(server: Server) -> None:
    async def scenario() -> dict[str, Counter[int]]:
        phase = ["before"]
        seen: dict[str, Counter[int]] = {"before": Counter(), "down": Counter(), "after": Counter()}
        stop = asyncio.Event()
        load = [asyncio.create_task(_hammer(server.url, stop, seen["before"], phase)) for _ in range(4)]
        await asyncio.sleep(3)
        try:
            stop.set()
            await asyncio.gather(*load)
            stop_cluster()
            stop = asyncio.Event()
            phase[0] = "down"
            load = [asyncio.create_task(_hammer(server.url, stop, seen["down"], phase)) for _ in range(4)]
            await asyncio.sleep(4)
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
                ready = await client.get("/readyz")
                assert ready.status_code == 503 and ready.headers["retry-after"]
                for path in ("/v1/events", "/v1/timeline", "/v1/articles/1"):
                    read = await client.get(path)
                    assert read.status_code == 503, (path, read.status_code, read.text[:200])
            stop.set()
            await asyncio.gather(*load)
        finally:
            start_cluster()
        deadline = time.monotonic() + 30
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            while (await client.get("/readyz")).status_code != 200:
                assert time.monotonic() < deadline, "the server did not recover"
                await asyncio.sleep(0.5)
            phase[0] = "after"
            stop = asyncio.Event()
            load = [asyncio.create_task(_hammer(server.url, stop, seen["after"], phase)) for _ in range(4)]
            await asyncio.sleep(3)
            stop.set()
            await asyncio.gather(*load)
        return seen

    try:
        seen = asyncio.run(scenario())
    finally:
        start_cluster()
    print(f"\noutage: before {dict(seen['before'])}, database down {dict(seen['down'])}, after {dict(seen['after'])}")
    assert set(seen["before"]) <= {200, 201} and seen["before"][201] > 0
    assert set(seen["down"]) <= {503} and seen["down"][503] > 0
    assert set(seen["after"]) <= {200, 201} and seen["after"][201] > 0
