"""Stories as the API answers them: a page of summaries, one story with its sources and how they agree, and the
timeline with one entry per story."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from service.schemas import (
    ArticleRef,
    FieldAgreementPublic,
    MatchReasonPublic,
    StoryAgreement,
    StoryPage,
    StoryPublic,
    StoryRef,
    StorySource,
    StorySummary,
    Timeline,
)
from service.store import articles as article_store
from service.store import events as event_store
from service.store import stories as story_store
from service.store.models import Article, Story
from service.stories.agreement import SourceReading, agreement
from service.timelines import timeline


def story_summary(story: Story) -> StorySummary:
    return StorySummary(
        id=story.id, type=story.type, label=story.label, place=story.place,  # type: ignore[arg-type]
        date_start=story.date_start, date_end=story.date_end, locked=story.locked,
        events_count=story.events_count, sources_count=story.sources_count,
        created_at=article_store.as_utc(story.created_at), updated_at=article_store.as_utc(story.updated_at),
    )


def _source_name(article: Article) -> str:
    return article.source or f"article {article.id}"


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(id=article.id, headline=article.headline, source=article.source, url=article.url,
                      published_at=article_store.as_utc(article.published_at))


def story_detail(*, session: Session, story_id: int) -> StoryPublic:
    story = story_store.get_story(session=session, story_id=story_id)
    members = story_store.story_members(session=session, story_id=story_id)
    sources = [
        StorySource(article=article_ref(article), event=article_store.public_event_row(event), score=link.score,
                    matched_event_id=link.matched_event_id,
                    reasons=[MatchReasonPublic.model_validate(r) for r in link.reasons])
        for link, event, article in members
    ]
    fields = agreement([SourceReading(a.id, _source_name(a), e.payload) for _, e, a in members])
    return StoryPublic(
        **story_summary(story).model_dump(), sources=sources,
        agreement=StoryAgreement(
            agree=[f.field for f in fields if f.agree], differ=[f.field for f in fields if not f.agree],
            fields=[FieldAgreementPublic(field=f.field, agree=f.agree, summary=f.summary) for f in fields]),
    )


def story_page(*, session: Session, event_type: str | None, since: date | None, until: date | None, limit: int,
               cursor: str | None) -> StoryPage:
    rows, next_cursor = story_store.list_stories(session=session, event_type=event_type, since=since,
                                                 until=until, limit=limit, cursor=cursor)
    return StoryPage(stories=[story_summary(s) for s in rows], next_cursor=next_cursor)


def with_story_refs(*, session: Session, timeline: Timeline) -> Timeline:
    """The timeline's entries, each marked with the story it stands for (entries outside stories unmarked)."""
    ids = {entry.event.id for day in timeline.days for entry in day.entries if entry.event.id is not None}
    stories = story_store.story_of_events(session=session, event_ids=ids)
    for day in timeline.days:
        for entry in day.entries:
            if (story := stories.get(entry.event.id or 0)) is not None:
                entry.story = StoryRef(id=story.id, sources_count=story.sources_count,
                                       events_count=story.events_count)
    return timeline



def story_timeline(*, session: Session, filters: event_store.EventFilter, limit: int, cursor: str | None) -> Timeline:
    """`GET /v1/timeline?group=story`: one entry per story (its first report) with its sources count; events
    outside stories (statements) as themselves."""
    grouped = replace(filters, story_leads=True)
    return with_story_refs(session=session, timeline=timeline(session=session, filters=grouped, limit=limit,
                                                              cursor=cursor))
