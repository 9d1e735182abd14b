"""The names an actor mention contributes across articles."""

from __future__ import annotations

import pytest

from service.pipeline.actor_names import actor_key, actor_name


@pytest.mark.parametrize(("name", "key"), [("The Taliban", "taliban"), ("  Ahmad   Massoud ", "ahmad massoud"),
                                           ("Emiliy Hörne", "emiliy horne"), ("Taliban’s", "taliban's"),
                                           ("\"Lion Cub\"", "lion cub"), ("The", "the")])
def test_key_drops_case_accents_punctuation_spacing_and_leading_article(name: str, key: str) -> None:
    assert actor_key(name) == key


def test_canonical_name_and_the_words_as_written_are_aliases() -> None:
    named = actor_name(text="Taliban fighters", canonical="Taliban", aliases=[], kind="armed group")
    assert named is not None
    assert (named.name, named.key, sorted(named.aliases.values())) == ("Taliban", "taliban",
                                                                       ["Taliban", "Taliban fighters"])


@pytest.mark.parametrize("text", ["he", "They", "one Panjshiri", "a man"])
def test_pronouns_and_descriptions_are_no_alias(text: str) -> None:
    named = actor_name(text=text, canonical="Ahmar", aliases=[], kind="person")
    assert named is not None and list(named.aliases.values()) == ["Ahmar"]


def test_a_mention_without_a_name_is_no_actor() -> None:
    assert actor_name(text="residents", canonical=None, aliases=[], kind="population") is None


def test_a_name_without_a_kind_is_no_actor() -> None:
    assert actor_name(text="the tomb", canonical="tomb", aliases=[], kind=None) is None
