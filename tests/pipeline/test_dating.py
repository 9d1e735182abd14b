"""Event dates: attached through the parse, anaphoric, narrative."""

from __future__ import annotations

from datetime import date

from service.pipeline.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str, published: date):  # type: ignore[no-untyped-def]
    return pipeline.extract(text, published).events


def _first(pipeline: Pipeline, text: str, published: date, kind: str):  # type: ignore[no-untyped-def]
    """The first event of that type the pipeline finds in the text."""
    return next(e for e in _events(pipeline, text, published) if e.type == kind)


def test_weekday_attached_to_the_trigger_dates_the_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Headline\nVandals desecrated graves at the cemetery on Tuesday.", date(2024, 3, 8))
    assert events[0].date is not None and events[0].date.value == "2024-03-05"
    assert events[0].date.text == "Tuesday"


def test_the_incident_took_place_gives_its_date_to_the_event_before(pipeline: Pipeline) -> None:
    text = ("Headline\nRioters allegedly burned the old chapel. The incident, widely shared online, took place on "
            "Monday.")
    event = _events(pipeline, text, date(2024, 3, 8))[0]
    assert event.date is not None and event.date.value == "2024-03-04"
    assert event.date.rule.startswith("anaphora:")


def test_a_date_describing_a_thing_is_not_the_event_date(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Headline\nGunmen attacked a 15th-century shrine near the river.", date(2024, 3, 8))
    assert events[0].type == "desecration" and events[0].date is None


def test_quote_elaborating_a_dated_sentence_takes_its_day(pipeline: Pipeline) -> None:
    text = ('Headline\nThe ministry praised the rescue teams on Sept. 9.\n"They worked day and night for the '
            'families," said spokeswoman Ana Ruiz.')
    statements = [e for e in _events(pipeline, text, date(2021, 9, 10)) if e.type == "statement"]
    assert statements[-1].date is not None and statements[-1].date.value == "2021-09-09"
    assert statements[-1].date.rule.startswith("narrative:")


def test_event_without_any_date_has_none(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Headline\nThousands fled the fighting in the valley.", date(2024, 3, 8))
    assert events[0].date is None


def test_a_time_inside_what_was_said_does_not_date_the_saying(pipeline: Pipeline) -> None:
    text = "Headline\nThe attackers stormed the village at around 2 a.m., police spokesman Ali Musa said."
    statement = _first(pipeline, text, date(2024, 1, 29), "statement")
    assert statement.date is None or "2 a.m." not in statement.date.text


def test_a_day_after_on_dates_the_event_however_the_parser_hangs_it(pipeline: Pipeline) -> None:
    """"on Monday members of ...": the parser makes "Monday" a compound of "members"; the preposition tells."""
    text = "Headline\nBut on Monday members of the Anti Land Invasion Unit moved in and destroyed the shacks."
    event = _first(pipeline, text, date(2018, 1, 31), "displacement")
    assert event.date is not None and event.date.value == "2018-01-29"


def test_a_date_on_the_verb_whose_consequences_hold_the_trigger_dates_it(pipeline: Pipeline) -> None:
    text = ("Headline\nThe dam in Attapeu province collapsed Monday evening, releasing large amounts of water that "
            "swept away houses and left more than 6,600 people homeless.")
    event = _first(pipeline, text, date(2018, 7, 24), "displacement")
    assert event.date is not None and event.date.value.startswith("2018-07-23")
    assert event.date.rule.startswith("cause:")


def test_a_reporting_verbs_date_does_not_date_what_it_reports(pipeline: Pipeline) -> None:
    text = ("Headline\nOfficials said on Sunday that far down the valley the floods had left hundreds of families "
            "homeless.")
    event = _first(pipeline, text, date(2018, 7, 24), "displacement")
    assert event.date is None or not event.date.rule.startswith("cause:")


def test_a_date_deep_inside_the_triggers_phrase_dates_it(pipeline: Pipeline) -> None:
    text = ("Headline\nScotland Yard said a member of the public reported the damage to the memorial in Hayes, "
            "northwest London on Monday May 4.")
    event = _first(pipeline, text, date(2020, 5, 7), "desecration")
    assert event.date is not None and event.date.value == "2020-05-04"


def test_the_cause_named_again_in_the_next_paragraph_dates_the_event(pipeline: Pipeline) -> None:
    text = ("Headline\nAnother fire in a 12-unit apartment building in Stratford has displaced at least 20 people.\n"
            "There were no reported injuries from that fire, which broke out on Glen Stewart Drive on Saturday"
            " afternoon.")
    event = _first(pipeline, text, date(2020, 9, 20), "displacement")
    assert event.date is not None and event.date.value.startswith("2020-09-19")
    assert event.date.rule.startswith("anaphora:")


def test_a_date_in_the_next_paragraph_without_the_cause_does_not_date_the_event(pipeline: Pipeline) -> None:
    text = ("Headline\nA fire in an apartment building has displaced at least 20 people.\n"
            "The council will meet on Monday to discuss housing.")
    event = _first(pipeline, text, date(2020, 9, 20), "displacement")
    assert event.date is None
