"""Finds desecration and displacement events: a lexicon trigger that the parse confirms (a sacred
site as its object, a displaceable group, the particle a phrasal verb needs), with its arguments."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.pipeline.actor_kinds import actor_kind
from service.pipeline.causes import actor_behind, cause_of
from service.pipeline.dependency import (
    by_agent_of,
    mention_of,
    objects_of,
    partitive_head,
    passive_subject_of,
    prep_objects,
    subject_of,
)
from service.pipeline.lexicons import (
    TriggerEntry,
    armed_actors,
    causing_verbs,
    desecration_triggers,
    discovery_verbs,
    displaced_groups,
    displacement_triggers,
    dwellings,
    fugitives,
    getaway_acts,
    non_human_groups,
    operation_verbs,
    sacred_sites,
    site_parts,
    site_qualifiers,
    violence,
)
from service.pipeline.paragraphs import too_long
from service.pipeline.places import (
    clause_location,
    dateline_place,
    dominant_place,
    home_of,
    place_names,
    previous_sentence_place,
)
from service.pipeline.quantities import parse_quantity
from service.pipeline.realis import (
    describes_a_cause,
    describes_people,
    goes_on,
    rejection,
    restates_earlier,
    sums_up,
)
from service.pipeline.types import Candidate, Event, EventType, Mention

_NOMINAL_TARGET_PREPS = frozenset({"of", "to", "on", "at", "against", "in", "for"})
_PEOPLE_ENTITIES = frozenset({"NORP", "CARDINAL", "PERSON", "GPE"})
_POS_ALIASES = {"PROPN": "NOUN", "AUX": "VERB"}
_RELATIVE_PRONOUNS = frozenset({"which", "that", "whom", "who"})
_AGENT_PRONOUNS = frozenset({"they", "he", "she", "it", "them"})


def word_forms(token: Token) -> set[str]:
    """The forms a lexicon may list a word under: lemma, lower case, and a plain singular (the small
    model lemmatizes "graves" as "graf")."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if lower.endswith("es"):
        forms.add(lower[:-2])
    if lower.endswith("s"):
        forms.add(lower[:-1])
    return forms


def _lookup(token: Token, table: dict[tuple[str, str], TriggerEntry]) -> TriggerEntry | None:
    pos = _POS_ALIASES.get(token.pos_, token.pos_)
    if pos == "ADJ" and token.tag_ == "VBN":  # "the displaced families", "found damaged"
        pos = "VERB"
    for lemma in (token.lemma_.lower(), token.lower_):
        entry = table.get((lemma, pos))
        if entry is not None:
            return entry
    return None


def _requirement_met(token: Token, entry: TriggerEntry) -> bool:
    requires = entry.requires - {"@authority"}  # checked on the agent (`_displacement`)
    if not requires:
        return True
    nearby = [*token.children, *(c for child in token.children for c in child.children if child.dep_ == "prep"),
              *(c for obj in objects_of(token) for c in obj.conjuncts)]  # "lost their jobs and homes"
    if token.pos_ == "ADJ":
        nearby.append(token.head)
    if "@object" in entry.requires and any(word_forms(obj) & sacred_sites().keys()
                                           for obj in (*objects_of(token), passive_subject_of(token)) if obj):
        return True  # "broke an idol", "the idols in the temple were broken"
    return any(w.lemma_.lower() in requires or w.lower_ in requires for w in nearby)


def _is_passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


_TIMES = frozenset({"DATE", "TIME"})


