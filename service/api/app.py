"""Builds the FastAPI application. Nothing happens at import: `create_app(settings)` wires the
database and loads the model in the lifespan, once per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session, sessionmaker

from service.api.etags import ConditionalGet
from service.api.headers import install_headers
from service.api.idempotency import IdempotencyKeys
from service.api.limits import BodySizeLimit
from service.api.observability import Observability
from service.api.problems import install_problem_handlers
from service.api.routes import actors, articles, events, extraction, health, jobs, metrics, page, stories, webhooks
from service.api.security import authorize, warn_when_open
from service.auth.rate_limit import RateLimiter
from service.config import Settings
from service.jobs.flows import JobQueue, open_jobs, run_job, sweep
from service.logs import configure_logging
from service.metrics import Metrics
from service.pipeline.pipeline import Pipeline
from service.store.db import make_engine, make_session_factory
from service.webhooks.outbox import pending_deliveries

DESCRIPTION = (
    "Eventline reads news articles and answers with dated, evidenced events: desecration, displacement and "
    "statements (who said what, with the speech act). Errors are RFC 9457 problem+json."
)


def _job_queue(settings: Settings, sessions: sessionmaker[Session], pipeline: Pipeline | None,
               metrics: Metrics) -> JobQueue | None:
    """The broker when one is configured, else an in-process executor (started here, stopped by the caller)."""
    if settings.broker_url:
        from service.jobs.broker import BrokerJobs

        return BrokerJobs(url=settings.broker_url, queue_name=settings.broker_queue,
                          batch_size=settings.job_batch_size)
    if pipeline is None:
        return None
    from service.jobs.embedded import EmbeddedJobs

    loaded = pipeline
    executor = EmbeddedJobs(
        run=lambda job_id: run_job(sessions=sessions, pipeline=loaded, job_id=job_id, settings=settings,
                                   metrics=metrics),
        sweep=lambda: sweep(sessions=sessions, settings=settings),
        capacity=settings.embedded_queue_size, sweep_seconds=settings.job_sweep_seconds,
    )
    executor.start()
    return executor


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
        app.state.jobs = _job_queue(settings, app.state.sessions, app.state.pipeline, app.state.metrics)
        app.state.metrics.watch_open_jobs(lambda: open_jobs(sessions=app.state.sessions))
        app.state.metrics.watch_outbox(lambda: pending_deliveries(sessions=app.state.sessions))
        app.state.webhook_sender = None
        if settings.webhook_poll_seconds > 0:
            from service.webhooks.delivery import WebhookSender

            app.state.webhook_sender = WebhookSender(app.state.sessions, settings, app.state.metrics)
            app.state.webhook_sender.start()
        yield
        if app.state.webhook_sender is not None:
            app.state.webhook_sender.stop()
        stop = getattr(app.state.jobs, "stop", None) or getattr(app.state.jobs, "close", None)
        if stop is not None:
            stop()
        engine.dispose()

    app = FastAPI(title="Eventline", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  dependencies=[Depends(authorize)])
    app.state.settings = settings
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute)
    app.state.pipeline = pipeline
    app.state.jobs = None
    app.state.metrics = Metrics()
    install_problem_handlers(app)
    app.add_middleware(IdempotencyKeys)  # inside BodySizeLimit: it reads bodies already bounded
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_headers(app, settings.cors_origins)
    app.add_middleware(ConditionalGet)
    app.add_middleware(Observability, metrics=app.state.metrics)  # outermost: sees every answer
    for router in (health.router, articles.router, extraction.router, events.router, jobs.router, metrics.router,
                   webhooks.router, actors.router, stories.router, page.router):
        app.include_router(router)
    app.mount(page.STATIC_PREFIX, page.static_files(), name="static")
    return app


def app_from_environment() -> FastAPI:
    """Entry point for `uvicorn --factory`: settings from the environment."""
    settings = Settings()
    configure_logging(settings.log_format)
    return create_app(settings)
