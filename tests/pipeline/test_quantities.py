from __future__ import annotations

import pytest

from service.pipeline.quantities import parse_quantity


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("thousands", 1000, None),
        ("tens of thousands of people", 10000, 99999),
        ("hundreds of thousands", 100000, 999999),
        ("more than 200 families", 200, None),
        ("at least 35 people", 35, None),
        ("some 3,000 villagers", 3000, 3000),
        ("1.2 million people", 1_200_000, 1_200_000),
        ("five thousand residents", 5000, 5000),
        ("several hundred people", 300, None),
        ("nearly 500 families", 500, 500),
        ("fewer than 50 people", None, 50),
        ("dozens", 12, 99),
        ("Over 8 lakh people", 800_000, None),
        ("1.5 lakh families", 150_000, 150_000),
        ("two crore people", 20_000_000, 20_000_000),
        ("12 families", 12, 12),
    ],
)
def test_quantity_bounds(phrase: str, low: int | None, high: int | None) -> None:
    quantity = parse_quantity(phrase)
    assert quantity is not None
    assert (quantity.min, quantity.max) == (low, high)


def test_phrase_without_a_count_has_no_quantity() -> None:
    assert parse_quantity("the villagers") is None


@pytest.mark.parametrize(
    ("phrase", "count"),
    [("Nineteen migrants", 19), ("twenty-five families", 25), ("seventeen households", 17), ("ninety-nine people", 99),
     ("Twenty six Sri Lankans", 26), ("thirty five thousand people", 35000)],
)
def test_spelled_out_numbers_count_exactly(phrase: str, count: int) -> None:
    quantity = parse_quantity(phrase)
    assert quantity is not None and quantity.min == count and quantity.max == count


def test_as_many_as_reports_its_figure_not_the_word_many() -> None:
    quantity = parse_quantity("as many as 10,000 people")
    assert quantity is not None and (quantity.min, quantity.max) == (10000, 10000)
