"""TempEval-3 style scores of system timexes against gold timexes.

Strict extent: exact offsets. Relaxed extent: any overlap, matched one-to-one. Type and value
accuracy are measured over relaxed matches; value F1 counts a relaxed match as correct only when its
value is right (value P = right-value matches / system timexes, value R = ... / gold timexes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.temporal.types import Timex


@dataclass
class Counts:
    """Additive tallies for one or more documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.type_ok + other.type_ok,
            self.value_ok + other.value_ok,
        )


@dataclass(frozen=True)
class Scores:
    """Precision/recall/F1 for strict and relaxed extents and values, and type/value accuracy."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_acc: float
    value_acc: float
    value_p: float
    value_r: float
    value_f1: float
    gold: int
    system: int


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def relaxed_matches(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one (gold, system) pairs of overlapping extents, largest overlaps paired first."""
    pairs = sorted(
        ((_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system) if _overlap(g, s) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: list[tuple[Timex, Timex]] = []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return sorted(out, key=lambda p: p[0].start)


def count(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """Tallies for one document: strict and relaxed extent matches, right types and values."""
    matches = relaxed_matches(gold, system)
    gold_spans = {(g.start, g.end) for g in gold}
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(1 for s in system if (s.start, s.end) in gold_spans),
        relaxed=len(matches),
        type_ok=sum(1 for g, s in matches if g.type == s.type),
        value_ok=sum(1 for g, s in matches if g.value == s.value),
    )


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(c: Counts) -> Scores:
    """Turn tallies into scores (0.0 where a denominator is empty)."""
    sp, sr, sf = _prf(c.strict, c.system, c.gold)
    rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
    vp, vr, vf = _prf(c.value_ok, c.system, c.gold)
    return Scores(
        strict_p=sp,
        strict_r=sr,
        strict_f1=sf,
        relaxed_p=rp,
        relaxed_r=rr,
        relaxed_f1=rf,
        type_acc=c.type_ok / c.relaxed if c.relaxed else 0.0,
        value_acc=c.value_ok / c.relaxed if c.relaxed else 0.0,
        value_p=vp,
        value_r=vr,
        value_f1=vf,
        gold=c.gold,
        system=c.system,
    )
