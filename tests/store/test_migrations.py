"""The Alembic migrations on SQLite and PostgreSQL with rows in the tables: an upgrade keeps what was stored and
backfills the new columns; a downgrade and a new upgrade give the same schema back without losing articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from service.cli import alembic_config, migrate
from service.config import Settings
from service.store.db import make_engine
from tests.conftest import postgres_database

# The schema of the first release that stored events; what came after it must keep its rows.
BEFORE = "0006_webhooks"


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at revision BEFORE."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
        migrate(Settings(database_url=url), BEFORE)
        yield url
        return
    with postgres_database("eventline_migrations", revision=BEFORE) as url:
        yield url


def _store_rows(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, identity_key, text, text_sha256, published_at, published_date, language,"
            " pipeline_version, created_at) VALUES (1, 'ext:1', 'Militants bombed a shrine.', 'x',"
            " '2021-09-10 00:00:00+00:00', '2021-09-10', 'en', '2026.11.25.2', '2021-09-10 08:00:00+00:00')"))
        for event_id in (1, 2):
            connection.execute(text(
                "INSERT INTO events (id, article_id, type, certainty, confidence, sentence, actor_text,"
                " location_text, sort_date, undated, payload) VALUES (:id, 1, 'desecration', 'asserted', 0.9,"
                " 'Militants bombed a shrine.', 'militants', '', '2021-09-10', :undated, '{}')"),
                {"id": event_id, "undated": True})


def _event_rows(engine: Engine) -> list[tuple[int, str, int]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(  # type: ignore[misc]
            text("SELECT id, pipeline_version, change_seq FROM events ORDER BY id"))]


def test_upgrading_keeps_stored_events_and_backfills_their_version_and_change_number(old_database: str) -> None:
    engine = make_engine(old_database)
    _store_rows(engine)
    migrate(Settings(database_url=old_database))
    rows = _event_rows(engine)
    with engine.connect() as connection:
        counter = connection.execute(text("SELECT value FROM change_sequence")).scalar_one()
    engine.dispose()
    assert rows == [(1, "2026.11.25.2", 1), (2, "2026.11.25.2", 2)]
    assert counter == 2  # the next change is numbered after the backfilled ones


def test_downgrading_and_upgrading_again_gives_the_schema_back_and_keeps_the_articles(old_database: str) -> None:
    engine = make_engine(old_database)
    _store_rows(engine)
    migrate(Settings(database_url=old_database))
    head_tables = set(inspect(engine).get_table_names())
    command.downgrade(alembic_config(old_database), BEFORE)
    assert {"actors", "stories", "event_tombstones"}.isdisjoint(inspect(engine).get_table_names())
    migrate(Settings(database_url=old_database))
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) == head_tables
    assert [row[0] for row in _event_rows(engine)] == [1, 2]
    engine.dispose()
