"""Where an event happened: the most specific place in its clause, else the dateline or the
article's dominant place."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from service.geo.gazetteer import default_gazetteer
from service.pipeline.datelines import find_dateline
from service.pipeline.dependency import entity_of, partitive_head, path_length, prep_objects
from service.pipeline.lexicons import place_heads
from service.pipeline.paragraphs import text_of
from service.pipeline.types import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gets right often enough to overrule a place vote from elsewhere in the text.
_NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "from", "into", "across", "outside", "inside", "around", "throughout", "through",
     "out of", "within", "along", "of"}
)
# A place the people were taken or went to ("brought to Kathmandu") is where the event ended, not
# where it happened.
_DESTINATION = frozenset({"to", "towards", "toward"})


def place_names(doc: Doc) -> frozenset[str]:
    """Every text the model labels a place somewhere in the document, unless it calls the same words
    a person more often, or gives it an age anywhere: one vote makes a place where the small model says
    organisation elsewhere."""
    place_votes: Counter[str] = Counter(
        ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and _own_name_of(ent.text)))
    person_votes: Counter[str] = Counter(ent.text for ent in doc.ents if ent.label_ == "PERSON")
    aged = {ent.text for ent in doc.ents if _aged(ent)}
    return frozenset(text for text, votes in place_votes.items() if votes >= person_votes[text] and text not in aged)


def _aged(ent: Span) -> bool:
    """Whether a name is given an age ("31-year-old Ful Chand", "Ful Chand, 31,"): a person, whatever
    label the model put on it."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "old" and ent.start > 2 and doc[ent.start - 2].lower_ in ("-", "year"):
        return True
    after = doc[ent.end : ent.end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


# Words that name a storm before its name: "super-strong Typhoon Jangmi" is no place.
_STORM_WORDS = frozenset({"typhoon", "hurricane", "cyclone", "storm", "depression", "tornado"})


def _a_storm(name: Span) -> bool:
    """Whether a name is a storm's ("Typhoon Jangmi", "Hurricane Irma"), which the model may call a place."""
    words = [*name, name.doc[name.start - 1]] if name.start > 0 else list(name)
    return any(w.lower_ in _STORM_WORDS for w in words)


def _named_as_a_place(ent: Span) -> bool:
    """A person or organisation by the model's label whose name ends in a place noun ("Tawau Port")."""
    return ent.label_ in ("PERSON", "ORG") and len(ent) > 1 and ent[-1].lower_ in place_heads()


def _as_mention(span: Span) -> Mention:
    if len(span) > 1 and span[-1].dep_ == "case":  # "Congo's east": the place is Congo
        span = span[:-1]
    text = span.text
    if text.lower().startswith("the "):
        span = span[1:]
        text = span.text
    return Mention(text=text, start=span.start_char, end=span.end_char)


def is_place(token: Token, known_places: frozenset[str]) -> Span | None:
    """The place entity a token belongs to, if it is one (by label, or by a vote elsewhere in the doc)."""
    ent = entity_of(token)
    if ent is not None and (ent.label_ in PLACE_LABELS or ent.text in known_places):
        return ent
    return None


_MAX_PLACE_DISTANCE = 5


def _place_cost(root: Token, trigger: Token) -> int:
    """How unlikely a place is to be where the event happened: parse distance to the trigger,
    less for a locative phrase ("in Panjshir"), more for a participant ("Russia pressed") or a
    container named only as a possessor ("Ukraine's Kharkiv region")."""
    cost = path_length(root, trigger)
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE and root.head.lower_ != "of":
        cost -= 2
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
        cost += 3
    if root.dep_ == "poss":
        cost += 1
    if root.dep_ == "pobj" and root.head.lower_ in _DESTINATION:
        cost += 3
    if root.dep_ == "conj" and root.head.pos_ == "NOUN" and not root.head.ent_type_:
        cost += 3  # a party beside a common noun, not a place: "clashes between the army and M23"
    return cost


# Names that are times or counts, not places, though they sit where a place's name would: "the
# early hours of Monday", "the night of 3 March" (the model's own labels tell).
_NOT_NAMES_OF_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _named_part(noun: Token) -> Span | None:
    """The proper-noun name inside a common-noun place ("the Torkham checkpoint", "the village of
    Saluma"): the compound names before it, or the name after its "of"."""
    if noun.ent_type_ in _NOT_NAMES_OF_PLACES:
        return None
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and
             c.ent_type_ not in _NOT_NAMES_OF_PLACES]
    if names:
        first = names[0]
        # "Dote Kan village": the parser hangs "Dote" on "Kan", not on "village".
        while (left := [c for c in first.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]):
            first = left[0]
        return noun.doc[first.i : names[-1].i + 1]
    for _prep, obj in prep_objects(noun, frozenset({"of"})):
        if obj.pos_ == "PROPN" and obj.ent_type_ not in _NOT_NAMES_OF_PLACES:
            return noun.doc[obj.left_edge.i : obj.i + 1]
    return None


def _in_attribution(token: Token) -> bool:
    """Whether a word names a source ("according to the rights group B'Tselem"), not a place."""
    return any(a.lower_ == "according" and a.dep_ == "prep" for a in token.ancestors)


