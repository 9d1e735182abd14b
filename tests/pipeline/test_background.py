"""Displacements the article recalls as history leave the events (background.py)."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline.background import latest_year
from service.pipeline.pipeline import Pipeline


def _types(pipeline: Pipeline, text: str, published: date) -> list[str]:
    return [e.type for e in pipeline.extract(text, published).events if e.type != "statement"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Over 2,000 islanders were deported from the colony in 1762.", date(2015, 12, 13)),
        ("Families were displaced when the city razed the neighbourhood in the 1950s and 1960s.", date(2024, 11, 18)),
        ("Most of the villagers fled the valley decades ago.", date(2020, 5, 1)),
        ("In September 2013, militias began attacks, displacing tens of thousands of people.", date(2016, 5, 7)),
    ],
)
def test_displacement_dated_long_before_publication_is_background(pipeline: Pipeline, text: str,
                                                                  published: date) -> None:
    assert _types(pipeline, text, published) == []


def test_background_reason_is_explained(pipeline: Pipeline) -> None:
    extraction = pipeline.extract("Over 2,000 islanders were deported from the colony in 1762.", date(2015, 12, 13))
    assert any(not c.kept and "historical background" in c.reason for c in extraction.candidates)


def test_recent_displacement_stays_an_event(pipeline: Pipeline) -> None:
    assert _types(pipeline, "Over 2,000 islanders were deported from the colony in 2014.",
                  date(2015, 12, 13)) == ["displacement"]


def test_an_old_desecration_stays_an_event(pipeline: Pipeline) -> None:
    assert _types(pipeline, "Vandals smashed the statue of the saint in 2001.", date(2024, 3, 1)) == ["desecration"]


@pytest.mark.parametrize(("value", "year"), [("1758", 1758), ("195", 1959), ("19", 1999), ("2008-05", 2008),
                                             ("PAST_REF", None), ("BC0300", -300), ("BC07", -700)])
def test_latest_year_a_value_can_mean(value: str, year: int | None) -> None:
    assert latest_year(value) == year


@pytest.mark.parametrize(
    "text",
    [
        "The province saw a wave of violence in 2004. Three months of riots ensued, in which nearly 60,000 "
        "people were driven from their homes.",
        "The war began in 1991. By then, thousands had been expelled from the valley.",
    ],
)
def test_displacement_going_on_from_an_old_dated_sentence_is_background(pipeline: Pipeline, text: str) -> None:
    assert _types(pipeline, text, date(2026, 3, 7)) == []


def test_a_plain_report_after_an_old_dated_sentence_stays_an_event(pipeline: Pipeline) -> None:
    text = "The province saw a wave of violence in 2004. Police evicted 300 families."
    assert _types(pipeline, text, date(2026, 3, 7)) == ["displacement"]


def test_a_count_running_since_an_old_year_reaches_the_present(pipeline: Pipeline) -> None:
    """"has sent 35,600 back since 2014": the total runs to the publication day, no history."""
    assert _types(pipeline, "Algeria has sent around 35,600 Nigeriens back to Niger since 2014.",
                  date(2018, 10, 10)) == ["displacement"]
