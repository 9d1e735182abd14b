"""Many articles in one request: each validated and answered on its own (201, 200 or 4xx), the new ones
parsed together through `nlp.pipe`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from service.conversions import public_event
from service.errors import EventlineError, InvalidInput
from service.flows import database_errors, run_pipeline, store_article
from service.jobs.flows import accept_articles
from service.ninjs import ArticleOrNinjs, NinjsArticle, incoming_article
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleWithEvents, JobPublic
from service.store import articles as article_store

MAX_BATCH = 100
_BODY = TypeAdapter(ArticleOrNinjs)


class BatchIn(BaseModel):
    articles: list[dict[str, Any]] = Field(
        min_length=1, max_length=MAX_BATCH,
        description="Up to 100 articles or ninjs items; each is validated and answered on its own.",
    )


class BatchItemOut(BaseModel):
    index: int
    status: int = Field(description="201 stored, 200 already stored (`result`), 202 accepted for extraction "
                        "(`job`, `location`; with `Prefer: respond-async`), 4xx refused (see `problem`).")
    result: ArticleWithEvents | None = None
    problem: dict[str, Any] | None = None
    job: JobPublic | None = None
    location: str | None = Field(default=None, description="With status 202: where the job's state is read.")


class BatchOut(BaseModel):
    items: list[BatchItemOut]


def _problem(status: int, title: str, detail: str) -> dict[str, Any]:
    return {"type": "https://eventline.dev/problems/invalid-input", "title": title, "status": status,
            "detail": detail}


def validated_item(raw: object, max_text_chars: int) -> NinjsArticle:
    """A raw article or ninjs item, validated (InvalidInput with every fault when it is no article)."""
    try:
        body = _BODY.validate_python(raw)
    except ValidationError as error:
        raise InvalidInput("; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                                     for e in error.errors())) from error
    incoming = incoming_article(body, None)
    if len(incoming.article.text) > max_text_chars:
        raise InvalidInput(f"text is longer than {max_text_chars} characters")
    return incoming


def _validate_all(
    batch: BatchIn, max_text_chars: int
) -> tuple[dict[int, BatchItemOut], list[tuple[int, NinjsArticle]]]:
    """Refusals per index, and the valid items."""
    refused: dict[int, BatchItemOut] = {}
    valid: list[tuple[int, NinjsArticle]] = []
    for index, raw in enumerate(batch.articles):
        try:
            valid.append((index, validated_item(raw, max_text_chars)))
        except EventlineError as error:
            refused[index] = BatchItemOut(index=index, status=error.status,
                                          problem=_problem(error.status, error.title, error.detail))
    return refused, valid


def accept_batch(
    *, sessions: sessionmaker[Session], batch: BatchIn, max_text_chars: int, max_open_jobs: int,
    request: str | None,
) -> tuple[BatchOut, list[int]]:
    """`Prefer: respond-async` for a batch: valid new articles stored as pending with a job each, in one
    transaction; answers per item (202 with the job, 200 with the stored result, 4xx) and the new job ids."""
    items, valid = _validate_all(batch, max_text_chars)
    accepted = accept_articles(sessions=sessions, articles=[(i.article, i.body_html) for _, i in valid],
                               request=request, max_open_jobs=max_open_jobs) if valid else []
    new_jobs: list[int] = []
    for (index, _), answer in zip(valid, accepted, strict=True):
        if answer.job is None:
            items[index] = BatchItemOut(index=index, status=200, result=answer.stored)
            continue
        items[index] = BatchItemOut(index=index, status=202, job=answer.job, location=f"/v1/jobs/{answer.job.id}")
        if answer.created:
            new_jobs.append(answer.job.id)
    return BatchOut(items=[items[i] for i in sorted(items)]), new_jobs


def ingest_batch(
    *, sessions: sessionmaker[Session], pipeline: Pipeline, batch: BatchIn, max_text_chars: int
) -> BatchOut:
    items, valid = _validate_all(batch, max_text_chars)
    new: list[tuple[int, NinjsArticle]] = []
    with database_errors(), sessions() as session:
        for index, incoming in valid:
            existing = article_store.find_by_identity(session=session, key=article_store.identity_key(incoming.article))
            if existing is not None:
                result = ArticleWithEvents(article=article_store.public_article(existing),
                                           events=article_store.article_events(session=session, article_id=existing.id))
                items[index] = BatchItemOut(index=index, status=200, result=result)
            else:
                new.append((index, incoming))
    texts = [(i.article.text, i.article.published_date) for _, i in new]
    extractions = run_pipeline(lambda: list(pipeline.extract_many(texts)))
    for (index, incoming), extraction in zip(new, extractions, strict=True):
        result, created = store_article(
            sessions=sessions, article=incoming.article, events=[public_event(e) for e in extraction.events],
            pipeline_version=pipeline.version, body_html=incoming.body_html,
        )
        items[index] = BatchItemOut(index=index, status=201 if created else 200, result=result)
    return BatchOut(items=[items[i] for i in sorted(items)])