def _describes_the_agent(token: Token, agent_start: int | None) -> bool:
    """"The military in Myanmar devastated a church": a place inside the agent's phrase says who the
    agent is, not where the act happened (`agent_start`: the agent mention's first character)."""
    if agent_start is None:
        return False
    for ancestor in list(token.ancestors)[:3]:
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.left_edge.idx == agent_start and ancestor.dep_ in ("nsubj", "agent", "pobj"):
            return True
    return False


def _says_who_not_where(token: Token, text: str, agent_start: int | None) -> bool:
    """A name in the clause that is no place of the act: a source ("according to ..."), or a country
    inside the agent's phrase, which says who the agent is ("the military in Myanmar"); a town there is
    where it acted ("bulldozed by the authorities in Timbuktu")."""
    return _in_attribution(token) or (_describes_the_agent(token, agent_start) and _own_name_of(text))


def clause_location(trigger: Token, known_places: frozenset[str], taken: tuple[int, ...] = (),
                    agent_start: int | None = None) -> Mention | None:
    """The most plausible place of the trigger's sentence (see `_place_cost`), not one of the
    participants (`taken`: character offsets inside the agent or target) nor a place describing the
    agent. Proper nouns in a locative phrase count even when the model mislabels them."""
    sentence = trigger.sent
    candidates: list[tuple[int, Span]] = []
    for ent in sentence.ents:
        if any(ent.start_char <= offset < ent.end_char for offset in taken):
            continue
        if _aged(ent) or _a_storm(ent) or _says_who_not_where(ent.root, ent.text, agent_start):
            continue
        if ent.label_ in PLACE_LABELS or (ent.text in known_places and ent.label_ not in _NOT_PLACES) or (
                _named_as_a_place(ent)):
            candidates.append((_place_cost(ent.root, trigger), ent))
    # "An evacuation order was issued for the village of Limni": what an order is for is its place.
    covering = {trigger.i, trigger.head.i, trigger.head.head.i}
    for token in sentence:
        if token.dep_ != "pobj":
            continue
        preposition = token.head
        if preposition.lower_ == "for" and preposition.head.i in covering:
            pass
        elif preposition.lower_ not in _LOCATIVE or preposition.lower_ == "of":
            continue
        if any(token.idx <= offset < token.idx + len(token) for offset in taken) or (
                _says_who_not_where(token, token.text, agent_start)):
            continue
        if token.pos_ == "PROPN":
            entity = entity_of(token)
            # The small model calls some countries people or organisations, and some towns organisations.
            if entity is None or entity.label_ not in ("PERSON", "NORP", "DATE", "CARDINAL", "ORG") or (
                    entity.label_ in ("ORG", "PERSON") and _own_name_of(entity.text)) or (
                    entity.label_ == "ORG" and _own_name_of(entity.text, ("admin1", "city"))):
                span = entity if entity is not None else sentence.doc[token.left_edge.i : token.i + 1]
                candidates.append((_place_cost(token, trigger), span))
        elif token.pos_ == "NOUN" and (named := _named_part(token)) is not None and not _a_storm(named):
            candidates.append((_place_cost(token, trigger) - 1, named))
    plausible = [c for c in candidates if c[0] <= _MAX_PLACE_DISTANCE]
    if not plausible:
        return None
    return _as_mention(_widened(min(plausible, key=lambda c: (c[0], c[1].start))[1]))


def _widened(span: Span) -> Span:
    """The place with the proper nouns beside it when the gazetteer knows the longer name: the model
    often tags only a part of a two-word name ("Tarn [Taran]")."""
    doc = span.doc
    while span.start > 0 and doc[span.start - 1].pos_ == "PROPN" and _known(doc[span.start - 1 : span.end].text):
        span = doc[span.start - 1 : span.end]
    while span.end < len(doc) and doc[span.end].pos_ == "PROPN" and _known(doc[span.start : span.end + 1].text):
        span = doc[span.start : span.end + 1]
    # A hyphenated name the tokenizer splits ("Walton-on-Thames", "Khirbet a-Deir"): the tokens written
    # without a space after the span, when the gazetteer knows the whole.
    end = span.end
    while end < len(doc) and end - span.end < 6 and doc[end - 1].whitespace_ == "" and not doc[end].is_space:
        end += 1
        if doc[end - 1].is_alpha and _known(doc[span.start : end].text):
            span = doc[span.start : end]
    # A hyphenated name the gazetteer lacks, joined by particles ("Karachi's Gulistan-e-Johar area"):
    # the run of hyphens and words without a space, ending on a capital.
    if (joined := _hyphenated_name_end(span)) is not None:
        span = doc[span.start : joined]
    # An Arabic article joined to the next word belongs to the name, known or not: "Khirbet a-Deir",
    # "Ein al-Beida" (the model often ends the name before it).
    i = span.end
    if (
        i + 2 < len(doc)
        and doc[i].lower_ in _ARTICLE_PARTICLES
        and doc[i].whitespace_ == ""
        and doc[i + 1].text in ("-", "‑")
        and doc[i + 1].whitespace_ == ""
        and doc[i + 2].is_alpha
        and doc[i + 2].text[0].isupper()
    ):
        span = doc[span.start : i + 3]
    return span


