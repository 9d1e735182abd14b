"""Every dependency a route may ask for, as a typed alias."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.errors import Unavailable
from service.jobs.flows import JobQueue
from service.metrics import Metrics
from service.pipeline.pipeline import Pipeline


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _sessions(request: Request) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    return sessions


def _session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def pipeline_of(request: Request) -> Pipeline:
    """The loaded pipeline, or 503 (for routes that need it only on one path)."""
    pipeline: Pipeline | None = request.app.state.pipeline
    if pipeline is None:
        raise Unavailable("the language model is not loaded")
    return pipeline


def _jobs(request: Request) -> JobQueue | None:
    jobs: JobQueue | None = request.app.state.jobs
    return jobs


def _metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[Settings, Depends(_settings)]
SessionsDep = Annotated[sessionmaker[Session], Depends(_sessions)]
SessionDep = Annotated[Session, Depends(_session)]
PipelineDep = Annotated[Pipeline, Depends(pipeline_of)]
JobsDep = Annotated[JobQueue | None, Depends(_jobs)]  # None: no executor (no model loaded)
MetricsDep = Annotated[Metrics, Depends(_metrics)]
