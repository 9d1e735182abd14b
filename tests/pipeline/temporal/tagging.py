"""What the temporal tagger tests share: the `tag` fixture's type and the (text, type, value) of its finds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from service.pipeline.temporal import Timex

Tag = Callable[[str, date], list[Timex]]


def triples(found: list[Timex]) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in found]
