"""Articles: stored once per identity, with their events, in one transaction."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.errors import NotFound
from service.pipeline.temporal import value_interval
from service.schemas import ArticleIn, ArticlePublic, EventPublic
from service.store.models import Article, Event
from service.store.stories import forget_article


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identity_key(article: ArticleIn) -> str:
    """What makes a repost the same article: its external id, else its URL, else its text."""
    if article.external_id:
        return f"ext:{article.external_id}"
    if article.url:
        # The key column holds 600 characters: longer URLs are known by their hash.
        return f"url:{article.url}" if len(article.url) <= 590 else f"url-sha256:{text_sha256(article.url)}"
    return f"sha256:{text_sha256(article.text)}"


def find_by_identity(*, session: Session, key: str) -> Article | None:
    return session.scalars(select(Article).where(Article.identity_key == key)).first()


def get_article(*, session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def _actor_text(event: EventPublic) -> str:
    names: list[str] = []
    for mention in (event.agent, event.target, event.speaker, event.attribution):
        if mention is not None:
            names.extend([mention.text, mention.canonical or "", *mention.aliases])
    return " | ".join(n.lower() for n in names if n)


def _location_text(event: EventPublic) -> str:
    if event.location is None:
        return ""
    return " | ".join(n.lower() for n in (event.location.text, event.location.canonical) if n)


def event_row(event: EventPublic, article: Article) -> Event:
    """A database row for a public event of a (new) article."""
    interval = value_interval(event.date.value) if event.date else None
    payload = event.model_dump(mode="json", exclude={"id", "article_id"})
    return Event(
        article=article,
        type=event.type,
        subtype=event.subtype,
        certainty=event.certainty,
        confidence=event.confidence,
        sentence=event.sentence,
        quote=event.quote,
        actor_text=_actor_text(event),
        location_text=_location_text(event),
        location_country=event.location.country if event.location else None,
        date_value=event.date.value if event.date else None,
        date_start=interval[0] if interval else None,
        date_end=interval[1] if interval else None,
        sort_date=interval[0] if interval else article.published_date,
        undated=interval is None,
        payload=payload,
    )


def add_article(
    *, session: Session, article: ArticleIn, events: list[EventPublic], pipeline_version: str,
    body_html: str | None = None,
) -> Article:
    """Adds an article and its events to the session (the caller commits, so both land or neither)."""
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
    for event in events:
        session.add(event_row(event, row))
    session.flush()
    return row


def delete_article(*, session: Session, article_id: int) -> None:
    get_article(session=session, article_id=article_id)
    forget_article(session=session, article_id=article_id)  # out of their stories first (emptied ones go)
    session.execute(delete(Event).where(Event.article_id == article_id))
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
    return EventPublic.model_validate({**event.payload, "id": event.id, "article_id": event.article_id})


def article_events(*, session: Session, article_id: int) -> list[EventPublic]:
    rows = session.scalars(select(Event).where(Event.article_id == article_id).order_by(Event.id))
    return [public_event_row(row) for row in rows]
