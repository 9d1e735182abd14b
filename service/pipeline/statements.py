"""Finds statements: who said what, with the cue and the speech act.

A quotation is one statement, however many sentences it runs over; its speaker is the subject of a
reporting cue in the same sentence ("...," X said / said X / according to X), else the speaker of the
quotation just before it (a quote continued in the next paragraph). Without a quotation, a reporting
verb with a subject and something said (a clause, an object) is an indirect statement.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from service.pipeline.dependency import inverted_source, is_negated, source_before, subject_of
from service.pipeline.lexicons import CueEntry, light_verbs, reporting_cues, speech_act_cues, speech_nouns
from service.pipeline.paragraphs import paragraph_of, text_of, too_long
from service.pipeline.quotes import Quote, is_speech, speech_quotes
from service.pipeline.speakers import resolve_speaker
from service.pipeline.types import Candidate, Event, Mention

# In order of preference: a reported clause before an object.
_CONTENT_DEPS = ("ccomp", "parataxis", "xcomp", "dobj")
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
_NEUTRAL_ACT = "claim"
_NOT_WORD = re.compile(r"[^\w\s']")
# Verbs that name what their object is ("called the attack cowardly"): the act is in the name given.
_NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub"})
_FIRST_PERSON = frozenset({"i", "we"})
_REQUEST_OPENERS = frozenset({"will", "would", "can", "could", "should", "shall", "may"})
_CONTENT_PREPOSITIONS = frozenset({"on", "upon", "about", "for", "against", "as", "to"})
# Words that belong to the cue itself: "declined to comment", "called upon", "called for".
_CUE_PARTICLES = frozenset({"on", "upon", "for", "out"})


def _cue_entry(token: Token) -> CueEntry | None:
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    entry = reporting_cues().get((token.lemma_.lower(), pos)) or reporting_cues().get((token.lower_, pos))
    if entry is None and pos == "VERB" and token.lemma_.lower() in light_verbs():
        # "issued a statement", "made an appeal for calm": the object names the speech act.
        for child in token.children:
            act = speech_nouns().get(child.lemma_.lower()) if child.dep_ == "dobj" else None
            if act is not None:
                return CueEntry(token.lemma_.lower(), "VERB", act, "light")
    return entry


def _speaker_head(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        return _according_source(cue)
    subjects = [c for c in cue.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("which", "that", "what")
                and not (c.lower_ == "it" and c.dep_ == "nsubjpass")]  # "it was said": no one; "it said": the body
    if subjects:
        # A misparse can give a verb two subjects; the one nearest before the cue is the speaker.
        before = [s for s in subjects if s.i < cue.i]
        return before[-1] if before else subjects[0]
    inverted = inverted_source(cue)
    if inverted is not None:
        return inverted
    # "X arrived on Sunday and said ...": the subject of the first verb; "Candidates banded together to
    # condemn the vandalism": the subject of the verb the infinitive completes.
    infinitive = cue.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    if cue.dep_ in ("conj", "xcomp") or infinitive:
        return subject_of(cue)
    return source_before(cue)


# What is said as a rite, not a statement: "Prayers were said by Reverend Gérard Mongelard", "said Mass".
_RITES = frozenset({"prayer", "mass", "grace", "rosary", "vespers", "liturgy"})


def _said_as_a_rite(cue: Token) -> bool:
    return cue.lemma_.lower() == "say" and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _RITES for c in cue.children)


def _infinitive_on_the_object(cue: Token) -> bool:
    """"asked anyone with information to contact Crime Stoppers", the infinitive parsed on the object or
    on a phrase after it."""
    return any(g.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
               for c in cue.children if c.dep_ in ("dobj", "prep") for g in c.subtree)


def _according_source(cue: Token) -> Token | None:
    """The source after "according to": the object of "to", or, when the parser left "to" without one,
    the last noun before the comma."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    if to is None:
        return None
    return next((g for g in to.children if g.dep_ == "pobj"), None) or _source_before_comma(to)


def _source_before_comma(to: Token) -> Token | None:
    """"According to neighbourhood official Aifo Corrente, about ten boats …", parsed with the name as the
    subject of the clause and "to" left without an object: the source is the last noun before the comma."""
    source = None
    for token in to.doc[to.i + 1 : to.sent.end]:
        if token.text == "," or token.pos_ in ("VERB", "AUX"):
            break
        if token.pos_ in ("NOUN", "PROPN"):
            source = token
    return source


