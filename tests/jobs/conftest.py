"""What the asynchronous-ingestion tests share: settings that retry and sweep at once, and a client on them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.pipeline.pipeline import Pipeline


def job_settings(url: str, **overrides: Any) -> Settings:
    """Settings without auth whose failed jobs are retried at once and whose sweeper runs five times a second."""
    return Settings(database_url=url, auth=False, **{"job_retry_seconds": 0, "job_sweep_seconds": 0.2, **overrides})


@pytest.fixture
def async_client(clean_database: str, pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(job_settings(clean_database), pipeline=pipeline)) as client:
        yield client
