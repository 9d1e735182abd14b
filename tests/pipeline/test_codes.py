from __future__ import annotations

import pytest

from service.pipeline.codes import codes_for, confidence_of
from service.pipeline.types import Event, Mention


@pytest.mark.parametrize(
    ("event_type", "subtype", "cameo"),
    [("desecration", "destroyed", "1712"), ("desecration", "bombed", "183"), ("displacement", "expulsion", "201"),
     ("statement", "appeal", "020"), ("statement", "denial", "016"), ("statement", "claim", "010"),
     ("statement", "refusal", "011")],
)
def test_cameo_codes(event_type: str, subtype: str, cameo: str) -> None:
    assert codes_for(event_type, subtype)["cameo"] == cameo


def test_confidence_grows_with_arguments() -> None:
    bare = Event(type="desecration", trigger="x", trigger_start=0, trigger_end=1, sentence="x", start=0, end=1)
    full = Event(type="desecration", trigger="x", trigger_start=0, trigger_end=1, sentence="x", start=0, end=1,
                 agent=Mention("a", 0, 1), target=Mention("b", 0, 1), location=Mention("c", 0, 1))
    assert 0 < confidence_of(bare) < confidence_of(full) <= 1
