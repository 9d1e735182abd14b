"""Clustering (best story above threshold, no veto, own-article members must be the same event) and the
agreement summary of a story's sources."""

from __future__ import annotations

from datetime import date

from service.stories.agreement import SourceReading, agreement
from service.stories.clustering import Candidate, best_story, cluster
from service.stories.matching import event_facts, score_pair
from tests.stories.test_matching import payload


def report(article_id: int, event_id: int, **fields: object) -> object:
    return event_facts(payload(**fields), published=date(2024, 3, 8), article_id=article_id,  # type: ignore[arg-type]
                       event_id=event_id)


def test_reports_of_one_incident_form_one_story_and_another_date_another() -> None:
    stories = cluster([report(1, 1), report(2, 2), report(3, 3, date_value="2024-01-10")])  # type: ignore[list-item]
    assert sorted(len(s) for s in stories) == [1, 2]


def test_a_locked_story_is_never_joined() -> None:
    member = report(1, 1)
    assert best_story(report(2, 2), [Candidate(7, [member], locked=True)]) is None  # type: ignore[arg-type, list-item]


def test_a_story_with_a_vetoing_member_is_not_joined() -> None:
    members = [report(1, 1), report(3, 3, date_value="2024-02-01")]
    assert best_story(report(2, 2), [Candidate(7, members)]) is None  # type: ignore[arg-type, arg-type]


def test_an_event_does_not_join_a_story_holding_a_different_event_of_its_own_article() -> None:
    story = [report(1, 1), report(2, 2, target="the village of the herders", agent="soldiers",
                                   type="desecration", location="Basra", subtype="burned")]
    other_event_same_article = report(2, 3)
    assert best_story(other_event_same_article, [Candidate(7, story)]) is None  # type: ignore[arg-type, arg-type]


def test_the_best_scoring_story_wins() -> None:
    weak = Candidate(1, [report(1, 1, target="a building", agent=None)])  # type: ignore[list-item]
    strong = Candidate(2, [report(3, 3)])  # type: ignore[list-item]
    decision = best_story(report(2, 2), [weak, strong])  # type: ignore[arg-type]
    assert decision is not None and decision.candidate.story_id == 2


def test_agreement_says_which_fields_agree_and_which_differ() -> None:
    afp = SourceReading(1, "AFP", {"certainty": "alleged", "location": {"text": "Mosul"}})
    reuters = SourceReading(2, "Reuters", {"certainty": "asserted", "location": {"text": "Mosul"}})
    fields = {f.field: f for f in agreement([afp, reuters])}
    assert fields["place"].agree
    assert not fields["certainty"].agree
    assert fields["certainty"].summary == "AFP: alleged; Reuters: asserted"


def bridge_events() -> list[object]:
    """Two reports too different to join each other, and a third that matches both."""
    shrine = report(1, 1, location="Mosul", target="the shrine of Jonah", agent=None, subtype="bombed")
    mosque = report(2, 2, location=None, target="the mosque of Younis", agent="militants")
    both = report(3, 3, location="Mosul", target="the shrine and mosque of Jonah", agent="militants",
                  subtype="bombed")
    return [shrine, mosque, both]


def test_an_event_matching_two_stories_merges_them() -> None:
    shrine, mosque, both = bridge_events()
    assert not score_pair(shrine, mosque).joins()  # type: ignore[arg-type]
    assert [len(s) for s in cluster([shrine, mosque, both])] == [3]  # type: ignore[list-item]


def test_stories_with_a_vetoing_pair_are_not_merged_by_a_bridge() -> None:
    shrine, _, both = bridge_events()
    elsewhere = report(2, 2, location=None, target="the mosque of Younis", agent="militants",
                       date_value="2024-03-01")
    assert sorted(len(s) for s in cluster([shrine, elsewhere, both])) == [1, 2]  # type: ignore[list-item]
