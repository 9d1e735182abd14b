"""Which story a new event joins: the story whose best-matching member scores highest, above the threshold,
provided no member vetoes it (another date, another type) and every member of the event's own article is the
same event told again (it scores above the threshold against them too)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service.stories.matching import EventFacts, PairScore, score_pair


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story the new event might join: its id (None for a story not stored yet) and members."""

    story_id: int | None
    members: Sequence[EventFacts]
    locked: bool = False  # made by a split: nothing joins it automatically


@dataclass(frozen=True, slots=True)
class Decision:
    candidate: Candidate
    match: PairScore
    matched: EventFacts


def best_story(event: EventFacts, candidates: Iterable[Candidate]) -> Decision | None:
    """The story `event` joins, with the member it matched best, or None when it starts a story of its own."""
    best: Decision | None = None
    for candidate in candidates:
        if candidate.locked or not candidate.members:
            continue
        scored = [(score_pair(event, member), member) for member in candidate.members]
        if any(s.vetoed for s, _ in scored):
            continue
        own_article = [s for s, m in scored if m.article_id == event.article_id]
        if any(not s.joins() for s in own_article):
            continue
        match, matched = max(scored, key=lambda pair: pair[0].score)
        if match.joins() and (best is None or match.score > best.match.score):
            best = Decision(candidate, match, matched)
    return best


def cluster(events: Iterable[EventFacts]) -> list[list[EventFacts]]:
    """Stories of events taken in the order given (as they would be stored): each joins its best story or
    starts one. The store does the same one article at a time; the evaluation calls this directly."""
    stories: list[list[EventFacts]] = []
    for event in events:
        decision = best_story(event, (Candidate(index, members) for index, members in enumerate(stories)))
        if decision is None:
            stories.append([event])
        else:
            stories[int(decision.candidate.story_id or 0)].append(event)
    return stories
