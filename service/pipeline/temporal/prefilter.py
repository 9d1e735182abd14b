"""Which rules can match a text at all: cheap substring checks that spare most of the regex scans.

Every rule's pattern (as written in `rules.tsv`, before placeholders are expanded) is read once for
the parts a match cannot do without: literal words and word-class placeholders outside optional
groups (`{unit} ago` needs a unit word and "ago"; `(?:a|the) {season}` needs a season word). A
text is scanned by a rule's regex only when it holds, case-insensitively, a piece of each needed
part. The check only ever skips rules that cannot match, so the tagger's output is unchanged; what
the reading cannot follow (a digit class, a back-reference) simply needs nothing.
"""

from __future__ import annotations

import re

from service.pipeline.temporal.lexicon import lexicon

# A need: the pieces of text any one of which a match must contain ("#year" stands for a 4-digit year).
Need = frozenset[str]
YEAR = "#year"
_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")
_PLACEHOLDER = re.compile(r"\{(?P<name>[a-z]+)(?::[a-z0-9_]+)?\}")
_QUANTIFIER = re.compile(r"[?*]|\{0,?\d*\}|\{,")
_PIECE = re.compile(r"[^ '’-]+")


def _piece(word: str) -> str:
    """The first chunk of a class word that any spelling of it contains ("more than" -> "more")."""
    found = _PIECE.search(word.lower())
    return found.group(0) if found else ""


def _class_need(name: str) -> Need | None:
    if name == "year":
        return frozenset({YEAR})
    words = lexicon().class_words.get(name)
    if not words:
        return None  # digits, ordinals, number words: no cheap check
    pieces = frozenset(_piece(w) for w in words)
    return None if "" in pieces else pieces


def _optional_after(pattern: str, i: int) -> bool:
    return bool(_QUANTIFIER.match(pattern, i)) or pattern.startswith("{0", i)


def _group_end(pattern: str, i: int) -> int:
    """Index just past the ")" closing the group opened at `i` (escapes and classes skipped)."""
    depth, j = 0, i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(pattern, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _class_end(pattern: str, i: int) -> int:
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _split_branches(body: str) -> list[str]:
    """The top-level alternatives of a pattern body."""
    out, depth, start, j = [], 0, 0, 0
    while j < len(body):
        ch = body[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(body, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(body[start:j])
            start = j + 1
        j += 1
    out.append(body[start:])
    return out


def needs(pattern: str) -> tuple[Need, ...]:
    """What any match of a raw rule pattern must contain: a tuple of needs, each a set of alternatives."""
    branches = _split_branches(pattern)
    if len(branches) > 1:
        per_branch = [needs(b) for b in branches]
        if any(not n for n in per_branch):
            return ()
        return (frozenset().union(*(n[0] for n in per_branch)),)
    found: list[Need] = []
    word: list[str] = []
    i = 0

    def close_word(optional_last: bool = False) -> None:
        letters = word[:-1] if optional_last else word
        if len(letters) >= 2:
            found.append(frozenset({"".join(letters).lower()}))
        word.clear()

    while i < len(pattern):
        ch = pattern[i]
        if ch.isalpha():
            word.append(ch)
            i += 1
            continue
        if ch in "?*{" and word and _optional_after(pattern, i):
            close_word(optional_last=True)
            i += 1
            continue
        close_word()
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _class_end(pattern, i)
        elif ch == "{" and (m := _PLACEHOLDER.match(pattern, i)):
            i = m.end()
            need = _class_need(m["name"])
            if need is not None and not _optional_after(pattern, i):
                found.append(need)
        elif ch == "(":
            end = _group_end(pattern, i)
            inner = pattern[i + 1 : end - 1]
            if not _optional_after(pattern, end) and not inner.startswith(("?=", "?!", "?<=", "?<!")):
                if inner.startswith("?P<"):
                    inner = inner[inner.index(">") + 1 :]
                elif inner.startswith("?") and ":" in inner[:5]:
                    inner = inner[inner.index(":") + 1 :]
                found.extend(needs(inner))
            i = end
        else:
            i += 1
    close_word()
    return tuple(found)


# No temporal expression is this long: a match lies within this many characters of any piece it holds,
# so a rule's regex only needs to scan that far around the pieces (plus room for its lookarounds).
REACH = 200


class TextPieces:
    """The lower-cased text, with the places of each need found once (rules share needs)."""

    def __init__(self, text: str) -> None:
        self._lower = text.lower()
        self._places: dict[Need, list[int]] = {}

    def places(self, need: Need) -> list[int]:
        """Sorted start offsets of every piece of `need` in the text."""
        if need not in self._places:
            found: list[int] = []
            for piece in need:
                if piece == YEAR:
                    found.extend(m.start() for m in _YEAR_DIGITS.finditer(self._lower))
                    continue
                at = self._lower.find(piece)
                while at >= 0:
                    found.append(at)
                    at = self._lower.find(piece, at + 1)
            self._places[need] = sorted(found)
        return self._places[need]

    def has(self, need: Need) -> bool:
        return bool(self.places(need))

    def can_match(self, rule_needs: tuple[Need, ...]) -> bool:
        return all(self.has(need) for need in rule_needs)

    def windows(self, rule_needs: tuple[Need, ...]) -> list[tuple[int, int]]:
        """Merged spans of the text a rule's matches can lie in: around its rarest need's pieces.

        No needs: the whole text. A need absent: no span at all.
        """
        size = len(self._lower)
        if not rule_needs:
            return [(0, size)]
        rarest = min((self.places(need) for need in rule_needs), key=len)
        spans: list[tuple[int, int]] = []
        for at in rarest:
            start, end = max(0, at - REACH), min(size, at + REACH)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return spans
