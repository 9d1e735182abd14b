"""Stories: the events of different articles that tell one incident, with their sources; split on request."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Path, Query, Request, Response

from service.api.deps import SessionDep, SettingsDep
from service.api.exporting import json_page
from service.api.problems import PROBLEM
from service.api.routes.events import SINCE_HELP, UNTIL_HELP, date_bound, page_limit
from service.flows import database_errors
from service.schemas import MAX_ID, StoryPage, StoryPublic, StorySplitIn, StorySplitOut
from service.store import stories as story_store
from service.story_views import story_detail, story_page, story_summary

router = APIRouter(prefix="/v1/stories", tags=["stories"])
StoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="An id Eventline gave the story")]


@router.get("", response_model=StoryPage, responses={422: PROBLEM, 503: PROBLEM})
def get_stories(
    request: Request, session: SessionDep, settings: SettingsDep,
    type: Annotated[Literal["desecration", "displacement"] | None, Query()] = None,
    since: Annotated[str | None, Query(max_length=40, description=SINCE_HELP)] = None,
    until: Annotated[str | None, Query(max_length=40, description=UNTIL_HELP)] = None,
    cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
    limit: int | None = None,
) -> Response:
    first, last = date_bound(since, "since", end=False), date_bound(until, "until", end=True)
    with database_errors():
        page = story_page(session=session, event_type=type, since=first, until=last,
                          limit=page_limit(limit, settings), cursor=cursor)
    return json_page(request, page, page.next_cursor)


@router.get("/{story_id}", response_model=StoryPublic, responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def get_story(story_id: StoryId, session: SessionDep) -> StoryPublic:
    with database_errors():
        return story_detail(session=session, story_id=story_id)


@router.post("/{story_id}/split", response_model=StorySplitOut,
             responses={400: PROBLEM, 404: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def split_story(story_id: StoryId, session: SessionDep,
                body: Annotated[StorySplitIn | None, Body()] = None) -> StorySplitOut:
    with database_errors(), session.begin():
        stories = story_store.split_story(session=session, story_id=story_id,
                                          event_ids=body.event_ids if body else None)
        return StorySplitOut(stories=[story_summary(s) for s in stories])
