"""Articles: stored once per identity, with their events, in one transaction."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from service.errors import NotFound
from service.schemas import ArticleIn, ArticlePublic, EventPublic
from service.store import event_writes
from service.store.models import Article, Event
from service.store.stories import forget_article


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identity_key(article: ArticleIn) -> str:
    """What makes a repost the same article: its external id, else its URL, else its text."""
    return identity_key_of(external_id=article.external_id, url=article.url, text=article.text)


def identity_key_of(*, external_id: str | None, url: str | None, text: str) -> str:
    """`identity_key` from the three fields (also read straight from a raw record, before validation)."""
    if external_id:
        return f"ext:{external_id}"
    if url:
        # The key column holds 600 characters: longer URLs are known by their hash.
        return f"url:{url}" if len(url) <= 590 else f"url-sha256:{text_sha256(url)}"
    return f"sha256:{text_sha256(text)}"


def find_by_identity(*, session: Session, key: str) -> Article | None:
    return session.scalars(select(Article).where(Article.identity_key == key)).first()


def find_by_identities(*, session: Session, keys: list[str]) -> list[Article]:
    """The stored articles of these identity keys (one query)."""
    if not keys:
        return []
    return list(session.scalars(select(Article).where(Article.identity_key.in_(set(keys)))))


def claim_version(*, session: Session, article_id: int, expected: str, version: str) -> Article | None:
    """Stamps the article with `version` if it still carries `expected` (a compare-and-set, so of two runs
    over one article only one writes its events); the article when this transaction did, else None."""
    stamped = session.execute(
        update(Article).where(Article.id == article_id, Article.pipeline_version == expected)
        .values(pipeline_version=version)
    )
    if getattr(stamped, "rowcount", 0) != 1:
        return None
    return session.get(Article, article_id)


def _outdated(version: str, pending: str, stored_since: datetime | None) -> list[ColumnElement[bool]]:
    conditions = [Article.pipeline_version != version, Article.pipeline_version != pending]
    if stored_since is not None:
        conditions.append(Article.created_at >= stored_since)
    return conditions


def count_outdated(*, session: Session, version: str, pending: str, stored_since: datetime | None) -> int:
    """Articles whose events another pipeline version produced (not `pending` ones: their job will run)."""
    query = select(func.count()).select_from(Article).where(*_outdated(version, pending, stored_since))
    return int(session.scalar(query) or 0)


def outdated_articles(*, session: Session, version: str, pending: str, stored_since: datetime | None,
                      after_id: int, limit: int) -> list[Article]:
    """The next `limit` such articles after id `after_id`, in id order."""
    query = (select(Article).where(*_outdated(version, pending, stored_since), Article.id > after_id)
             .order_by(Article.id).limit(limit))
    return list(session.scalars(query))


def stored_identity_keys(*, session: Session, keys: list[str]) -> set[str]:
    """Which of these identity keys are stored already (one query per call)."""
    if not keys:
        return set()
    return set(session.scalars(select(Article.identity_key).where(Article.identity_key.in_(keys))))


def get_article(*, session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def add_article(
    *, session: Session, article: ArticleIn, pipeline_version: str, body_html: str | None = None,
) -> Article:
    """Adds an article to the session (flushed: it has an id). Its events are written by
    `service.flows.save_events`, in the same transaction (the caller commits, so both land or neither)."""
    row = Article(
        identity_key=identity_key(article),
        external_id=article.external_id,
        url=article.url,
        headline=article.headline or article.text.split("\n", 1)[0][:2000],
        text=article.text,
        text_sha256=text_sha256(article.text),
        published_at=article.published_at.astimezone(UTC),
        published_date=article.published_date,
        source=article.source,
        language=article.language,
        pipeline_version=pipeline_version,
        created_at=datetime.now(UTC),
        body_html=body_html,
    )
    session.add(row)
    session.flush()
    return row


def delete_article(*, session: Session, article_id: int) -> None:
    """Deletes the article and its events; each event leaves a tombstone for downstream copies."""
    # The article's row first, as a re-extraction takes it: two writers lock in one order, never a deadlock.
    if session.scalars(select(Article.id).where(Article.id == article_id).with_for_update()).first() is None:
        raise NotFound(f"no article with id {article_id}")
    forget_article(session=session, article_id=article_id)  # out of their stories first (emptied ones go)
    event_writes.delete_events(session=session, article_id=article_id, now=datetime.now(UTC))
    session.execute(delete(Article).where(Article.id == article_id))


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored as UTC, and the API always answers offsets."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def public_article(article: Article) -> ArticlePublic:
    return ArticlePublic(
        id=article.id, external_id=article.external_id, url=article.url, headline=article.headline,
        source=article.source, language=article.language, published_at=as_utc(article.published_at),
        text=article.text, text_sha256=article.text_sha256, pipeline_version=article.pipeline_version,
        created_at=as_utc(article.created_at),
        body_html=article.body_html,
    )


def public_event_row(event: Event) -> EventPublic:
    return EventPublic.model_validate({
        **event.payload, "id": event.id, "article_id": event.article_id, "pipeline_version": event.pipeline_version,
        "created_at": as_utc(event.created_at), "updated_at": as_utc(event.updated_at),
        "change_seq": event.change_seq,
    })


def article_events(*, session: Session, article_id: int) -> list[EventPublic]:
    rows = session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.id))
    return [public_event_row(row) for row in rows]
