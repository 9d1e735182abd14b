"""The kind of actor a mention names, from the head noun and the entity label."""

from __future__ import annotations

import pytest

from service.pipeline.actor_kinds import ACTOR_KINDS, actor_kind
from service.pipeline.lexicons import actor_kinds
from service.pipeline.types import ActorKind


@pytest.mark.parametrize(
    ("head", "label", "head_named", "kind"),
    [
        ("police", None, False, "government"),
        ("army", None, False, "government"),
        ("ministry", "ORG", True, "government"),
        ("government", "NORP", False, "government"),
        ("official", "NORP", False, "government"),
        ("militant", None, False, "armed group"),
        ("rebel", "ORG", False, "armed group"),
        ("gunman", None, False, "armed group"),
        ("insurgent", None, False, "armed group"),
        ("fighter", "ORG", False, "armed group"),
        ("militia", None, False, "armed group"),
        ("resident", None, False, "population"),
        ("villager", "GPE", False, "population"),
        ("family", None, False, "population"),
        ("refugee", "NORP", False, "population"),
        ("people", None, False, "population"),
        ("kurds", "NORP", True, "population"),
        ("red cross", "ORG", True, "organisation"),
        ("pakistan", "GPE", True, "government"),
        ("smith", "PERSON", True, "person"),
        ("minister", None, False, "person"),
        ("spokesman", None, False, "person"),
    ],
)
def test_kind_follows_head_noun_then_entity_label(head: str, label: str | None, head_named: bool,
                                                   kind: ActorKind) -> None:
    assert actor_kind(head=head, label=label, head_named=head_named) == kind


def test_a_person_named_like_an_office_is_a_person() -> None:
    assert actor_kind(head="chief", label="PERSON", head_named=True) == "person"


@pytest.mark.parametrize(("head", "label"), [("tomb", None), ("poster", None), ("supporter", "PERSON"),
                                              ("thousand", "CARDINAL"), ("tomb", "GPE")])
def test_words_that_name_no_actor_have_no_kind(head: str, label: str | None) -> None:
    assert actor_kind(head=head, label=label, head_named=False) is None


def test_every_kind_in_the_lexicon_is_a_known_kind() -> None:
    assert set(actor_kinds().values()) <= set(ACTOR_KINDS)
