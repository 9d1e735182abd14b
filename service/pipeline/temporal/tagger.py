"""The temporal tagger: finds temporal expressions in a parsed text and normalizes them to TIMEX3.

Pipeline: every rule of `rules.tsv` proposes extents (`patterns.py`); guards on the parse drop false
positives (`guards.py`); the longest non-overlapping candidates are kept; then, in text order, each
is normalized (`normalize*.py`) against the publication date and the narrative anchor
(`anchoring.py`), and becomes the anchor for what follows.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Doc

from service.pipeline.paragraphs import text_of
from service.pipeline.temporal import holidays, normalize_periods, normalize_spans  # noqa: F401  (register normalizers)
from service.pipeline.temporal.anchoring import Context
from service.pipeline.temporal.guards import passes
from service.pipeline.temporal.normalize import NORMALIZERS, Norm
from service.pipeline.temporal.patterns import Candidate, best_non_overlapping, candidates
from service.pipeline.temporal.types import Timex, TimexType


def _normalize(cand: Candidate, ctx: Context) -> Norm | None:
    ctx.start, ctx.end = cand.start, cand.end
    return NORMALIZERS[cand.rule.normalizer](cand.groups, ctx, cand.rule.args)


def find_timexes(doc: Doc, dct: date | datetime) -> list[Timex]:
    """Temporal expressions of `doc` with TIMEX3 values, sorted and non-overlapping.

    Reads `doc.text` (offsets are character offsets into it), the tokens' tags and dependency heads
    (for tense and false-positive guards) and `dct`, the publication date relative expressions are
    resolved against.
    """
    day = dct.date() if isinstance(dct, datetime) else dct
    text = text_of(doc)
    ctx = Context(doc=doc, dct=day)
    # Drop candidates the parse or the normalizer rejects before choosing among overlaps, so that a
    # rejected long match ("May 2" where "May" is a modal) does not hide a valid shorter one.
    viable = [
        c
        for c in candidates(text)
        if passes(c.rule.guards, doc, c.start, c.end) and _normalize(c, ctx) is not None
    ]
    out: list[Timex] = []
    for cand in best_non_overlapping(viable):
        norm = _normalize(cand, ctx)
        if norm is None:
            continue
        ttype: TimexType = norm.type or cand.rule.type  # type: ignore[assignment]
        out.append(
            Timex(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                type=ttype,
                value=norm.value,
                precision=norm.precision,
                rule=cand.rule.name,
                anchor=norm.anchor,
            )
        )
        if ttype == "DURATION" and text[cand.start : cand.end].lower().startswith("the "):
            ctx.remember_period(norm.value, cand.start)
        fiscal = "fiscal" in text[cand.start : cand.end].lower()
        ctx.remember(norm.value, norm.precision, cand.start, norm.anchor, fiscal=fiscal)
    return out
