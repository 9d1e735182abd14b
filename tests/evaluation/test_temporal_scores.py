"""TempEval-3 style scoring of timexes."""

from __future__ import annotations

import pytest

from service.evaluation.temporal_scores import count, relaxed_matches, scores
from service.pipeline.temporal.types import Timex

GOLD = [
    Timex(0, 9, "yesterday", "DATE", "2021-09-09", None, "gold"),
    Timex(20, 29, "last week", "DATE", "2021-W35", None, "gold"),
    Timex(40, 50, "three days", "DURATION", "P3D", None, "gold"),
]


def test_gold_against_gold_scores_one_everywhere() -> None:
    s = scores(count(GOLD, GOLD))
    values = [s.strict_p, s.strict_r, s.strict_f1, s.relaxed_p, s.relaxed_r, s.relaxed_f1]
    values += [s.type_acc, s.value_acc, s.value_p, s.value_r, s.value_f1]
    assert values == [1.0] * len(values)


def test_shifted_extent_is_relaxed_but_not_strict_match() -> None:
    system = [GOLD[0], Timex(25, 29, "week", "DATE", "2021-W35", None, "x"), GOLD[2]]
    s = scores(count(GOLD, system))
    assert s.relaxed_f1 == 1.0
    assert s.strict_f1 == pytest.approx(2 / 3)


def test_wrong_value_lowers_value_f1_only() -> None:
    system = [GOLD[0], Timex(20, 29, "last week", "DATE", "2021-W36", None, "x"), GOLD[2]]
    s = scores(count(GOLD, system))
    assert s.relaxed_f1 == 1.0 and s.strict_f1 == 1.0
    assert s.value_acc == pytest.approx(2 / 3)
    assert s.value_f1 == pytest.approx(2 / 3)


def test_wrong_type_lowers_type_accuracy() -> None:
    system = [GOLD[0], GOLD[1], Timex(40, 50, "three days", "DATE", "P3D", None, "x")]
    assert scores(count(GOLD, system)).type_acc == pytest.approx(2 / 3)


def test_missing_and_spurious_timexes_lower_recall_and_precision() -> None:
    system = [GOLD[0], Timex(60, 63, "now", "DATE", "PRESENT_REF", None, "x")]
    s = scores(count(GOLD, system))
    assert (s.relaxed_p, s.relaxed_r) == (0.5, pytest.approx(1 / 3))
    assert s.value_p == 0.5 and s.value_r == pytest.approx(1 / 3)


def test_relaxed_matching_is_one_to_one() -> None:
    system = [Timex(0, 29, "yesterday ... last week", "DATE", "2021-09-09", None, "x")]
    assert len(relaxed_matches(GOLD, system)) == 1


def test_empty_inputs_score_zero() -> None:
    assert scores(count([], [])).relaxed_f1 == 0.0
