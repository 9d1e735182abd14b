"""Reads events with their articles page by page (keyset pagination), so an export of any size holds one
page in memory at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from service.schemas import ArticleRef
from service.store import articles as article_store
from service.store import events as event_store

PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class ExportEntry:
    """One event (its public JSON, as `EventPublic` dumps it) and the article it was read from."""

    event: dict[str, Any]
    article: ArticleRef


def entry_page(
    *, session: Session, filters: event_store.EventFilter, limit: int, cursor: str | None
) -> tuple[list[ExportEntry], str | None]:
    rows, next_cursor = event_store.list_events(session=session, filters=filters, limit=limit, cursor=cursor)
    articles = event_store.articles_by_id(session=session, ids={r.article_id for r in rows})
    refs: dict[int, ArticleRef] = {}
    for article_id, article in articles.items():
        published = article_store.as_utc(article.published_at)
        refs[article_id] = ArticleRef(id=article.id, headline=article.headline, source=article.source,
                                      url=article.url, published_at=published)
    # The stored payload is EventPublic without the ids, so this is the same JSON the API answers.
    entries = [ExportEntry({"id": r.id, "article_id": r.article_id, **r.payload}, refs[r.article_id]) for r in rows]
    return entries, next_cursor


def entry_pages(
    *, sessions: sessionmaker[Session], filters: event_store.EventFilter, cursor: str | None = None,
    max_events: int | None = None, page_size: int = PAGE_SIZE,
) -> Iterator[list[ExportEntry]]:
    """Every matching event from `cursor` on (at most `max_events`), a page at a time."""
    remaining = max_events
    with sessions() as session:
        while remaining is None or remaining > 0:
            size = page_size if remaining is None else min(page_size, remaining)
            entries, cursor = entry_page(session=session, filters=filters, limit=size, cursor=cursor)
            session.expunge_all()  # the identity map would otherwise keep every row read so far
            if entries:
                yield entries
            if remaining is not None:
                remaining -= len(entries)
            if cursor is None:
                return
