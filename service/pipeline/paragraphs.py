"""Makes every line break a sentence break, before the parser runs: an article's headline and its
paragraphs never share a sentence, whatever their punctuation."""

from __future__ import annotations

from spacy.tokens import Doc, Span


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
    return doc


def paragraph_of(sentence: Span) -> int:
    """The 0-based paragraph a sentence belongs to (line breaks counted before its first word)."""
    first_word = next((t for t in sentence if not t.is_space), sentence[0])
    return sentence.doc.text.count("\n", 0, first_word.idx)
