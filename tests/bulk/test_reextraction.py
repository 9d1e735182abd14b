"""`eventline reextract` (service/reextraction.py) on SQLite and PostgreSQL: the diff applied per article,
dry runs, change tracking, the outbox, and a run interrupted on its Nth article then resumed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from service.cli import main
from service.config import Settings
from service.extraction_pool import InProcessExtractor
from service.flows import ingest_article
from service.jobs.flows import accept_article
from service.pipeline.pipeline import Pipeline
from service.reextraction import reextract
from service.schemas import ArticleIn
from service.store.models import Article, Event, EventActor, EventTombstone, StoryEvent, Webhook, WebhookDelivery
from tests.bulk.extractors import CrashingExtractor

OLD = "2000.01.01.1"
CORPUS = sorted((Path(__file__).parents[1] / "corpus").glob("*/article.json"))


def _store(sessions: sessionmaker[Session], pipeline: Pipeline, raw: dict[str, Any]) -> int:
    result, _ = ingest_article(sessions=sessions, pipeline=pipeline, article=ArticleIn.model_validate(raw))
    assert result.article.id is not None
    return result.article.id


def _make_old(sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():
        session.execute(update(Article).values(pipeline_version=OLD))


def _events(sessions: sessionmaker[Session], article_id: int) -> dict[int, Event]:
    with sessions() as session:
        return {e.id: e for e in session.scalars(select(Event).where(Event.article_id == article_id))}


def _count(sessions: sessionmaker[Session], model: type[Any]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def tampered(sessions: sessionmaker[Session], pipeline: Pipeline,
             seed_article: dict[str, object]) -> tuple[int, dict[str, int]]:
    """The seed article as an older pipeline left it: one event missing, one read differently, one that the
    current pipeline does not find. Answers the article id and the ids of those events."""
    article_id = _store(sessions, pipeline, seed_article)
    with sessions() as session, session.begin():
        rows = list(session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.id)))
        assert len(rows) >= 3
        missing, misread, kept = rows[0], rows[1], rows[2]
        session.delete(missing)
        misread.payload = {**misread.payload, "confidence": 0.01}
        ghost = Event(**{c: getattr(kept, c) for c in ("article_id", "type", "subtype", "certainty", "confidence",
                                                       "sentence", "quote", "actor_text", "location_text",
                                                       "date_value", "date_start", "date_end", "sort_date",
                                                       "undated", "pipeline_version", "created_at", "updated_at",
                                                       "change_seq")},
                      payload={**kept.payload, "trigger_span": {"start": 0, "end": 1}, "span": {"start": 0, "end": 1}})
        session.add(ghost)
        session.flush()
        ids = {"missing": missing.id, "misread": misread.id, "kept": kept.id, "ghost": ghost.id}
    _make_old(sessions)
    return article_id, ids


def test_reextraction_adds_updates_in_place_and_removes_keeping_unchanged_ids(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    article_id, ids = tampered
    before = _events(sessions, article_id)
    summary = reextract(sessions=sessions, extractor=InProcessExtractor(pipeline))
    after = _events(sessions, article_id)
    assert (summary.articles, summary.changed_articles) == (1, 1)
    kinds = {kind: n for (_, kind), n in summary.counts.items() if kind != "unchanged"}
    assert kinds == {"added": 1, "changed": 1, "removed": 1}
    assert ids["ghost"] not in after
    assert after[ids["kept"]].change_seq == before[ids["kept"]].change_seq
    assert after[ids["misread"]].payload["confidence"] != 0.01
    assert after[ids["misread"]].change_seq > before[ids["misread"]].change_seq
    assert after[ids["misread"]].pipeline_version == pipeline.version
    assert len(after) == len(before)  # the missing one is back (under a new id), the ghost gone


def test_reextraction_links_every_event_it_writes_to_actors_and_stories_again(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    """The event read back (a new id) gets its actor and story links; a removed one leaves no link behind;
    the article's incidents are in stories exactly once."""
    article_id, _ = tampered
    reextract(sessions=sessions, extractor=InProcessExtractor(pipeline))
    with sessions() as session:
        events = {e.id: e for e in session.scalars(select(Event).where(Event.article_id == article_id))}
        actor_links = set(session.scalars(select(EventActor.event_id)))
        story_links = list(session.scalars(select(StoryEvent.event_id)))
    incidents = {i for i, e in events.items() if e.type in ("desecration", "displacement")}
    assert actor_links <= set(events) and story_links and set(story_links) <= incidents
    assert len(story_links) == len(set(story_links)) == len(incidents)
    named = {i for i, e in events.items() if any((e.payload.get(role) or {}).get("canonical")
                                                  for role in ("agent", "speaker"))}
    assert named <= actor_links


