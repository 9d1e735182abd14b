"""Checks on the parse that reject false positives a regex cannot see ("You may go", "hot spring").

Each guard reads the spaCy tokens of a candidate extent (and the token after it) and returns True
when the candidate should be kept. Rules name their guards in the args column of `rules.tsv`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from service.pipeline.temporal.lexicon import holiday_key, lexicon

Guard = Callable[[Span, Doc], bool]


def _next_token_pos(span: Span, doc: Doc) -> tuple[str, str, str] | None:
    """(pos, tag, text) of the token right after the span, None at the end of the document."""
    if span.end >= len(doc):
        return None
    tok = doc[span.end]
    return tok.pos_, tok.tag_, tok.text


def not_verb(span: Span, doc: Doc) -> bool:
    """Reject modals and verbs: "You may go", "They march on" ("May"/"March" at a sentence start)."""
    lex = lexicon()
    names = [t for t in span if t.lower_ in lex.months or t.lower_ in lex.weekdays]
    return not any(t.tag_ == "MD" or t.tag_.startswith("VB") for t in names)


def not_holiday_part(span: Span, doc: Doc) -> bool:
    """Reject the weekday of a holiday's name ("the Easter Sunday attacks", "Good Friday" as a modifier)."""
    if span.start == 0:
        return True
    return holiday_key(f"{doc[span.start - 1].text} {span.text}") not in lexicon().holidays


def no_name(span: Span, doc: Doc) -> bool:
    """Reject a month name that is part of a person's name ("April Glaspie", "August Wilson")."""
    nxt = _next_token_pos(span, doc)
    if nxt is None or nxt[0] != "PROPN" or not nxt[2][:1].isupper():
        return True
    lex = lexicon()
    return nxt[2].lower() in lex.months or nxt[2].lower() in lex.weekdays


def year(span: Span, doc: Doc) -> bool:
    """Reject a bare four-digit number that counts a plural noun ("2000 troops", "1500 people"),
    also past an adjective ("2000 dead soldiers", "1500 more runs"), or that ends a name ("Orion
    1980", "Flight 1549": a proper noun right before it that is no month, weekday or holiday), or a
    level "at 2000"."""
    nxt = _next_token_pos(span, doc)
    if nxt is not None and nxt[1] == "NNS":
        return False
    if nxt is not None and nxt[1] in ("JJ", "JJR") and span.end + 1 < len(doc) and doc[span.end + 1].tag_ == "NNS":
        return False
    if span.start > 0 and doc[span.start - 1].lower_ == "at":
        return False  # "the index closed at 2000": English puts a year "in", never "at"
    if span.start > 0 and (before := doc[span.start - 1]).tag_ == "NNP":
        lex = lexicon()
        return before.lower_ in lex.months or before.lower_ in lex.weekdays or holiday_key(before.text) in lex.holidays
    return True


def no_noun_after(span: Span, doc: Doc) -> bool:
    """Reject a season used as a noun modifier or a common noun ("spring water", "hot spring")."""
    nxt = _next_token_pos(span, doc)
    if nxt is not None and nxt[0] in ("NOUN", "PROPN"):
        return False
    # A bare season after an adjective is the noun ("a hot spring"); "their own this summer" is fine.
    return not (len(span) == 1 and span[0].i > 0 and doc[span[0].i - 1].pos_ == "ADJ")


def adverb(span: Span, doc: Doc) -> bool:
    """Keep "daily" as a frequency ("rose daily"), not as an adjective ("a daily newspaper")."""
    nxt = _next_token_pos(span, doc)
    return not (nxt is not None and nxt[0] in ("NOUN", "PROPN", "ADJ"))


def not_rate(span: Span, doc: Doc) -> bool:
    """Reject "a week" in a rate ("four flights a week", "$1.76 a year", "358,000 a month")."""
    if span[0].lower_ not in ("a", "an", "per") or span.start == 0:
        return True
    before = doc[max(0, span.start - 3) : span.start]
    if before[-1].like_num:
        return False
    return not (before[-1].pos_ in ("NOUN", "PROPN") and any(t.like_num for t in before[:-1]))


