"""Tuning aid: scores the tagger on two fixed halves of the TimeBank tune part, and rule precision.

Run: python -m service.evaluation.temporal_split [--dump FILE] [--rules] [--errors tune] [--heldout-totals]
Half A (even positions of the sorted tune document names) is the one whose errors may be studied;
half B (odd positions) only checks that a change generalizes. `--dump` covers half A only;
`--rules` lists per-rule precision over the whole tune part (totals only, no examples). Parses are
cached under var/cache/temporal_parses so that repeated runs only pay for the tagger.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from service.evaluation import temporal_report as report
from service.evaluation.temporal_scores import relaxed_matches
from service.evaluation.timeml import TimeMLDoc

CACHE_DIR = report.PROJECT_ROOT / "var" / "cache" / "temporal_parses"


def halves(tune: Sequence[TimeMLDoc]) -> tuple[list[TimeMLDoc], list[TimeMLDoc]]:
    """(half A, half B): even and odd positions of the tune documents sorted by name."""
    ordered = sorted(tune, key=lambda d: d.name)
    return ordered[0::2], ordered[1::2]


def parse_cached(docs: Sequence[TimeMLDoc]) -> list[object]:
    """spaCy parses of `docs`, read from (or written to) a DocBin cache keyed by the texts."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(report.MODEL)
    key = hashlib.sha1("\x00".join(d.text for d in docs).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"{report.MODEL}-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe(d.text for d in docs))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return list(parsed)


def rule_precision(docs: Sequence[TimeMLDoc], preds: report.Predictions) -> str:
    """Per rule: timexes output, relaxed matches and right values, lowest precision first."""
    out_n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for d in docs:
        system = preds.get(d.name, [])
        for s in system:
            out_n[s.rule] += 1
        for g, s in relaxed_matches(d.gold, system):
            hit[s.rule] += 1
            right[s.rule] += g.value == s.value
    rows = sorted(out_n, key=lambda r: (hit[r] / out_n[r], -out_n[r]))
    lines = [f"{'rule':<22}{'out':>5}{'match':>6}{'value':>6}{'P':>7}"]
    lines += [f"{r:<22}{out_n[r]:>5}{hit[r]:>6}{right[r]:>6}{hit[r] / out_n[r]:>7.2f}" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print half A / half B (and optionally held-out) rows; exit code 0."""
    from service.pipeline.temporal import find_timexes

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timebank", help="directory of TimeBank .tml files")
    parser.add_argument("--dump", help="write half-A misses/false positives/wrong values here")
    parser.add_argument("--rules", action="store_true", help="per-rule precision over the tune part")
    parser.add_argument("--drop", default="", help="comma-separated rules whose timexes are left out (what-if)")
    parser.add_argument("--errors", choices=["tune"], help="per-class error counts (tune part only)")
    parser.add_argument("--heldout-totals", action="store_true", help="also print the held-out totals row")
    args = parser.parse_args(argv)
    directory = report.timebank_dir(args.timebank)
    tune, heldout = report.load_split(directory)
    half_a, half_b = halves(tune)
    docs = list(tune) + (list(heldout) if args.heldout_totals else [])
    parsed = parse_cached(docs)
    t0 = time.perf_counter()
    preds = {d.name: find_timexes(p, d.dct) for d, p in zip(docs, parsed, strict=True)}  # type: ignore[arg-type]
    tag_s = time.perf_counter() - t0
    dropped = set(filter(None, args.drop.split(",")))
    preds = {name: [t for t in ts if t.rule not in dropped] for name, ts in preds.items()}
    parts = [("half A", half_a), ("half B", half_b), ("tune", tune)]
    if args.heldout_totals:
        parts.append(("heldout", heldout))
    print(report.format_rows([("eventline", part, report.total(ds, preds)) for part, ds in parts]))
    print(f"tagger {tag_s:.2f}s")
    if args.rules:
        print(rule_precision(tune, preds))
    if args.errors:
        from service.evaluation.temporal_errors import format_error_classes

        print(format_error_classes(tune, preds, n=40))
    if args.dump:
        report.dump(Path(args.dump), half_a, preds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
