"""Walking spaCy's dependency parse: subjects, objects, clauses and the words that name a participant."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from service.pipeline.lexicons import accusing_verbs, partitive_nouns
from service.pipeline.types import Mention

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Left dependents that belong to a noun phrase's name ("the Taliban forces", "Sept. 9 tomb").
_NAME_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "npadvmod"})
_MAX_MENTION_TOKENS = 10


def subject_of(verb: Token) -> Token | None:
    """The active subject of a verb, inherited through `conj`, `xcomp` and `advcl` chains when missing.

    "The Taliban forced people out and expelled thousands": `expelled` gets "Taliban".
    """
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            # Up the chain, a passive subject acts too: "Soldiers were filmed tearing down posters".
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and current is not verb):
                return child
        if current.dep_ == "xcomp" and current.head.i != current.i and current.head.lemma_.lower() not in (
                "use", "employ"):  # "police used sledgehammers to knock down houses": the police did
            # Object control: in "forced residents to flee" the residents flee.
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return partitive_head(controller)
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            accused = _accused(current.head.head)
            if accused is not None:  # "Police arrested two men for vandalising the cemetery"
                return accused
            # A gerund after a preposition: in "they stole money before fleeing" the thieves flee.
            current = current.head.head
            continue
        return None
    return None


def _accused(verb: Token) -> Token | None:
    """Whom a verb of arrest, charge or punishment holds to account: its object ("arrested two men
    for …"), its passive subject ("were charged with …") or who a case is against ("a case has been
    registered against unidentified people for …")."""
    if verb.lemma_.lower() not in accusing_verbs():
        return None
    against = next((obj for _prep, obj in prep_objects(verb, frozenset({"against"}))), None)
    if against is not None:
        return against
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def passive_subject_of(verb: Token) -> Token | None:
    """The patient promoted to subject in a passive ("the tomb was bulldozed" -> tomb)."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
        # "Also deported today were 11 illegal immigrants": inverted, the patient hangs from the "were".
        # "Seven Jamaicans were this morning deported": the subject hung on the "were".
        if child.dep_ == "auxpass" and (held := next((g for g in child.children if g.dep_ in ("attr", "nsubj")),
                                                       None)) is not None:
            return held
    if verb.dep_ == "conj" and verb.tag_ == "VBN":
        return passive_subject_of(verb.head)
    # A passive infinitive of purpose: "1,581 Haitians were taken back to the border to be deported";
    # "Police rounded up 50 migrants to be deported".
    if verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i and any(c.dep_ == "auxpass" for c in verb.children):
        held = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return held if held is not None else passive_subject_of(verb.head)
    return None


# Ways and vehicles after "by": how it was done, not who did it ("evacuated by helicopter", "by road").
_MEANS = frozenset({"helicopter", "boat", "bus", "road", "air", "sea", "plane", "ship", "ferry", "truck",
                    "train", "car", "foot", "land", "force", "hand"})


# Machines and tools that do the work for whoever drives them: "the tomb was razed by bulldozers".
_TOOLS = frozenset({"bulldozer", "excavator", "digger", "sledgehammer", "hammer", "crane", "tractor", "explosive",
                    "dynamite", "machine", "machinery"})


def _means(noun: Token) -> bool:
    """A bare singular way or vehicle ("by helicopter", "by force"), not "by Tunisian security forces";
    or a tool, however it is counted ("razed by bulldozers", "by several excavators")."""
    if noun.lemma_.lower() in _TOOLS:
        return True
    return noun.lemma_.lower() in _MEANS and noun.tag_ == "NN" and not list(noun.children)


def by_agent_of(word: Token) -> Token | None:
    """The `by`-phrase agent of a passive verb or a nominal ("destroyed by militants")."""
    for child in word.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for grandchild in child.children:
                # "to evict the tenants by the end of the year": a deadline, not who did it.
                if grandchild.dep_ == "pobj" and grandchild.ent_type_ not in ("DATE", "TIME") and (
                        not _means(grandchild)):
                    return grandchild
    return None


def objects_of(verb: Token) -> list[Token]:
    """Direct objects of a verb with their conjuncts ("destroyed the shrine and the mosque")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            found.append(child)
            found.extend(c for c in child.conjuncts if c.i > child.i)
    return found


def prep_objects(word: Token, prepositions: frozenset[str] | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging from a word, including two-word ones ("out of X")."""
    for child in word.children:
        if child.dep_ not in ("prep", "agent", "prt", "advmod"):
            continue
        for grandchild in child.children:
            if grandchild.dep_ == "pobj":
                if prepositions is None or child.lower_ in prepositions:
                    yield child.lower_, grandchild
            elif grandchild.dep_ == "prep":
                compound = f"{child.lower_} {grandchild.lower_}"
                for pobj in grandchild.children:
                    if pobj.dep_ == "pobj" and (prepositions is None or compound in prepositions):
                        yield compound, pobj


def partitive_head(noun: Token) -> Token:
    """The real head of "dozens of graves", "the majority of residents": the `of` object, else the noun."""
    if noun.pos_ in ("NUM", "PRON", "DET") or noun.lemma_.lower() in partitive_nouns() or (
        noun.lower_ in partitive_nouns()
    ):
        for prep, obj in prep_objects(noun, frozenset({"of"})):
            del prep
            return obj
    return noun


def _shared_head_noun(head: Token) -> Token | None:
    """The noun two coordinated modifiers share when the parser made the first one the head:
    "Provincial and emergency authorities" (head "Provincial", conjunct "authorities")."""
    if head.ent_type_ or head.pos_ not in ("ADJ", "PROPN") or any(c.dep_ == "det" for c in head.children):
        return None
    conj = next((c for c in head.rights if c.dep_ == "conj"), None)
    if conj is None or conj.pos_ != "NOUN" or conj.i - head.i > 4:
        return None
    between = head.doc[head.i + 1 : conj.i]
    if not between or between[0].dep_ != "cc" or any(t.dep_ not in ("cc", "compound", "amod") for t in between):
        return None
    return conj


def mention_span(head: Token) -> Span:
    """The words that name a participant: the head with its determiners, modifiers and compounds,
    plus an `of`-phrase ("members of the resistance"), but not relative clauses or appositions."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NAME_LEFT:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            end = mention_span(objects[0]).end if objects else end
            break
        # A proper name goes on through "for": "the Higher Commission for Refugees Affairs".
        if child.dep_ == "prep" and child.lower_ == "for" and child.i == end and head.pos_ == "PROPN":
            objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if objects:
                end = mention_span(objects[0]).end
            break
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN" and child.i == end:
            end = child.i + 1
    if (shared := _shared_head_noun(head)) is not None:
        end = shared.i + 1
    if (name := _quoted_name_of(head)) is not None:  # the newsheet "Carta de Mocambique": its name
        return doc[head.i + 2 : name.i + 1]
    if end - start > _MAX_MENTION_TOKENS:
        start = max(start, head.i - _MAX_MENTION_TOKENS + 1)
        end = min(end, head.i + 1 + (_MAX_MENTION_TOKENS - (head.i + 1 - start)))
    while start < head.i and doc[start].is_punct:
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _quoted_name_of(head: Token) -> Token | None:
    """A proper name in quotation marks right after a common noun, as its apposition: 'the independent
    newsheet "Carta de Mocambique"'. The last word of the name."""
    if head.pos_ != "NOUN":
        return None
    name = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is None:
        return None
    start = name.left_edge.i
    while start < name.i and head.doc[start].is_punct:
        start += 1
    between = head.doc[head.i + 1 : start]
    if len(between) != 1 or between[0].text not in ('"', "“", "'", "‘"):
        return None
    return name


def clause_root(token: Token) -> Token:
    """The verb heading the clause a token sits in (itself when it is a verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or current.head.i == current.i:
            return current
        current = current.head
    return current


def path_length(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of the same sentence (large when unrelated)."""
    ancestors_a = {a.i: 0}
    for depth, anc in enumerate(a.ancestors, start=1):
        ancestors_a[anc.i] = depth
    if b.i in ancestors_a:
        return ancestors_a[b.i]
    for depth, anc in enumerate([b, *b.ancestors]):
        if anc.i in ancestors_a:
            return ancestors_a[anc.i] + depth
    return 99


def is_negated(word: Token) -> bool:
    """True when the word carries a negation ("did not destroy") or its subject or object is
    "no one", "nobody", "no residents" ("no one was evacuated")."""
    for child in word.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if child.lower_ in ("nobody", "none", "nothing", "noone"):
                return True
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    return False


_SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def source_before(cue: Token) -> Token | None:
    """The named source just before a reporting verb the parser left without a subject
    ("..., the United Nations agency (UNRWA) said."): the entity ending there, parentheses skipped."""
    doc = cue.doc
    i = cue.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or not doc[i].ent_type_ or doc[i].ent_type_ not in _SOURCE_LABELS:
        return None
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent.root
    return None


def inverted_source(cue: Token) -> Token | None:
    """"… have fled to Pemba, reports the newsheet Carta de Mocambique": a reporting verb after what it
    reports, with no subject, takes its source as an object."""
    reported_before = any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children)
    source = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    return source if reported_before else None


def entity_of(token: Token) -> Span | None:
    """The named entity a token belongs to, if any."""
    if not token.ent_type_:
        return None
    for ent in token.sent.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def mention_of(head: Token) -> Mention:
    """A participant as a Mention: the words that name it (`mention_span`) with their offsets."""
    span = mention_span(head)
    return Mention(text=span.text, start=span.start_char, end=span.end_char)
