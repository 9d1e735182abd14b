"""The story merge evaluation on tests/stories: the set is what the issue asks for, its gold is consistent, and
the pairwise figures do not fall below what was reached (a ratchet)."""

from __future__ import annotations

import json

from service.evaluation.stories_report import DEFAULT_SET, labelled_events, load_set, pairwise
from service.pipeline.pipeline import Pipeline

# Reached on the whole set (`make eval`); raise these when the matching improves.
FLOOR = {"P": 0.95, "R": 0.87}


def test_set_has_eight_incidents_told_by_two_to_five_different_outlets() -> None:
    gold, articles = load_set(DEFAULT_SET)
    by_incident: dict[str, set[str]] = {}
    for slug, entry in gold["articles"].items():
        by_incident.setdefault(entry["incident"], set()).add(articles[slug]["source"])
    reported = {i: outlets for i, outlets in by_incident.items() if len(outlets) >= 2}
    assert len(reported) >= 8
    assert all(len(outlets) <= 5 for outlets in reported.values())


def test_every_mention_is_in_its_article_and_names_a_known_incident() -> None:
    gold, articles = load_set(DEFAULT_SET)
    for slug, entry in gold["articles"].items():
        assert entry["incident"] in gold["incidents"]
        for mention in entry["mentions"]:
            assert mention["match"].casefold() in articles[slug]["text"].casefold(), (slug, mention["match"])
            assert mention["incident"] in gold["incidents"]


def test_every_article_names_its_source_url_and_date() -> None:
    for slug in json.loads((DEFAULT_SET / "incidents.json").read_text())["articles"]:
        article = json.loads((DEFAULT_SET / slug / "article.json").read_text())
        assert article["url"].startswith("http") and article["source"]
        assert len(str(article["published_at"])) >= 10


def test_pairwise_merge_figures_do_not_regress(pipeline: Pipeline) -> None:
    reached = pairwise(labelled_events(pipeline, DEFAULT_SET))
    for name, floor in FLOOR.items():
        assert reached[name] >= floor, f"stories pairwise {name} fell to {reached[name]:.3f} (floor {floor})"
