"""NDJSON export of 100,000 stored events holds one page in memory at a time (20,000 in `make test`; the
100,000 run is marked slow because tracemalloc makes it take ~25 s of one core)."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from service.cli import migrate
from service.config import Settings
from service.exports.ndjson import ndjson_lines
from service.exports.source import entry_pages
from service.store.db import make_engine, make_session_factory
from service.store.events import EventFilter
from service.store.models import Article, Event

PAYLOAD = {"type": "displacement", "subtype": None, "trigger": "fled", "trigger_span": {"start": 5, "end": 9},
           "sentence": "Families fled the village after shelling on Monday, residents said.",
           "span": {"start": 0, "end": 66}, "certainty": "reported", "codes": {"cameo": "0233"}, "confidence": 0.8,
           "mentions": 1, "explanation": ["displacement verb 'flee' with a displaceable group"]}


@pytest.mark.parametrize("events", [20_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_ndjson_export_streams_in_flat_memory(tmp_path: Path, events: int) -> None:
    url = f"sqlite:///{tmp_path / 'bulk.db'}"
    migrate(Settings(database_url=url))
    engine = make_engine(url)
    with engine.begin() as connection:
        article_id = connection.execute(insert(Article).returning(Article.id), [{
            "identity_key": "bulk", "text": "Bulk", "text_sha256": "0" * 64,
            "published_at": datetime(2024, 1, 1, tzinfo=UTC),
            "published_date": date(2024, 1, 1), "language": "en", "pipeline_version": "test",
            "created_at": datetime(2024, 1, 1, tzinfo=UTC)}]).scalar_one()
        row = {"article_id": article_id, "type": "displacement", "certainty": "reported", "confidence": 0.8,
               "sentence": PAYLOAD["sentence"], "actor_text": "", "location_text": "", "sort_date": date(2024, 1, 1),
               "undated": True, "payload": PAYLOAD}
        for _ in range(events // 10_000):
            connection.execute(insert(Event), [row] * 10_000)
    sessions = make_session_factory(engine)

    lines = 0
    tracemalloc.start()
    try:
        for chunk in ndjson_lines(entry_pages(sessions=sessions, filters=EventFilter())):
            lines += chunk.count(b"\n")
            if lines == 10_000:
                early_peak = tracemalloc.get_traced_memory()[1]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        engine.dispose()
    assert lines == events
    # 100k events make ~40 MB of output; a streamed export stays near one page's worth.
    assert peak < 20 * 1024 * 1024
    assert peak < early_peak * 1.5 + 2 * 1024 * 1024
