"""Countries by name or demonym, from countryinfo's offline data."""

from __future__ import annotations

import pytest

from service.pipeline.countries import country_of


@pytest.mark.parametrize(("word", "country"), [("Afghan", "Afghanistan"), ("Pakistani", "Pakistan"),
                                               ("Dutch", "Netherlands"), ("Afghanistan", "Afghanistan"),
                                               ("the Netherlands", "Netherlands"), ("nigerian", "Nigeria")])
def test_demonyms_and_names_give_their_country(word: str, country: str) -> None:
    assert country_of(word) == country


def test_a_demonym_several_entries_share_goes_to_the_most_populous() -> None:
    assert country_of("Chinese") == "China"


@pytest.mark.parametrize("word", ["Taliban", "Panjshiri", "Kurdish"])
def test_groups_and_regions_are_no_country(word: str) -> None:
    assert country_of(word) is None
