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


ActorKindName = Literal["person", "organisation", "armed group", "government", "population"]


class MentionPublic(BaseModel):
    text: str
    canonical: str | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: ActorKindName | None = Field(default=None, description="For actors: what kind of actor the mention names.")
    span: TextSpan | None = None


PrecisionName = Literal["country", "admin1", "city", "unresolved"]


class LocationPublic(MentionPublic):
    """A place as written, and where the offline gazetteer puts it (all null but `precision` if it cannot)."""

    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code, e.g. AF.")
    country_name: str | None = None
    admin1: str | None = Field(default=None, description="The first-level subdivision (province, state) it lies in.")
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = Field(default=None, description="The GeoNames id (null for subdivisions).")
    precision: PrecisionName = Field(
        default="unresolved", description="What the coordinates stand for: country, admin1, city, or unresolved "
        "(no coordinates; also events stored before places were geocoded).")
    source: str | None = Field(default=None, description="The gazetteer table and how its point was chosen, e.g. "
                               "geonames-admin1:most-populous-city.")


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
    location: LocationPublic | None = None
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


class StoryRef(BaseModel):
    id: int
    sources_count: int = Field(description="How many articles tell the story")
    events_count: int


class TimelineEntry(BaseModel):
    event: EventPublic
    article: ArticleRef
    story: StoryRef | None = Field(default=None, description="With group=story: the story this entry stands for")


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


class MatchReasonPublic(BaseModel):
    field: str = Field(description="type, date, place, target, agent, quantity, kind (subtype), or split")
    score: float = Field(description="This field's weighted part of the score (negative: it speaks against)")
    detail: str


class StorySource(BaseModel):
    """One report in a story: the article, its event (evidence sentence, date reading, certainty, attribution)
    and why it was linked."""

    article: ArticleRef
    event: EventPublic
    score: float | None = Field(description="The score it joined with; null for the event that began the story")
    matched_event_id: int | None = Field(description="The member it matched best")
    reasons: list[MatchReasonPublic]


class FieldAgreementPublic(BaseModel):
    field: str
    agree: bool = Field(description="Whether every source that gives this field gives the same value")
    summary: str = Field(description="Each source's value: 'AFP: alleged; Reuters: asserted'")


class StoryAgreement(BaseModel):
    agree: list[str] = Field(description="Fields on which the sources agree")
    differ: list[str] = Field(description="Fields on which they differ")
    fields: list[FieldAgreementPublic]


class StorySummary(BaseModel):
    id: int
    type: EventTypeName
    label: str
    place: str | None
    date_start: date = Field(description="The first day any of its events may have happened on")
    date_end: date
    locked: bool = Field(description="Made by a split: no event joins it automatically")
    events_count: int
    sources_count: int = Field(description="How many articles tell it")
    created_at: datetime
    updated_at: datetime


class ActorPublic(BaseModel):
    """A canonical actor across articles, with the names it was seen under."""

    id: int
    name: str = Field(description="The canonical name: 'Ahmad Massoud', 'Taliban', 'Government of Pakistan'.")
    kind: ActorKindName
    aliases: list[str] = Field(description="Every name it was seen under, the canonical one first.")
    event_count: int
    article_count: int
    created_at: datetime
    updated_at: datetime


class StoryPublic(StorySummary):
    sources: list[StorySource]
    agreement: StoryAgreement


class StoryPage(BaseModel):
    stories: list[StorySummary]
    next_cursor: str | None = None


class StorySplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] | None = Field(
        default=None, max_length=500,
        description="The events to take out, each into a story of its own; none or null: split every event out")


class StorySplitOut(BaseModel):
    stories: list[StorySummary] = Field(description="The story split (when events remain in it) and the new ones")


class ActorDetail(ActorPublic):
    article_ids: list[int] = Field(description="The articles it appears in, oldest first (at most 1000).")


class ActorPage(BaseModel):
    actors: list[ActorPublic]
    next_cursor: str | None = None
