"""The database schema. Alembic migrations in `migrations/` create it; every model is defined here so
that `Base.metadata` knows them all without import side effects."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "ext:<external_id>", else "url:<url>", else "sha256:<text hash>": what makes a repost the same article.
    identity_key: Mapped[str] = mapped_column(String(600), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    headline: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    published_date: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(16), default="en")
    pipeline_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The HTML body a ninjs item came with; `text` is what it reads as, and offsets refer to `text`.
    body_html: Mapped[str | None] = mapped_column(Text, default=None)

    events: Mapped[list[Event]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True, order_by="Event.id"
    )


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_timeline", "undated", "sort_date", "id"),
        Index("ix_events_type_timeline", "type", "undated", "sort_date", "id"),
        Index("ix_events_date_end", "undated", "date_end"),
        Index("ix_events_date_start", "undated", "date_start"),
        Index("ix_events_country_timeline", "location_country", "undated", "sort_date", "id"),
        # PostgreSQL also has pg_trgm GIN indexes for the substring filters (migration 0004 only).
        # Ids are never reused (SQLite would reuse the largest after its deletion): a downstream copy that
        # learned of a deleted event id must not see that id come back as another event.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    subtype: Mapped[str | None] = mapped_column(String(40))
    certainty: Mapped[str] = mapped_column(String(12))
    confidence: Mapped[float] = mapped_column(Float)
    sentence: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    # Lower-cased agent, target, speaker and attribution texts and names, for the `actor` filter.
    actor_text: Mapped[str] = mapped_column(Text, default="")
    location_text: Mapped[str] = mapped_column(Text, default="")
    # ISO 3166-1 alpha-2 of the geocoded place, for the `country` filter; null when unresolved (migration 0007).
    location_country: Mapped[str | None] = mapped_column(String(2), default=None)
    date_value: Mapped[str | None] = mapped_column(String(40))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    # The event's first day, or for undated events their article's publication day (an upper bound).
    sort_date: Mapped[date] = mapped_column(Date)
    undated: Mapped[bool] = mapped_column(Boolean)
    # The public JSON of the event (schemas.EventPublic without id, article_id and the change fields below).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Change tracking (service/store/changes.py): the pipeline version that produced the event as it reads
    # now, and the change sequence number of the transaction that last wrote it (GET /v1/events?changed_since=).
    # The defaults serve rows written outside `service.flows.save_events` (test fixtures, bulk benchmarks);
    # the service itself always sets all four.
    pipeline_version: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True, default=0)

    article: Mapped[Article] = relationship(back_populates="events")


class EventTombstone(Base):
    """A deleted event (re-extraction no longer finds it, or its article was deleted), so a downstream copy
    following `changed_since` learns of the deletion. Kept for good: a tombstone is ~100 bytes."""

    __tablename__ = "event_tombstones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, index=True)
    article_id: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(20))
    # The pipeline version whose run removed it ("" when its article was deleted).
    pipeline_version: Mapped[str] = mapped_column(String(40))
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class ChangeSequence(Base):
    """One row: the last change sequence number given out. A writer takes the next number with an UPDATE
    that holds the row lock until its commit, so numbers become visible in the order they were given: a
    reader that saw number N has already seen every change numbered below N."""

    __tablename__ = "change_sequence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class IdempotencyRecord(Base):
    """The stored answer to a POST sent with an `Idempotency-Key` header, replayed for the same key and body."""

    __tablename__ = "idempotency_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "<method> <path> <key>": a key is scoped to the route it was sent to.
    scoped_key: Mapped[str] = mapped_column(String(400), unique=True)
    request_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ApiKey(Base):
    """An API key: only the SHA-256 of its token is stored; `prefix` lets people tell keys apart."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(10))
    prefix: Mapped[str] = mapped_column(String(16))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Job(Base):
    """The extraction of an article accepted asynchronously. The database, not the broker, is the source of
    truth: a sweeper re-enqueues jobs whose message was lost (see `service/jobs/`)."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_updated_at", "status", "updated_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    # pending | running | failed (waiting for a retry at `run_after`) | done | dead (gave up).
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The last failure as an RFC 9457 problem.
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    request_id: Mapped[str | None] = mapped_column(String(100), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Webhook(Base):
    """A subscription: new events whose type is in `event_types` (empty: every type) are pushed to `url`, signed
    with `secret` (Standard Webhooks; kept in clear because it signs, shown to the subscriber only once)."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    event_types: Mapped[list[Any]] = mapped_column(JSON, default=list)
    secret: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WebhookDelivery(Base):
    """The durable outbox: one row per (webhook, event), written in the transaction that stores the event, sent
    later by `service/webhooks/delivery.py`. `event_id` is no foreign key: the record outlives a deleted article."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(Integer)
    # The CloudEvents envelope, sent as it is.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # pending (first attempt or a retry due at next_attempt_at) | delivered | failed (4xx) | dead (gave up).
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Story(Base):
    """Events of different articles that tell one incident (`service/stories/`). The summary columns (window,
    place, label, counts) are recomputed whenever a member joins or leaves; the window is what candidate
    retrieval reads (`ix_stories_type_window`)."""

    __tablename__ = "stories"
    __table_args__ = (
        Index("ix_stories_type_window", "type", "date_start", "date_end"),
        Index("ix_stories_date_start_id", "date_start", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text, default=None)
    # The days any member may have happened on (undated members: the day before their article and that day).
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    # Made by a split: no event joins it automatically, so split events are not merged back.
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    events_count: Mapped[int] = mapped_column(Integer, default=0)
    sources_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    links: Mapped[list[StoryEvent]] = relationship(
        back_populates="story", cascade="all, delete-orphan", passive_deletes=True, order_by="StoryEvent.id"
    )


class StoryEvent(Base):
    """An event's membership of a story: the score it joined with, the reasons per field and the member it
    matched best (null for the event that started the story). An event belongs to one story at most."""

    __tablename__ = "story_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    matched_event_id: Mapped[int | None] = mapped_column(Integer, default=None)
    # The member first in timeline order: the one entry `GET /v1/timeline?group=story` shows for the story.
    lead: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    story: Mapped[Story] = relationship(back_populates="links")


class Actor(Base):
    """A canonical actor across articles: "Ahmad Massoud", "Taliban", "Government of Pakistan". `key` is the
    normalized name (`service/pipeline/actor_names.py`), unique, so concurrent posts naming one new actor make
    one row."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    # person | organisation | armed group | government | population
    kind: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True, order_by="ActorAlias.id"
    )


class ActorAlias(Base):
    """A name an actor was seen under ("Massoud", "Taliban fighters"); the canonical name is one too. One key may
    be the alias of several actors (two people called "Massoud"), once per actor."""

    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "key", name="uq_actor_aliases_actor_id_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class EventActor(Base):
    """An event's link to an actor in a role (agent, target, speaker, attribution). Goes with the event (and so
    with its article); the actor stays."""

    __tablename__ = "event_actors"
    __table_args__ = (Index("ix_event_actors_actor_id_event_id", "actor_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(12), primary_key=True)
