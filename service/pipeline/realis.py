"""Whether a trigger word names an event that happened, and whether it is new: negation, modality
(future, possibility, obligation), conditions, hypothetical heads (threats, plans, hopes),
remembrance ("commemorate the expulsion"), generic or category mentions ("an eviction without a
court order is illegal", "internally displaced persons"); then whether a kept mention only restates,
describes or sums up incidents already told ("the eviction drive", "the displaced families", "so far").
Read by incidents.py; every rejection is a reason a reader can check, or None."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.pipeline.dependency import is_negated
from service.pipeline.lexicons import (
    category_modifiers,
    conditional_marks,
    displaced_groups,
    ending_verbs,
    eventive_heads,
    habitual_adverbs,
    hypothetical_heads,
    knowing_verbs,
    modal_adjectives,
    operation_verbs,
    remembrance_heads,
    standing_group_heads,
    summary_markers,
    unrealised_auxiliaries,
)

# The dependency arcs by which a noun phrase hangs from the verb of its clause: "did not have an
# eviction order" (compound, dobj), "for an eviction" (pobj, prep), "evictions should take place" (nsubj).
_NOMINAL_ARCS = frozenset({"compound", "dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "conj", "appos", "amod"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADP", "ADJ", "NUM", "PRON"})
_INDEFINITE = frozenset({"a", "an", "any"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def governing_verb(trigger: Token) -> tuple[Token | None, str]:
    """The verb a nominal trigger's noun phrase depends on, and the arc that reaches it
    ("Evacuation notices could be issued": `issued`, through nsubjpass)."""
    current, arc = trigger, ""
    for _ in range(6):
        if current.head.i == current.i:
            return None, arc
        arc = current.dep_
        if arc not in _NOMINAL_ARCS:
            return None, arc
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current, arc
        if current.pos_ not in _NOMINAL_POS:
            return None, arc
    return None, arc


def unrealised_modal(verb: Token) -> str | None:
    """The modal auxiliary that keeps a verb's event from having happened ("will", "could be
    evacuated"), or None. With the perfect, only the counterfactual ones count ("would have fled");
    "may have fled" is a hedged past, left to certainty.py."""
    modals = unrealised_auxiliaries()
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    for child in verb.children:
        if child.dep_ != "aux":
            continue
        entry = modals.get(child.lower_)
        if entry is None:
            continue
        reading, with_perfect = entry
        if not perfect or with_perfect == "unrealised":
            return f"{reading} ('{child.text} {verb.text}'): has not happened"
    return None


# Entity labels of names a trigger word can sit in without naming an event.
_NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})

# "When"/"whenever" opening a present-tense clause under a present-tense one tell what happens each
# time, like "if": "when an evacuation order has been issued, it means people should leave".
_GENERIC_WHEN = frozenset({"when", "whenever"})


def _present(verb: Token) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and auxes[0].tag_ in ("VBZ", "VBP")


def _condition(trigger: Token) -> Token | None:
    """The "if"/"unless" that opens the clause the trigger sits in, if any."""
    for word in [trigger, *list(trigger.ancestors)[:3]]:
        mark = next((c for c in word.children if c.dep_ == "mark" and c.lower_ in conditional_marks()), None)
        if mark is not None:
            return mark
        when = next((c for c in word.children if c.dep_ == "advmod" and c.lower_ in _GENERIC_WHEN), None)
        if when is not None and word.dep_ == "advcl" and _present(word) and _present(word.head):
            return when  # "When an evacuation order is issued, residents have moments to leave"
        if word.dep_ in ("advcl", "ccomp", "ROOT"):
            return None
    return None


def _gerund_subject_of_a_copula(trigger: Token) -> bool:
    """"defacing or mutilating a political sign is an offence": the act named as a kind."""
    gerund = trigger
    while gerund.dep_ == "conj" and gerund.head.i != gerund.i:
        gerund = gerund.head
    return gerund.tag_ == "VBG" and gerund.dep_ in ("csubj", "nsubj") and gerund.head.lemma_.lower() == "be"


# Verbs of obligation that take an infinitive: in the present they tell what must still be done ("they
# have to be shifted to a safer place"); in the past, what was done ("residents had to flee").
_OBLIGATION_VERBS = frozenset({"have", "need"})


def _still_to_come(trigger: Token) -> str | None:
    """A plan ("are to be evicted") or an obligation not yet met ("have to be shifted"), or None."""
    head = trigger.head
    # "An extended Traveller family … are to be evicted from a west Dublin site today": a plan.
    if trigger.dep_ == "xcomp" and head.lemma_.lower() == "be" and head.i != trigger.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return f"planned ('{head.text} to {trigger.text}'): has not happened"
    if trigger.dep_ != "xcomp" or head.lemma_.lower() not in _OBLIGATION_VERBS or head.i == trigger.i:
        return None
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would") for c in head.children)
    if head.tag_ in ("VBP", "VBZ") or future:
        return f"obligation ('{head.text} to {trigger.text}'): has not happened"
    return None


def _nominal_rejection(trigger: Token, has_patient: bool) -> str | None:
    """A nominal trigger that names no particular event: "no evictions", "for an eviction",
    "up for eviction", or one whose clause is negated or modal ("did not have an eviction order")."""
    determiners = [c.lower_ for c in trigger.children if c.dep_ == "det"]
    if "no" in determiners:
        return "negated ('no' before it)"
    if not has_patient and not any(c.dep_ == "poss" for c in trigger.children):
        if any(d in _INDEFINITE for d in determiners):
            return f"generic mention ('{determiners[0]} {trigger.text}' names no particular event)"
        if not determiners and trigger.tag_ == "NN" and trigger.dep_ != "compound":
            return f"general mention ('{trigger.text}' with no determiner and no one displaced)"
    verb, arc = governing_verb(trigger)
    if verb is None:
        return None
    if verb.lemma_.lower() in ending_verbs() and arc in ("dobj", "nsubjpass"):
        return f"ended (under '{verb.text}'): an earlier displacement is over, not a new one"
    if verb.lemma_.lower() in _STANDING_VERBS:
        return f"a standing state (under '{verb.text}'), not a new displacement"
    if verb.lemma_.lower() in knowing_verbs() and arc in ("dobj", "pobj", "prep"):
        return None  # "who may know something about the beheading": the knowing is unsure, not the act
    if arc not in ("nsubj", "conj") and is_negated(verb):
        return f"negated (under '{verb.text}')"
    modal = unrealised_modal(verb)
    if modal is not None:
        return modal
    return None


def names_a_category(trigger: Token) -> bool:
    """A participle that names a kind of people, not an event: "internally displaced persons", or
    "the displaced" standing for the people ("families from the displaced have gathered")."""
    if any(c.dep_ == "advmod" and c.lower_ in category_modifiers() for c in trigger.children):
        return True
    return (
        trigger.tag_ == "VBN"
        and trigger.dep_ in _NOMINAL_ROLES
        and any(c.dep_ == "det" for c in trigger.children)
        and not any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in trigger.children)
    )


def standing_group(trigger: Token) -> bool:
    """A participle before a people noun with no count of its own names a standing population, not
    an incident: "as the number of displaced people increase", "aid for displaced families". With
    a count ("3,000 displaced villagers", "thousands of displaced people") it may report one."""
    # "home to more than 82,000 people fleeing the conflict", "the number of children seeking asylum":
    # a participle after the noun counts under the same heads.
    # "The camp hosts some 40,000 people who fled the fighting": a relative clause counts the same way.
    follows = (trigger.dep_ == "acl" and trigger.tag_ == "VBG") or (
        trigger.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                                        for c in trigger.children))
    precedes = trigger.dep_ == "amod" and trigger.tag_ == "VBN"
    if not (precedes or follows) or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = trigger.head
    if noun.dep_ == "pobj":
        # "food aid for 21,000 displaced families", "a list of 2,800 displaced families", "sends food
        # aid for …" (the preposition hanging from the verb whose object is the aid).
        governor = noun.head.head
        heads = [governor]
        if governor.pos_ == "VERB":
            heads.extend(c for c in governor.children if c.dep_ == "dobj")
        if any(h.lemma_.lower() in standing_group_heads() for h in heads):
            return True
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in standing_group_heads():
        return True  # "The site hosts around 25,000 displaced people"
    if follows:
        return False
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    # "All of the displaced people", "thousands of displaced people": a particular, counted group.
    partitive = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NUM", "DET", "PRON")
    return not partitive


# "homes remain under evacuation orders", "50,000 people remain displaced": how things stand, told of
# a displacement the article (or an earlier one) reported.
_STANDING_VERBS = frozenset({"remain", "stay"})


def _told_as_done(trigger: Token, head: Token) -> bool:
    """A simple past right under a verb of fearing or hoping is told as done, not feared: "residents
    fearing a dam failure evacuated their homes" (parsed as what they feared). What is feared or
    planned comes with a modal, an infinitive or a noun ("feared they would be expelled")."""
    return (
        trigger.head.i == head.i
        and trigger.dep_ == "ccomp"
        and trigger.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)
    )


# "the first families to leave", "the last residents to be evacuated": people an infinitive describes did it.
_ORDER_WORDS = frozenset({"first", "last", "latest", "only", "next"})
_ORDERS = frozenset({"order", "directive", "instruction"})


def _infinitive_after_a_thing(trigger: Token) -> bool:
    """"a valid reason to evict a tenant", "the right to expel", "a plan to relocate villagers": an
    infinitive that modifies a noun tells what could be done, not what was done. Not when the noun
    is the people who did it ("the first families to leave"), nor an order given ("all residents follow
    an order to evacuate Yellowknife": an evacuation order is the evacuation, as "an evacuation order")."""
    if trigger.dep_ not in ("acl", "relcl") or trigger.tag_ != "VB" or trigger.head.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    noun = trigger.head
    if noun.lemma_.lower() in displaced_groups() or noun.tag_ == "NNS" or noun.lemma_.lower() in _ORDERS:
        return False
    return not any(c.lower_ in _ORDER_WORDS for c in noun.children)


def _infinitive_after_a_judgement(trigger: Token) -> Token | None:
    """"makes it harder to evict tenants", "it is illegal to evict tenants": an infinitive an adjective of
    possibility or legality governs tells what may be done, not what was (the adjective, when so)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    head = trigger.head
    candidates = [head, *(c for c in head.children if c.dep_ == "acomp")] if head.i != trigger.i else []
    return next((w for w in candidates if w.pos_ == "ADJ" and (w.lower_ in modal_adjectives() or
                                                               w.lemma_.lower() in modal_adjectives())), None)


_CARRIERS = frozenset({"flight", "plane", "convoy", "bus", "ship", "boat", "ferry", "train"})
_DEPARTURES = frozenset({"leave", "depart", "land", "arrive", "carry", "take"})


def _operated(noun: Token) -> bool:
    """Whether a noun is what an operation verb carries out ("ICE carried out repatriation charter
    flights", "the coast guard conducted evacuation flights"): then its modifier tells an event."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:  # "repatriation charter flights"
        noun = noun.head
    if noun.dep_ == "nsubj" and noun.lemma_.lower() in _CARRIERS and noun.head.lemma_.lower() in _DEPARTURES and (
            any(c.dep_ == "prep" and c.lower_ == "to" for c in noun.children)):
        return True  # "A deportation flight to Afghanistan has left Leipzig": a journey named by where it went
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in operation_verbs()


def rejection(trigger: Token, has_patient: bool = False) -> str | None:
    """Why a lexicon hit names no event that happened, or None when it does."""
    in_name = trigger.ent_type_ in _NAME_LABELS and trigger.i > trigger.sent.start
    if in_name and trigger.is_title and trigger.pos_ != "VERB":
        # "the Department's Deportation and Enforcement Units", "the National Commission for …
        # Internally Displaced Persons"
        return f"part of a name ('{trigger.text}' in an organisation's or a work's name)"
    if trigger.dep_ in ("acomp", "oprd") and trigger.head.lemma_.lower() in _STANDING_VERBS:
        return f"a standing state (under '{trigger.head.text}'), not a new displacement"
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() not in eventive_heads() and (
            not _operated(trigger.head)):
        return "modifies another noun (e.g. 'evacuation flights')"
    if trigger.pos_ == "ADJ" and trigger.dep_ not in ("amod", "acomp", "oprd", "xcomp", "ccomp", "conj"):
        return f"names people ('the {trigger.text}'), not an event"
    if names_a_category(trigger):
        return f"names a category of people ('{trigger.text}'), not an event"
    if standing_group(trigger):
        return f"names a standing group ('{trigger.text} {trigger.head.text}'), not an incident"
    if is_negated(trigger):
        return "negated"
    judgement = _infinitive_after_a_judgement(trigger)
    if judgement is not None:
        return f"what may be done (under '{judgement.text}'), not what was done"
    # Remembrance first: "voted to commemorate the expulsion" is history, whatever the vote.
    for ancestor in list(trigger.ancestors)[:4]:
        if ancestor.lemma_.lower() in remembrance_heads():
            return f"remembered, not reported (under '{ancestor.text}')"
    for ancestor in list(trigger.ancestors)[:3]:
        if ancestor.lemma_.lower() in hypothetical_heads() and not _told_as_done(trigger, ancestor):
            return f"hypothetical (under '{ancestor.text}')"
    condition = _condition(trigger)
    if condition is not None:
        return f"conditional ('{condition.text}'): has not happened"
    to_come = _still_to_come(trigger)
    if to_come is not None:
        return to_come
    if _gerund_subject_of_a_copula(trigger):
        return f"generic ('{trigger.text}' as what something is): tells what the act is, not that it happened"
    governor = trigger.head if trigger.dep_ in ("xcomp", "ccomp") else None
    if trigger.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        # "did not need a court order to evict residents": the noun's clause decides.
        governor, _arc = governing_verb(trigger.head)
    if governor is not None and is_negated(governor):
        return f"negated (under '{governor.text}')"
    for verb in (trigger, governor):
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            modal = unrealised_modal(verb)
            if modal is not None:
                return modal
    for head in [trigger, *list(trigger.ancestors)[:3], trigger.sent.root]:
        habitual = next((c for c in head.children if c.dep_ == "advmod" and c.lower_ in habitual_adverbs()), None)
        if habitual is not None:
            return f"generic ('{habitual.text}'): tells what happens as a rule, not an event"
    if _infinitive_after_a_thing(trigger):
        return f"hypothetical ('{trigger.head.text} to {trigger.text}': a purpose, right or reason, not an act)"
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _nominal_rejection(trigger, has_patient)
    return None


def restates_earlier(trigger: Token) -> bool:
    """A definite noun with nothing of its own ("The eviction drive was carried out peacefully",
    "during the evacuation") points back to an incident the article has already told."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = trigger.head if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in eventive_heads() else trigger
    determiners = {c.lower_ for c in phrase.children if c.dep_ == "det"}
    own_words = any(c.dep_ in ("poss", "nummod", "prep") for c in phrase.children)
    if phrase.tag_ == "NNS" and not determiners and not own_words:
        # A bare plural tells of displacement in general ("the clashes have resulted in forced
        # displacements"): the incident is the one the article reports, before or after it.
        return True
    return bool(determiners & _DEFINITE) and not own_words


def goes_on(trigger: Token) -> bool:
    """"The evacuation of villagers is continuing": an incident told as still going on is the one the
    article has told (or tells) as it began, not another."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    verb, arc = governing_verb(trigger)
    return verb is not None and arc == "nsubj" and verb.lemma_.lower() in ("continue", "proceed")


def sums_up(trigger: Token) -> bool:
    """A running total or summary ("have already been evacuated", "the total number of deportations"):
    its sentence carries a summary marker as whole words."""
    text = trigger.sent.text.lower()
    return any(re.search(rf"\b{re.escape(marker)}\b", text) for marker in summary_markers())


def describes_people(trigger: Token) -> bool:
    """A participle or relative clause that describes people by a flight the story has told ("the
    displaced families", "people fleeing the fighting", "residents who fled the town"): it presupposes
    the incident rather than reporting one more."""
    if trigger.dep_ == "amod":
        return True
    if sending_verb(trigger) is not None:  # "sent nearly 300 people fleeing": they fled
        return False
    return trigger.dep_ in ("acl", "relcl") and trigger.tag_ in ("VBG", "VBN", "VBD") and trigger.head.pos_ in (
        "NOUN", "PROPN", "PRON", "NUM")


# Verbs that set their object doing something: "the violence sent nearly 300 people fleeing" (they fled).
_RESULT_VERBS = frozenset({"send", "set", "leave"})


def sending_verb(trigger: Token) -> Token | None:
    """"sent nearly 300 people fleeing across the border", "sent hundreds of villagers fleeing": the verb
    that set its object doing what the participle says (the parser may hang the participle on the object,
    as if it described the people, or on the verb)."""
    if trigger.tag_ != "VBG":
        return None
    if trigger.dep_ == "advcl" and trigger.head.lemma_.lower() in _RESULT_VERBS:
        return trigger.head
    if trigger.dep_ != "acl":
        return None
    noun = trigger.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        noun = noun.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RESULT_VERBS:
        return noun.head
    return None


def describes_a_cause(trigger: Token) -> bool:
    """A relative clause that describes a crisis by what it did ("the disaster, which has displaced 12
    million people", "the fighting that drove thousands from their homes"): it sums up, not reports."""
    clause = trigger
    while clause.dep_ == "conj":  # "which has stranded or displaced …" (a conj always has a head of its own)
        clause = clause.head
    head = clause.head
    return (
        clause.dep_ == "relcl"
        and head.pos_ == "NOUN"
        and head.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE")
        and not ({head.lemma_.lower(), head.lower_} & displaced_groups().keys())
    )