def test_a_removed_event_leaves_a_tombstone_with_the_version_that_removed_it(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    _, ids = tampered
    reextract(sessions=sessions, extractor=InProcessExtractor(pipeline))
    with sessions() as session:
        tombstones = list(session.scalars(select(EventTombstone)))
    assert [(t.event_id, t.pipeline_version) for t in tombstones] == [(ids["ghost"], pipeline.version)]


def test_a_dry_run_reports_the_diff_and_writes_nothing(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    article_id, _ = tampered
    before = {i: (e.payload, e.change_seq) for i, e in _events(sessions, article_id).items()}
    summary = reextract(sessions=sessions, extractor=InProcessExtractor(pipeline), dry_run=True)
    assert summary.changed_articles == 1
    assert {i: (e.payload, e.change_seq) for i, e in _events(sessions, article_id).items()} == before
    with sessions() as session:
        assert session.get(Article, article_id).pipeline_version == OLD  # type: ignore[union-attr]
    assert "dry run: nothing written" in summary.render()


def test_articles_at_the_current_version_are_skipped(
    sessions: sessionmaker[Session], pipeline: Pipeline, seed_article: dict[str, object]
) -> None:
    _store(sessions, pipeline, seed_article)
    assert reextract(sessions=sessions, extractor=InProcessExtractor(pipeline)).articles == 0


def test_pending_articles_are_left_to_their_job(sessions: sessionmaker[Session], pipeline: Pipeline,
                                                seed_article: dict[str, object]) -> None:
    accept_article(sessions=sessions, article=ArticleIn.model_validate(seed_article), body_html=None, request=None,
                   max_open_jobs=10)
    assert reextract(sessions=sessions, extractor=InProcessExtractor(pipeline)).articles == 0


def test_since_limits_the_run_to_articles_stored_from_then(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert reextract(sessions=sessions, extractor=InProcessExtractor(pipeline), stored_since=tomorrow).articles == 0
    yesterday = datetime.now(UTC) - timedelta(days=1)
    assert reextract(sessions=sessions, extractor=InProcessExtractor(pipeline), stored_since=yesterday).articles == 1


def test_only_added_events_go_to_the_webhook_outbox(
    sessions: sessionmaker[Session], pipeline: Pipeline, tampered: tuple[int, dict[str, int]]
) -> None:
    with sessions() as session, session.begin():
        session.add(Webhook(url="https://example.org/hook", event_types=[], secret="whsec_x",
                            created_at=datetime.now(UTC), active=True))
    reextract(sessions=sessions, extractor=InProcessExtractor(pipeline))
    with sessions() as session:
        deliveries = list(session.scalars(select(WebhookDelivery)))
    assert len(deliveries) == 1
    assert deliveries[0].event_id not in tampered[1].values()


def test_an_interrupted_run_resumes_and_applies_each_article_once(
    sessions: sessionmaker[Session], pipeline: Pipeline
) -> None:
    articles = [json.loads(p.read_text()) for p in CORPUS[:5]]
    ids = [_store(sessions, pipeline, raw) for raw in articles]
    expected = {i: len(_events(sessions, i)) for i in ids}
    with sessions() as session, session.begin():  # an older pipeline found nothing in them
        session.execute(Event.__table__.delete())
    _make_old(sessions)
    with pytest.raises(RuntimeError, match="killed"):
        reextract(sessions=sessions, extractor=CrashingExtractor(pipeline, crash_at=3), batch_size=1)
    assert [len(_events(sessions, i)) for i in ids[:2]] == [expected[i] for i in ids[:2]]
    assert all(len(_events(sessions, i)) == 0 for i in ids[2:])
    resumed = reextract(sessions=sessions, extractor=InProcessExtractor(pipeline), batch_size=2)
    assert resumed.articles == 3
    assert {i: len(_events(sessions, i)) for i in ids} == expected
    assert reextract(sessions=sessions, extractor=InProcessExtractor(pipeline)).articles == 0


def test_the_cli_prints_the_diff_summary_per_type(
    clean_database: str, sessions: sessionmaker[Session], tampered: tuple[int, dict[str, int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", clean_database)
    assert Settings().database_url == clean_database
    assert main(["reextract", "--dry-run", "--since", "2000-01-01"]) == 0
    out = capsys.readouterr().out
    assert "1 articles re-extracted, 1 would change" in out
    assert out.splitlines()[1].split() == ["type", "added", "removed", "changed", "unchanged"]
    assert out.splitlines()[-1].split()[:4] == ["total", "1", "1", "1"]
