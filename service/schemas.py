"""The public JSON contract: what clients send and what Eventline answers."""

from __future__ import annotations

import datetime as dt
import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

# Characters no database column can hold: NUL (PostgreSQL text refuses it) and lone UTF-16 surrogates
# (JSON's "\ud800" escapes; they cannot be encoded as UTF-8).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Row ids are 32-bit integers in the database; larger ids cannot name a row.
MAX_ID = 2**31 - 1


def storable(value: str, name: str) -> str:
    """`value`, or ValueError when it holds a character that cannot be stored."""
    if _UNSTORABLE.search(value):
        raise ValueError(f"{name} must not contain NUL characters or lone surrogates")
    return value


EventTypeName = Literal["desecration", "displacement", "statement"]
CertaintyName = Literal["asserted", "reported", "alleged", "denied", "hedged"]


class DatedText(BaseModel):
    """Text with the publication date its relative dates are resolved against."""

    model_config = ConfigDict(extra="ignore")

    text: Annotated[str, Field(description="Plain text; the first line is the headline.")]
    published_at: Annotated[
        datetime,
        Field(description="ISO 8601 date or date-time, with or without offset (naive means UTC). Relative "
              "dates in the text ('Thursday') are resolved against it."),
    ]

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text must not be empty")
        return storable(text, "text")

    @field_validator("published_at", mode="before")
    @classmethod
    def _date_or_datetime(cls, value: object) -> object:
        if isinstance(value, str) and len(value.strip()) == 10:
            return datetime.combine(date.fromisoformat(value.strip()), time(0, 0), tzinfo=UTC)
        return value

    @field_validator("published_at")
    @classmethod
    def _naive_is_utc(cls, value: datetime) -> datetime:
        value = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        try:
            value.astimezone(UTC)  # stored in UTC: 0001-01-01T00:00+05:00 has no UTC instant
        except OverflowError as error:
            raise ValueError("published_at falls outside years 1-9999 once converted to UTC") from error
        return value

    @property
    def published_date(self) -> date:
        """The publication day as the newsroom dated it (in the offset it gave)."""
        return self.published_at.date()


class ArticleIn(DatedText):
    """An article to extract events from."""

    headline: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    external_id: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=300)
    language: str = Field(default="en", max_length=16)

    @field_validator("language")
    @classmethod
    def _english_only(cls, language: str) -> str:
        if not language.lower().startswith("en"):
            raise ValueError("only English ('en') articles are supported")
        return language

    @field_validator("headline", "url", "external_id", "source")
    @classmethod
    def _storable(cls, value: str | None, info: ValidationInfo) -> str | None:
        return value if value is None else storable(value, info.field_name or "the field")


class TemporalIn(DatedText):
    """Text to tag for temporal expressions."""


class TextSpan(BaseModel):
    start: int
    end: int


class MentionPublic(BaseModel):
    text: str
    canonical: str | None = None
    aliases: list[str] = Field(default_factory=list)
    span: TextSpan | None = None


class QuantityPublic(BaseModel):
    text: str
    min: int | None
    max: int | None


class EventDatePublic(BaseModel):
    text: str
    value: str = Field(description="TIMEX3 value: 2021-09-09, 2021-09, 2021-W36, 2021 ...")
    precision: str | None
    anchor: str | None = Field(description="The date the expression was resolved against, if relative.")
    rule: str = Field(description="The rule that resolved it.")
    span: TextSpan | None = None


class Codes(BaseModel):
    cameo: str | None = None
    acled: str | None = None


