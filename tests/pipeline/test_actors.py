"""Canonical actors within one article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.actors import canonical_name, kind_of
from service.pipeline.types import Mention


def _mention(doc: Doc, words: str, occurrence: int = -1) -> Mention:
    text = doc.text
    start = text.rfind(words) if occurrence == -1 else text.find(words)
    return Mention(words, start, start + len(words))


def test_surname_takes_the_nearest_full_name_not_a_namesake(parse: Callable[[str], Doc]) -> None:
    doc = parse("Omar Haddad Sr. founded the party. His son Karim Haddad leads it. Haddad spoke on Monday.")
    assert canonical_name(doc, _mention(doc, "Haddad")) == "Karim Haddad"


def test_fighters_of_a_group_belong_to_the_group(parse: Callable[[str], Doc]) -> None:
    doc = parse("Taliban fighters slashed the posters near the gate.")
    assert canonical_name(doc, _mention(doc, "Taliban fighters")) == "Taliban"


def test_a_title_resolves_to_the_person_who_holds_it(parse: Callable[[str], Doc]) -> None:
    doc = parse("Interior Minister Jane Okafor visited the camp. Later the minister said aid would come.")
    assert canonical_name(doc, _mention(doc, "the minister")) == "Jane Okafor"


def test_plain_words_have_no_canonical_name(parse: Callable[[str], Doc]) -> None:
    doc = parse("Unknown assailants damaged the chapel.")
    assert canonical_name(doc, _mention(doc, "Unknown assailants")) is None


@pytest.mark.parametrize(
    ("text", "words", "canonical"),
    [
        ("Afghan forces shelled the village.", "Afghan forces", "Government of Afghanistan"),
        ("Pakistani officials said the camp would close.", "Pakistani officials", "Government of Pakistan"),
        ("The Kenyan government evicted the families.", "The Kenyan government", "Government of Kenya"),
    ],
)
def test_a_country_s_forces_and_officials_are_its_government(parse: Callable[[str], Doc], text: str, words: str,
                                                             canonical: str) -> None:
    doc = parse(text)
    mention = _mention(doc, words)
    assert canonical_name(doc, mention) == canonical


def test_a_named_administration_is_no_person(parse: Callable[[str], Doc]) -> None:
    doc = parse("The Biden administration credited the group on Thursday.")
    mention = _mention(doc, "The Biden administration")
    mention.canonical = canonical_name(doc, mention)
    assert (mention.canonical, kind_of(doc, mention)) == ("Biden administration", "government")


def test_a_nationality_s_refugees_are_a_population_not_a_government(parse: Callable[[str], Doc]) -> None:
    doc = parse("Syrian refugees crossed the border.")
    mention = _mention(doc, "Syrian refugees")
    mention.canonical = canonical_name(doc, mention)
    assert (mention.canonical, kind_of(doc, mention)) == ("Syrian refugees", "population")


def test_fighters_of_a_group_make_it_an_armed_group(parse: Callable[[str], Doc]) -> None:
    doc = parse("Hamas fighters fired rockets at the town.")
    mention = _mention(doc, "Hamas fighters")
    assert kind_of(doc, mention) == "armed group"


def test_a_capitalised_plural_opening_a_sentence_still_gets_its_kind(parse: Callable[[str], Doc]) -> None:
    doc = parse("Rebels of the Free Army burned the mosque.")
    assert kind_of(doc, _mention(doc, "Rebels of the Free Army")) == "armed group"


def test_the_person_in_a_tomb_s_name_is_not_the_tomb(parse: Callable[[str], Doc]) -> None:
    doc = parse("Militants desecrated the tomb of revered leader Ahmad Shah Massoud.")
    mention = _mention(doc, "the tomb of revered leader Ahmad Shah Massoud")
    assert (canonical_name(doc, mention), kind_of(doc, mention)) == (None, None)


def test_unnamed_residents_have_a_kind_but_no_canonical_name(parse: Callable[[str], Doc]) -> None:
    doc = parse("Residents said the shrine was burned.")
    mention = _mention(doc, "Residents")
    assert (canonical_name(doc, mention), kind_of(doc, mention)) == (None, "population")
