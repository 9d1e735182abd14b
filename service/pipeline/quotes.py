"""Finds quotations in article text: straight or curly double quotes, paragraph by paragraph, and
single quotes in a paragraph that has no double ones (the style of Reuters and British papers).

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


# A single quote opens after a space (or at the paragraph's start) before a word, and closes after the
# punctuation that ends what was said: "'After initial rebel attacks …, forcing … to flee,' the agency
# said". Apostrophes inside words ("don't") or after a plural ("workers' rights") are neither.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=\s))['‘](?=[A-Za-z0-9])")
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?])['’](?=\s|$)")


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    position = start
    while (opening := _SINGLE_OPEN.search(text, position, end)) is not None:
        closing = _SINGLE_CLOSE.search(text, opening.end(), end)
        # Left open, only a quote that opens its paragraph runs on (to the next one); "said 'no' to it" is none.
        if closing is None and opening.start() != start:
            break
        quote = _quote(text, opening.end(), closing.start() if closing else end)
        if quote:
            quotes.append(quote)
        if closing is None:
            break
        position = closing.end()
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in the text, in order."""
    quotes: list[Quote] = []
    for para_start, para_end in _paragraphs(text):
        if _MARKS.search(text, para_start, para_end) is None:
            quotes.extend(_single_quotes(text, para_start, para_end))
            continue
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