def patients_of(trigger: Token) -> list[Token]:
    """What the trigger acts upon: objects, passive subjects, the noun a participle modifies,
    the `of`/`on`/`to` object of a nominal trigger, or its possessor/compound."""
    found: list[Token] = []
    if trigger.pos_ in ("VERB", "AUX", "ADJ"):
        found.extend(objects_of(trigger))
        passive_subject = passive_subject_of(trigger)
        if passive_subject is not None:
            found.append(passive_subject)
        if trigger.dep_ in ("acl", "relcl", "amod") and (trigger.tag_ in ("VBN", "JJ") or _is_passive(trigger)):
            found.append(trigger.head)
        # Raised subjects: "1.7 million people are estimated to be displaced".
        if trigger.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in trigger.children):
            # "… became the latest families to be evicted": the copula's complement is the patient too.
            found.extend(c for c in trigger.head.children if c.dep_ in ("nsubjpass", "nsubj", "attr"))
        # "a statue was found damaged", "headstones were discovered knocked over"
        if trigger.tag_ == "VBN" and trigger.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj") and (
            trigger.head.lemma_.lower() in discovery_verbs()
        ):
            found.extend(c for c in trigger.head.children if c.dep_ in ("nsubjpass", "dobj"))
        # "set fire to the church", "swastikas were daubed on graves", "damage to the shrine"; and a
        # particle the parser takes for a preposition: "razed down the church building"
        for _prep, obj in prep_objects(trigger, frozenset({"to", "on", "onto", "down"})):
            if obj.ent_type_ not in _TIMES:
                found.append(obj)
    else:
        for _prep, obj in prep_objects(trigger, _NOMINAL_TARGET_PREPS):
            if obj.ent_type_ not in _TIMES:  # "the nine-hour evacuation on Sunday": when, not whom
                found.append(obj)
        found.extend(c for c in trigger.children if c.dep_ in ("poss", "compound") and c.ent_type_ not in _TIMES)
    # "the shrine, which militants destroyed": the relative pronoun stands for the noun it follows.
    found = [token.head.head if token.lower_ in _RELATIVE_PRONOUNS and trigger.dep_ == "relcl" else token
             for token in found]
    return [partitive_head(token) for token in found]


def agent_of(trigger: Token, patients: list[Token]) -> Token | None:
    """Who did it: the `by`-agent, the active subject, or the noun an active participle modifies."""
    agent = by_agent_of(trigger)
    if agent is None and trigger.pos_ in ("VERB", "AUX") and not _is_passive(trigger):
        own_subject = next((c for c in trigger.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_PRONOUNS),
                           None)
        if trigger.dep_ in ("acl", "relcl") and trigger.tag_ in ("VBG", "VBD", "VBZ", "VBP") and own_subject is None:
            agent = trigger.head  # "the gunmen burning the church": the noun the participle modifies
        else:
            agent = subject_of(trigger)
    if agent is None and trigger.pos_ in ("NOUN", "PROPN"):
        agent = next((c for c in trigger.children if c.dep_ == "poss"), None)
    if agent is not None:
        agent = actor_behind(agent)
        # "an explosion triggered by pro-Taliban militants": the people behind the instrument act.
        for child in agent.children:
            if child.dep_ in ("acl", "relcl") and by_agent_of(child) is not None:
                agent = by_agent_of(child)
                break
    if agent is not None and (agent in patients or agent.lower_ in ("who", "which", "that")):
        if agent.lower_ in ("who", "which", "that") and trigger.dep_ == "relcl":
            return trigger.head
        return None
    return agent


def _site_of(patients: list[Token]) -> Token | None:
    """The patient that is a sacred site or memorial ("the shrine", "the shrine wall", "grave stones")."""
    sites = sacred_sites()
    for patient in patients:
        words = [patient, *(c for c in patient.children if c.dep_ in ("compound", "nmod"))]
        for word in words:
            if word_forms(word) & sites.keys():
                return patient if word.dep_ == "compound" else word
        qualifiers = site_qualifiers().get(patient.lemma_.lower())
        if qualifiers and any(c.lemma_.lower() in qualifiers for c in patient.children):
            return patient
        # "on the walls of a mosque": the site whose part was marked or broken.
        if patient.lemma_.lower() in site_parts():
            whole = _site_of([obj for _prep, obj in prep_objects(patient, frozenset({"of"}))])
            if whole is not None:
                return whole
    return None


def _is_escape(trigger: Token, subject: Token) -> bool:
    """A fugitive's flight ("the gunman fled the scene") or fighters' retreat ("rebels fled the town"),
    not people leaving their homes."""
    if subject.lemma_.lower() in fugitives() or partitive_head(subject).lemma_.lower() in armed_actors():
        return True
    if _fled_after_the_act(trigger):
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("scene", "police", "custody") for c in trigger.children)


