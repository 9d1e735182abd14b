"""Articles: ingest once, read back, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Request, Response, status
from fastapi.responses import JSONResponse

from service.api.deps import JobsDep, PipelineDep, SessionDep, SessionsDep, SettingsDep, pipeline_of
from service.api.problems import PROBLEM
from service.batches import BatchIn, BatchOut, accept_batch, ingest_batch
from service.errors import InvalidInput, Unavailable
from service.flows import database_errors, ingest_article
from service.jobs.flows import accept_article
from service.logs import request_id
from service.ninjs import ArticleOrNinjs, incoming_article
from service.schemas import MAX_ID, ArticleIn, ArticlePublic, ArticleWithEvents, EventPublic, JobPublic
from service.store import articles as article_store

router = APIRouter(prefix="/v1/articles", tags=["articles"])
NINJS_HELP = ("An article, or an IPTC ninjs 2.x/3.x news item (detected by its shape or by Content-Type "
              "application/vnd.iptc.ninjs+json); an HTML body is reduced to text and kept.")
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="An id Eventline gave the article")]
PREFER_HELP = ("`respond-async`: store the article now and extract its events in the background; answers 202 "
               "with `Location: /v1/jobs/{id}`.")


def wants_async(prefer: str | None) -> bool:
    """Whether an RFC 7240 Prefer header asks for `respond-async` (among other preferences, any case)."""
    if not prefer:
        return False
    return any(p.split("=", 1)[0].split(";", 1)[0].strip().lower() == "respond-async" for p in prefer.split(","))


@router.post(
    "",
    response_model=ArticleWithEvents,
    status_code=status.HTTP_201_CREATED,
    summary="Store an article and extract its events",
    responses={200: {"model": ArticleWithEvents, "description": "Already stored: the stored result"},
               202: {"model": JobPublic, "description": "With `Prefer: respond-async`: accepted, see Location"},
               400: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM},
)
def post_article(
    body: Annotated[ArticleOrNinjs, Body(description=NINJS_HELP)], request: Request, response: Response,
    sessions: SessionsDep, pipeline: PipelineDep, settings: SettingsDep, jobs: JobsDep,
    prefer: Annotated[str | None, Header(description=PREFER_HELP)] = None,
) -> ArticleWithEvents | Response:
    # A plain `def`: extraction is CPU-bound and runs in the threadpool, off the event loop.
    incoming = incoming_article(body, request.headers.get("content-type"))
    article = incoming.article
    if len(article.text) > settings.max_text_chars:
        raise InvalidInput(f"text is longer than {settings.max_text_chars} characters")
    if wants_async(prefer):
        return _accept(article=incoming.article, body_html=incoming.body_html, sessions=sessions, settings=settings,
                       jobs=jobs, response=response)
    result, created = ingest_article(
        sessions=sessions, pipeline=pipeline, article=article, body_html=incoming.body_html,
        metrics=request.app.state.metrics,
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return result


def _accept(*, article: ArticleIn, body_html: str | None, sessions: SessionsDep, settings: SettingsDep,
            jobs: JobsDep, response: Response) -> ArticleWithEvents | Response:
    if jobs is None:
        raise Unavailable("asynchronous ingestion is not running in this process")
    accepted = accept_article(sessions=sessions, article=article, body_html=body_html, request=request_id.get(),
                              max_open_jobs=settings.max_pending_jobs)
    if accepted.job is None:
        assert accepted.stored is not None
        response.status_code = status.HTTP_200_OK
        return accepted.stored
    if accepted.created:
        jobs.enqueue(accepted.job.id)
    return JSONResponse(accepted.job.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED,
                        headers={"Location": f"/v1/jobs/{accepted.job.id}", "Preference-Applied": "respond-async"})


@router.post(":batch", response_model=BatchOut, summary="Store up to 100 articles, answered per item",
             responses={202: {"model": BatchOut, "description": "With `Prefer: respond-async`: accepted; each new "
                              "item's job and `location`"},
                        400: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def post_articles_batch(
    batch: BatchIn, request: Request, sessions: SessionsDep, settings: SettingsDep, jobs: JobsDep,
    prefer: Annotated[str | None, Header(description=PREFER_HELP)] = None,
) -> BatchOut | Response:
    if not wants_async(prefer):
        pipeline = pipeline_of(request)
        return ingest_batch(sessions=sessions, pipeline=pipeline, batch=batch, max_text_chars=settings.max_text_chars)
    if jobs is None:
        raise Unavailable("asynchronous ingestion is not running in this process")
    answer, new_jobs = accept_batch(sessions=sessions, batch=batch, max_text_chars=settings.max_text_chars,
                                    max_open_jobs=settings.max_pending_jobs, request=request_id.get())
    jobs.enqueue_many(new_jobs)
    return JSONResponse(answer.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED,
                        headers={"Preference-Applied": "respond-async"})


@router.get("/{article_id}", response_model=ArticlePublic, responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def get_article(article_id: ArticleId, session: SessionDep) -> ArticlePublic:
    with database_errors():
        return article_store.public_article(article_store.get_article(session=session, article_id=article_id))


@router.get("/{article_id}/events", response_model=list[EventPublic],
            responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def get_article_events(article_id: ArticleId, session: SessionDep) -> list[EventPublic]:
    with database_errors():
        article_store.get_article(session=session, article_id=article_id)
        return article_store.article_events(session=session, article_id=article_id)


@router.delete("/{article_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def delete_article(article_id: ArticleId, session: SessionDep) -> Response:
    with database_errors(), session.begin():
        article_store.delete_article(session=session, article_id=article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
