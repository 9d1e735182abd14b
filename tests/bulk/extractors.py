"""Extractors for tests of bulk ingest and re-extraction."""

from __future__ import annotations

from collections.abc import Sequence

from service.extraction_pool import InProcessExtractor, Item, Outcome
from service.pipeline.pipeline import Pipeline


class CrashingExtractor(InProcessExtractor):
    """Dies (like a killed process) when asked for its `crash_at`-th article."""

    def __init__(self, pipeline: Pipeline, crash_at: int) -> None:
        super().__init__(pipeline)
        self.crash_at, self.seen = crash_at, 0

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]:
        self.seen += len(items)
        if self.seen >= self.crash_at:
            raise RuntimeError("killed")
        return super().extract_all(items)
