"""Makes every line break a sentence break, before the parser runs: an article's headline and its
paragraphs never share a sentence, whatever their punctuation."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from service.pipeline.datelines import find_dateline


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Reads token whitespace; sets `is_sent_start` on the first token after each line break."""
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
        elif token.i > 0:
            after_break = "\n" in token.whitespace_
    for token in doc:
        if token.i > 0 and "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    _split_datelines(doc)
    _keep_first_words_together(doc)
    return doc


def _keep_first_words_together(doc: Doc) -> None:
    """The parser, handed a paragraph's first word as a sentence start, sometimes ends the sentence right
    after it ("Villagers | on the Vanuatu island of Ambae were facing ..."): the second word of a paragraph
    goes on its sentence, unless a line break or a dateline starts one there."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_sent_start and not token.is_space and not token.is_punct and following.is_sent_start is None and (
                not following.is_space and "\n" not in token.whitespace_):
            following.is_sent_start = False


def _split_datelines(doc: Doc) -> None:
    """A dateline ("AMMAN, June 2 (Petra) -") is no part of its sentence: the story starts after it."""
    offset = 0
    for line in text_of(doc).split("\n"):
        dateline = find_dateline(line)
        if dateline is not None:
            span = doc.char_span(offset + dateline.end, offset + dateline.end + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
        offset += len(line) + 1


def text_of(doc: Doc) -> str:
    """The document's text, built once: `Doc.text` joins every token anew on each access."""
    cached: str | None = doc.user_data.get("eventline_text")
    if cached is None:
        cached = doc.user_data["eventline_text"] = doc.text
    return cached


def _line_breaks(doc: Doc) -> list[int]:
    breaks: list[int] | None = doc.user_data.get("eventline_line_breaks")
    if breaks is None:
        breaks = doc.user_data["eventline_line_breaks"] = [m.start() for m in re.finditer("\n", text_of(doc))]
    return breaks


def paragraph_of(sentence: Span) -> int:
    """The 0-based paragraph a sentence belongs to (line breaks counted before its first word)."""
    first_word = next((t for t in sentence if not t.is_space), sentence[0])
    return bisect.bisect_left(_line_breaks(sentence.doc), first_word.idx)


# Real news sentences stay far below this; a run-on "sentence" of thousands of tokens (a table, a list,
# text without punctuation) would make every argument search scan it again for each trigger.
MAX_SENTENCE_TOKENS = 250


def too_long(sentence: Span) -> bool:
    """Whether a sentence is too long for the argument search (its triggers are reported, not read)."""
    return len(sentence) > MAX_SENTENCE_TOKENS
