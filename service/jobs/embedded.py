"""The default executor: one background thread of the API process runs jobs from a bounded queue and sweeps
the database for jobs to run again. No broker needed (`make run`)."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable

from service.errors import Unavailable

log = logging.getLogger("eventline.jobs")


class EmbeddedJobs:
    """`enqueue` never blocks: when the queue is full the job waits in the database for the sweeper."""

    def __init__(self, *, run: Callable[[int], object], sweep: Callable[[], list[int]], capacity: int,
                 sweep_seconds: float) -> None:
        self._run, self._sweep, self._sweep_seconds = run, sweep, sweep_seconds
        self._queue: queue.Queue[int | None] = queue.Queue(maxsize=capacity)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="eventline-jobs", daemon=True)

    def enqueue(self, job_id: int) -> None:
        try:
            self._queue.put_nowait(job_id)
        except queue.Full:
            log.warning("job queue full; job %d waits for the sweeper", job_id)

    def enqueue_many(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            self.enqueue(job_id)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join(timeout)

    def _serve(self) -> None:
        next_sweep = time.monotonic()
        while not self._stopping.is_set():
            if time.monotonic() >= next_sweep:
                try:
                    for job_id in self._sweep():
                        self.enqueue(job_id)
                except Unavailable as error:  # the database is down: say so once per sweep, no traceback
                    log.warning("sweep skipped: %s", error.detail)
                except Exception:
                    log.exception("sweep failed; trying again later")
                next_sweep = time.monotonic() + self._sweep_seconds
            try:
                queued = self._queue.get(timeout=max(next_sweep - time.monotonic(), 0.01))
            except queue.Empty:
                continue
            if queued is None:
                break
            job_id = queued
            try:
                self._run(job_id)
            except Exception:  # the job stays running in the database; the sweeper takes it up again
                log.exception("job %d crashed", job_id)
