"""Canonical actors within one article: "Massoud" is the nearest earlier full name that ends so
("Ahmad Massoud", never a namesake mentioned further back), "Taliban fighters" belong to the Taliban,
"Afghan forces" and "Pakistani officials" are the government of their country, "the minister" is the
person the article titled so. Each actor mention also gets its kind (`actor_kinds.py`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.pipeline.actor_kinds import actor_kind
from service.pipeline.countries import country_of
from service.pipeline.lexicons import actor_kinds, non_names
from service.pipeline.types import ActorKind, Event, Mention

_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_GROUP_LABELS = frozenset({"ORG", "NORP"})
# How a name attaches to the noun it qualifies: "Taliban fighters", "Afghan forces", "Pakistan's army".
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_GOVERNMENT_OF = "Government of {country}"


def full_name_before(doc: Doc, surname: str, before: int) -> Span | None:
    """The nearest earlier multi-word PERSON whose last word is the surname."""
    best: Span | None = None
    for ent in doc.ents:
        if ent.start >= before:
            break
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == surname:
            best = ent
    return best


def _without_determiners(words: Span) -> str:
    """The words without a leading article or determiner: "the Taliban" -> "Taliban"."""
    start = words.start
    while start < words.end - 1 and (words.doc[start].dep_ in ("det", "predet") or
                                     non_names().get(words.doc[start].lower_) == "article"):
        start += 1
    return words.doc[start:words.end].text


def _titled_person(doc: Doc, title: str, before: int) -> Span | None:
    """The nearest earlier person given this title: "Interior Minister Jane Doe", "Doe, the minister"."""
    best: Span | None = None
    for ent in doc.ents:
        if ent.start >= before:
            break
        if ent.label_ != "PERSON":
            continue
        titles = [c for c in ent.root.children if c.dep_ in ("compound", "appos")]
        titles += [ent.root.head] if ent.root.dep_ in ("appos", "compound") else []
        if any(t.lemma_.lower() == title for t in titles):
            best = ent
    return best


def naming_entity(span: Span) -> tuple[Span | None, bool]:
    """The entity that names the span's head and whether the head lies inside it ("Ahmad Massoud": True);
    else one that qualifies the head ("Taliban fighters", "fighters of the Taliban": False)."""
    head = span.root
    actors = [e for e in span.ents if e.label_ in _ACTOR_LABELS]
    for ent in actors:
        if ent.start <= head.i < ent.end:
            return ent, True
    for ent in actors:
        if ent.root.head.i == head.i and ent.root.dep_ in _MODIFIER_DEPS:
            return ent, False
    for ent in actors:  # "members of the Second Resistance": a group, never a person ("the tomb of X")
        preposition = ent.root.head
        if (ent.label_ in _GROUP_LABELS and ent.root.dep_ == "pobj" and preposition.lower_ == "of"
                and preposition.head.i == head.i):
            return ent, False
    return None, False


def head_word(token: Token) -> str:
    """The head's lemma for the kinds lexicon. A capitalised plural opening a sentence ("Rebels of the
    Free Army ...") is often tagged a proper noun and left unlemmatized: its lower-case singular stands in."""
    lemma = token.lemma_.lower()
    if lemma in actor_kinds() or token.pos_ != "PROPN" or not lemma.endswith("s"):
        return lemma
    return lemma[:-1]


def _span(doc: Doc, mention: Mention) -> Span | None:
    if non_names().get(mention.text.lower()) == "pronoun":
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    # The words that qualify the head belong to its name even where the mention left them out
    # ("Pakistani police" written as the agent "police").
    return doc[min(span.start, span.root.left_edge.i) : span.end]


def canonical_name(doc: Doc, mention: Mention) -> str | None:
    """The name a mention stands for in this article, or None when the words name no one in particular."""
    span = _span(doc, mention)
    if span is None:
        return None
    ent, head_named = naming_entity(span)
    if ent is None:
        head = span.root
        if head.pos_ == "NOUN" and any(c.lower_ in ("the", "this") for c in head.children):
            titled = _titled_person(doc, head.lemma_.lower(), span.start)
            if titled is not None:
                return titled.text
        return None
    kind = actor_kind(head=head_word(span.root), label=ent.label_, head_named=head_named)
    country = country_of(ent.text) if ent.label_ in ("NORP", "GPE") else None
    if country is not None and kind == "government":
        return _GOVERNMENT_OF.format(country=country)
    if ent.label_ == "PERSON" and head_named:
        if len(ent) == 1:
            full = full_name_before(doc, ent.text, ent.start)
            return full.text if full is not None else ent.text
        return ent.text
    if head_named or (ent.label_ in _GROUP_LABELS and country is None):
        return _without_determiners(ent)  # "Taliban fighters" are the Taliban
    if kind is not None:
        return _without_determiners(span)  # "the Biden administration", "Afghan refugees"
    return None


def kind_of(doc: Doc, mention: Mention) -> ActorKind | None:
    """The kind of actor a mention names: of its own words ("Taliban fighters": an armed group), else, for
    words that name no kind ("they"), of the entity it was resolved to where the article names it."""
    span = _span(doc, mention)
    if span is not None:
        ent, head_named = naming_entity(span)
        kind = actor_kind(head=head_word(span.root), label=ent.label_ if ent is not None else None,
                          head_named=head_named)
        if kind is not None:
            return kind
    if mention.canonical:
        for ent in doc.ents:
            if ent.text == mention.canonical and ent.label_ in _ACTOR_LABELS:
                return actor_kind(head=ent.root.lemma_, label=ent.label_, head_named=True)
    return None


def resolve_actors(doc: Doc, events: list[Event]) -> None:
    """Sets `canonical` on agents, targets, speakers and attributions the article names, and `kind` on
    every one that is an actor. Targets of desecration are sites and objects, never actors."""
    for event in events:
        roles = [event.agent, event.speaker, event.attribution]
        if event.type != "desecration":
            roles.append(event.target)
        for mention in roles:
            if mention is None:
                continue
            if not mention.canonical:
                mention.canonical = canonical_name(doc, mention)
            if mention.kind is None:  # speakers resolved to a person carry their kind already
                mention.kind = kind_of(doc, mention)
