"""Stories over HTTP on SQLite and PostgreSQL: reports of one incident linked when stored, read back with their
sources and agreement, split, unlinked on delete, grouped in the timeline; and two concurrent posts about one
incident ending in one story."""

from __future__ import annotations

import threading
import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.conversions import public_event
from service.flows import save_events, store_article
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from service.store import articles as article_store
from service.store.models import Story

WIRE = {"text": "Militants destroy shrine in Mosul\nMilitants destroyed the shrine of the prophet Jonah in Mosul on "
                "Thursday, residents said.", "published_at": "2024-03-08", "source": "Wire", "url": "https://a.test/1"}
PAPER = {"text": "Shrine blown up in Mosul\nIslamist militants blew up the prophet Jonah's shrine in Mosul on "
                 "Thursday, police confirmed.", "published_at": "2024-03-08", "source": "Paper",
         "url": "https://b.test/1"}
LATER = {"text": "Another shrine destroyed in Mosul\nMilitants destroyed a shrine of a Sufi saint in Mosul on "
                 "Monday, residents said.", "published_at": "2024-05-14", "source": "Wire", "url": "https://a.test/2"}


def _post(client: TestClient, article: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/articles", json=article)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _stories(client: TestClient) -> list[dict[str, Any]]:
    stories: list[dict[str, Any]] = client.get("/v1/stories").json()["stories"]
    return stories


def test_two_outlets_reporting_one_incident_make_one_story(client: TestClient) -> None:
    _post(client, WIRE)
    _post(client, PAPER)
    assert [s["sources_count"] for s in _stories(client)] == [2]


def test_the_same_place_on_another_date_is_another_story(client: TestClient) -> None:
    for article in (WIRE, PAPER, LATER):
        _post(client, article)
    assert sorted(s["sources_count"] for s in _stories(client)) == [1, 2]


def test_story_lists_each_source_with_its_evidence_score_and_reasons(client: TestClient) -> None:
    _post(client, WIRE)
    _post(client, PAPER)
    story = client.get(f"/v1/stories/{_stories(client)[0]['id']}").json()
    assert {s["article"]["source"] for s in story["sources"]} == {"Wire", "Paper"}
    joined = [s for s in story["sources"] if s["score"] is not None]
    assert joined and {"date", "place", "target"} <= {r["field"] for r in joined[0]["reasons"]}
    assert all(s["event"]["sentence"] and s["event"]["certainty"] for s in story["sources"])
    assert "place" in story["agreement"]["agree"]


def test_unknown_story_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/stories/12345")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_split_takes_an_event_out_into_a_locked_story_that_nothing_joins(client: TestClient) -> None:
    _post(client, WIRE)
    paper = _post(client, PAPER)
    story_id = _stories(client)[0]["id"]
    event_id = paper["events"][0]["id"]
    split = client.post(f"/v1/stories/{story_id}/split", json={"event_ids": [event_id]})
    assert split.status_code == 200
    assert [s["locked"] for s in split.json()["stories"]] == [False, True]
    _post(client, {**PAPER, "url": "https://c.test/1", "source": "Third"})
    locked = client.get(f"/v1/stories/{split.json()['stories'][1]['id']}").json()
    assert locked["events_count"] == 1


def test_split_without_events_makes_every_event_a_story_of_its_own(client: TestClient) -> None:
    _post(client, WIRE)
    _post(client, PAPER)
    story_id = _stories(client)[0]["id"]
    assert client.post(f"/v1/stories/{story_id}/split").status_code == 200
    assert all(s["events_count"] == 1 and s["locked"] for s in _stories(client))
    assert client.get(f"/v1/stories/{story_id}").status_code == 404


def test_split_of_an_event_outside_the_story_is_a_422(client: TestClient) -> None:
    _post(client, WIRE)
    story_id = _stories(client)[0]["id"]
    response = client.post(f"/v1/stories/{story_id}/split", json={"event_ids": [987654]})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_deleting_an_article_takes_its_events_out_and_drops_an_emptied_story(client: TestClient) -> None:
    wire = _post(client, WIRE)
    paper = _post(client, PAPER)
    assert client.delete(f"/v1/articles/{paper['article']['id']}").status_code == 204
    assert [s["sources_count"] for s in _stories(client)] == [1]
    assert client.delete(f"/v1/articles/{wire['article']['id']}").status_code == 204
    assert _stories(client) == []


def test_timeline_grouped_by_story_shows_one_entry_with_its_sources(client: TestClient) -> None:
    _post(client, WIRE)
    _post(client, PAPER)
    days = client.get("/v1/timeline?group=story&type=desecration").json()["days"]
    entries = [e for day in days for e in day["entries"]]
    assert len(entries) == 1 and entries[0]["story"]["sources_count"] == 2
    ungrouped = client.get("/v1/timeline?type=desecration").json()["days"]
    assert sum(len(d["entries"]) for d in ungrouped) >= 2


def test_stories_are_filtered_by_type_and_dates(client: TestClient) -> None:
    for article in (WIRE, PAPER, LATER):
        _post(client, article)
    assert len(client.get("/v1/stories?since=2024-05").json()["stories"]) == 1
    assert client.get("/v1/stories?type=displacement").json()["stories"] == []
    assert client.get("/v1/stories?since=someday").status_code == 422


def test_stories_are_paged_with_a_cursor(client: TestClient) -> None:
    for article in (WIRE, LATER):
        _post(client, article)
    first = client.get("/v1/stories?limit=1").json()
    second = client.get(f"/v1/stories?limit=1&cursor={first['next_cursor']}").json()
    assert first["stories"][0]["id"] != second["stories"][0]["id"]
    assert client.get("/v1/stories?cursor=forged").status_code == 422


def test_two_concurrent_posts_about_one_incident_make_one_story(
    sessions: sessionmaker[Session], pipeline: Pipeline
) -> None:
    """The first transaction links and holds its lock (or SQLite's write lock) while the second posts: the
    second waits, then sees the first's story and joins it instead of starting one."""
    first, second = ArticleIn.model_validate(WIRE), ArticleIn.model_validate(PAPER)
    events = {a.url: [public_event(e) for e in pipeline.extract(a.text, a.published_date).events]
              for a in (first, second)}
    with sessions() as session, session.begin():
        row = article_store.add_article(session=session, article=first, pipeline_version="test")
        save_events(session=session, article=row, events=events[first.url], pipeline_version="test", rows=[])
        racer = threading.Thread(target=store_article, kwargs={
            "sessions": sessions, "article": second, "events": events[second.url], "pipeline_version": "test"})
        racer.start()
        time.sleep(0.5)  # the second post is now waiting on the lock
    racer.join(timeout=30)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Story)) == 1
