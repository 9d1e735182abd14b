"""Who drove people out when a displacement trigger names no agent of its own: the `by`-agent of
the verb that ordered the flight ("were told by soldiers to flee"), the subject of an attack clause
("fled as the army shelled their villages", "fled after gunmen attacked"), the owner of the violence
fled ("fled the RSF's assault", "fled Israeli airstrikes", "amid attacks by militants"), or a cause
named by "due to" / "because of", or whoever carried out the operation a noun names ("the police
conducted an eviction drive")."""

from __future__ import annotations

from spacy.tokens import Token

from service.pipeline.dependency import by_agent_of, partitive_head, subject_of
from service.pipeline.lexicons import armed_actors, cause_markers, operation_verbs, violence
from service.pipeline.realis import sending_verb

_ACTOR_ENTITIES = frozenset({"ORG", "NORP", "GPE", "PERSON"})


def _is_actor(word: Token) -> bool:
    head = partitive_head(word)
    return head.lemma_.lower() in armed_actors() or head.ent_type_ in _ACTOR_ENTITIES


_COMPELLING_VERBS = frozenset({"force", "compel", "order", "tell", "make", "drive", "push"})


def ordering_agent(trigger: Token) -> Token | None:
    """"They were told by Congolese soldiers to flee": whoever told, ordered or forced them; "the army
    fired cannons into the stronghold, forcing 5,384 villagers to cross the river and seek refuge": the
    subject of the verb that forced them (through the verbs the trigger is joined to)."""
    verb = trigger
    for _ in range(3):
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return None
        governor = verb.head
        if (ordering := by_agent_of(governor)) is not None:
            return ordering
        if governor.lemma_.lower() in _COMPELLING_VERBS and any(c.dep_ == "dobj" for c in governor.children):
            subject = subject_of(governor)
            return subject if subject is not None and _is_actor(subject) else None
        verb = governor
    return None


def sending_subject(trigger: Token) -> Token | None:
    """"An attack by separatists sent hundreds of villagers fleeing": whoever (or whose act) sent them."""
    sender = sending_verb(trigger)
    if sender is None or sender.lemma_.lower() != "send":
        return None
    subject = next((c for c in sender.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    behind = actor_behind(subject)
    return behind if behind is not subject or _is_actor(subject) else None


def attacking_subject(trigger: Token) -> Token | None:
    """"Thousands fled as the army shelled their villages": the subject of an attack clause joined
    to the trigger by a cause marker ("were left homeless after the army torched their huts": the
    clause hangs on the verb an adjective trigger completes)."""
    holders = [trigger, trigger.head] if trigger.pos_ == "ADJ" and trigger.dep_ in ("oprd", "acomp") else [trigger]
    for clause in (c for holder in holders for c in holder.children):
        if clause.dep_ != "advcl" or (clause.lemma_.lower(), "VERB") not in violence():
            continue
        if not any(c.dep_ == "mark" and (c.lower_, "clause") in cause_markers() for c in clause.children):
            continue
        subject = subject_of(clause)
        if subject is not None and _is_actor(subject):
            return subject
    return None


def _owner(act: Token) -> Token | None:
    """Whose act of violence a noun names: its possessor, its `by`-agent, or a national adjective.
    Not the parties to "fighting between the army and rebels": either alone would blame one side."""
    # "Last week's violence": a possessive time is when, not whose.
    owner = next((c for c in act.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")),
                 None) or by_agent_of(act)
    if owner is None:
        owner = next((c for c in act.children if c.dep_ in ("amod", "compound") and _is_actor(c)), None)
    return owner


def actor_behind(agent: Token) -> Token:
    """"Attacks by armed men drove thousands from their homes", "The RSF's offensive displaced
    40,000": an act of violence that is the subject names its owner as the one who did it."""
    act = partitive_head(agent)  # "a series of attacks … by fighters linked to ISIL"
    if (act.lemma_.lower(), "NOUN") in violence() or (act.lower_, "NOUN") in violence():
        owner = _owner(act) or (_owner(agent) if act is not agent else None)
        if owner is not None and owner.pos_ != "PRON":
            return owner
    return agent


def owner_of_violence(trigger: Token) -> Token | None:
    """"Thousands fled the RSF's assault", "fled amid attacks by militants": the owner of the
    violence that is the trigger's object or follows a cause preposition."""
    acts = [c for c in trigger.children if c.dep_ == "dobj"]
    for prep in trigger.children:
        if prep.dep_ == "prep" and (prep.lower_, "noun") in cause_markers():
            acts.extend(g for g in prep.children if g.dep_ == "pobj")
    # "fled across the border seeking refuge from drug cartel violence", "… to escape the violence":
    # what the participle or infinitive of the flight says they got away from.
    for purpose in (c for c in trigger.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"):
        for word in (purpose, *(c for c in purpose.children if c.dep_ == "dobj")):
            acts.extend(c for c in word.children if c.dep_ == "dobj" and word is purpose)
            acts.extend(g for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "from"
                        for g in prep.children if g.dep_ == "pobj")
    for act in acts:
        if (act.lemma_.lower(), "NOUN") in violence() or (act.lower_, "NOUN") in violence():
            owner = _owner(act)
            if owner is not None:
                return owner
    return None


def stated_cause(trigger: Token) -> Token | None:
    """The cause named by "due to" or "because of" on the trigger or the verb it completes
    ("forced to flee due to Israeli forces' operations" -> the forces behind the operations)."""
    for word in (trigger, trigger.head):
        for child in word.children:
            if (child.dep_ == "prep" and child.lower_ in ("to", "of") and any(
                g.lower_ in ("due", "because", "owing") for g in child.children
            )) or (child.lower_ in ("due", "because") and child.dep_ in ("prep", "advmod")):
                objects = [g for g in child.subtree if g.dep_ == "pobj"]
                if objects:
                    cause = objects[0]
                    owner = next((c for c in cause.children if c.dep_ == "poss"), None)
                    return owner if owner is not None else cause
    return None


def operator_of(trigger: Token) -> Token | None:
    """"The district administration conducted an eviction drive", "evacuations were overseen by
    troops": who carried out the operation a nominal trigger names."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = trigger
    while phrase.dep_ == "compound" and phrase.head.i != phrase.i:  # "repatriation charter flights"
        phrase = phrase.head
    verb = phrase.head
    if verb is phrase or verb.lemma_.lower() not in operation_verbs():
        return None
    if phrase.dep_ == "dobj":
        return subject_of(verb)
    if phrase.dep_ == "nsubjpass":
        return by_agent_of(verb)
    return None


def cause_of(trigger: Token) -> Token | None:
    """The agent behind a displacement whose trigger has none, by the first rule that finds one."""
    for rule in (operator_of, ordering_agent, sending_subject, attacking_subject, owner_of_violence, stated_cause):
        found = rule(trigger)
        if found is not None:
            return found
    return None
