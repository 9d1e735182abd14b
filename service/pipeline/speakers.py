"""Resolves who a speaker is: a surname to the full name mentioned earlier ("Massoud" -> "Ahmad
Massoud", the nearest earlier full name, so a namesake mentioned further back is not taken), a
pronoun to the last person named, "one resident ... his first name, Ahmar" to the name given."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.pipeline.actors import full_name_before
from service.pipeline.dependency import entity_of, mention_of, mention_span
from service.pipeline.paragraphs import paragraph_of
from service.pipeline.types import Mention

_INDEFINITE = frozenset({"a", "an", "one", "another", "some"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# "…, they said" after "police said"; "…,' it said" after "the agency said": the speaker just before.
_CONTINUING_PRONOUNS = frozenset({"they", "it"})
_NAMING_WORDS = frozenset({"name", "named", "called", "identified", "nicknamed"})


def _last_person_before(doc: Doc, before: int) -> Span | None:
    """The person a pronoun most likely means: the nearest earlier sentence's person in subject
    position (the topic), else the last person named."""
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.start < before]
    if not people:
        return None
    sentence_start = doc[before].sent.start
    topical = [
        ent for ent in people
        if ent.root.dep_ in ("nsubj", "nsubjpass") or (ent.root.dep_ == "appos" and ent.root.head.dep_ == "nsubj")
    ]
    recent = [ent for ent in topical if doc[ent.start].sent.start >= _sentences_back(doc, sentence_start, 3)]
    best = recent[-1] if recent else people[-1]
    if len(best) == 1:
        return full_name_before(doc, best.text, best.start) or best
    return best


def _sentences_back(doc: Doc, sentence_start: int, count: int) -> int:
    """The start token of the sentence `count` sentences before the one starting at `sentence_start`."""
    start = sentence_start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _given_name(words: Span | list[Token]) -> Span | None:
    """The proper noun given as someone's name, with the proper nouns that follow it: "his first name,
    Ahmar", "a man named Ali", "a witness who identified himself as Alhaji Modu"."""
    first = _given_name_start(words)
    if first is None:
        return None
    end = first.i + 1
    while end < len(first.doc) and first.doc[end].pos_ == "PROPN" and first.doc[end].sent == first.sent:
        end += 1
    return first.doc[first.i : end]


def _given_name_start(words: Span | list[Token]) -> Token | None:
    for token in words:
        if token.pos_ != "PROPN":
            continue
        if token.dep_ == "appos" and token.head.lemma_.lower() in _NAMING_WORDS:
            return token
        if token.i > 0 and token.doc[token.i - 1].lower_ in ("as", "named", "called"):
            return token
        if token.dep_ in ("oprd", "attr") and token.head.lemma_.lower() in _NAMING_WORDS:
            return token
    return None


def _is_indefinite(head: Token) -> bool:
    if head.ent_type_ == "PERSON":
        return False
    return any(c.lower_ in _INDEFINITE and c.dep_ in ("det", "nummod") for c in head.children) or (
        head.pos_ == "NOUN" and head.lemma_.lower() in ("man", "woman", "resident", "witness", "person")
    )


def resolve_speaker(head: Token, previous: Mention | None) -> Mention:
    """A speaker mention with `canonical` set to the person it names where the article tells."""
    doc = head.doc
    mention = mention_of(head)
    if head.lower_ in _CONTINUING_PRONOUNS:
        # "…, they said" / "…, it said": the pronoun goes on with the speaker just before ("police said …").
        recent_start = doc[_sentences_back(doc, head.sent.start, 2)].idx
        if previous is not None and previous.start >= recent_start:
            mention.canonical = previous.canonical or previous.text
        return mention
    if head.lower_ in _PERSONAL_PRONOUNS:
        person = _last_person_before(doc, head.i)
        recent_start = doc[_sentences_back(doc, head.sent.start, 3)].idx
        if previous is not None and previous.canonical and previous.start >= recent_start:
            # "He" in a run of statements goes on with the speaker just quoted.
            mention.canonical = previous.canonical
        elif previous is not None and previous.start >= recent_start and (
            person is None or person.start_char < previous.start
        ):
            # The speaker just quoted has no name the model knows ("Bulama kachalla, a member of the
            # JTF, said …") and nobody was named since: "he" is still that speaker.
            mention.canonical = previous.text
        elif person is not None:
            mention.canonical = person.text
        elif previous is not None:
            mention.canonical = previous.canonical or previous.text
        mention.kind = "person"  # "he" and "she" are people whoever they are
        return mention
    ent = entity_of(head)
    if ent is not None and ent.label_ == "PERSON":
        if len(ent) == 1:
            full = full_name_before(doc, ent.text, ent.start)
            mention.canonical = full.text if full is not None else ent.text
        else:
            mention.canonical = ent.text
        mention.kind = "person"
        return mention
    appositions = [c for c in head.children if c.dep_ == "appos"]
    for appos in appositions:
        mention.aliases.append(mention_span(appos).text)
        if appos.ent_type_ == "PERSON" and mention.canonical is None:
            mention.canonical = mention_span(appos).text  # "The governor, Caleb Mutfwang, said"
            mention.kind = "person"
    if _is_indefinite(head):
        name = _given_name(list(head.subtree))
        if name is None:
            for sentence in _following_sentences(head, 2):
                if _refers_back(sentence):
                    name = _given_name(sentence)
                    break
        if name is not None:
            mention.canonical = name.text
            mention.kind = "person"  # someone who gave a name: "one resident ... his first name, Ahmar"
    return mention


def _following_sentences(token: Token, count: int) -> list[Span]:
    """Up to `count` sentences after the token's own, within its paragraph."""
    found: list[Span] = []
    sentence = token.sent
    paragraph = paragraph_of(sentence)
    for _ in range(count):
        if sentence.end >= len(token.doc):
            break
        sentence = token.doc[sentence.end].sent
        if paragraph_of(sentence) != paragraph:
            break
        found.append(sentence)
    return found


def _refers_back(sentence: Span) -> bool:
    """True when the sentence's subject points back at someone already introduced ("The man", "He")."""
    if any(mark in sentence.text for mark in "\"“”"):
        return False  # a sentence with a quotation introduces a speaker of its own
    for token in sentence:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            if token.lower_ in _PERSONAL_PRONOUNS:
                return True
            return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    return False
