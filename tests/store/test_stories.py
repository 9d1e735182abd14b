"""Story linking in the store on SQLite and PostgreSQL: an event matching two stored stories merges them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.flows import save_events
from service.schemas import ArticleIn, EventPublic
from service.store import articles as article_store
from service.store.models import Story


def event(sentence: str, target: str, location: str | None, agent: str | None, subtype: str) -> EventPublic:
    fields: dict[str, Any] = {
        "type": "desecration", "subtype": subtype, "trigger": "destroyed", "trigger_span": {"start": 0, "end": 1},
        "sentence": sentence, "span": {"start": 0, "end": len(sentence)}, "certainty": "asserted",
        "codes": {}, "confidence": 0.9, "target": {"text": target},
        "date": {"text": "on Thursday", "value": "2024-03-07", "precision": "day", "anchor": None, "rule": "test"},
        "location": {"text": location} if location else None, "agent": {"text": agent} if agent else None,
    }
    return EventPublic.model_validate(fields)


def store(session: Any, url: str, one: EventPublic) -> None:
    article = ArticleIn(text=one.sentence, published_at=datetime(2024, 3, 8, tzinfo=UTC), url=url)
    row = article_store.add_article(session=session, article=article, pipeline_version="test")
    save_events(session=session, article=row, events=[one], pipeline_version="test", rows=[])


def test_an_event_bridging_two_stories_merges_them(sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():
        store(session, "https://a.test/", event("The shrine of Jonah was bombed in Mosul.", "the shrine of Jonah",
                                                "Mosul", None, "bombed"))
        store(session, "https://b.test/", event("Militants destroyed the mosque of Younis.", "the mosque of Younis",
                                                None, "militants", "destroyed"))
        assert session.scalar(select(func.count()).select_from(Story)) == 2
        store(session, "https://c.test/", event("Militants bombed the shrine and mosque of Jonah in Mosul.",
                                                "the shrine and mosque of Jonah", "Mosul", "militants", "bombed"))
        stories = list(session.scalars(select(Story)))
    assert [(s.events_count, s.sources_count) for s in stories] == [(3, 3)]
