"""How sure the article is that an event happened (asserted, reported, alleged, denied, hedged), and
on whose word ("according to leaders of the resistance", "..., police said")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.pipeline.dependency import inverted_source, mention_of, source_before
from service.pipeline.lexicons import certainty_cues, knowing_verbs, reporting_cues
from service.pipeline.quotes import Quote
from service.pipeline.types import Certainty, Event

_REPORTING_ACTS = frozenset({"claim", "accusation"})
_STRENGTH: dict[str, int] = {"asserted": 0, "reported": 1, "hedged": 2, "alleged": 3, "denied": 4}


def _according_to(sentence_tokens: list[Token]) -> Token | None:
    for token in sentence_tokens:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _reporting_source(trigger: Token) -> Token | None:
    """The subject of the outermost reporting verb the trigger's clause is reported under: in
    "Police said a witness reported the damage", the article's source is the police."""
    found: Token | None = None
    for head in [trigger, *list(trigger.ancestors)[:8]]:
        entry = reporting_cues().get((head.lemma_.lower(), "VERB"))
        if entry is not None and entry.speech_act not in _REPORTING_ACTS:
            entry = None  # "asked churches to accept people fleeing": asking reports nothing
        if entry is None and certainty_cues().get(head.lemma_.lower(), ("", ""))[1] != "head":
            continue
        if head is trigger:
            continue
        source = next(
            (c for c in head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "who", "which", "that")), None
        )
        if source is None:
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            source = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if source is None and entry is not None:
            source = source_before(head) or inverted_source(head)
        if source is not None:
            found = source
    return found


def _trailing_report_source(trigger: Token) -> Token | None:
    """"Up to 20,000 people fled their homes …, U.N. refugee agency UNHCR said on Tuesday": a report
    closing the sentence that the parser hangs below the trigger's clause."""
    for head in [trigger, *trigger.ancestors]:
        for child in head.children:
            if child.i <= trigger.i or child.dep_ not in ("advcl", "parataxis", "ccomp"):
                continue
            entry = reporting_cues().get((child.lemma_.lower(), "VERB"))
            if entry is None or entry.speech_act not in _REPORTING_ACTS:
                continue
            source = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if source is not None and source.lower_ not in ("it", "who", "which", "that"):
                return source
    return None


def _heads(trigger: Token, limit: int = 4) -> list[Token]:
    """The trigger and the words above it whose mood is the event's. The climb stops at a verb of
    knowing: in "who may know something about the beheading", "may" hedges the knowing, not the act."""
    heads = [trigger]
    for ancestor in list(trigger.ancestors)[:limit]:
        if ancestor.lemma_.lower() in knowing_verbs():
            break
        heads.append(ancestor)
    return heads


def assess(trigger: Token) -> tuple[Certainty, Token | None, list[str]]:
    """The certainty of the event a trigger names, its attribution's head, and the cues that decided."""
    cues = certainty_cues()
    level: Certainty = "asserted"
    reasons: list[str] = []

    def raise_to(new: str, why: str) -> None:
        nonlocal level
        if _STRENGTH[new] > _STRENGTH[level]:
            level = new  # type: ignore[assignment]
        reasons.append(why)

    sentence = list(trigger.sent)
    heads = _heads(trigger)
    for head in heads:
        for child in head.children:
            cue = cues.get(child.lemma_.lower()) or cues.get(child.lower_)
            if cue and cue[1] == "modifier" and child.dep_ in ("advmod", "aux", "amod", "advcl"):
                raise_to(cue[0], f"'{child.text}' modifies '{head.text}'")
        if head is not trigger:
            cue = cues.get(head.lemma_.lower())
            if cue and cue[1] == "head":
                raise_to(cue[0], f"under '{head.text}'")
    for token in sentence:
        cue = cues.get(token.lemma_.lower()) or cues.get(token.lower_)
        if cue and cue[1] == "sentence" and token.i != trigger.i:
            raise_to(cue[0], f"'{token.text}' in the sentence")
    attribution = _according_to(sentence)
    if attribution is None:
        attribution = _reporting_source(trigger) or _trailing_report_source(trigger)
        if attribution is not None:
            raise_to("reported", f"reported by '{attribution.text}'")
    return level, attribution, reasons


def apply_certainty(doc: Doc, events: list[Event]) -> None:
    """Sets `certainty` and `attribution` of desecration and displacement events."""
    for event in events:
        if event.type == "statement":
            continue
        span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        if span is None:
            continue
        level, attribution, reasons = assess(span.root)
        event.certainty = level
        if attribution is not None:
            event.attribution = mention_of(attribution)
        if reasons:
            event.explanation.append(f"certainty {level}: " + "; ".join(reasons))


def attribute_quoted(events: list[Event], quotes: list[Quote]) -> None:
    """An incident told inside a quotation is on the speaker's word, not the article's: "Many people
    were displaced in the attack," a witness said -> reported, attributed to the witness. Runs after
    the statements are found, whose speakers it borrows."""
    statements = [e for e in events if e.type == "statement" and e.speaker is not None]
    for event in events:
        if event.type == "statement" or event.certainty != "asserted":
            continue
        quote = next((q for q in quotes if q.contains(event.trigger_start)), None)
        if quote is None:
            continue
        event.certainty = "reported"
        reason = "certainty reported: told inside a quotation"
        speaker = next((s.speaker for s in statements if s.start < quote.end and quote.start < s.end), None)
        if event.attribution is None and speaker is not None:
            event.attribution = speaker
            reason += f" by '{speaker.canonical or speaker.text}'"
        event.explanation.append(reason)
