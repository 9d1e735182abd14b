"""The naive extractor every engineer writes first, kept as a yardstick for `make eval`.

Per sentence: a reporting verb makes a statement, a destruction verb with a sacred-site noun anywhere
in the sentence makes a desecration, a displacement word makes a displacement; the nearest entity is
the argument. Same lexicons as the pipeline, none of its parse constraints.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.language import Language

from service.pipeline.lexicons import desecration_triggers, displacement_triggers, reporting_cues, sacred_sites

_QUOTE = re.compile(r"[\"“]([^\"”]{10,})[\"”]")


def _nearest_entity(sentence: Any, index: int, labels: set[str]) -> str | None:
    ents = [e for e in sentence.ents if e.label_ in labels]
    if not ents:
        return None
    return min(ents, key=lambda e: abs(e.start - index)).text


def baseline_events(nlp: Language, text: str, published: date) -> list[dict[str, Any]]:
    """Events in the scorer's JSON shape, from keyword hits alone."""
    del published  # the baseline dates nothing
    doc = nlp(text)
    cue_lemmas = {lemma for lemma, pos in reporting_cues() if pos == "VERB"}
    destroy = {lemma for lemma, _pos in desecration_triggers()}
    displace = {lemma for lemma, _pos in displacement_triggers()}
    sites = set(sacred_sites())
    events: list[dict[str, Any]] = []
    actors = {"PERSON", "ORG", "NORP", "GPE"}
    for sentence in doc.sents:
        lemmas = [t.lemma_.lower() for t in sentence]
        base = {"sentence": sentence.text.strip(), "span": {"start": sentence.start_char, "end": sentence.end_char}}
        for i, lemma in enumerate(lemmas):
            if lemma in destroy and sites & set(lemmas):
                site = next(t.text for t in sentence if t.lemma_.lower() in sites)
                agent = _nearest_entity(sentence, sentence.start + i, actors)
                events.append({**base, "type": "desecration", "target": {"text": site},
                               "agent": {"text": agent} if agent else None})
                break
        for i, lemma in enumerate(lemmas):
            if lemma in displace:
                agent = _nearest_entity(sentence, sentence.start + i, actors)
                place = _nearest_entity(sentence, sentence.start + i, {"GPE", "LOC"})
                events.append({**base, "type": "displacement", "agent": {"text": agent} if agent else None,
                               "location": {"text": place} if place else None})
                break
        for i, lemma in enumerate(lemmas):
            if lemma in cue_lemmas:
                speaker = _nearest_entity(sentence, sentence.start + i, {"PERSON", "ORG", "NORP"})
                quote = _QUOTE.search(sentence.text)
                events.append({**base, "type": "statement", "cue": sentence[i].text,
                               "speaker": {"text": speaker} if speaker else None,
                               "quote": quote[1] if quote else sentence.text, "subtype": "claim"})
                break
    return events
