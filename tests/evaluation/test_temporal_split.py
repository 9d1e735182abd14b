"""The tuning halves of the TimeBank tune part and the per-rule precision listing."""

from __future__ import annotations

from datetime import date

from service.evaluation import temporal_split
from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex


def _doc(name: str, gold: tuple[Timex, ...] = ()) -> TimeMLDoc:
    return TimeMLDoc(name=name, text="It rose in 1990 and now.", dct=date(1990, 5, 1), gold=gold)


def test_halves_are_fixed_disjoint_and_cover_the_tune_part() -> None:
    docs = [_doc(n) for n in ("d", "a", "c", "b", "e")]
    half_a, half_b = temporal_split.halves(docs)
    assert [d.name for d in half_a] == ["a", "c", "e"]
    assert [d.name for d in half_b] == ["b", "d"]
    assert temporal_split.halves(list(reversed(docs))) == (half_a, half_b)


def test_rule_precision_lists_the_weakest_rule_first() -> None:
    gold = (Timex(11, 15, "1990", "DATE", "1990", "year", "gold"),)
    ours = [
        Timex(11, 15, "1990", "DATE", "1990", "year", "year_bare"),
        Timex(20, 23, "now", "DATE", "PRESENT_REF", None, "now"),
    ]
    lines = temporal_split.rule_precision([_doc("a", gold)], {"a": ours}).splitlines()
    assert lines[1].split() == ["now", "1", "0", "0", "0.00"]
    assert lines[2].split() == ["year_bare", "1", "1", "1", "1.00"]
