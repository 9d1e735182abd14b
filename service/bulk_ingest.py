"""`eventline ingest`: articles from JSON, NDJSON and ninjs files (or directories of them) into the store.

Each record is an Eventline article or a ninjs item, validated like a POST (`batches.validated_item`) and
stored once per identity key like a POST (`flows.store_article`). A rerun is cheap: records whose identity
key is stored already are skipped by one query per batch, before validation and parsing, so an interrupted
run is resumed by running it again. A bad record is reported (`file:line: reason`) and skipped. With
`accept_only` the articles are stored as pending with a job each (`jobs.flows.accept_article`), for the
workers or the API's executor."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from service.batches import validated_item
from service.errors import InvalidInput, Unavailable
from service.extraction_pool import Extractor
from service.flows import database_errors, store_article
from service.jobs.flows import JobQueue, accept_article
from service.ninjs import NinjsArticle, looks_like_ninjs
from service.store import articles as article_store

SUFFIXES = (".json", ".ndjson", ".jsonl")


@dataclass(frozen=True, slots=True)
class Record:
    """One record of a file, or why it is none (`problem`). `where` is `file:line` (NDJSON) or `file[index]`."""

    where: str
    raw: object = None
    problem: str | None = None


def input_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the .json/.ndjson/.jsonl files below the directories named, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    return files


def read_records(path: Path) -> list[Record]:
    """NDJSON/JSONL: a record a line. JSON: an article or ninjs item, a list of them, or `{"articles": [...]}`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Record(where=str(path), problem=f"unreadable: {error}")]
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        return [_parsed(f"{path}:{n}", line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        return [Record(where=f"{path}:{getattr(error, 'lineno', 1)}", problem=f"not JSON: {error}")]
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, list):
        return [Record(where=f"{path}[{i}]", raw=item) for i, item in enumerate(document)]
    return [Record(where=str(path), raw=document)]


def _parsed(where: str, line: str) -> Record:
    try:
        return Record(where=where, raw=json.loads(line))
    except (json.JSONDecodeError, RecursionError) as error:
        return Record(where=where, problem=f"not JSON: {error}")


def raw_identity_key(raw: object) -> str | None:
    """The identity key a record will have once validated, read from the raw record (None when it cannot be
    told without validating: the record is then validated and its key computed from the article)."""
    if not isinstance(raw, dict):
        return None
    if looks_like_ninjs(raw):
        uri = raw.get("uri")
        return f"ext:{uri}" if isinstance(uri, str) and uri else None
    fields = (raw.get("external_id"), raw.get("url"), raw.get("text"))
    if not all(value is None or isinstance(value, str) for value in fields) or not isinstance(fields[2], str):
        return None
    return article_store.identity_key_of(external_id=fields[0], url=fields[1], text=fields[2])


@dataclass
class IngestSummary:
    stored: int = 0
    accepted: int = 0  # stored as pending with a job (accept_only)
    already: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)

    def render(self) -> str:
        done = f"{self.accepted} accepted for extraction" if self.accepted else f"{self.stored} stored"
        return f"{done}, {self.already} already stored, {len(self.refused)} refused"


@dataclass
class Ingest:
    """One bulk load. `extractor` runs the pipeline (None with `queue`-only runs); `report` gets a line per
    refused record; `progress(n)` is called after each batch of n records."""

    sessions: sessionmaker[Session]
    max_text_chars: int
    extractor: Extractor | None = None
    accept_only: bool = False
    queue: JobQueue | None = None
    max_open_jobs: int = 1000
    batch_size: int = 32
    report: Callable[[str], object] = lambda line: None
    progress: Callable[[int], object] = lambda n: None
    summary: IngestSummary = field(default_factory=IngestSummary)

    def run(self, records: Iterable[Record]) -> IngestSummary:
        for batch in _batches(records, self.batch_size):
            self._batch(batch)
            self.progress(len(batch))
        return self.summary

    def _refuse(self, where: str, reason: str) -> None:
        self.summary.refused.append((where, reason))
        self.report(f"{where}: {reason}")

    def _batch(self, batch: list[Record]) -> None:
        keys = {id(r): raw_identity_key(r.raw) for r in batch if r.problem is None}
        with database_errors(), self.sessions() as session:
            stored = article_store.stored_identity_keys(session=session, keys=[k for k in keys.values() if k])
        new: list[tuple[Record, NinjsArticle]] = []
        for record in batch:
            if record.problem is not None:
                self._refuse(record.where, record.problem)
            elif keys[id(record)] in stored:
                self.summary.already += 1
            else:
                try:
                    new.append((record, validated_item(record.raw, self.max_text_chars)))
                except InvalidInput as error:
                    self._refuse(record.where, error.detail)
        if self.accept_only:
            job_ids = [job_id for _, incoming in new if (job_id := self._accept(incoming)) is not None]
            if self.queue is not None and job_ids:
                self.queue.enqueue_many(job_ids)
        elif new:
            self._extract_and_store(new)

    def _extract_and_store(self, new: list[tuple[Record, NinjsArticle]]) -> None:
        assert self.extractor is not None, "a synchronous ingest needs an extractor"
        outcomes = self.extractor.extract_all([(i.article.text, i.article.published_date) for _, i in new])
        for (record, incoming), outcome in zip(new, outcomes, strict=True):
            if isinstance(outcome, InvalidInput):
                self._refuse(record.where, outcome.detail)
                continue
            _, created = store_article(sessions=self.sessions, article=incoming.article, events=outcome,
                                       pipeline_version=self.extractor.version, body_html=incoming.body_html)
            if created:
                self.summary.stored += 1
            else:
                self.summary.already += 1

    def _accept(self, incoming: NinjsArticle) -> int | None:
        """Stores the article as pending with a job; the new job's id (None when it was stored before)."""
        while True:
            try:
                accepted = accept_article(sessions=self.sessions, article=incoming.article,
                                          body_html=incoming.body_html, request=None,
                                          max_open_jobs=self.max_open_jobs)
                break
            except Unavailable as error:  # back-pressure: the workers are behind; wait as a client would
                self.report(f"waiting {error.retry_after} s: {error.detail}")
                time.sleep(error.retry_after)
        if accepted.created and accepted.job is not None:
            self.summary.accepted += 1
            return accepted.job.id
        self.summary.already += 1
        return None


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
