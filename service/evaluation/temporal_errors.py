"""Per-class tallies of the tagger's errors on the TimeBank tune part (never the held-out part).

A class is the lower-cased text with digits folded to '9' (so "1989" and "1990" are one class):
false positives are grouped by (rule, class), misses by (gold type, class), extent errors by the
(gold, ours) text pair. The biggest classes come first, so that rules are fixed where they count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from service.evaluation.temporal_scores import relaxed_matches
from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex

_DIGITS = re.compile(r"\d")


def text_class(text: str) -> str:
    """The class of a timex text: lower-cased, whitespace squeezed, every digit a '9'."""
    return _DIGITS.sub("9", " ".join(text.lower().split()))


def error_classes(docs: Sequence[TimeMLDoc], preds: dict[str, list[Timex]]) -> tuple[Counter[str], ...]:
    """(false positives, misses, extent errors, value errors) tallied by class over `docs`."""
    fps: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    extents: Counter[str] = Counter()
    values: Counter[str] = Counter()
    for d in docs:
        system = preds.get(d.name, [])
        matches = relaxed_matches(d.gold, system)
        matched = {id(t) for pair in matches for t in pair}
        fps.update(f"{s.rule}: {text_class(s.text)}" for s in system if id(s) not in matched)
        misses.update(f"{g.type}: {text_class(g.text)}" for g in d.gold if id(g) not in matched)
        for g, s in matches:
            if (g.start, g.end) != (s.start, s.end):
                extents[f"{text_class(g.text)!r} / {text_class(s.text)!r}"] += 1
            if g.value != s.value:
                values[f"{s.rule}: {text_class(g.text)} gold {_DIGITS.sub('9', g.value)}"] += 1
    return fps, misses, extents, values


def format_error_classes(docs: Sequence[TimeMLDoc], preds: dict[str, list[Timex]], n: int = 25) -> str:
    """The n biggest classes of each kind of error, with their counts."""
    titles = ("false positives (rule: text)", "misses (gold type: text)", "extent errors", "value errors")
    out: list[str] = []
    for title, tally in zip(titles, error_classes(docs, preds), strict=True):
        out.append(f"{title}: {sum(tally.values())}")
        out += [f"  {k:>3}  {cls}" for cls, k in tally.most_common(n)]
    return "\n".join(out)
