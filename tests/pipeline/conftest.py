from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.pipeline import Pipeline


@pytest.fixture(scope="session")
def parse(pipeline: Pipeline) -> Callable[[str], Doc]:
    """Parses text with the model and the paragraph stage only (no temporal or event stages)."""

    def run(text: str) -> Doc:
        with pipeline.nlp.select_pipes(disable=["eventline_temporal", "eventline_events"]):
            return pipeline.nlp(text)

    return run
