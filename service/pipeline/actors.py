"""Canonical actors within one article: "Massoud" is the nearest earlier full name that ends so
("Ahmad Massoud", never a namesake mentioned further back), "Taliban fighters" belong to the Taliban,
"the minister" is the person the article titled so."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from service.pipeline.types import Event, Mention

_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})


def full_name_before(doc: Doc, surname: str, before: int) -> Span | None:
    """The nearest earlier multi-word PERSON whose last word is the surname."""
    best: Span | None = None
    for ent in doc.ents:
        if ent.start >= before:
            break
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == surname:
            best = ent
    return best


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


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


def canonical_name(doc: Doc, mention: Mention) -> str | None:
    """The name a mention stands for in this article, or None when the words are all there is."""
    if mention.text.lower() in _PRONOUNS:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people:
        person = people[-1]
        if len(person) == 1:
            full = full_name_before(doc, person.text, person.start)
            return full.text if full is not None else person.text
        return person.text
    groups = [e for e in span.ents if e.label_ in _GROUP_LABELS]
    if groups:
        return _strip_article(groups[0].text)
    head = span.root
    if head.pos_ == "NOUN" and any(c.lower_ in ("the", "this") for c in head.children):
        titled = _titled_person(doc, head.lemma_.lower(), span.start)
        if titled is not None:
            return titled.text
    return None


def resolve_actors(doc: Doc, events: list[Event]) -> None:
    """Sets `canonical` on agents, targets, speakers and attributions the article names elsewhere,
    and keeps the words as written among the aliases."""
    for event in events:
        for mention in (event.agent, event.speaker, event.attribution):
            if mention is None or mention.canonical:
                continue
            name = canonical_name(doc, mention)
            if name and name != mention.text:
                mention.canonical = name
