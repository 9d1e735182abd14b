"""The seed article scores above the bar in process too (the live-server check is test_acceptance)."""

from __future__ import annotations

import json

from service.conversions import public_event
from service.evaluation import event_scoring
from service.pipeline.pipeline import Pipeline
from service.schemas import ArticleIn
from tests.conftest import EXAMPLES


def test_seed_article_scores_at_least_095_with_its_dates_right(pipeline: Pipeline) -> None:
    gold = EXAMPLES / "panjshir" / "expected.json"
    article = ArticleIn.model_validate(json.loads((EXAMPLES / "panjshir" / "article.json").read_text()))
    events = [public_event(e).model_dump(mode="json")
              for e in pipeline.extract(article.text, article.published_date).events]
    result = event_scoring.score(gold, events)
    _, _, f1 = event_scoring.f1(result["tp"], result["fp"] + result["dup"], result["fn"])
    assert f1 >= 0.95, result["misses"] + result["extra"]
    assert result["args_ok"] / result["args_all"] >= 0.9, result["wrong"]


def test_seed_statements_by_massoud_resolve_to_ahmad_massoud_never_his_father(pipeline: Pipeline) -> None:
    article = ArticleIn.model_validate(json.loads((EXAMPLES / "panjshir" / "article.json").read_text()))
    events = pipeline.extract(article.text, article.published_date).events
    speakers = [e.speaker for e in events if e.speaker is not None and "Massoud" in e.speaker.text]
    assert len(speakers) >= 3
    assert {(s.canonical, s.kind) for s in speakers} == {("Ahmad Massoud", "person")}
