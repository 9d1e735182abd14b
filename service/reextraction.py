"""Re-extraction: the current pipeline over stored articles whose events an older version produced.

Articles are read in id order, a batch at a time, parsed together, and each is applied in a transaction of
its own through `flows.save_events` (the diff keeps the ids of events found again). An article is claimed by
a compare-and-set of its pipeline version, so a run that died half-way is resumed by running it again: the
articles it finished carry the current version and are not selected; two runs at once never both apply one.
Articles still `pending` (an async job will extract them) are left to their job."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from service.event_diff import EventDiff, diff_events
from service.extraction_pool import Extractor, Outcome
from service.flows import database_errors, save_events
from service.store import articles as article_store
from service.store import event_writes
from service.store.jobs import PENDING_VERSION

KINDS = ("added", "removed", "changed", "unchanged")


@dataclass
class ReextractionSummary:
    version: str
    dry_run: bool
    articles: int = 0
    changed_articles: int = 0
    raced: int = 0  # another run (or a job) wrote the article first
    refused: list[tuple[int, str]] = field(default_factory=list)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, diff: EventDiff) -> None:
        self.articles += 1
        self.changed_articles += not diff.empty
        self.counts.update(diff.counts())

    def render(self) -> str:
        """The diff summary: per event type, how many events were (or, in a dry run, would be) added, removed,
        changed, and left as they were."""
        verb = "would change" if self.dry_run else "changed"
        lines = [f"pipeline {self.version}: {self.articles} articles re-extracted, {self.changed_articles} {verb}, "
                 f"{self.articles - self.changed_articles} unchanged, {len(self.refused)} refused"
                 + (f", {self.raced} done by another run" if self.raced else "")
                 + (" (dry run: nothing written)" if self.dry_run else "")]
        types = sorted({t for t, _ in self.counts})
        lines.append(f"{'type':<14}" + "".join(f"{k:>11}" for k in KINDS))
        for type_ in [*types, "total"]:
            row = [sum(n for (t, k), n in self.counts.items() if k == kind and type_ in (t, "total"))
                   for kind in KINDS]
            lines.append(f"{type_:<14}" + "".join(f"{n:>11}" for n in row))
        lines.extend(f"refused article {article_id}: {reason}" for article_id, reason in self.refused)
        return "\n".join(lines)


def count_to_reextract(*, sessions: sessionmaker[Session], version: str, stored_since: datetime | None) -> int:
    with database_errors(), sessions() as session:
        return article_store.count_outdated(session=session, version=version, pending=PENDING_VERSION,
                                            stored_since=stored_since)


def reextract(
    *, sessions: sessionmaker[Session], extractor: Extractor, stored_since: datetime | None = None,
    dry_run: bool = False, batch_size: int = 32, progress: Callable[[int], object] = lambda n: None,
) -> ReextractionSummary:
    """Re-extracts every article stored at or after `stored_since` (all when None) whose pipeline version is
    not the extractor's; `progress(n)` after each batch of n articles."""
    summary = ReextractionSummary(version=extractor.version, dry_run=dry_run)
    after_id = 0
    while True:
        with database_errors(), sessions() as session:
            batch = [(a.id, a.pipeline_version, a.text, a.published_date) for a in article_store.outdated_articles(
                session=session, version=extractor.version, pending=PENDING_VERSION, stored_since=stored_since,
                after_id=after_id, limit=batch_size)]
        if not batch:
            return summary
        outcomes = extractor.extract_all([(text, published) for _, _, text, published in batch])
        for (article_id, old_version, _, _), outcome in zip(batch, outcomes, strict=True):
            _apply(sessions=sessions, summary=summary, article_id=article_id, old_version=old_version,
                   outcome=outcome, version=extractor.version, dry_run=dry_run)
        after_id = batch[-1][0]
        progress(len(batch))


def _apply(*, sessions: sessionmaker[Session], summary: ReextractionSummary, article_id: int, old_version: str,
           outcome: Outcome, version: str, dry_run: bool) -> None:
    if not isinstance(outcome, list):
        summary.refused.append((article_id, outcome.detail))  # it keeps the events it has
        return
    with database_errors(), sessions() as session, session.begin():
        if dry_run:
            rows = event_writes.stored_events(session=session, article_id=article_id)
            summary.add(diff_events(event_writes.as_stored(rows), outcome))
            return
        article = article_store.claim_version(session=session, article_id=article_id, expected=old_version,
                                              version=version)
        if article is None:
            summary.raced += 1
            return
        summary.add(save_events(session=session, article=article, events=outcome, pipeline_version=version))