def _content_of(cue: Token, clauses_only: bool = False) -> Span | None:
    """What an indirect statement says: the clause (or, for acts like "denied", the object) of its cue."""
    if cue.lower_ == "according":  # "Nine people died, according to police": all but the source
        sentence = cue.sent
        before = cue.doc[sentence.start : cue.i]
        source = _according_source(cue)  # its phrase ends at the source the parser left outside it
        after = cue.doc[max(cue.right_edge.i, source.i if source is not None else -1) + 1 : sentence.end]
        while len(after) and after[0].text == ",":
            after = after[1:]
        longer = max((before, after), key=len)
        return longer if len(longer) > 2 else None
    for child in cue.children:
        # "…, Xinhua cited OCHA as saying on Tuesday": what was said comes before the source.
        says = [g for g in child.children if g.lemma_.lower() == "say"] if child.lower_ == "as" else []
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if says and subject is not None and not any(g.dep_ in ("ccomp", "xcomp") for g in says[0].children):
            start = min(cue.i, subject.left_edge.i)
            before = cue.doc[cue.sent.start : start]
            while len(before) and before[-1].is_punct:
                before = before[:-1]
            if len(before) > 2:
                return before
    for child in cue.children:  # "described the attack as worrisome": what it was described as
        if child.dep_ in ("prep", "oprd") and child.lower_ == "as" and not clauses_only:
            return cue.doc[child.i : child.right_edge.i + 1]
    # "Police say in a statement that the graffiti references the park": the parser hangs the clause
    # on the speech noun.
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("in", "on")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in speech_nouns()):
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                return cue.doc[clause.left_edge.i : clause.right_edge.i + 1]
    predicate = next((c for c in cue.children if c.dep_ in ("oprd", "ccomp") and c.i > cue.i), None)
    thing = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if predicate is not None and thing is not None and thing.i < predicate.i and not clauses_only:
        return cue.doc[thing.left_edge.i : predicate.right_edge.i + 1]  # "called the remarks rude"
    for dep in _CONTENT_DEPS:
        if clauses_only and dep not in _CLAUSE_DEPS:
            continue
        for child in cue.children:
            if child.dep_ == dep and not child.is_punct:
                end = child.right_edge.i + 1
                if dep == "dobj":  # "warned people in flooded areas against trying to leave"
                    for sibling in cue.rights:
                        if sibling.i > child.i and sibling.dep_ in ("prep", "xcomp"):
                            end = max(end, sibling.right_edge.i + 1)
                return cue.doc[child.left_edge.i : end]
    for child in cue.children:
        if clauses_only:
            break
        # "stressed on the need for ...", "asking for people to come forward", "described it as worrisome"
        if child.dep_ in ("prep", "oprd") and child.lower_ in _CONTENT_PREPOSITIONS:
            return cue.doc[child.i : child.right_edge.i + 1]
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children):
            return cue.doc[child.left_edge.i : child.right_edge.i + 1]
    if cue.dep_ in ("parataxis", "ccomp") and cue.head.i != cue.i:  # "People should resist, said X"
        head = cue.head
        return cue.doc[head.left_edge.i : cue.left_edge.i]
    return _before_trailing_report(cue)


def _before_trailing_report(cue: Token) -> Span | None:
    """"Rains hindered relief, the agency reported Sunday.": the clause before the comma that
    opens a closing "source verb" aside is what the source says."""
    sentence = cue.sent
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    aside_start = subject.left_edge.i
    if aside_start - 1 <= sentence.start or cue.doc[aside_start - 1].text != ",":
        return None
    if any(t.dep_ in ("dobj", "ccomp", "xcomp") for t in cue.children):
        return None
    content = cue.doc[sentence.start : aside_start - 1]
    return content if len(content) > 3 else None


def _says_something(cue: Token, entry: CueEntry) -> bool:
    """Whether the cue carries what its lexicon entry needs to be a statement without a quotation."""
    if cue.lower_ == "according":
        return True
    if entry.needs == "infinitive":
        return any(c.dep_ == "xcomp" for c in cue.children)
    if entry.needs == "light":
        return True
    if entry.needs == "clause":
        # "described the evacuation as a precaution": what something was described as is said too.
        described_as = any(c.dep_ == "dobj" for c in cue.children) and any(
            c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in cue.children)
        return described_as or _content_of(cue, clauses_only=True) is not None
    return _content_of(cue) is not None


def _cue_where_it_closes(doc: Doc, quote: Quote, quotes: list[Quote]) -> bool:
    """Whether a quotation running on past its first sentence closes in a sentence with a reporting cue
    of its own, outside the quotation."""
    closing = doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
    if closing is None or closing.sent.start_char <= quote.start:
        return False
    return any(_cue_entry(t) is not None and not _inside(t, quotes) for t in closing.sent)


def _ends_just_before(quote: Quote, sentence: Span) -> bool:
    """A quotation closing right before the sentence ('"Will you act?" the MP asked.'), same line."""
    first_word = next((t for t in sentence if not (t.is_space or t.is_punct)), None)
    if first_word is None:
        return False
    gap = text_of(sentence.doc)[quote.end : first_word.idx]
    return 0 <= first_word.idx - quote.end <= 4 and "\n" not in gap


