"""The pipeline as one object: load the model once, then extract from one article or a batch."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language

from service.pipeline.components import add_components
from service.pipeline.extract import Extraction
from service.pipeline.temporal import Timex

# Bumped whenever extraction output can change; stored with every article's events.
PIPELINE_VERSION = "2026.12.08.1"
# spaCy's tokenizer peels affixes off a space-free run one character at a time, so its cost grows
# with the square of the run: 5,000 punctuation marks take seconds, 50,000 minutes. No word, URL or
# number in news is this long.
MAX_UNBROKEN_RUN = 500
_UNBROKEN_RUN = re.compile(rf"\S{{{MAX_UNBROKEN_RUN + 1},}}")


class UnreadableText(ValueError):
    """A text the pipeline refuses because it is no prose (e.g. thousands of characters without a space)."""


def check_readable(text: str) -> None:
    """Raises UnreadableText for a text whose shape would make the tokenizer crawl."""
    run = _UNBROKEN_RUN.search(text)
    if run is not None:
        raise UnreadableText(
            f"the text has {len(run.group())} characters without a space at offset {run.start()};"
            f" the most the pipeline reads is {MAX_UNBROKEN_RUN}"
        )


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
                check_readable(text)
                doc = self.nlp.make_doc(text)
                doc._.published = published
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield doc._.extraction

    def extract(self, text: str, published: date) -> Extraction:
        return next(self.extract_many([(text, published)]))

    def tag_time(self, text: str, published: date) -> list[Timex]:
        """Temporal expressions only: skips the event stages."""
        check_readable(text)
        doc = self.nlp.make_doc(text)
        doc._.published = published
        with self.nlp.select_pipes(disable=["eventline_events", "ner"]):
            doc = self.nlp(doc)
        return list(doc._.timexes)
