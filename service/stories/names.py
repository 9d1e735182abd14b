"""Whether two agent or target mentions can name the same actor or object. One function, `compare_mentions`, so
that a cross-article actors table can take over the comparison without touching the matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from service.stories.places import FieldMatch
from service.stories.resources import generic_words

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """The words of a mention (text, canonical name, aliases): all content words, and those written as names."""

    words: frozenset[str]
    names: frozenset[str]
    label: str


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold()
    word = word.removesuffix("'s").replace("'", "")
    # A crude plural/demonym fold: "Palestinians" ~ "Palestinian", "graves" ~ "grave".
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _texts(mention: Mapping[str, Any]) -> Iterable[str]:
    yield str(mention.get("text") or "")
    yield str(mention.get("canonical") or "")
    yield from (str(a) for a in mention.get("aliases") or ())


def mention_facts(mention: Mapping[str, Any] | None) -> MentionFacts | None:
    if not mention:
        return None
    generic = generic_words()
    words: set[str] = set()
    names: set[str] = set()
    for text in _texts(mention):
        for index, raw in enumerate(_WORD.findall(text.replace("’", "'"))):
            word = _fold(raw)
            if len(word) < 2 or word in generic:
                continue
            words.add(word)
            # A capitalised word past the first, or an all-caps word, is written as a name ("Temple of Bel", "ISIS");
            # a first word may be capitalised only because it starts the mention.
            if (raw[0].isupper() and index > 0) or (len(raw) > 1 and raw.isupper()):
                names.add(word)
    if not words:
        return None
    return MentionFacts(words=frozenset(words), names=frozenset(names),
                        label=str(mention.get("canonical") or mention.get("text") or ""))


def compare_mentions(a: MentionFacts | None, b: MentionFacts | None) -> FieldMatch:
    """Shared words over the smaller mention's words, in [0, 1]; -0.25 when both carry names and share no word
    ("statue of Christopher Columbus" / "statue of Edward Colston"). Only a nudge: one shrine has many names
    ("Jonah's tomb", "the Mosque of Younis") until an actors table knows them as aliases."""
    if a is None or b is None:
        return FieldMatch(0.0, "missing on one side")
    if a.names and b.names and not a.words & b.words:
        return FieldMatch(-0.25, f"'{a.label}' and '{b.label}': different names")
    shared = a.words & b.words
    score = len(shared) / min(len(a.words), len(b.words))
    if not shared:
        return FieldMatch(0.0, f"'{a.label}' and '{b.label}': no word in common")
    return FieldMatch(round(score, 3), f"'{a.label}' and '{b.label}' share {', '.join(sorted(shared))}")