def _inside(token: Token, quotes: list[Quote]) -> bool:
    return any(q.contains(token.idx) for q in quotes)


def cue_phrase(cue: Token) -> str:
    """The cue as a reader would quote it: "according to", "declined to comment", "called on"."""
    if cue.lower_ == "according":
        return "according to"
    words = [cue]
    if cue.lemma_.lower() in light_verbs():
        noun = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in speech_nouns()), None)
        if noun is not None:
            return cue.doc[cue.i : noun.i + 1].text if noun.i - cue.i <= 3 else f"{cue.text} ... {noun.text}"
    entry = _cue_entry(cue)
    for child in cue.children:
        belongs = child.dep_ == "prt" or (entry is not None and child.lower_ in entry.act_needs)
        if belongs and child.lower_ in _CUE_PARTICLES and child.i == cue.i + 1:
            words.append(child)
        if child.dep_ == "xcomp" and child.i == cue.i + 2 and cue.doc[cue.i + 1].lower_ == "to":
            words.extend([cue.doc[cue.i + 1], child])
    return " ".join(w.text for w in sorted(words, key=lambda t: t.i))


def _verdict(cue: Token) -> str | None:
    """What a naming verb says of its object, with the object: "called the attack cowardly", where
    the parser may hang "cowardly" on the verb rather than inside the object. Clauses of their own
    ("..., while the ministry said ...") are left out."""
    kept = [
        c
        for c in cue.rights
        if c.dep_ not in ("advcl", "parataxis", "ccomp", "punct")
        and not (c.dep_ == "conj" and subject_of(c) is not None)
    ]
    if not kept:
        return None
    return cue.doc[cue.i + 1 : max(c.right_edge.i for c in kept) + 1].text


def speech_act(cue: CueEntry | None, said: str, cue_token: Token | None = None) -> str:
    """The speech act: the cue's own unless it is neutral (or lacks the word its act needs, as in
    "called the attack cowardly"), else the first act the words reveal; a question put to someone
    ("Will the minister act?") is an appeal."""
    if cue is not None and cue.speech_act != _NEUTRAL_ACT:
        needs_met = not cue.act_needs or cue_token is None or any(
            c.lower_ in cue.act_needs or c.dep_ in cue.act_needs for c in cue_token.children
        ) or ("xcomp" in cue.act_needs and _infinitive_on_the_object(cue_token))
        if needs_met:
            return cue.speech_act
    if cue_token is not None and cue_token.lemma_.lower() in _NAMING_VERBS:
        said = f"{_verdict(cue_token) or ''} {said}"
    stripped = said.strip().strip("\"“”'").strip()
    if stripped.endswith("?") and stripped.split(" ", 1)[0].lower() in _REQUEST_OPENERS:
        return "appeal"
    # Quotation marks and punctuation around a word ("rude", “a conspiracy”) do not hide it.
    lowered = " " + " ".join(_NOT_WORD.sub(" ", said.lower().replace("’", "'")).split()) + " "
    for phrase, act in speech_act_cues():
        if f" {phrase} " in lowered:
            return act
    return _NEUTRAL_ACT


def _cues_in(sentence: Span, quotes: list[Quote], has_incident: bool) -> list[tuple[Token, CueEntry, Token]]:
    """Reporting cues of a sentence with their speaker heads, outermost first; a cue inside what
    another cue reports ("decried what they said are atrocities") is part of that content."""
    found: list[tuple[Token, CueEntry, Token]] = []
    for token in sentence:
        entry = _cue_entry(token)
        if entry is None or _inside(token, quotes) or is_negated(token):
            continue
        if entry.pos == "NOUN":
            continue  # "in a statement" qualifies a verb cue; it does not speak by itself
        if token.lower_ == "according" and has_incident:
            continue  # "X did Y, according to Z": Z is the event's attribution, not a statement
        if _said_as_a_rite(token):
            continue
        speaker = _speaker_head(token)
        if speaker is None or _inside(speaker, quotes):
            continue
        sentence_has_quote = any(
            (sentence.start_char <= q.start < sentence.end_char or _ends_just_before(q, sentence)) and is_speech(q)
            for q in quotes
        )
        if not sentence_has_quote and not _says_something(token, entry):
            continue
        found.append((token, entry, speaker))
    contents = {cue.i: _content_of(cue) for cue, _, _ in found}
    return [
        (cue, entry, speaker)
        for cue, entry, speaker in found
        if not any(
            other.i != cue.i and (span := contents[other.i]) is not None and span.start <= cue.i < span.end
            for other, _, _ in found
        )
    ]


