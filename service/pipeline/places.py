"""Where an event happened: the most specific place in its clause, else the dateline or the
article's dominant place."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from service.pipeline.datelines import find_dateline
from service.pipeline.dependency import path_length, prep_objects
from service.pipeline.types import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "from", "into", "across", "outside", "inside", "around", "throughout", "to", "toward",
     "towards", "out of", "onto", "within", "along", "of"}
)


def place_names(doc: Doc) -> frozenset[str]:
    """Every text the model labels a place somewhere in the document: one vote is enough to treat
    the same words as a place where the small model calls them an organisation."""
    return frozenset(ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS)


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.sent.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _as_mention(span: Span) -> Mention:
    text = span.text
    if text.lower().startswith("the "):
        span = span[1:]
        text = span.text
    return Mention(text=text, start=span.start_char, end=span.end_char)


def is_place(token: Token, known_places: frozenset[str]) -> Span | None:
    """The place entity a token belongs to, if it is one (by label, or by a vote elsewhere in the doc)."""
    ent = _entity_of(token)
    if ent is not None and (ent.label_ in PLACE_LABELS or ent.text in known_places):
        return ent
    return None


_MAX_PLACE_DISTANCE = 5


def clause_location(trigger: Token, known_places: frozenset[str], taken: tuple[int, ...] = ()) -> Mention | None:
    """The place nearest (in the parse) to the trigger among its sentence's places, not one of the
    participants (`taken`: character offsets inside the agent or target); proper nouns governed by a
    locative preposition of the trigger count even when the model mislabels them."""
    sentence = trigger.sent
    best: tuple[int, Span] | None = None
    for ent in sentence.ents:
        if any(ent.start_char <= offset < ent.end_char for offset in taken):
            continue
        if ent.label_ in PLACE_LABELS or ent.text in known_places:
            distance = path_length(ent.root, trigger)
            # "in Panjshir" names where something happened; a place as subject or object names a party.
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVE and ent.root.head.lower_ != "of":
                distance -= 2
            if distance <= _MAX_PLACE_DISTANCE and (best is None or distance < best[0]):
                best = (distance, ent)
    for _prep, obj in prep_objects(trigger, _LOCATIVE):
        if obj.pos_ == "PROPN":
            obj_entity = _entity_of(obj)
            span = obj_entity if obj_entity is not None else sentence.doc[obj.left_edge.i : obj.i + 1]
            plausible = obj_entity is None or obj_entity.label_ not in ("PERSON", "NORP", "DATE", "CARDINAL")
            if plausible and (best is None or best[0] > 1):
                best = (1, span)
    return _as_mention(best[1]) if best else None


def dateline_place(doc: Doc) -> Mention | None:
    """The dateline city of the article body ("PESHAWAR: Militants have ..."), if it has one."""
    offset = 0
    for line in doc.text.split("\n")[:4]:
        dateline = find_dateline(line)
        if dateline is not None:
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
        if ent.text in known and ent.label_ != "FAC":
            counts[ent.text] += 1
            first.setdefault(ent.text, ent)
    if not counts:
        return None
    name, _count = max(counts.items(), key=lambda item: (item[1], -first[item[0]].start))
    return _as_mention(first[name])