def _fled_after_the_act(trigger: Token) -> bool:
    """"They stole money from the homes before fleeing", "gunmen killed 19 people and fled": whoever
    did the act the flight hangs from (with the same, active subject) is getting away."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return False  # "gunmen shot indiscriminately as residents fled": the residents flee
    if trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep":
        act = trigger.head.head
    elif trigger.dep_ in ("conj", "advcl"):
        act = trigger.head
    else:
        return False
    if act.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in act.children):
        return False
    lemma = act.lemma_.lower()
    return lemma in getaway_acts() or (lemma, "VERB") in violence()


def _is_generic(noun: Token) -> bool:
    """A bare plural with no determiner, number or possessor: "the destruction of shrines is a crime"."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    if _brought_about(noun):
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "compound", "amod", "prep") for c in noun.children)


def _brought_about(noun: Token) -> bool:
    """"A bomb scare prompted evacuations Wednesday": events a past cause or operation brought about."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in causing_verbs() | operation_verbs():
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect)


def _quantity_phrase(displaced: Token) -> str:
    """The whole noun phrase counting the displaced: "tens of thousands of residents" for "residents"."""
    root = displaced
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "NUM", "PRON", "ADJ"):
        root = root.head.head
    return displaced.doc[root.left_edge.i : displaced.i + 1].text


# Pronouns that stand for people ("he too was forced to return", "forcing their return"), unlike "it".
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "them", "their", "him", "her", "his", "we", "us", "our"})


def _is_displaceable(patient: Token, known_places: frozenset[str]) -> bool:
    if patient.like_num or patient.pos_ == "NUM" or patient.ent_type_ in _PEOPLE_ENTITIES:
        return True
    if patient.pos_ == "PRON" and patient.lower_ in _PERSONAL_PRONOUNS:
        return True
    if patient.text in known_places:
        return True
    if word_forms(patient) & non_human_groups() or word_forms(patient) & armed_actors():
        return False  # "moved 200 troops to the border" deploys; "evicted the bats" displaces no one
    # Any plural noun can be people driven out ("campers", "squatters"); singular ones must be listed.
    return bool(word_forms(patient) & displaced_groups().keys()) or patient.tag_ in ("NNS", "NNPS")


def _event(trigger: Token, event_type: EventType, subtype: str) -> Event:
    sentence: Span = trigger.sent
    return Event(
        type=event_type,
        subtype=subtype,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.start_char + len(sentence.text.rstrip()),
    )


def _desecration(trigger: Token, entry: TriggerEntry) -> tuple[Event | None, str]:
    patients = patients_of(trigger)
    site = _site_of(patients)
    if site is None and entry.mode == "needs_site":
        return None, "no sacred site or memorial as its object"
    if trigger.pos_ == "NOUN" and site is not None and _is_generic(site):
        return None, f"generic mention ('{site.text}' names no particular site)"
    if trigger.pos_ == "NOUN" and not patients and not any(c.dep_ in ("det", "poss") for c in trigger.children):
        return None, "a general mention (no object, no determiner)"
    target = site if site is not None else (patients[0] if patients else None)
    event = _event(trigger, "desecration", entry.subtype)
    # "The vandalism happened some time between Sunday and Wednesday": the act told before, dated.
    event.restates = target is None and restates_earlier(trigger)
    event.target = mention_of(target) if target is not None else None
    if target is not None:  # "vandals who damaged 25 graves": how many sites were hit
        event.quantity = parse_quantity(_quantity_phrase(target))
    agent = agent_of(trigger, patients)
    event.agent = mention_of(agent) if agent is not None else None
    event.explanation.append(f"trigger '{trigger.lemma_}' ({entry.mode}) with target '{target}'")
    return event, "kept"


def _undergoer_reading(trigger: Token, entry: TriggerEntry) -> bool:
    """Whether the trigger's subject is the displaced: always for "flee", and for an alternating verb
    used without people as its object ("residents evacuated", "residents evacuated their homes"),
    unless the subject is an armed force or the police ("troops evacuated the village")."""
    if entry.mode == "undergoer":
        return True
    if entry.mode != "alternating" or trigger.pos_ != "VERB" or _is_passive(trigger):
        return False
    if any(not word_forms(obj) & dwellings() for obj in objects_of(trigger)):
        return False
    subject = subject_of(trigger)
    return subject is None or partitive_head(subject).lemma_.lower() not in armed_actors()


def _is_non_human(noun: Token) -> bool:
    return bool(word_forms(noun) & non_human_groups() or word_forms(partitive_head(noun)) & non_human_groups())


def _home_loss(trigger: Token) -> tuple[Token | None, Token | None, Token] | None:
    """For a verb that destroys homes ("guards demolished their shacks"): the displaced (a noun owning
    the home, or None), the agent and the home; None when what was destroyed is not a dwelling."""
    patients = patients_of(trigger)
    # "demolition of structures and shanties": any of the things pulled down may be the home.
    home = next((p for p in patients for p in (p, *p.conjuncts) if word_forms(p) & dwellings()), None)
    if home is None or any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in home.children):
        return None  # no home, or any home ("must have a court order to demolish a home")
    owner = next((c for c in home.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is None:  # "demolished the homes of four Palestinian families"
        owner = next((partitive_head(o) for _p, o in prep_objects(home, frozenset({"of"}))
                      if o.pos_ in ("NOUN", "PROPN", "NUM")), None)
    # "demolished ten dwellings, leaving 24 people homeless": those left are the displaced.
    leaving = next((c for c in trigger.children if c.dep_ in ("advcl", "conj", "xcomp") and c.lemma_ == "leave"), None)
    left = next((c for c in leaving.children if c.dep_ == "dobj"), None) if leaving is not None else None
    return (owner or (partitive_head(left) if left is not None else None)), agent_of(trigger, patients), home


_LEAVING_VERBS = frozenset({"leave", "render", "make"})


def _left_homeless(trigger: Token) -> tuple[Token, Token | None] | None:
    """"… leaving 14 people homeless": the object of the verb the adjective predicates on is the
    displaced, and that verb's subject (or its main clause's) the agent."""
    if trigger.dep_ == "amod" and trigger.i > trigger.head.i and trigger.head.dep_ == "dobj" and (
            trigger.head.head.lemma_.lower() in _LEAVING_VERBS):
        # "rendered an estimated 5,000 people homeless", parsed as an adjective after its noun
        return partitive_head(trigger.head), subject_of(trigger.head.head)
    if trigger.dep_ != "oprd":
        return None
    obj = next((c for c in trigger.head.children if c.dep_ == "dobj"), None)
    return (partitive_head(obj), subject_of(trigger.head)) if obj is not None else None


def _is_compound_adjective(trigger: Token) -> bool:
    """"cross border shelling", "cross-border trade": the verb's form inside an adjective before a
    noun (a crossing names its border: "crossed the border", "crossing into Chad")."""
    doc = trigger.doc
    j = trigger.i + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if trigger.tag_ != "VB" or j + 1 >= len(doc) or doc[j].lower_ != "border":
        return False
    return (doc[j + 1].pos_ in ("NOUN", "VERB") and not doc[j + 1].tag_.startswith("VB")) or doc[j + 1].tag_ == "VBG"


# Places left that say nothing of a home: who leaves them must be a population ("locals had started
# leaving the area"), not one person or a storm.
_AREAS = frozenset({"area", "neighbourhood", "neighborhood"})


def _is_authority(agent: Token | None) -> bool:
    """Whether an agent is a government, its police or its officials ("members of the Anti Land Invasion
    Unit", "the municipality"), by the head noun or the entity it names."""
    if agent is None:
        return False
    head = partitive_head(agent)
    if head.lower_ in ("member", "members") and (of := next(iter(prep_objects(head, frozenset({"of"}))), None)):
        head = of[1]
    entity = head.ent_type_ or None
    return actor_kind(head=head.lemma_, label=entity, head_named=bool(entity)) == "government"


def _leaves_an_area(trigger: Token) -> bool:
    objects = objects_of(trigger)
    return bool(objects) and all(o.lemma_.lower() in _AREAS for o in objects)


_DEPARTURE_NOUNS = frozenset({"return", "departure", "exit", "exodus", "flight"})


def _voluntary(trigger: Token) -> bool:
    """"a voluntary repatriation convoy", "returned voluntarily": a return people chose, no deportation."""
    holders = [trigger, trigger.head] if trigger.dep_ == "compound" else [trigger]
    return any(c.lemma_.lower() in ("voluntary", "voluntarily") for h in holders for c in h.children)


def _displacement(trigger: Token, entry: TriggerEntry, known_places: frozenset[str]) -> tuple[Event | None, str]:
    if entry.subtype == "deportation" and _voluntary(trigger):
        return None, "a voluntary return, not a deportation"
    if _is_compound_adjective(trigger):
        return None, f"part of an adjective ('{trigger.text} {trigger.nbor().text} …'), not a crossing"
    if trigger.lemma_.lower() == "leave" and _is_passive(trigger):
        return None, "'left' in the passive tells a state ('left in mourning', 'left behind'), not a departure"
    left = _left_homeless(trigger) if trigger.pos_ == "ADJ" else None
    counted_homes: Token | None = None
    if entry.mode == "dwelling":
        loss = _home_loss(trigger)
        if loss is None:
            return None, "destroys no home (no dwelling as its object)"
        displaced, agent, home = loss
        # "knock down some 250 houses": with no people named, the homes lost count the displacement.
        counted_homes = None if displaced is not None else home
        if "@authority" in entry.requires and not _is_authority(agent):
            return None, "homes destroyed by no authority (a fire, a flood, fighters): no eviction told"
    elif left is not None:
        displaced, agent = left
        if agent is not None and word_forms(agent) & non_human_groups():
            agent = None
    elif _undergoer_reading(trigger, entry):
        subject = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
        if trigger.pos_ == "ADJ":
            subject = passive_subject_of(trigger.head) or subject_of(trigger.head)
        if trigger.pos_ == "NOUN":  # "an exodus of 20,000 people": who left is the noun's "of" object
            subject = next((partitive_head(o) for _p, o in prep_objects(trigger, frozenset({"of"}))
                            if _is_displaceable(partitive_head(o), known_places)), None)
        if subject is not None and _is_escape(trigger, subject):
            return None, f"'{subject.text}' escaping is no displacement"
        if subject is not None and _is_non_human(subject):
            return None, f"'{subject.text}' are not people"
        if subject is not None and entry.mode == "alternating" and not _is_displaceable(subject, known_places):
            subject = None
        if _leaves_an_area(trigger) and (subject is None or not _is_displaceable(subject, known_places)):
            return None, "leaving an area is no flight unless a population leaves ('the president left the area')"
        if subject is None and trigger.dep_ == "acl":
            subject = partitive_head(trigger.head)  # "about 900 residents evacuated on Monday"
        if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
            subject = partitive_head(trigger.head)  # "Most of the villagers, who fled for safety, …"
        displaced, agent = subject, by_agent_of(trigger)
    else:
        patients = patients_of(trigger)
        if trigger.pos_ == "NOUN" and not patients and _is_generic(trigger):
            return None, f"generic mention ('{trigger.text}' names no particular event)"
        if not patients and entry.requires and trigger.pos_ == "VERB" and not _is_passive(trigger):
            return None, "no one driven out (the phrasal verb has no object)"
        # "lack of housing forcing their return": the object names a departure; its owner is who left.
        departure = next((p for p in patients if p.lemma_.lower() in _DEPARTURE_NOUNS), None)
        if departure is not None and trigger.pos_ == "VERB":
            patients = [c for c in departure.children if c.dep_ == "poss"] or patients
        non_human = next((p for p in patients if _is_non_human(p)), None)
        if non_human is not None:
            return None, f"'{non_human.text}' are not people"
        if patients and not any(_is_displaceable(p, known_places) for p in patients):
            return None, f"object '{patients[0].text}' is not a displaceable group or place"
        displaced = next((p for p in patients if _is_displaceable(p, known_places)), None)
        agent = agent_of(trigger, patients)
    if agent is None and trigger.pos_ == "NOUN" and entry.mode == "agentive" and displaced is not None:
        # "Angolan authorities' expulsion of 200,000 Congolese": beside the "of" object, the possessor acts.
        agent = next((c for c in trigger.children if c.dep_ == "poss" and c.i != displaced.i and c.pos_ != "PRON"),
                     None)
    if agent is None:
        agent = cause_of(trigger)
    if agent is not None and agent.lower_ in _RELATIVE_PRONOUNS and agent.head.dep_ == "relcl":
        # "The officials of the Task Force who returned ... to begin fresh demolition": the noun "who" follows.
        agent = agent.head.head
    event = _event(trigger, "displacement", entry.subtype)
    summing_up = sums_up(trigger)
    event.restates = (
        (displaced is None and restates_earlier(trigger)) or summing_up or describes_people(trigger)
        or goes_on(trigger)
    )
    event.summary = summing_up or describes_a_cause(trigger)
    event.target = mention_of(displaced) if displaced is not None else None
    event.agent = mention_of(agent) if agent is not None else None
    if displaced is not None:
        event.quantity = parse_quantity(_quantity_phrase(displaced))
    elif counted_homes is not None:
        event.quantity = parse_quantity(_quantity_phrase(counted_homes))
    event.explanation.append(f"trigger '{trigger.lemma_}' ({entry.mode}) displacing '{displaced}'")
    return event, "kept"


def find_incidents(doc: Doc) -> tuple[list[Event], list[Candidate]]:
    """Desecration and displacement events of a parsed document, with every candidate considered."""
    known_places = place_names(doc)
    # The place the article is mostly about beats the dateline, which is often where the reporter sits.
    fallback_place = dominant_place(doc) or dateline_place(doc)
    events: list[Event] = []
    candidates: list[Candidate] = []
    sentences = list(doc.sents)
    sentence_index = {sent.start: i for i, sent in enumerate(sentences)}
    long_sentences = {sent.start for sent in sentences if too_long(sent)}
    # `token.sent` walks to the sentence's edges: once per token it is quadratic in a run-on sentence.
    sentence_of = [0] * len(doc)
    for sent in sentences:
        sentence_of[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
    for token in doc:
        for event_type, table in (("desecration", desecration_triggers()), ("displacement", displacement_triggers())):
            entry = _lookup(token, table)
            if entry is None or not _requirement_met(token, entry):
                continue
            sentence_start = sentence_of[token.i]
            has_patient = token.pos_ in ("NOUN", "PROPN") and bool(patients_of(token))
            reason = (rejection(token, has_patient) if sentence_start not in long_sentences
                      else "sentence too long to analyse")
            event: Event | None = None
            if reason is None:
                if event_type == "desecration":
                    event, reason = _desecration(token, entry)
                else:
                    event, reason = _displacement(token, entry, known_places)
            candidates.append(
                Candidate(sentence_index[sentence_start], token.text, token.idx, token.idx + len(token),
                          event_type, event is not None, reason)  # type: ignore[arg-type]
            )
            if event is None:
                continue
            taken = tuple(m.start for m in (event.agent, event.target) if m is not None)
            event.location = clause_location(token, known_places, taken,
                                             event.agent.start if event.agent is not None else None)
            target_span = (doc.char_span(event.target.start, event.target.end, alignment_mode="expand")
                           if event.target is not None and event.type == "displacement" else None)
            if event.location is None and target_span is not None and (
                    home := home_of(target_span, known_places)) is not None:
                event.location = home
                event.explanation.append("location: the place the displaced are named by ('residents of ...')")
            if event.location is None and (before := previous_sentence_place(token, known_places)) is not None:
                event.location = before
                event.explanation.append("location: the place of the sentence before, in its paragraph")
            if event.location is None and fallback_place is not None:
                event.location = Mention(fallback_place.text, fallback_place.start, fallback_place.end)
                event.explanation.append("location: the article's dateline or dominant place")
            events.append(event)
    _resolve_pronoun_agents(events)
    _consequences_of_an_act(doc, events)
    return events, candidates


def _consequences_of_an_act(doc: Doc, events: list[Event]) -> None:
    """"A mob burned down a church, leaving one person dead and forcing thousands of Christians to flee":
    a displacement told as what an act told before it in the sentence led to has that act's agent (the
    parser often hangs the participle far from the act)."""
    for event in events:
        if event.type != "displacement" or event.agent is not None:
            continue
        span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        if span is None or span.root.tag_ != "VBG" or span.root.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        act = next((e for e in events if e.type == "desecration" and e.start == event.start and e.agent is not None
                    and e.trigger_start < event.trigger_start), None)
        if act is not None and act.agent is not None:
            event.agent = act.agent
            event.explanation.append(f"agent: '{act.agent.text}', whose act '{act.trigger}' it followed from")


def _resolve_pronoun_agents(events: list[Event]) -> None:
    """"They also destroyed the tomb": a pronoun agent names the last agent the article gave by name."""
    last_named: Mention | None = None
    for event in sorted(events, key=lambda e: e.trigger_start):
        if event.agent is None:
            continue
        if event.agent.text.lower() in _AGENT_PRONOUNS:
            if last_named is not None:
                event.agent.canonical = last_named.canonical or last_named.text
                event.explanation.append(f"agent '{event.agent.text}' resolved to '{event.agent.canonical}'")
        else:
            last_named = event.agent
