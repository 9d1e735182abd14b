# ruff: noqa: E501  (the inline TimeML sample keeps its real one-line markup)
"""Reading TimeML: plain text, creation date and gold timexes with offsets into the plain text."""

from __future__ import annotations

from datetime import date

from service.evaluation.timeml import parse_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of gains.
</TEXT>
</TimeML>
"""


def test_reads_creation_date() -> None:
    assert parse_timeml(DOC, "TEST1").dct == date(1998, 1, 8)


def test_text_has_tags_removed_and_entities_unescaped() -> None:
    assert parse_timeml(DOC).text == "\nAT&T fell yesterday after three days of gains.\n"


def test_gold_offsets_index_the_plain_text() -> None:
    doc = parse_timeml(DOC)
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("yesterday", "DATE", "1998-01-07"),
        ("three days", "DURATION", "P3D"),
    ]
    assert all(g.text == doc.text[g.start : g.end] for g in doc.gold)
