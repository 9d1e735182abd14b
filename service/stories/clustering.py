"""Which story a new event joins: the story whose best-matching member scores highest, above the threshold,
provided no member vetoes it (another date, another type) and every member of the event's own article is the
same event told again (it scores above the threshold against them too). Other stories the event also joins merge
into that one when no pair across them is vetoed."""

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


def joinable(event: EventFacts, candidates: Iterable[Candidate]) -> list[Decision]:
    """Every story `event` could join, best first, each with the member it matched best."""
    found: list[Decision] = []
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
        if match.joins():
            found.append(Decision(candidate, match, matched))
    return sorted(found, key=lambda d: -d.match.score)


def best_story(event: EventFacts, candidates: Iterable[Candidate]) -> Decision | None:
    """The story `event` joins, with the member it matched best, or None when it starts a story of its own."""
    found = joinable(event, candidates)
    return found[0] if found else None


def compatible(a: Sequence[EventFacts], b: Sequence[EventFacts]) -> bool:
    """Whether two stories may become one: no pair across them is vetoed, and events of one article in both
    are the same event told again."""
    for x in a:
        for y in b:
            pair = score_pair(x, y)
            if pair.vetoed or (x.article_id == y.article_id and not pair.joins()):
                return False
    return True


def bridged(event: EventFacts, decisions: Sequence[Decision]) -> list[Decision]:
    """The other stories an event joining the first of `decisions` also joins and that may merge into it: an
    event matching two stories shows they tell one incident (reports arriving in another order would have
    made them one)."""
    if not decisions:
        return []
    merged = [*decisions[0].candidate.members, event]
    out: list[Decision] = []
    for decision in decisions[1:]:
        if compatible(merged, decision.candidate.members):
            merged.extend(decision.candidate.members)
            out.append(decision)
    return out


def cluster(events: Iterable[EventFacts]) -> list[list[EventFacts]]:
    """Stories of events taken in the order given (as they would be stored): each joins its best story or
    starts one, and stories it bridges merge into that one. The store does the same one article at a time;
    the evaluation calls this directly."""
    stories: dict[int, list[EventFacts]] = {}
    for number, event in enumerate(events):
        found = joinable(event, (Candidate(key, members) for key, members in stories.items()))
        if not found:
            stories[number] = [event]
            continue
        target = found[0].candidate.story_id
        assert target is not None
        for other in bridged(event, found):
            assert other.candidate.story_id is not None
            stories[target].extend(stories.pop(other.candidate.story_id))
        stories[target].append(event)
    return list(stories.values())
