"""The HeidelTime peer: re-locating its timexes in the text and reading its per-document cache."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from service.evaluation import heideltime_peer
from service.evaluation.timeml import TimeMLDoc


def test_offsets_are_relocated_by_text() -> None:
    text = "Shares fell on Tuesday and again on Tuesday."
    raw = [
        {"text": "Tuesday", "type": "DATE", "value": "1989-10-31", "span": [14, 21]},  # one off
        {"text": "Tuesday", "type": "DATE", "value": "1989-10-31", "span": [36, 43]},
    ]
    found = heideltime_peer.to_timexes(text, raw)
    assert [(t.start, t.end, t.text) for t in found] == [(15, 22, "Tuesday"), (36, 43, "Tuesday")]
    assert all(text[t.start : t.end] == "Tuesday" for t in found)


def test_entities_and_unknown_types_are_normalized() -> None:
    found = heideltime_peer.to_timexes("It fell.", [{"text": "today", "type": "DATE", "value": "v", "span": [1, 2]}])
    assert found == []  # a phrase absent from the text is dropped
    found = heideltime_peer.to_timexes("Q&A today", [{"text": "Q&amp;A today", "type": "DATE", "value": "v"}])
    assert [t.text for t in found] == ["Q&A today"]
    found = heideltime_peer.to_timexes("AT&T fell today.", [{"text": "today", "type": "X", "value": "v"}])
    assert [(t.start, t.type) for t in found] == [(10, "DATE")]


def test_cached_answer_is_read_without_running(tmp_path: Path) -> None:
    doc = TimeMLDoc(name="doc1", text="It fell today.", dct=date(1989, 11, 2), gold=())
    raw = [{"text": "today", "type": "DATE", "value": "1989-11-02", "span": [8, 13]}]
    (tmp_path / "doc1.json").write_text(json.dumps(raw), encoding="utf-8")
    assert heideltime_peer.raw_timexes(doc, tmp_path) == raw
