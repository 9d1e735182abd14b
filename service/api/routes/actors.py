"""Actors across articles: search by name or alias, read one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from service.api.deps import SessionDep
from service.api.problems import PROBLEM
from service.flows import database_errors
from service.schemas import MAX_ID, ActorDetail, ActorKindName, ActorPage
from service.store import actor_queries

router = APIRouter(prefix="/v1/actors", tags=["actors"])
ActorId = Annotated[int, Path(ge=1, le=MAX_ID, description="An id Eventline gave the actor")]
Q_HELP = "Part of the canonical name or of any alias, whatever the case ('massoud', 'taliban fighters')"


@router.get("", response_model=ActorPage, summary="Actors, by name or any alias they were seen under",
            responses={422: PROBLEM, 503: PROBLEM})
def list_actors(
    session: SessionDep,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description=Q_HELP)] = None,
    kind: Annotated[ActorKindName | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")] = None,
) -> ActorPage:
    with database_errors():
        return actor_queries.search_actors(session=session, q=q, kind=kind, limit=limit, cursor=cursor)


@router.get("/{actor_id}", response_model=ActorDetail, summary="An actor, its aliases and the articles it appears in",
            responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def get_actor(actor_id: ActorId, session: SessionDep) -> ActorDetail:
    with database_errors():
        return actor_queries.get_actor(session=session, actor_id=actor_id)
