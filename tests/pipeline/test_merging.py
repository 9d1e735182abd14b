from __future__ import annotations

from datetime import date

from service.pipeline.merging import merge_mentions
from service.pipeline.pipeline import Pipeline
from service.pipeline.types import Event, EventDate, Mention, Quantity


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


def _displacement(start: int, sentence: str, target: str, count: int | None = None, place: str | None = None,
                  **kw) -> Event:  # type: ignore[no-untyped-def]
    event = _event(start, sentence, target=target, type="displacement", **kw)
    event.quantity = Quantity(str(count), count, count) if count is not None else None
    event.location = Mention(place, start, start + len(place)) if place else None
    return event


def test_two_counts_in_one_sentence_are_two_incidents() -> None:
    sentence = "Around 1,000 residents were evacuated from Hoyos, a day after another 1,400 people were told to leave."
    merged = merge_mentions([_displacement(0, sentence, "residents", 1000, "Hoyos"),
                             _displacement(0, sentence, "people", 1400)])
    assert sorted(e.quantity.min for e in merged if e.quantity) == [1000, 1400]


def test_a_sub_count_restating_the_group_in_one_sentence_folds() -> None:
    sentence = "The demolitions left 24 people, five of them minors, homeless."
    merged = merge_mentions([_displacement(0, sentence, "people", 24),
                             _displacement(0, sentence, "five", 5, restates=True)])
    assert len(merged) == 1 and merged[0].quantity is not None and merged[0].quantity.min == 24


def test_later_displacement_with_nothing_of_its_own_folds_whatever_it_calls_the_people() -> None:
    merged = merge_mentions([_displacement(0, "Floods forced 3,000 villagers from their homes.", "villagers", 3000),
                             _displacement(60, "All residents were evacuated in time, officials said.", "residents")])
    assert len(merged) == 1 and merged[0].mentions == 2


def test_later_displacement_in_another_place_stays_apart() -> None:
    merged = merge_mentions([
        _displacement(0, "300 residents of Levasy left their homes.", "residents", 300, "Levasy"),
        _displacement(60, "Residents of Agency were also forced out.", "Residents", None, "Agency"),
    ])
    assert len(merged) == 2


def test_a_restating_first_mention_gives_way_to_the_report_after_it() -> None:
    """"… a stadium housing some of the thousands who fled", then "tens of thousands fled the assault":
    the event is told by the later sentence, which reports it, not by the one that presupposes it."""
    first = _displacement(0, "She spoke from a stadium housing some of the thousands who fled.", "thousands",
                          restates=True)
    report = _displacement(80, "Aid workers believe tens of thousands of people fled the assault.", "people", 10000)
    merged = merge_mentions([first, report])
    assert len(merged) == 1 and merged[0].start == 80 and merged[0].mentions == 2


def test_a_running_total_after_the_incidents_folds_into_the_first_whatever_its_count() -> None:
    first = _displacement(0, "300 residents of Levasy left their homes on Wednesday.", "residents", 300, "Levasy",
                          date="2007-05-09")
    total = _displacement(80, "Floods over the past five days have forced thousands from their homes.", "people",
                          1000, "Midwest", date="2007-05-08", summary=True)
    merged = merge_mentions([first, total])
    assert len(merged) == 1 and merged[0].start == 0 and merged[0].mentions == 2


def test_a_running_total_in_the_lead_stays_an_event_of_its_own() -> None:
    total = _displacement(0, "Floods have forced thousands from their homes so far.", "people", 1000, summary=True)
    later = _displacement(80, "300 residents of Levasy left their homes on Wednesday.", "residents", 300, "Levasy")
    assert len(merge_mentions([total, later])) == 2



def test_an_indefinite_count_made_exact_later_is_one_incident() -> None:
    first = _displacement(0, "Several residents were evacuated after a gas leak.", "residents")
    first.quantity = Quantity("Several", 3, None)
    later = _displacement(60, "Eight people were ordered to evacuate.", "people", count=8)
    merged = merge_mentions([first, later])
    assert len(merged) == 1 and merged[0].mentions == 2


def test_two_definite_counts_stay_two_incidents() -> None:
    first = _displacement(0, "Dozens of residents were evacuated.", "residents")
    first.quantity = Quantity("Dozens", 24, 99)
    later = _displacement(60, "Eight people were ordered to evacuate.", "people", count=8)
    assert len(merge_mentions([first, later])) == 2


def test_a_definite_desecration_told_again_gives_its_date_unless_placed_elsewhere() -> None:
    first = _event(0, "A war memorial has been vandalised.", target="memorial")
    again = _event(40, "The vandalism happened on Sunday.", date="2024-01-07", restates=True)
    again.target = None
    merged = merge_mentions([first, again])
    assert len(merged) == 1 and merged[0].date is not None and merged[0].date.value == "2024-01-07"
    first.location = Mention("France", 0, 6)
    again.location = Mention("Westhoffen", 40, 50)
    assert len(merge_mentions([first, again])) == 2


def test_a_deck_under_the_headline_folds_into_the_body() -> None:
    from service.pipeline.extract import body_start

    text = ("Floods hit Assam\n22,000 people displaced; 770 take shelter in relief camps\n"
            "Floods have affected five districts, displacing 22,022 people, officials said.")
    assert body_start(text) == text.index("\nFloods have")
    assert body_start("Floods hit Assam\nFloods have affected five districts.\nMore rain fell.") == text.index("\n")
    # a dateline line under the headline is no deck
    assert body_start("Floods hit Assam\nGUWAHATI, India\nFloods have affected five districts.") == text.index("\n")


def test_the_body_tells_the_event_a_deck_announces(pipeline: Pipeline) -> None:
    text = ("Floods hit Assam\n22,000 people displaced; 770 take shelter in relief camps\n"
            "Belated floods have affected five districts in Assam, temporarily displacing 22,022 people, officials"
            " said.")
    (event,) = [e for e in pipeline.extract(text, date(2021, 8, 18)).events if e.type == "displacement"]
    assert event.sentence.startswith("Belated floods")
