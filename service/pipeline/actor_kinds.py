"""What kind of actor a mention names: a person, an organisation, an armed group, a government or a
population, decided from the named entity's label and the head noun (`resources/lexicons/actor_kinds.tsv`)."""

from __future__ import annotations

from typing import cast, get_args

from service.pipeline.lexicons import actor_kinds
from service.pipeline.types import ActorKind

ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
# The kind an entity label gives when the head noun says nothing: a country or city acting is its government
# ("Pakistan deported ..."), a nationality or religious group its people.
_LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organisation", "NORP": "population", "GPE": "government",
}


def actor_kind(*, head: str, label: str | None, head_named: bool) -> ActorKind | None:
    """The kind of actor, or None when the words name none.

    `head` is the lemma of the mention's head word, `label` the NER label of the entity that is or modifies
    the head, `head_named` whether the head word lies inside that entity ("Ahmad Massoud") rather than being
    modified by it ("Taliban fighters", "Afghan forces"). A person's name is a person whatever it ends in;
    otherwise the head noun decides ("Pakistani officials" are a government), then the entity label.
    """
    if head_named and label == "PERSON":
        return "person"
    listed = actor_kinds().get(head.lower())
    if listed is not None:
        return cast(ActorKind, listed)
    if label is None or not head_named:
        return None
    return _LABEL_KINDS.get(label)
