"""The committed OpenAPI document is the one the app serves (`make openapi` regenerates it)."""

from __future__ import annotations

import json
from pathlib import Path

from service.cli import openapi_document

COMMITTED = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def test_committed_openapi_matches_the_app() -> None:
    assert json.loads(COMMITTED.read_text()) == json.loads(json.dumps(openapi_document(), sort_keys=True))


def test_openapi_documents_every_public_route() -> None:
    paths = set(openapi_document()["paths"])  # type: ignore[arg-type]
    assert {"/v1/articles", "/v1/extract", "/v1/temporal", "/v1/events", "/v1/timeline", "/healthz",
            "/readyz", "/v1/articles/{article_id}", "/v1/articles/{article_id}/events"} <= paths