def _statement(sentence_text: str, start: int, end: int, cue: Token | None, trigger_at: int) -> Event:
    return Event(
        type="statement",
        trigger=cue.text if cue is not None else "",
        trigger_start=cue.idx if cue is not None else trigger_at,
        trigger_end=cue.idx + len(cue.text) if cue is not None else trigger_at,
        sentence=sentence_text,
        start=start,
        end=end,
        cue=cue.text if cue is not None else None,
    )


def find_statements(doc: Doc, incident_sentences: frozenset[int]) -> tuple[list[Event], list[Candidate]]:
    """Statement events of a parsed document. `incident_sentences` holds the start offsets of
    sentences that already yield a desecration or displacement (where "according to" is attribution)."""
    quotes = speech_quotes(doc)
    sentences = list(doc.sents)
    events: list[Event] = []
    candidates: list[Candidate] = []
    last_quoted_speaker: Mention | None = None
    last_speaker: Mention | None = None
    last_quote_paragraph = -1
    used_quotes: set[int] = set()
    for index, sentence in enumerate(sentences):
        if too_long(sentence):
            candidates.append(Candidate(index, sentence[:8].text, sentence.start_char, sentence.end_char,
                                        "statement", False, "sentence too long to analyse"))
            continue
        paragraph = paragraph_of(sentence)
        sentence_quotes = [q for q in quotes if sentence.start_char <= q.start < sentence.end_char]
        cues = _cues_in(sentence, quotes, sentence.start_char in incident_sentences)
        for cue, entry, speaker_head in cues:
            speaker = resolve_speaker(speaker_head, last_speaker)
            quote = next((q for q in sentence_quotes if id(q) not in used_quotes), None)
            if quote is None:
                # A quote opened before the cue's sentence ("... first part. Second part," X said).
                quote = next(
                    (q for q in quotes
                     if (q.start < sentence.start_char < q.end or _ends_just_before(q, sentence))
                     and id(q) not in used_quotes),
                    None,
                )
            start = min(sentence.start_char, quote.start - 1) if quote else sentence.start_char
            end = max(sentence.end_char, quote.end) if quote else sentence.end_char
            event = _statement(text_of(doc)[start:end].strip(), start, end, cue, cue.idx)
            event.cue = cue_phrase(cue)
            event.speaker = speaker
            content = _content_of(cue)
            if quote is not None:
                used_quotes.add(id(quote))
                event.quote = quote.text.rstrip(",")
                last_quoted_speaker, last_quote_paragraph = speaker, paragraph
                if content is not None and content.start_char <= quote.start and quote.end <= content.end_char:
                    event.quote = content.text  # a partial quotation inside indirect speech
            else:
                event.quote = content.text if content is not None else None
            if speaker_head.lower_ in _FIRST_PERSON and quote is None:
                # Unquoted first-person speech ("We urge the government ...") continues the last speaker.
                event.quote = sentence.text.strip()
                if last_speaker is not None:
                    speaker = event.speaker = Mention(last_speaker.text, last_speaker.start, last_speaker.end,
                                                      last_speaker.canonical or last_speaker.text,
                                                      list(last_speaker.aliases), last_speaker.kind)
            event.subtype = speech_act(entry, event.quote or sentence.text, cue)
            event.explanation.append(f"cue '{cue.lemma_}' with speaker '{speaker.text}'")
            events.append(event)
            last_speaker = speaker
            candidates.append(Candidate(index, cue.text, cue.idx, cue.idx + len(cue), "statement", True, "kept"))
        if cues:
            continue
        for quote in sentence_quotes:
            if id(quote) in used_quotes:
                continue
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            if following is not None and _ends_just_before(quote, following):
                continue  # '"Will you act?" the MP asked.': the next sentence holds the cue
            if _cue_where_it_closes(doc, quote, quotes):
                continue  # "'The area remains insecure. … might be displaced,' it said.": that sentence speaks
            used_quotes.add(id(quote))
            if last_quoted_speaker is None or paragraph - last_quote_paragraph > 1:
                candidates.append(Candidate(index, quote.text[:40], quote.start, quote.end, "statement", False,
                                            "quotation with no speaker in reach"))
                continue
            end = max(sentence.end_char, quote.end + 1)
            event = _statement(text_of(doc)[quote.start - 1 : end].strip(), quote.start - 1, end, None, quote.start)
            event.speaker = Mention(last_quoted_speaker.text, last_quoted_speaker.start, last_quoted_speaker.end,
                                    last_quoted_speaker.canonical, list(last_quoted_speaker.aliases),
                                    last_quoted_speaker.kind)
            event.quote = quote.text
            event.subtype = speech_act(None, quote.text)
            event.explanation.append("quotation continuing the previous speaker's")
            last_quote_paragraph = paragraph
            events.append(event)
    return events, candidates
