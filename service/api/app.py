"""Builds the FastAPI application. Nothing happens at import: `create_app(settings)` wires the
database and loads the model in the lifespan, once per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from service.api.etags import ConditionalGet
from service.api.headers import install_headers
from service.api.idempotency import IdempotencyKeys
from service.api.limits import BodySizeLimit
from service.api.problems import install_problem_handlers
from service.api.routes import articles, events, extraction, health
from service.api.security import authorize, warn_when_open
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.store.db import make_engine, make_session_factory

DESCRIPTION = (
    "Eventline reads news articles and answers with dated, evidenced events: desecration, displacement and "
    "statements (who said what, with the speech act). Errors are RFC 9457 problem+json."
)


def create_app(settings: Settings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The application for these settings. Pass a loaded `pipeline` to share one across apps (tests)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        app.state.engine = engine
        app.state.sessions = make_session_factory(engine)
        warn_when_open(settings)
        if pipeline is not None:
            app.state.pipeline = pipeline
        elif settings.load_model:
            app.state.pipeline = Pipeline.load(settings.spacy_model)
        else:
            app.state.pipeline = None
        yield
        engine.dispose()

    app = FastAPI(title="Eventline", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  dependencies=[Depends(authorize)])
    app.state.settings = settings
    app.state.pipeline = pipeline
    install_problem_handlers(app)
    app.add_middleware(IdempotencyKeys)  # inside BodySizeLimit: it reads bodies already bounded
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_headers(app, settings.cors_origins)
    app.add_middleware(ConditionalGet)
    for router in (health.router, articles.router, extraction.router, events.router):
        app.include_router(router)
    return app


def app_from_environment() -> FastAPI:
    """Entry point for `uvicorn --factory`: settings from the environment."""
    return create_app(Settings())
