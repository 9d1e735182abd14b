"""Registers Eventline's spaCy components and document attributes, in one place.

Components (each reads what the ones before it set):
- `eventline_paragraphs` (before the parser): line breaks become sentence starts.
- `eventline_temporal`: reads `doc._.published`; sets `doc._.timexes`.
- `eventline_events`: reads the parse, entities and `doc._.timexes`; sets `doc._.extraction`.
- `eventline_geocoding`: reads `doc._.extraction` and the place entities; resolves each event's location
  against the gazetteer (`geocoding.py`, `service/geo/`).
"""

from __future__ import annotations

import time
from datetime import date
from typing import cast

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from service.geo.gazetteer import default_gazetteer
from service.pipeline.extract import extract_events
from service.pipeline.geocoding import geocode_events
from service.pipeline.lexicons import title_abbreviations
from service.pipeline.paragraphs import mark_paragraph_starts
from service.pipeline.temporal import find_timexes


def tag_temporal(doc: Doc) -> Doc:
    started = time.perf_counter()
    published: date | None = doc._.published
    doc._.timexes = find_timexes(doc, published) if published is not None else []
    doc.user_data["eventline_temporal_seconds"] = time.perf_counter() - started
    return doc


def tag_events(doc: Doc) -> Doc:
    started = time.perf_counter()
    extraction = extract_events(doc, doc._.timexes or [])
    extraction.timings = {
        "temporal": doc.user_data.get("eventline_temporal_seconds", 0.0),
        "events": time.perf_counter() - started,
    }
    doc._.extraction = extraction
    return doc


def tag_places(doc: Doc) -> Doc:
    started = time.perf_counter()
    extraction = doc._.extraction
    if extraction is None:  # the event stage was disabled (temporal tagging only)
        return doc
    geocode_events(doc, extraction.events, default_gazetteer())
    extraction.timings["geocoding"] = time.perf_counter() - started
    return doc


def register_components() -> None:
    """Declares the document attributes and component factories; safe to call more than once."""
    for name in ("published", "timexes", "extraction"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if "eventline_paragraphs" not in Language.factories:
        Language.component("eventline_paragraphs", func=mark_paragraph_starts)
        Language.component("eventline_temporal", func=tag_temporal)
        Language.component("eventline_events", func=tag_events)
    if "eventline_geocoding" not in Language.factories:
        Language.component("eventline_geocoding", func=tag_places)


def add_components(nlp: Language) -> Language:
    """Adds Eventline's components to a loaded English pipeline (one with a parser and NER)."""
    register_components()
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for title in title_abbreviations():  # "Fr. Francis Suan": the full stop ends no sentence
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe("eventline_paragraphs", before="parser")
    nlp.add_pipe("eventline_temporal", last=True)
    nlp.add_pipe("eventline_events", last=True)
    nlp.add_pipe("eventline_geocoding", last=True)
    default_gazetteer()  # loaded with the model, not by the first article
    return nlp
