"""Stateless answers: extract events or tag dates without storing anything."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Request

from service.api.deps import PipelineDep, SettingsDep
from service.api.problems import PROBLEM
from service.errors import InvalidInput
from service.flows import extract_article, tag_temporal
from service.ninjs import ArticleOrNinjs, incoming_article
from service.schemas import ExtractionOut, TemporalIn, TemporalOut

router = APIRouter(prefix="/v1", tags=["extraction"])


@router.post("/extract", response_model=ExtractionOut, summary="Extract events, store nothing",
             responses={400: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def post_extract(
    body: Annotated[ArticleOrNinjs, Body(description="An article or an IPTC ninjs item, as for POST /v1/articles")],
    request: Request, pipeline: PipelineDep, settings: SettingsDep,
    explain: bool = Query(default=False, description="Add, per sentence, the triggers considered and why."),
) -> ExtractionOut:
    article = incoming_article(body, request.headers.get("content-type")).article
    if len(article.text) > settings.max_text_chars:
        raise InvalidInput(f"text is longer than {settings.max_text_chars} characters")
    return extract_article(pipeline=pipeline, article=article, explain=explain)


@router.post("/temporal", response_model=TemporalOut, summary="Find and normalize temporal expressions (TIMEX3)",
             responses={400: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def post_temporal(request: TemporalIn, pipeline: PipelineDep, settings: SettingsDep) -> TemporalOut:
    if len(request.text) > settings.max_text_chars:
        raise InvalidInput(f"text is longer than {settings.max_text_chars} characters")
    return tag_temporal(pipeline=pipeline, request=request)
