"""Assembles a timeline: events in chronological order, grouped by day, undated ones last."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from service.schemas import ArticleRef, EventPage, Timeline, TimelineDay, TimelineEntry
from service.store import articles as article_store
from service.store import events as event_store


def event_page(*, session: Session, filters: event_store.EventFilter, limit: int, cursor: str | None) -> EventPage:
    rows, next_cursor = event_store.list_events(session=session, filters=filters, limit=limit, cursor=cursor)
    return EventPage(events=[article_store.public_event_row(r) for r in rows], next_cursor=next_cursor)


def timeline(*, session: Session, filters: event_store.EventFilter, limit: int, cursor: str | None) -> Timeline:
    """One page of the timeline. Dated events are grouped on their first day; undated events form one
    last group per article day, bounded above by the day their article was published."""
    rows, next_cursor = event_store.list_events(session=session, filters=filters, limit=limit, cursor=cursor)
    articles = event_store.articles_by_id(session=session, ids={r.article_id for r in rows})
    days: list[TimelineDay] = []
    for row in rows:
        article = articles[row.article_id]
        published = article_store.as_utc(article.published_at)
        entry = TimelineEntry(
            event=article_store.public_event_row(row),
            article=ArticleRef(id=article.id, headline=article.headline, source=article.source, url=article.url,
                               published_at=published),
        )
        bound: Literal["exact", "upper"] = "upper" if row.undated else "exact"
        if days and days[-1].date == row.sort_date and days[-1].bound == bound:
            days[-1].entries.append(entry)
        else:
            days.append(TimelineDay(date=row.sort_date, bound=bound, entries=[entry]))
    return Timeline(days=days, next_cursor=next_cursor)