def not_fraction(span: Span, doc: Doc) -> bool:
    """Reject a share written with quarters: "three-quarters of its food", "two quarters of the vote"."""
    if not span[-1].lower_.endswith(("quarter", "quarters")) or span.end + 1 >= len(doc):
        return True
    after, determiner = doc[span.end], doc[span.end + 1]
    if after.lower_ != "of":
        return True
    hyphenated = "-quarter" in span.text.lower()
    return not (hyphenated or determiner.pos_ in ("DET", "PRON"))


def not_discourse(span: Span, doc: Doc) -> bool:
    """Reject "Now" opening a sentence as a discourse marker ("Now, following the sale ...", "Now for
    the weather"), not as the present ("Now with prices up, ...")."""
    first = span[0]
    if first.lower_ != "now":  # "Right now, ...", "Just now, ..." speak of the present
        return True
    if not (first.is_sent_start or first.i == 0 or "\n" in doc[first.i - 1].text_with_ws):
        return True
    nxt = _next_token_pos(span, doc)
    return nxt is None or nxt[2].lower() not in (",", "for")


# Not EVENT or FAC: the parser gives holidays and dates ("9 September", "Easter Sunday 1997") those.
_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "PERSON"})


@cache
def _holiday_words() -> frozenset[str]:
    """Every word of a holiday name ("new", "year's", "day", ...): capitalized by right."""
    return frozenset(word.removesuffix("'s") for key in lexicon().holidays for word in key.split())


def _title_case_line(sent: Span) -> bool:
    """True for a headline-like sentence, where most words are capitalized anyway."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) * 2 > len(words)


_ERAS = frozenset({"bc", "bce", "b.c.", "b.c.e."})


def not_in_name(span: Span, doc: Doc) -> bool:
    """Reject a temporal word inside a proper name, which TimeML does not mark: a newspaper or an
    organization the parser names ("The Sunday Times"), or a programme title whose ordinary words
    are capitalized mid-sentence ("ABC's "This Week"", "CBS's 60 Minutes", "NBC's Today show").

    Month, weekday and holiday names, abbreviations in capitals ("EST") and the first word of a
    sentence, a quote or a headline are capitalized anyway and say nothing."""
    if any(t.ent_type_ in _NAME_ENTITIES and t.lower_ not in _ERAS for t in span):
        return False  # an era ("2500 BC") is often tagged an organization: it is part of the date
    lex = lexicon()
    if _the_before_name(span, doc, {**lex.months, **lex.weekdays}):
        return False
    for t in span:
        if not t.is_alpha or not t.text[0].isupper() or t.is_upper or t.is_sent_start:
            continue
        weekday = t.lower_ in lex.weekdays or t.lower_.removesuffix("s") in lex.weekdays  # "on Sundays"
        if t.lower_ in lex.months or weekday or holiday_key(t.text) in _holiday_words():
            continue
        prev = doc[t.i - 1]
        if prev.is_punct or prev.is_space or "\n" in prev.text_with_ws:
            continue
        if _title_case_line(t.sent):
            continue
        return False
    return True


def _the_before_name(span: Span, doc: Doc, calendar_words: dict[str, int]) -> bool:
    """True for "the" + the span + a capitalized proper noun that is no month or weekday: "the Sunday
    Telegraph", a title ("the Thursday Dec. 5 meeting" is a date)."""
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ != "the":
        return False
    if not all(t.is_alpha for t in span):  # "the 2000 Olympics": TimeBank tags the year
        return False
    nxt = doc[span.end]
    named = nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.is_upper
    return named and nxt.lower_ not in calendar_words


# Applied to every rule, whatever its own guards.
ALWAYS: tuple[str, ...] = ("not_in_name",)

GUARDS: dict[str, Guard] = {
    "not_in_name": not_in_name,
    "not_discourse": not_discourse,
    "not_verb": not_verb,
    "not_holiday_part": not_holiday_part,
    "no_name": no_name,
    "year": year,
    "no_noun_after": no_noun_after,
    "adverb": adverb,
    "not_rate": not_rate,
    "not_fraction": not_fraction,
}


def passes(guards: tuple[str, ...], doc: Doc, start: int, end: int) -> bool:
    """True when every named guard, and every guard in ALWAYS, keeps the extent [start, end) of `doc`."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    return all(GUARDS[name](span, doc) for name in ALWAYS + guards)
