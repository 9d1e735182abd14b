"""`GET /v1/events?changed_since=`: what a downstream copy needs to stay in sync, in change order.

A page holds whole transactions: it ends with the last change number it includes in full, so resuming with
`changed_since=<changes_through>` neither skips nor repeats a change (a page may exceed `limit` by the rest of
one article's changes). Filters other than `type` and `article_id` select the changed events but not the
tombstones: a copy may be told of the deletion of an event it never held, and ignores it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from service.errors import InvalidInput
from service.schemas import DeletedEventPublic, EventPage
from service.store import articles as article_store
from service.store import changes
from service.store.events import EventFilter, filtered
from service.store.models import EventTombstone


def parse_changed_since(value: str) -> changes.ChangesSince:
    """A change sequence number (`changes_through` or an event's `change_seq`), or an ISO 8601 time."""
    text = value.strip()
    if text.isdigit():
        return changes.ChangesSince(seq=int(text))
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise InvalidInput("changed_since must be a change sequence number or an ISO 8601 date-time") from error
    return changes.ChangesSince(at=moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


def _deleted(row: EventTombstone) -> DeletedEventPublic:
    return DeletedEventPublic.model_validate({
        "id": row.event_id, "article_id": row.article_id, "type": row.type, "pipeline_version": row.pipeline_version,
        "deleted_at": article_store.as_utc(row.deleted_at), "change_seq": row.change_seq})


def changes_page(*, session: Session, filters: EventFilter, since: changes.ChangesSince, limit: int,
                 include_deleted: bool) -> tuple[EventPage, bool]:
    """The changes after `since` (whole transactions, about `limit` of them), and whether more follow."""
    through = changes.current_change_seq(session=session)  # read first: every change up to it is committed
    query = filtered(filters)
    numbers = changes.changed_event_seqs(session=session, query=query, since=since, through=through, limit=limit + 1)
    if include_deleted:
        numbers += changes.deleted_event_seqs(session=session, since=since, through=through, limit=limit + 1,
                                              type_=filters.type, article_id=filters.article_id)
    numbers.sort()
    more = len(numbers) > limit
    if more:
        through = numbers[limit - 1]
    events = changes.changed_events(session=session, query=query, since=since, through=through)
    deleted = None
    if include_deleted:
        deleted = [_deleted(t) for t in changes.deleted_events(session=session, since=since, through=through,
                                                               type_=filters.type, article_id=filters.article_id)]
    page = EventPage(events=[article_store.public_event_row(e) for e in events], deleted=deleted,
                     changes_through=max(through, since.seq))
    return page, more
