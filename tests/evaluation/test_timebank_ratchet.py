"""Ratchet: the tagger must not fall below the figures reached on the held-out TimeBank documents."""

from __future__ import annotations

import pytest

from service.evaluation import temporal_report
from service.evaluation.temporal_scores import scores

# Reached on the held-out part (value F1 0.8188, relaxed F1 0.9294), rounded down to 3 decimals.
MIN_VALUE_F1 = 0.818
MIN_RELAXED_F1 = 0.929


def test_heldout_scores_do_not_regress() -> None:
    directory = temporal_report.timebank_dir(None)
    if not directory.is_dir():
        pytest.skip(f"TimeBank not available at {directory}")
    _, heldout = temporal_report.load_split(directory)
    preds, _, _ = temporal_report.run_eventline(heldout)
    s = scores(temporal_report.total(heldout, preds))
    assert s.value_f1 >= MIN_VALUE_F1
    assert s.relaxed_f1 >= MIN_RELAXED_F1
