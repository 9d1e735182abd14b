"""Per-class error tallies of the tune part: digits folded, false positives by rule, misses by type."""

from __future__ import annotations

from datetime import date

from service.evaluation import temporal_errors
from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex

TEXT = "It rose in 1990, now and in March."
GOLD = (
    Timex(11, 15, "1990", "DATE", "1990", "year", "gold"),
    Timex(28, 33, "March", "DATE", "1990-03", "month", "gold"),
)
OURS = [
    Timex(11, 15, "1990", "DATE", "1991", "year", "year_bare"),
    Timex(17, 20, "now", "DATE", "PRESENT_REF", None, "now"),
]


def _doc(name: str) -> TimeMLDoc:
    return TimeMLDoc(name=name, text=TEXT, dct=date(1990, 5, 1), gold=GOLD)


def test_text_class_folds_digits_case_and_spaces() -> None:
    assert temporal_errors.text_class("Nov.  9,\n1989") == "nov. 9, 9999"


def test_error_classes_tally_each_kind_over_documents() -> None:
    fps, misses, extents, values = temporal_errors.error_classes([_doc("a"), _doc("b")], {"a": OURS, "b": OURS})
    assert fps == {"now: now": 2}
    assert misses == {"DATE: march": 2}
    assert extents == {}
    assert values == {"year_bare: 9999 gold 9999": 2}


def test_format_lists_biggest_class_first_with_totals() -> None:
    text = temporal_errors.format_error_classes([_doc("a")], {"a": OURS})
    assert text.splitlines()[:2] == ["false positives (rule: text): 1", "    1  now: now"]
