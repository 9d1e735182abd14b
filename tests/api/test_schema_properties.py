"""Property-based tests (schemathesis) from the OpenAPI document: on both databases, no generated request
gets a 5xx, and every answer has a status the document lists and the body it describes."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
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


@pytest.fixture
def api_schema(clean_database: str, pipeline: Pipeline) -> Any:
    app = create_app(Settings(database_url=clean_database), pipeline=pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=QUICK, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_generated_requests_get_documented_answers(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=THOROUGH, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_many_generated_requests_get_documented_answers(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)
