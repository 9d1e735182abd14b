"""Gives each event its date: the temporal expression attached to its trigger in the parse, else one
told of it anaphorically ("The incident took place on Thursday"), else the date of the narrative
just before it in the same paragraph (a quote elaborating a dated sentence), else none."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.pipeline.dependency import path_length
from service.pipeline.lexicons import anaphora_nouns, reporting_cues
from service.pipeline.paragraphs import paragraph_of
from service.pipeline.quotes import Quote
from service.pipeline.temporal import Timex
from service.pipeline.types import Event, EventDate

_DATED_TYPES = frozenset({"DATE", "TIME"})
# Values that say "some time" rather than when: no use for a timeline.
_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_MAX_ATTACHMENT_DISTANCE = 6


def _usable(timex: Timex) -> bool:
    return timex.type in _DATED_TYPES and timex.value not in _VAGUE_VALUES and timex.value[:1].isdigit()


def _span(doc: Doc, timex: Timex) -> Span | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _as_date(timex: Timex, rule_prefix: str = "") -> EventDate:
    return EventDate(
        text=timex.text, value=timex.value, precision=timex.precision, anchor=timex.anchor,
        rule=f"{rule_prefix}{timex.rule}", start=timex.start, end=timex.end,
    )


def _timexes_in(sentence: Span, timexes: list[Timex], quotes: list[Quote]) -> list[Timex]:
    return [
        t for t in timexes
        if sentence.start_char <= t.start < sentence.end_char and _usable(t)
        and not any(q.contains(t.start) for q in quotes)
    ]


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "since", "until", "during"})


def _describes_a_thing(root: Token, trigger: Token, first: Token) -> bool:
    """A date that qualifies a noun ("a 15th-century shrine", "the 2010 law"), not when things happened.
    One after a preposition of time (`first` is the timex's first word) is when, however the parser hung
    it ("But on Monday members of the unit moved in": "Monday" parsed as a compound of "members")."""
    before = root.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in _TIME_PREPOSITIONS and before.dep_ == "prep":
        return False
    return root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN") and (
        root.head.i != trigger.i
    )


def _inside_what_was_said(root: Token, cue: Token) -> bool:
    """A date in the reported clause dates what was said about, not the saying: in "police said the
    attackers stormed the village at 2 a.m." the 2 a.m. belongs to the storming."""
    if root.i == cue.i:
        return False
    path = [root, *root.ancestors]
    if cue not in path:
        return False
    below_cue = path[path.index(cue) - 1]
    return below_cue.dep_ in ("ccomp", "parataxis", "dobj")


def attached_date(doc: Doc, event: Event, timexes: list[Timex], quotes: list[Quote]) -> EventDate | None:
    """The timex of the event's own sentence nearest its trigger in the parse."""
    trigger_span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger_span is None:
        return None
    trigger = trigger_span.root
    best: tuple[int, Timex] | None = None
    fallback: Timex | None = None
    for timex in _timexes_in(trigger.sent, timexes, [] if event.type != "statement" else quotes):
        span = _span(doc, timex)
        if span is None or _describes_a_thing(span.root, trigger, span[0]):
            continue
        root = span.root
        if event.type == "statement" and _inside_what_was_said(root, trigger):
            continue
        distance = path_length(root, trigger)
        if _inside_the_phrase(root, trigger):
            distance = min(distance, _MAX_ATTACHMENT_DISTANCE)
        if distance <= _MAX_ATTACHMENT_DISTANCE and (best is None or distance < best[0]):
            best = (distance, timex)
        elif best is None and event.type != "statement" and _dates_a_cause(root, trigger):
            fallback = fallback or timex
    if best is None and fallback is not None:
        return _as_date(fallback, "cause:")
    return _as_date(best[1]) if best else None


def _inside_the_phrase(root: Token, trigger: Token) -> bool:
    """A date inside the trigger's own phrase, however deep, with no verb between them: "reported the
    damage to the memorial in Hayes, northwest London on Monday May 4" (the parser hangs the date on
    the place)."""
    for ancestor in root.ancestors:
        if ancestor.i == trigger.i:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _dates_a_cause(root: Token, trigger: Token) -> bool:
    """"the dam collapsed Monday evening, releasing water that swept away houses and left 6,600 people
    homeless": a date on a verb whose clause holds the trigger, far down a chain of consequences, dates
    the trigger too (not a reporting verb's date: "said Sunday that ... were evacuated")."""
    verb = root.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_.lower(), "VERB") in reporting_cues():
        return False
    return verb in trigger.ancestors


def _same_paragraph(a: Span, b: Span) -> bool:
    return paragraph_of(a) == paragraph_of(b)


def anaphoric_date(doc: Doc, event: Event, timexes: list[Timex]) -> EventDate | None:
    """A date given in the next two sentences of the paragraph to "the incident", "the attack"..., or in
    the next sentence to the event's cause named again ("that fire")."""
    sentence = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if sentence is None:
        return None
    own = current = sentence.root.sent
    # "Another fire … has displaced at least 20 people." / "… from that fire, which broke out on Saturday
    # afternoon": the cause named again with "that" dates the event, even from the next paragraph.
    cause = _common_noun_agent(doc, event)
    for step in range(2):
        if current.end >= len(doc):
            return None
        following = doc[current.end].sent
        same_paragraph = _same_paragraph(own, following)
        cause_again = step == 0 and cause is not None and any(
            t.lemma_.lower() == cause and any(c.lower_ in ("that", "this") for c in t.children) for t in following)
        if not same_paragraph and not cause_again:
            return None
        subjects = [t for t in following if t.dep_ in ("nsubj", "nsubjpass")]
        anaphor = any(s.lemma_.lower() in anaphora_nouns() and any(c.lower_ in ("the", "this", "that")
                                                                   for c in s.children) for s in subjects)
        if anaphor or cause_again:
            found = _timexes_in(following, timexes, [])
            if found:
                return _as_date(found[0], "anaphora:")
        current = following
    return None


def _common_noun_agent(doc: Doc, event: Event) -> str | None:
    """The lemma of the event's agent when it is a common noun ("Another fire" -> "fire")."""
    if event.agent is None:
        return None
    span = doc.char_span(event.agent.start, event.agent.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return None
    return span.root.lemma_.lower()


def narrative_date(doc: Doc, event: Event, timexes: list[Timex]) -> EventDate | None:
    """The last day-or-finer date of the sentence just before the event's, in the same paragraph
    (or, for a statement, the paragraph before)."""
    span = doc.char_span(event.start, event.start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    own = span.root.sent
    previous_token = own.start - 1
    while previous_token > 0 and doc[previous_token].is_space:
        previous_token -= 1
    previous = doc[previous_token].sent
    if event.type != "statement" and not _same_paragraph(previous, own):
        return None
    found = [t for t in _timexes_in(previous, timexes, []) if t.precision in ("day", "time")]
    return _as_date(found[-1], "narrative:") if found else None


def date_events(doc: Doc, events: list[Event], timexes: list[Timex], quotes: list[Quote]) -> None:
    """Sets `date` on each event that has none yet, trying attachment, anaphora, then narrative."""
    for event in events:
        if event.date is not None:
            continue
        event.date = attached_date(doc, event, timexes, quotes)
        if event.date is None and event.type != "statement":
            event.date = anaphoric_date(doc, event, timexes)
        if event.date is None:
            event.date = narrative_date(doc, event, timexes)
        if event.date is not None:
            event.explanation.append(f"date '{event.date.text}' by rule {event.date.rule}")
