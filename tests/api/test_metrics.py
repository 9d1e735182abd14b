"""/metrics carries the time per pipeline stage of each extracted article."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

ARTICLE = {
    "text": "Chapel burned\nRioters burned a chapel in Kordia on Sunday, police said.",
    "published_at": "2024-05-08",
}


def test_stage_timings_are_exported_per_stage(client: TestClient) -> None:
    assert client.post("/v1/articles", json=ARTICLE).status_code == 201
    body = client.get("/metrics").text
    for stage in ("parse", "temporal", "events"):
        match = re.search(rf'eventline_pipeline_stage_seconds_count\{{stage="{stage}"\}} (\S+)', body)
        assert match is not None and float(match.group(1)) >= 1.0, stage
