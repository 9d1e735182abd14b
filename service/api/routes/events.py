"""Events and timelines, filtered and paginated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from service.api.deps import SessionDep, SessionsDep, SettingsDep
from service.api.exporting import EXPORT_CONTENT, FORMAT_HELP, export_response, json_page
from service.api.problems import PROBLEM
from service.change_feed import changes_page, parse_changed_since
from service.config import Settings
from service.errors import InvalidInput
from service.exports import ExportFormat, negotiate
from service.flows import database_errors
from service.pipeline.temporal import value_interval
from service.schemas import MAX_ID, EventPage, Timeline, storable
from service.store.events import EventFilter, decode_cursor
from service.story_views import story_timeline
from service.timelines import event_page, timeline

router = APIRouter(prefix="/v1", tags=["events"])
ACTOR_HELP = "Text in the agent, target, speaker or attribution (names and aliases)"
COUNTRY_HELP = "Events whose place lies in this country: an ISO 3166-1 alpha-2 code (AF, PK, US)"
SINCE_HELP = "Events whose date reaches this day or later (2021-09 = from Sept 1); undated events are left out"
UNTIL_HELP = "Events whose date starts on or before this day (2021-09 = through Sept 30)"
GROUP_HELP = ("story: one entry per story (its first report, with `story.sources_count`) instead of one per "
              "article's event; the filters apply to that first report")


def date_bound(value: str | None, name: str, end: bool) -> date | None:
    """The first (or last, `end`) day of a `since`/`until` value; 422 when it is no date."""
    if value is None:
        return None
    try:
        interval = value_interval((_text(value, name) or "").strip())
    except (ValueError, OverflowError):  # a week or quarter that runs past year 9999
        interval = None
    if interval is None:
        raise InvalidInput(f"{name} must be a date like 2021, 2021-09, 2021-09-09 or 2021-W36")
    return interval[1] if end else interval[0]


def _text(value: str | None, name: str) -> str | None:
    try:
        return value if value is None else storable(value, name)
    except ValueError as error:
        raise InvalidInput(str(error)) from error


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    if not (len(value) == 2 and value.isascii() and value.isalpha()):
        raise InvalidInput("country must be an ISO 3166-1 alpha-2 code, like AF or PK")
    return value.upper()


def event_filter(
    type: Annotated[Literal["desecration", "displacement", "statement"] | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=200, description=ACTOR_HELP)] = None,
    location: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(max_length=40, description=COUNTRY_HELP)] = None,
    since: Annotated[str | None, Query(max_length=40, description=SINCE_HELP)] = None,
    until: Annotated[str | None, Query(max_length=40, description=UNTIL_HELP)] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the evidence sentence or quote")] = None,
) -> EventFilter:
    return EventFilter(type=type, actor=_text(actor, "actor"), location=_text(location, "location"),
                       since=date_bound(since, "since", end=False), until=date_bound(until, "until", end=True),
                       article_id=article_id, q=_text(q, "q"), country=_country(country))


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _cursor(
    cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
) -> str | None:
    if cursor:
        decode_cursor(cursor)  # a forged cursor is refused before any answer starts (streamed exports)
    return cursor


CursorDep = Annotated[str | None, Depends(_cursor)]


def page_limit(limit: int | None, settings: SettingsDep) -> int:
    if limit is None:
        return settings.default_page_size
    if not 1 <= limit <= settings.max_page_size:
        raise InvalidInput(f"limit must be between 1 and {settings.max_page_size}")
    return limit


FormatParam = Annotated[ExportFormat | None, Query(alias="format", description=FORMAT_HELP)]
LISTING_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": EXPORT_CONTENT, "description": "The listing, in the negotiated format"}, 304: {}, 422: PROBLEM,
}


def _listing(request: Request, build: Callable[..., EventPage | Timeline], filters: EventFilter, session: Session,
             sessions: sessionmaker[Session], settings: Settings, cursor: str | None, limit: int | None,
             export_format: ExportFormat | None) -> Response:
    """A page of events or of the timeline in the negotiated format (JSON here, the others streamed)."""
    chosen = negotiate(export_format, request.headers.get("accept"))
    if chosen != "json":
        return export_response(request=request, export_format=chosen, sessions=sessions, filters=filters,
                               limit=page_limit(limit, settings), limit_given=limit is not None, cursor=cursor)
    with database_errors():
        page = build(session=session, filters=filters, limit=page_limit(limit, settings), cursor=cursor)
    return json_page(request, page, page.next_cursor)


CHANGED_SINCE_HELP = ("A change sequence number (an answer's `changes_through`, or an event's `change_seq`) or an ISO "
                      "8601 date-time: the events added or changed after it, in change order, with `changes_through` "
                      "to ask from next (JSON only; not with `cursor`)")
INCLUDE_DELETED_HELP = "With changed_since: also the events deleted after it (`deleted`: tombstones)"


@router.get("/events", response_model=EventPage, responses=LISTING_RESPONSES)
def get_events(request: Request, filters: FilterDep, session: SessionDep, sessions: SessionsDep,
               settings: SettingsDep, cursor: CursorDep, limit: int | None = None,
               export_format: FormatParam = None,
               changed_since: Annotated[str | None, Query(max_length=40, description=CHANGED_SINCE_HELP)] = None,
               include_deleted: Annotated[bool, Query(description=INCLUDE_DELETED_HELP)] = False) -> Response:
    if changed_since is None:
        if include_deleted:
            raise InvalidInput("include_deleted needs changed_since")
        return _listing(request, event_page, filters, session, sessions, settings, cursor, limit, export_format)
    if cursor is not None or negotiate(export_format, request.headers.get("accept")) != "json":
        raise InvalidInput("changed_since answers JSON pages and continues with changes_through, not a cursor")
    since = parse_changed_since(_text(changed_since, "changed_since") or "")
    with database_errors():
        page, more = changes_page(session=session, filters=filters, since=since, limit=page_limit(limit, settings),
                                  include_deleted=include_deleted)
    return json_page(request, page, None, next_url=str(request.url.include_query_params(
        changed_since=page.changes_through)) if more else None)


@router.get("/timeline", response_model=Timeline, responses=LISTING_RESPONSES)
def get_timeline(request: Request, filters: FilterDep, session: SessionDep, sessions: SessionsDep,
                 settings: SettingsDep, cursor: CursorDep, limit: int | None = None,
                 export_format: FormatParam = None,
                 group: Annotated[Literal["story"] | None, Query(description=GROUP_HELP)] = None) -> Response:
    if group == "story":
        return _listing(request, story_timeline, replace(filters, story_leads=True), session, sessions, settings,
                        cursor, limit, export_format)
    return _listing(request, timeline, filters, session, sessions, settings, cursor, limit, export_format)
