"""`since` pages: events starting on or after the bound and events lasting into it, in timeline order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.store.db import make_engine, make_session_factory
from service.store.events import EventFilter, list_events
from service.store.models import Article, Event


def _article(session: Session) -> Article:
    article = Article(
        identity_key="k", text="t", text_sha256="0" * 64, published_at=datetime(2024, 6, 1, tzinfo=UTC),
        published_date=date(2024, 6, 1), language="en", pipeline_version="v", created_at=datetime.now(UTC),
    )
    session.add(article)
    session.flush()
    return article


def _event(article: Article, start: date, end: date) -> Event:
    return Event(article=article, type="statement", certainty="asserted", confidence=0.5, sentence="s",
                 actor_text="", location_text="", date_value=start.isoformat(), date_start=start, date_end=end,
                 sort_date=start, undated=False, payload={})


def test_since_pages_match_a_plain_filter_and_include_long_intervals(clean_database: str) -> None:
    engine = make_engine(clean_database)
    sessions = make_session_factory(engine)
    since = date(2024, 3, 10)
    with sessions() as session, session.begin():
        article = _article(session)
        for offset in range(-40, 40):
            day = since + timedelta(days=offset)
            session.add(_event(article, day, day))
        session.add(_event(article, date(2024, 3, 1), date(2024, 3, 31)))  # a month lasting into `since`
        session.add(_event(article, date(2024, 1, 1), date(2024, 12, 31)))  # a year
        session.add(_event(article, date(2023, 1, 1), date(2023, 12, 31)))  # over before `since`
    with sessions() as session:
        expected = sorted(
            (e for e in session.scalars(select(Event)) if e.date_end >= since), key=lambda e: (e.sort_date, e.id)
        )
        seen: list[int] = []
        cursor = None
        while True:
            rows, cursor = list_events(session=session, filters=EventFilter(since=since), limit=7, cursor=cursor)
            seen.extend(e.id for e in rows)
            if cursor is None:
                break
    engine.dispose()
    assert seen == [e.id for e in expected]
    assert len(seen) == 40 + 2
