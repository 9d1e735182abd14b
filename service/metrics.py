"""Prometheus metrics, one registry per process role (an app, a worker): nothing is registered at import."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import timedelta

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from service.schemas import EventPublic

log = logging.getLogger("eventline.metrics")
_SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
# A delivery's status after an attempt, as the outcome it counts under: "pending" again means it will be retried.
WEBHOOK_OUTCOMES = {"delivered": "delivered", "pending": "retried", "failed": "failed", "dead": "dead"}


class Metrics:
    """The service's counters and histograms, registered in a registry of their own."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.requests = Counter("eventline_http_requests", "HTTP requests answered", ["method", "route", "status"],
                                registry=r)
        self.request_seconds = Histogram("eventline_http_request_seconds", "Time to answer a request",
                                         ["method", "route"], buckets=_SECONDS, registry=r)
        self.pipeline_seconds = Histogram("eventline_pipeline_seconds", "Time to extract the events of one article",
                                          buckets=_SECONDS, registry=r)
        self.stage_seconds = Histogram("eventline_pipeline_stage_seconds",
                                       "Time of one article in a pipeline stage (parse, temporal, events)",
                                       ["stage"], buckets=_SECONDS, registry=r)
        self.events = Counter("eventline_events_extracted", "Events extracted, by type", ["type"], registry=r)
        self.jobs = Counter("eventline_jobs_finished", "Job attempts by outcome (done, failed, dead)", ["status"],
                            registry=r)
        self.job_seconds = Histogram("eventline_job_latency_seconds", "From acceptance (202) to done",
                                     buckets=(*_SECONDS, 120, 300, 600), registry=r)
        self.open_jobs = Gauge("eventline_jobs_open", "Jobs pending, running or waiting for a retry (queue depth)",
                               registry=r)
        self.webhook_deliveries = Counter("eventline_webhook_deliveries",
                                          "Webhook delivery attempts by outcome (delivered, retried, failed, dead)",
                                          ["outcome"], registry=r)
        for outcome in WEBHOOK_OUTCOMES.values():  # every outcome is exported from the start, at 0
            self.webhook_deliveries.labels(outcome=outcome)
        self.webhook_request_seconds = Histogram("eventline_webhook_request_seconds",
                                                 "Time of one webhook request, answered or not", buckets=_SECONDS,
                                                 registry=r)
        self.webhook_latency_seconds = Histogram("eventline_webhook_delivery_latency_seconds",
                                                 "From the event's commit (its outbox row) to its delivery",
                                                 buckets=(*_SECONDS, 120, 300, 600, 1800, 3600), registry=r)
        self.webhook_outbox = Gauge("eventline_webhook_outbox_pending",
                                    "Webhook deliveries waiting to be sent or retried (outbox depth)", registry=r)

    def observe_extraction(self, seconds: float, events: list[EventPublic], stages: dict[str, float] | None = None
                           ) -> None:
        """One article's extraction: total time, time per stage (the parse is the rest), events by type."""
        self.pipeline_seconds.observe(seconds)
        if stages:
            for stage, stage_seconds in stages.items():
                self.stage_seconds.labels(stage=stage).observe(stage_seconds)
            self.stage_seconds.labels(stage="parse").observe(max(0.0, seconds - sum(stages.values())))
        for event in events:
            self.events.labels(type=event.type).inc()

    def observe_webhook_delivery(self, status: str, since_commit: timedelta) -> None:
        """One delivery attempt's outcome; for a delivered one, how long after its event's commit it arrived."""
        self.webhook_deliveries.labels(outcome=WEBHOOK_OUTCOMES[status]).inc()
        if status == "delivered":
            self.webhook_latency_seconds.observe(max(0.0, since_commit.total_seconds()))

    def watch_open_jobs(self, count: Callable[[], int]) -> None:
        """Reads the queue depth from the database at each scrape (the database is the source of truth)."""
        _read_at_scrape(self.open_jobs, count, "queue depth")

    def watch_outbox(self, count: Callable[[], int]) -> None:
        """Reads the webhook outbox depth from the database at each scrape."""
        _read_at_scrape(self.webhook_outbox, count, "outbox depth")


def _read_at_scrape(gauge: Gauge, count: Callable[[], int], what: str) -> None:
    def read() -> float:
        try:
            return float(count())
        except Exception as error:  # a scrape must not fail because the database is down
            log.warning("%s unavailable: %s", what, type(error).__name__)
            return math.nan

    gauge.set_function(read)
