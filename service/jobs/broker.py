"""Jobs on RabbitMQ through Dramatiq (EVENTLINE_BROKER_URL): the API sends job ids, `eventline worker`
processes run them with the same `run_job` as the embedded executor. Dramatiq acknowledges a message after
the actor returns, so after `run_job` committed; a worker killed mid-job leaves the message unacknowledged and
RabbitMQ delivers it again. The database stays the source of truth: each worker also runs the sweeper."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker

from service.errors import Unavailable

log = logging.getLogger("eventline.jobs")
ACTOR_NAME = "eventline_run_job"
BATCH_ACTOR_NAME = "eventline_run_jobs"


class BrokerJobs:
    """The Dramatiq broker and actor; `run` is the job function (None in the API process, which only sends)."""

    def __init__(self, *, url: str, queue_name: str, run: Callable[[list[int]], object] | None = None,
                 batch_size: int = 4) -> None:
        self.broker = RabbitmqBroker(url=url, confirm_delivery=True)
        self.batch_size = batch_size

        def eventline_run_job(job_id: int) -> None:
            eventline_run_jobs([job_id])

        def eventline_run_jobs(job_ids: list[int]) -> None:
            if run is None:
                raise RuntimeError("this process only sends jobs")
            run(job_ids)

        # Retries are the job's own (backoff, dead state in the database), not Dramatiq's. A message of several
        # jobs is acknowledged after all of them committed; redelivered, the finished ones are skipped.
        options = {"broker": self.broker, "queue_name": queue_name, "max_retries": 0, "time_limit": 15 * 60 * 1000}
        self.actor = dramatiq.actor(actor_name=ACTOR_NAME, **options)(eventline_run_job)  # type: ignore[call-overload]
        self.batch_actor = dramatiq.actor(actor_name=BATCH_ACTOR_NAME, **options)(  # type: ignore[call-overload]
            eventline_run_jobs)

    def enqueue(self, job_id: int) -> None:
        """Sends the job; when the broker is down the job waits in the database for a sweeper."""
        try:
            self.actor.send(job_id)
        except Exception as error:
            log.warning("could not send job %d to the broker (%s); the sweeper will", job_id, type(error).__name__)

    def enqueue_many(self, job_ids: list[int]) -> None:
        """One message per `batch_size` jobs: fewer broker round trips, and the worker parses them together."""
        for start in range(0, len(job_ids), self.batch_size):
            chunk = job_ids[start:start + self.batch_size]
            try:
                self.batch_actor.send(chunk)
            except Exception as error:
                log.warning("could not send %d jobs to the broker (%s); the sweeper will", len(chunk),
                            type(error).__name__)

    def close(self) -> None:
        self.broker.close()


def serve_worker(*, jobs: BrokerJobs, sweep: Callable[[], list[int]], sweep_seconds: float, threads: int) -> None:
    """Consumes jobs until SIGTERM or SIGINT, sweeping the database every `sweep_seconds`."""
    stopping = threading.Event()

    def sweeper() -> None:
        while not stopping.wait(sweep_seconds):
            try:
                for job_id in sweep():
                    jobs.enqueue(job_id)
            except Unavailable as error:  # the database is down: say so once per sweep, no traceback
                log.warning("sweep skipped: %s", error.detail)
            except Exception:
                log.exception("sweep failed; trying again later")

    worker = dramatiq.Worker(jobs.broker, worker_threads=threads)
    worker.start()
    threading.Thread(target=sweeper, name="eventline-sweeper", daemon=True).start()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    log.info("worker consuming %s with %d threads", jobs.actor.queue_name, threads)
    stopping.wait()
    worker.stop()
    jobs.close()
