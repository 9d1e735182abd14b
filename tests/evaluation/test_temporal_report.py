"""The TimeBank report: held-out list and graceful exit without data."""

from __future__ import annotations

import pytest

from service.evaluation import temporal_report


def test_heldout_list_is_a_third_of_timebank() -> None:
    assert len(temporal_report.heldout_names()) == 61


def test_missing_timebank_prints_a_note_and_exits_zero(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert temporal_report.main(["--timebank", str(tmp_path) + "/missing"]) == 0
    assert "TimeBank not found" in capsys.readouterr().out