# Words that join the parts of a hyphenated place name: "Gulistan-e-Johar", "Dera-ul-Islam", "Stratford-upon-Avon".
_NAME_JOINERS = frozenset({"e", "i", "ul", "al", "el", "ud", "ur", "un", "de", "di", "da", "du", "la", "le", "sur",
                           "on", "upon", "under", "by", "the"})


def _hyphenated_name_end(span: Span) -> int | None:
    """Where a hyphenated proper name that starts with `span` ends, if the span's last word is joined
    to more of it: hyphens and joining words ("-e-") or capitalised words, the last capitalised."""
    doc = span.doc
    end, found = span.end, None
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text in ("-", "‑") and (
            doc[end].whitespace_ == ""):
        word = doc[end + 1]
        if not word.is_alpha or not (word.text[0].isupper() or word.lower_ in _NAME_JOINERS):
            break
        end += 2
        if word.text[0].isupper():
            found = end
    return found


_ARTICLE_PARTICLES = frozenset(
    {"a", "al", "el", "ad", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "ez", "ul"}
)


def _known(name: str) -> bool:
    """Whether the gazetteer has a place of that name."""
    return bool(default_gazetteer().lookup(name).hits)


def _own_name_of(name: str, kinds: tuple[str, ...] = ("country",)) -> bool:
    """Whether a name is the gazetteer's own name of a place of those kinds, by default a country
    ("Burkina Faso", which the small model may call an organisation), not an alternate spelling of some
    town ("Hamas", "Taliban")."""
    return any(feature.kind in kinds for feature in default_gazetteer().named(name))


def home_of(people: Span, known_places: frozenset[str]) -> Mention | None:
    """The place a group of people is named by ("thousands of residents of Kharkiv", "the villagers of
    Saluma"): where they were driven from when their clause names no other place."""
    for _prep, obj in prep_objects(partitive_head(people.root), frozenset({"of"})):
        place = is_place(obj, known_places)
        if place is not None and place.label_ not in _NOT_PLACES:
            return _as_mention(_widened(place))
        # The small model calls some cities organisations ("residents of Kharkiv"): the gazetteer's own name
        entity = entity_of(obj)
        if entity is not None and entity.label_ == "ORG" and _own_name_of(entity.text, ("country", "admin1", "city")):
            return _as_mention(entity)
    return None


def previous_sentence_place(trigger: Token, known_places: frozenset[str]) -> Mention | None:
    """The place of the sentence just before the trigger's, in the same paragraph: "Forces arrived at
    the community of X. The forces demolished three dwellings" happened in X. Read only when the
    trigger's own clause names none, and before the dateline or the article's dominant place."""
    sentence = trigger.sent
    if sentence.start == 0:
        return None
    before = trigger.doc[sentence.start - 1].sent
    if "\n" in trigger.doc.text[before.start_char : sentence.start_char]:
        return None
    place = clause_location(before.root, known_places)
    if place is None:
        return None
    # Only a place the sentence puts something in ("arrived at the community of X", "in X"), not one
    # inside a name or a participant ("the Islamic State of Iraq and Syria").
    span = trigger.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    # A name the parser split ("Khirbet a-Deir", "Deir" hung on the verb) is held by its object part.
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    root = next((t for t in outside if t.dep_ == "pobj"), span.root)
    for _ in range(4):  # up from "the community of X" to the phrase that holds it
        if root.dep_ == "compound":
            root = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
            root = root.head.head
        else:
            break
    located = root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE and root.head.lower_ != "of"
    return place if located else None


def dateline_place(doc: Doc) -> Mention | None:
    """The dateline city of the article body ("PESHAWAR: Militants have ..."), if it has one."""
    offset = 0
    for line in text_of(doc).split("\n")[:4]:
        dateline = find_dateline(line)
        if dateline is not None and dateline.place:
            name, start = dateline.place, offset + dateline.place_start
            return Mention(text=name.title() if name.isupper() else name, start=start, end=start + len(name))
        offset += len(line) + 1
    return None


def dominant_place(doc: Doc) -> Mention | None:
    """The place the article is mostly about: its most frequent place name, earlier mentions first."""
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    known = place_names(doc)
    for ent in doc.ents:
        if ent.text in known and ent.label_ != "FAC" and not _in_attribution(ent.root):
            counts[ent.text] += 1
            first.setdefault(ent.text, ent)
    if not counts:
        return None
    # The small model calls armed groups ("M23") and surnames places, and they repeat as often as the
    # real place does: a name it also calls a person or an organisation, or one with digits, counts
    # only when the gazetteer knows it. (Villages the gazetteer lacks still count.)
    doubtful = {ent.text for ent in doc.ents if ent.label_ in ("PERSON", "ORG")} | {
        text for text in counts if any(ch.isdigit() for ch in text)}
    name, _count = max(counts.items(), key=lambda item: (
        item[0] not in doubtful or _known(item[0]), item[1], -first[item[0]].start))
    return _as_mention(_widened(first[name]))
