"""Requests per API key per minute: a token bucket per key, in this process's memory.

Each key's bucket holds up to `per_minute` requests and refills continuously; an empty bucket answers
429 with the seconds until the next request is allowed. Per process: N uvicorn workers allow N times
the rate, which the README says; a shared limit across machines would need Redis."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)
        self._lock = threading.Lock()

    def wait_seconds(self, key: str) -> int:
        """0 when the key may make a request now (and counts it); else the whole seconds to wait."""
        if self.per_minute <= 0:
            return 0
        rate = self.per_minute / 60.0
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / rate))
