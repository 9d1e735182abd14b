"""The pipeline as one object: load the model once, then extract from one article or a batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language

from service.pipeline.components import add_components
from service.pipeline.extract import Extraction
from service.pipeline.temporal import Timex

# Bumped whenever extraction output can change; stored with every article's events.
PIPELINE_VERSION = "2026.11.25.1"


class Pipeline:
    """spaCy's English model plus Eventline's components. Build it once per process."""

    version = PIPELINE_VERSION

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, model: str) -> Pipeline:
        """Loads an installed spaCy package by name and adds the Eventline components."""
        return cls(add_components(spacy.load(model)))

    def extract_many(self, articles: Iterable[tuple[str, date]], batch_size: int = 16) -> Iterator[Extraction]:
        """Extractions for (text, publication date) pairs, in order, parsed in batches by `nlp.pipe`."""

        def docs() -> Iterator[spacy.tokens.Doc]:
            for text, published in articles:
                doc = self.nlp.make_doc(text)
                doc._.published = published
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield doc._.extraction

    def extract(self, text: str, published: date) -> Extraction:
        return next(self.extract_many([(text, published)]))

    def tag_time(self, text: str, published: date) -> list[Timex]:
        """Temporal expressions only: skips the event stages."""
        doc = self.nlp.make_doc(text)
        doc._.published = published
        with self.nlp.select_pipes(disable=["eventline_events", "ner"]):
            doc = self.nlp(doc)
        return list(doc._.timexes)