class EventPublic(BaseModel):
    id: int | None = Field(default=None, description="Null in /v1/extract answers (nothing stored).")
    article_id: int | None = None
    type: EventTypeName
    subtype: str | None
    trigger: str
    trigger_span: TextSpan
    sentence: str = Field(description="The evidence: the sentence(s) the event was read from.")
    span: TextSpan = Field(description="Character offsets of the evidence in the article text.")
    agent: MentionPublic | None = None
    target: MentionPublic | None = None
    location: MentionPublic | None = None
    attribution: MentionPublic | None = None
    quantity: QuantityPublic | None = None
    date: EventDatePublic | None = None
    certainty: CertaintyName
    speaker: MentionPublic | None = None
    quote: str | None = None
    cue: str | None = None
    codes: Codes
    confidence: float = Field(ge=0, le=1)
    mentions: int = Field(default=1, description="How many times the article tells this event.")
    explanation: list[str] = Field(default_factory=list)
    pipeline_version: str | None = Field(
        default=None, description="The pipeline version that produced the event as it reads now (null in "
        "/v1/extract answers); a re-extraction that finds it unchanged keeps it.")
    created_at: datetime | None = None
    updated_at: datetime | None = None
    change_seq: int | None = Field(
        default=None, description="Change sequence number of the last write of this event: "
        "GET /v1/events?changed_since=<n> answers the events changed after n.")


class ArticlePublic(BaseModel):
    id: int | None
    external_id: str | None
    url: str | None
    headline: str | None
    source: str | None
    language: str
    published_at: datetime
    text: str
    text_sha256: str
    pipeline_version: str
    created_at: datetime | None
    body_html: str | None = Field(default=None, description="The HTML body of a ninjs item, kept beside `text`.")


class ArticleWithEvents(BaseModel):
    article: ArticlePublic
    events: list[EventPublic]


class CandidatePublic(BaseModel):
    trigger: str
    span: TextSpan
    type: EventTypeName
    kept: bool
    reason: str


class SentenceExplanation(BaseModel):
    index: int
    span: TextSpan
    text: str
    candidates: list[CandidatePublic]


class ExtractionOut(ArticleWithEvents):
    explanation: list[SentenceExplanation] | None = Field(
        default=None, description="With ?explain=true: per sentence, the triggers considered and why."
    )


class DeletedEventPublic(BaseModel):
    """A tombstone: an event re-extraction no longer finds, or of a deleted article."""

    id: int
    article_id: int
    type: EventTypeName
    pipeline_version: str = Field(description="The pipeline version whose run removed it ('' for a deleted article).")
    deleted_at: datetime
    change_seq: int


class EventPage(BaseModel):
    events: list[EventPublic]
    next_cursor: str | None = None
    deleted: list[DeletedEventPublic] | None = Field(
        default=None, description="With changed_since and include_deleted=true: events deleted after it.")
    changes_through: int | None = Field(
        default=None, description="With changed_since: the change sequence number this answer is complete "
        "through; ask next with changed_since=<it> (more may follow at once when the page is full).")


class TimelineEntry(BaseModel):
    event: EventPublic
    article: ArticleRef


class ArticleRef(BaseModel):
    id: int
    headline: str | None
    source: str | None
    url: str | None
    published_at: datetime


class TimelineDay(BaseModel):
    date: dt.date | None = Field(description="The day; null for the group of undated events.")
    bound: Literal["exact", "upper"] = Field(
        description="'upper': undated events, known only to precede their article's publication."
    )
    entries: list[TimelineEntry]


class Timeline(BaseModel):
    days: list[TimelineDay]
    next_cursor: str | None = None


class TimexPublic(BaseModel):
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    precision: str | None
    rule: str
    anchor: str | None


class TemporalOut(BaseModel):
    timexes: list[TimexPublic]


TimelineEntry.model_rebuild()


JobStatus = Literal["pending", "running", "failed", "done", "dead"]


class JobPublic(BaseModel):
    """The extraction of an article accepted with `Prefer: respond-async`."""

    id: int
    article_id: int
    status: JobStatus = Field(description="pending, running, failed (a retry is scheduled), done, dead (gave up).")
    attempts: int
    error: dict[str, object] | None = Field(default=None, description="The last failure, as problem+json.")
    request_id: str | None = None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None
    article_url: str = Field(description="Where the article and, once done, its events are read.")
