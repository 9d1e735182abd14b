from __future__ import annotations

from service.pipeline.merging import merge_mentions
from service.pipeline.types import Event, EventDate, Mention


def _event(start: int, sentence: str, target: str = "shrine", date: str | None = None, **kw) -> Event:  # type: ignore[no-untyped-def]
    return Event(
        type=kw.pop("type", "desecration"), trigger="destroyed", trigger_start=start + 5, trigger_end=start + 14,
        sentence=sentence, start=start, end=start + len(sentence), subtype="destroyed",
        target=Mention(target, start, start + len(target)),
        date=EventDate(date, date, "day", None, "test") if date else None, **kw,
    )


def test_repeated_sentence_is_one_event_with_two_mentions() -> None:
    merged = merge_mentions([_event(0, "Rebels destroyed the shrine."), _event(100, "Rebels destroyed the shrine.")])
    assert len(merged) == 1 and merged[0].mentions == 2


def test_later_mention_gives_its_date_to_the_first() -> None:
    merged = merge_mentions([_event(0, "Rebels destroyed the shrine."),
                             _event(50, "The shrine was destroyed on Monday.", date="2024-01-01")])
    assert len(merged) == 1 and merged[0].date is not None and merged[0].date.value == "2024-01-01"


def test_different_dates_are_different_incidents() -> None:
    merged = merge_mentions([_event(0, "A shrine was destroyed.", date="2024-01-01"),
                             _event(50, "Another shrine was destroyed.", date="2024-02-01")])
    assert len(merged) == 2


def test_different_types_never_merge() -> None:
    merged = merge_mentions([_event(0, "Same sentence."), _event(0, "Same sentence.", type="displacement")])
    assert len(merged) == 2


def test_definite_restatement_folds_into_the_incident_told_before() -> None:
    first = _event(0, "Police evicted 40 families.", type="displacement", target="families")
    again = _event(40, "The eviction drive ended at noon.", type="displacement", target="noon", restates=True)
    again.target = None
    assert len(merge_mentions([first, again])) == 1


def test_dated_restatement_of_another_day_stays_apart() -> None:
    first = _event(0, "Police evicted 40 families.", type="displacement", date="2024-01-01")
    again = _event(40, "The eviction resumed on Tuesday.", type="displacement", date="2024-01-09", restates=True)
    assert len(merge_mentions([first, again])) == 2
