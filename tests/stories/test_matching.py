"""The pairwise score: which fields veto, add or take away, each with its reason (sentences of our own)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from service.stories.matching import compare_dates, compare_quantities, event_facts, score_pair

PUBLISHED = date(2024, 3, 8)


def payload(*, type: str = "desecration", date_value: str | None = "2024-03-07", location: str | None = "Mosul",
            target: str | None = "the shrine of the prophet", agent: str | None = "militants",
            quantity: int | None = None, subtype: str | None = "destroyed", **location_fields: Any) -> dict[str, Any]:
    return {
        "type": type, "subtype": subtype,
        "date": {"value": date_value, "precision": "day"} if date_value else None,
        "location": {"text": location, **location_fields} if location else None,
        "target": {"text": target} if target else None, "agent": {"text": agent} if agent else None,
        "quantity": {"text": str(quantity), "min": quantity, "max": quantity} if quantity else None,
    }


def facts(published: date = PUBLISHED, article_id: int = 1, **fields: Any) -> Any:
    return event_facts(payload(**fields), published=published, article_id=article_id)


@pytest.mark.parametrize(("a", "b", "veto"), [
    ("2024-03-07", "2024-03-07", False),  # the same day
    ("2024-03-07", "2024-03-08", False),  # a night attack dated the next morning
    ("2024-03-07", "2024-03", False),  # a day inside a month
    ("2024-03-04", "2024-03-07", True),  # the same place on another date
    ("2024-02", "2024-03-07", True),  # another month
])
def test_dates_veto_only_beyond_the_tolerance(a: str, b: str, veto: bool) -> None:
    assert compare_dates(facts(date_value=a), facts(date_value=b)).veto is veto


def test_same_day_scores_higher_than_a_day_inside_a_month() -> None:
    same = compare_dates(facts(date_value="2024-03-07"), facts(date_value="2024-03-07"))
    month = compare_dates(facts(date_value="2024-03-07"), facts(date_value="2024-03"))
    assert same.score > month.score > 0


def test_undated_event_is_placed_in_the_days_before_its_article() -> None:
    undated = facts(date_value=None, published=date(2024, 3, 8))
    assert not compare_dates(undated, facts(date_value="2024-03-07")).veto
    assert compare_dates(undated, facts(date_value="2024-02-20")).veto


@pytest.mark.parametrize(("a", "b", "expected"), [
    (100, 107, 1.0), (80, 96, 1.0), (10, 1000, -1.0), (100, 300, 0.0), (None, 5, 0.0),
])
def test_quantities_agree_contradict_or_say_nothing(a: int | None, b: int | None, expected: float) -> None:
    assert compare_quantities(a, b).score == expected


def test_different_types_never_match() -> None:
    score = score_pair(facts(type="desecration"), facts(type="displacement"))
    assert score.vetoed and not score.joins()


def test_two_reports_of_one_incident_join() -> None:
    a = facts(article_id=1)
    b = facts(article_id=2, target="the prophet's shrine", agent="the militants")
    assert score_pair(a, b).joins()


def test_every_field_gives_its_reason() -> None:
    reasons = score_pair(facts(article_id=1), facts(article_id=2)).reasons
    assert [r.field for r in reasons] == ["type", "date", "place", "target", "agent", "quantity", "kind"]
    assert all(r.detail for r in reasons)


def test_same_kind_of_event_elsewhere_does_not_join() -> None:
    bristol = facts(location="Bristol", target="a statue of slave trader Edward Colston", agent="protesters",
                    subtype="demolished")
    richmond = facts(article_id=2, location="Richmond", target="a statue of Christopher Columbus",
                     agent="protesters", subtype="demolished")
    assert not score_pair(bristol, richmond).joins()


def test_resolved_place_fields_are_preferred_to_the_text() -> None:
    a = facts(location="the old city", country="IQ", precision="city", geonames_id=99072)
    b = facts(article_id=2, location="Mosul", country="IQ", precision="city", geonames_id=99072)
    place = next(r for r in score_pair(a, b).reasons if r.field == "place")
    assert place.score == 1.5  # the full place weight
