"""Finding candidate extents: the rules of `rules.tsv` compiled once, run over a text.

Each rule's pattern has its `{placeholder}`s replaced by word classes from `lexicon.py`, is wrapped in
word boundaries and compiled case-insensitively. `candidates()` returns every match of every rule;
the tagger then keeps the best non-overlapping ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from service.pipeline.resources import read_table
from service.pipeline.temporal.lexicon import lexicon
from service.pipeline.temporal.prefilter import Need, TextPieces, needs
from service.pipeline.temporal.types import TimexType

_PLACEHOLDER = re.compile(r"\{(?P<name>[a-z]+)(?::(?P<group>[a-z0-9_]+))?\}")
_TYPES = ("DATE", "TIME", "DURATION", "SET")
# Keys of the args column that the tagger reads itself; the rest go to the normalizer.
TAGGER_ARGS = ("guard", "span")
_BLANKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of `rules.tsv`: its name, TIMEX3 type, normalizer name, args and compiled pattern."""

    index: int
    name: str
    type: TimexType
    normalizer: str
    args: dict[str, str]
    guards: tuple[str, ...]
    span_group: str | None
    regex: re.Pattern[str]
    needs: tuple[Need, ...] = ()  # what any match must contain (see prefilter.py)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule's match: the extent [start, end) and the matched groups that took part."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    weight: int  # length of the whole match, context included: longer evidence wins


def expand(pattern: str) -> str:
    """Replace `{name}`/`{name:group}` placeholders with the lexicon's word-class regexes."""
    fragments = lexicon().fragments

    def sub(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in fragments:
            raise ValueError(f"unknown placeholder {{{name}}} in temporal rules")
        return fragments[name].replace("{g}", m["group"] or name)

    return _PLACEHOLDER.sub(sub, pattern)


def _parse_args(cell: str) -> dict[str, str]:
    if not cell or cell == "-":
        return {}
    return dict(part.split("=", 1) for part in cell.split(";") if part)


@cache
def rules() -> tuple[Rule, ...]:
    """All rules of `resources/temporal/rules.tsv`, compiled once per process."""
    out: list[Rule] = []
    for index, row in enumerate(read_table("temporal/rules.tsv")):
        if len(row) != 5:
            raise ValueError(f"temporal rules.tsv row {index}: expected 5 columns, got {row!r}")
        name, ttype, normalizer, args_cell, pattern = row
        if ttype not in _TYPES:
            raise ValueError(f"temporal rule {name}: unknown type {ttype}")
        args = _parse_args(args_cell)
        try:
            regex = re.compile(r"(?<![\w])(?:" + expand(pattern) + r")(?![\w])", re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"temporal rule {name}: bad pattern: {err}") from err
        guards = tuple(g for g in args.get("guard", "").split(",") if g)
        normalizer_args = {k: v for k, v in args.items() if k not in TAGGER_ARGS}
        out.append(
            Rule(index, name, ttype, normalizer, normalizer_args, guards, args.get("span"), regex, needs(pattern))  # type: ignore[arg-type]
        )
    return tuple(out)


def candidates(text: str, prefilter: bool = True) -> list[Candidate]:
    """Every match of every rule in `text` (overlapping; the tagger chooses among them).

    With `prefilter`, a rule's regex only scans the parts of the text near the words it needs (none
    when one is absent): the result is the same, only cheaper (most rules cannot match most of a text).
    """
    found: list[Candidate] = []
    # Line breaks and tabs count as spaces ("almost two\ndecades"); the length, so offsets, is kept.
    text = text.translate(_BLANKS)
    pieces = TextPieces(text)
    for rule in rules():
        spans = pieces.windows(rule.needs) if prefilter else [(0, len(text))]
        for m in (m for lo, hi in spans for m in rule.regex.finditer(text, lo, hi)):
            start, end = m.span(rule.span_group) if rule.span_group else m.span()
            if end <= start:
                continue
            # "ord__2" is a second spelling of group "ord" (Python forbids reusing a group name).
            groups = {k.split("__")[0]: v for k, v in m.groupdict().items() if v is not None}
            found.append(Candidate(start, end, rule, groups, m.end() - m.start()))
    return found


def best_non_overlapping(found: list[Candidate]) -> list[Candidate]:
    """Greedy choice: longest candidates first (ties: the rule listed first), no overlaps, sorted."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (-c.weight, c.rule.index, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)
