"""Property-based tests (schemathesis) from the OpenAPI document: on both databases, no generated request
gets a 5xx, and every answer has a status the document lists and the body it describes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.api.app import create_app
from service.config import Settings
from service.pipeline.pipeline import Pipeline

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Examples per operation and database: the default suite stays fast; `make test-slow` runs many more.
QUICK, THOROUGH = 8, 150


COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
schema = schemathesis.openapi.from_path(COMMITTED)
SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]


@pytest.fixture
def app(clean_database: str, pipeline: Pipeline) -> Iterator[FastAPI]:
    application = create_app(Settings(database_url=clean_database), pipeline=pipeline)
    with TestClient(application):  # runs the lifespan: engine and pipeline in app.state
        yield application


@schema.parametrize()
@settings(max_examples=QUICK, deadline=None, derandomize=True, suppress_health_check=SUPPRESSED)
def test_generated_requests_get_documented_answers(app: FastAPI, case: Any) -> None:
    case.call_and_validate(app=app, checks=CHECKS)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=THOROUGH, deadline=None, suppress_health_check=SUPPRESSED)
def test_many_generated_requests_get_documented_answers(app: FastAPI, case: Any) -> None:
    case.call_and_validate(app=app, checks=CHECKS)
