"""GET /v1/events?changed_since= (service/change_feed.py): a downstream copy kept in sync, on both databases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from service.extraction_pool import InProcessExtractor
from service.reextraction import reextract
from service.store.models import Article, Event

CORPUS = sorted((Path(__file__).parents[1] / "corpus").glob("*/article.json"))


def _post(client: TestClient, raw: dict[str, Any]) -> dict[str, Any]:
    answer = client.post("/v1/articles", json=raw)
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _changes(client: TestClient, since: int | str, **params: Any) -> dict[str, Any]:
    answer = client.get("/v1/events", params={"changed_since": since, **params})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_events_carry_their_pipeline_version_and_change_number(client: TestClient,
                                                               seed_article: dict[str, object]) -> None:
    stored = _post(client, seed_article)
    event = stored["events"][0]
    assert event["pipeline_version"] == stored["article"]["pipeline_version"]
    assert event["change_seq"] > 0 and event["created_at"] == event["updated_at"]


def test_changed_since_zero_answers_every_event_in_change_order(client: TestClient) -> None:
    first = _post(client, json.loads(CORPUS[0].read_text()))
    second = _post(client, json.loads(CORPUS[1].read_text()))
    page = _changes(client, 0, limit=500)
    assert [e["id"] for e in page["events"]] == [e["id"] for e in first["events"] + second["events"]]
    assert page["changes_through"] == second["events"][0]["change_seq"]


def test_nothing_is_answered_after_the_last_changes_through(client: TestClient,
                                                            seed_article: dict[str, object]) -> None:
    _post(client, seed_article)
    through = _changes(client, 0)["changes_through"]
    page = _changes(client, through)
    assert (page["events"], page["changes_through"]) == ([], through)


def test_a_reextraction_answers_its_changed_and_added_events_and_tombstones(
    client: TestClient, seed_article: dict[str, object]
) -> None:
    stored = _post(client, seed_article)
    article_id, events = stored["article"]["id"], stored["events"]
    through = _changes(client, 0)["changes_through"]
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():  # as an older pipeline left it
        first, second = (session.get(Event, e["id"]) for e in events[:2])
        session.delete(first)
        second.payload = {**second.payload, "confidence": 0.01}
        session.execute(update(Article).where(Article.id == article_id).values(pipeline_version="old"))
    reextract(sessions=sessions, extractor=InProcessExtractor(client.app.state.pipeline))  # type: ignore[attr-defined]
    page = _changes(client, through, include_deleted="true")
    changed = {e["id"] for e in page["events"]}
    assert events[1]["id"] in changed and len(changed) == 2  # the misread one, and the missing one back
    assert page["deleted"] == []
    assert all(e["change_seq"] == page["changes_through"] for e in page["events"])


def test_deleting_an_article_answers_a_tombstone_per_event(client: TestClient, seed_article: dict[str, object]) -> None:
    stored = _post(client, seed_article)
    through = _changes(client, 0)["changes_through"]
    assert client.delete(f"/v1/articles/{stored['article']['id']}").status_code == 204
    page = _changes(client, through, include_deleted="true")
    assert sorted(d["id"] for d in page["deleted"]) == sorted(e["id"] for e in stored["events"])
    assert page["events"] == [] and page["changes_through"] > through


def test_without_include_deleted_no_tombstones_are_answered(client: TestClient,
                                                            seed_article: dict[str, object]) -> None:
    stored = _post(client, seed_article)
    client.delete(f"/v1/articles/{stored['article']['id']}")
    assert _changes(client, 0)["deleted"] is None


def test_a_page_holds_whole_articles_and_links_to_the_next(client: TestClient) -> None:
    first = _post(client, json.loads(CORPUS[0].read_text()))
    second = _post(client, json.loads(CORPUS[1].read_text()))
    assert len(first["events"]) > 1
    answer = client.get("/v1/events", params={"changed_since": 0, "limit": 1})
    assert [e["id"] for e in answer.json()["events"]] == [e["id"] for e in first["events"]]
    link = answer.headers["link"]
    assert f"changed_since={answer.json()['changes_through']}" in link and link.endswith('rel="next"')
    rest = _changes(client, answer.json()["changes_through"], limit=500)
    assert [e["id"] for e in rest["events"]] == [e["id"] for e in second["events"]]
    assert "link" not in client.get("/v1/events", params={"changed_since": rest["changes_through"]}).headers


def test_changed_since_a_time_answers_the_events_written_from_then(client: TestClient,
                                                                   seed_article: dict[str, object]) -> None:
    stored = _post(client, seed_article)
    written = stored["events"][0]["updated_at"]
    assert len(_changes(client, written)["events"]) == len(stored["events"])
    assert _changes(client, "2999-01-01T00:00:00Z")["events"] == []


def test_other_filters_select_among_the_changed_events(client: TestClient, seed_article: dict[str, object]) -> None:
    stored = _post(client, seed_article)
    page = _changes(client, 0, type="statement")
    assert [e["id"] for e in page["events"]] == [e["id"] for e in stored["events"] if e["type"] == "statement"]


def test_changed_since_refuses_another_format_a_bad_value_or_include_deleted_alone(client: TestClient) -> None:
    for params in ({"changed_since": "0", "format": "csv"}, {"changed_since": "yesterday"},
                   {"include_deleted": "true"}):
        answer = client.get("/v1/events", params=params)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"].startswith("application/problem+json")
