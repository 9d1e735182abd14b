"""Finds quotations in article text: straight or curly double quotes, paragraph by paragraph.

News style leaves a quote open at the end of a paragraph when the same speaker goes on in the next
one; such a quote ends at its paragraph's end here, and the next paragraph opens a quote of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from service.pipeline.paragraphs import text_of

_MARKS = re.compile(r"[\"“”„«»]")
_OPENING = frozenset("“„«")
_CLOSING = frozenset("”»")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` bound its content, without the quote marks."""

    start: int
    end: int
    text: str

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _quote(text: str, start: int, end: int) -> Quote | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, text[start:end]) if end > start else None


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in the text, in order."""
    quotes: list[Quote] = []
    for para_start, para_end in _paragraphs(text):
        open_at: int | None = None
        for match in _MARKS.finditer(text, para_start, para_end):
            mark = match.group()
            if open_at is None:
                if mark not in _CLOSING:
                    open_at = match.end()
            elif mark not in _OPENING or mark == '"':
                quote = _quote(text, open_at, match.start())
                if quote:
                    quotes.append(quote)
                open_at = None
            else:  # a second opening mark: the first quote ran to here unclosed
                quote = _quote(text, open_at, match.start())
                if quote:
                    quotes.append(quote)
                open_at = match.end()
        if open_at is not None:
            quote = _quote(text, open_at, para_end)
            if quote:
                quotes.append(quote)
    return quotes


def is_speech(quote: Quote) -> bool:
    """A quotation that reports speech, not a name or a scare-quoted word ("The Lion Cub", "rumors")."""
    words = quote.text.split()
    return len(words) >= 4


def speech_quotes(doc: Doc) -> list[Quote]:
    """The document's quotations that report speech, found once per document (statements and dating
    both read them)."""
    cached: list[Quote] | None = doc.user_data.get("eventline_speech_quotes")
    if cached is None:
        cached = doc.user_data["eventline_speech_quotes"] = [q for q in find_quotes(text_of(doc)) if is_speech(q)]
    return cached
