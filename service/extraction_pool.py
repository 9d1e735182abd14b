"""Many articles through the pipeline, for the bulk commands (`eventline ingest`, `eventline reextract`): in this
process through `nlp.pipe`, or spread over worker processes that each load the model once.

A text the pipeline refuses is answered as its InvalidInput, not raised: one bad article does not stop a run.
Worker processes are spawned (not forked): the parent holds database connections and threads a fork would copy.
Each process parses its share of a batch with `nlp.pipe` and sends back public events (pickled pydantic
models), so the Doc objects and their custom attributes never cross a process boundary."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Protocol

from service.conversions import public_event
from service.errors import InvalidInput
from service.flows import run_pipeline
from service.pipeline.pipeline import Pipeline
from service.schemas import EventPublic

Item = tuple[str, date]
Outcome = list[EventPublic] | InvalidInput


class Extractor(Protocol):
    version: str

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]: ...

    def close(self) -> None: ...


def extract_each(pipeline: Pipeline, items: Sequence[Item]) -> list[Outcome]:
    """Events per item, parsed together; when the batch holds a text the pipeline refuses, item by item so
    only that one is answered with its error."""
    try:
        extractions = run_pipeline(lambda: list(pipeline.extract_many(items)))
        return [[public_event(e) for e in x.events] for x in extractions]
    except InvalidInput:
        outcomes: list[Outcome] = []
        for text, published in items:
            try:
                extraction = run_pipeline(lambda t=text, p=published: pipeline.extract(t, p))  # type: ignore[misc]
                outcomes.append([public_event(e) for e in extraction.events])
            except InvalidInput as error:
                outcomes.append(error)
        return outcomes


class InProcessExtractor:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.version = pipeline.version

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]:
        return extract_each(self.pipeline, items)

    def close(self) -> None:
        pass


_PROCESS_PIPELINE: Pipeline | None = None


def _load(model: str) -> None:
    global _PROCESS_PIPELINE
    _PROCESS_PIPELINE = Pipeline.load(model)


def _extract_share(items: list[Item]) -> list[list[EventPublic] | str]:
    assert _PROCESS_PIPELINE is not None, "the pool initializer loads the pipeline"
    return [o.detail if isinstance(o, InvalidInput) else o for o in extract_each(_PROCESS_PIPELINE, items)]


class ProcessPoolExtractor:
    """`processes` worker processes; a batch is cut into one share per process."""

    def __init__(self, *, model: str, processes: int) -> None:
        self.processes = processes
        self.version = Pipeline.version
        self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_load, initargs=(model,))

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]:
        size = -(-len(items) // self.processes) or 1
        shares = [list(items[i:i + size]) for i in range(0, len(items), size)]
        outcomes: list[Outcome] = []
        for share in self._pool.map(_extract_share, shares):
            outcomes.extend(InvalidInput(o) if isinstance(o, str) else o for o in share)
        return outcomes

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class LazyExtractor:
    """Loads the model (or starts the pool) on the first article to parse: a rerun over stored articles, which
    skips them all, never loads it."""

    def __init__(self, *, model: str, processes: int) -> None:
        self.model, self.processes = model, processes
        self.version = Pipeline.version
        self._loaded: Extractor | None = None

    def extract_all(self, items: Sequence[Item]) -> list[Outcome]:
        if not items:
            return []
        if self._loaded is None:
            self._loaded = (InProcessExtractor(Pipeline.load(self.model)) if self.processes <= 1
                            else ProcessPoolExtractor(model=self.model, processes=self.processes))
        return self._loaded.extract_all(items)

    def close(self) -> None:
        if self._loaded is not None:
            self._loaded.close()
