"""Canonical actors within one article."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.pipeline.actors import canonical_name
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
