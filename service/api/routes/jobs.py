"""Jobs: the state of an article accepted with `Prefer: respond-async`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from service.api.deps import SessionDep
from service.api.problems import PROBLEM
from service.flows import database_errors
from service.schemas import MAX_ID, JobPublic
from service.store import jobs as job_store

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
JobId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id in the Location of a 202 answer")]


@router.get("/{job_id}", response_model=JobPublic, summary="The state of an asynchronous extraction",
            responses={404: PROBLEM, 422: PROBLEM, 503: PROBLEM})
def get_job(job_id: JobId, session: SessionDep) -> JobPublic:
    with database_errors():
        return job_store.public_job(job_store.get_job(session=session, job_id=job_id))
