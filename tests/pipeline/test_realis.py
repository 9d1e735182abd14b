"""Whether a trigger names an event that happened: modality, negation through the clause, generic
and category mentions (realis.py, as find_incidents applies it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.incidents import find_incidents


def _displacement_candidates(parse: Callable[[str], Doc], sentence: str):  # type: ignore[no-untyped-def]
    events, candidates = find_incidents(parse(sentence))
    return [e for e in events if e.type == "displacement"], [c for c in candidates if c.type == "displacement"]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Evacuation notices could be issued to 80,000 people in the valley.", "could"),
        ("Up to 20,000 villagers could be evacuated before the storm.", "could"),
        ("The officials said the families might be relocated to the coast.", "might"),
        ("The mayor says residents should evacuate the flood plain.", "should"),
        # an obligation in the present or the future is still to be met
        ("The 200 households are at high risk and they have to be shifted to a safer place.", "have to"),
        ("About 300 families need to be relocated before the monsoon.", "need to"),
        ("The villagers will have to leave their homes next week.", "have to"),
        # "be to": a plan
        ("An extended Traveller family, which includes 28 children, are to be evicted from a west Dublin site"
         " today.", "to evicted"),
    ],
)
def test_possible_or_obliged_displacements_have_not_happened(parse: Callable[[str], Doc], sentence: str,
                                                              reason: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any(reason in c.reason for c in candidates)


def test_a_past_possibility_is_kept_for_certainty_to_hedge(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "Hundreds of farmers may have fled the valley.")
    assert len(events) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "No evictions took place in the district last year.",
        "The council did not have an eviction order for the estate.",
        "Guards did not need a permit to evict the tenants of the block.",
    ],
)
def test_negation_of_the_clause_reaches_a_nominal_or_infinitival_trigger(parse: Callable[[str], Doc],
                                                                         sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any("negated" in c.reason for c in candidates)


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge ruled that an eviction without a court order is unlawful.",
        "Three tenants are up for eviction this month.",
        # a cause in the present tells what happens as a rule
        "Floods cause evacuations.",
    ],
)
def test_generic_nominal_mentions_name_no_event(parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any("mention" in c.reason for c in candidates)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed four people at an internally displaced persons camp near the river.",
        "Some 300 families from the displaced have gathered near the school.",
    ],
)
def test_displaced_as_a_category_of_people_is_no_event(parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any("category" in c.reason for c in candidates)


def test_a_definite_eviction_with_its_people_is_still_an_event(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "The eviction of 40 families began on Monday.")
    assert len(events) == 1


def test_a_definite_bare_noun_restates_an_earlier_incident(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "Police evicted 40 families. The eviction drive ended at noon.")
    assert [e.restates for e in events] == [False, True]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("A landlord needs a valid and specific reason to evict a tenant.", "hypothetical"),
        ("The council won the right to expel the squatters from the site.", "hypothetical"),
        ("Landlords typically evict tenants after a court hearing.", "generic"),
        ("Tenants are usually evicted only after a court hearing.", "generic"),
        ("When an evacuation order is issued, the sheriff posts it online.", "conditional"),
        ("Residents sometimes flee their homes at the first sign of smoke.", "generic"),
        ("The Department's Deportation and Enforcement Units led the escort.", "name"),
        ("Lawyers from the Eviction Defense Collaborative filed a motion.", "name"),
        ("The new law makes it harder to evict tenants.", "what may be done"),
        ("It is illegal to evict tenants in winter.", "what may be done"),
    ],
)
def test_reasons_rights_habits_and_names_are_no_event(parse: Callable[[str], Doc], sentence: str, reason: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any(reason in c.reason for c in candidates)


def test_a_past_when_clause_tells_an_event(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "When the shelling began, residents fled the town.")
    assert len(events) == 1


def test_the_first_to_leave_did_leave(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "They were the first residents to flee the village on Monday.")
    assert len(events) == 1


def test_a_bare_plural_tells_of_displacement_in_general(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(
        parse, "The clashes have resulted in forced displacements. Villagers fled the town on Monday.")
    assert [e.restates for e in events] == [True, False]
    events, _ = _displacement_candidates(parse, "The floods caused the evacuations of 300 families.")
    assert [e.restates for e in events] == [False]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("If the council evicts the tenants, they will sue.", "conditional"),
        ("Unless the landlord evicts the squatters, the sale fails.", "conditional"),
        ("The town marked the anniversary of the deportation of 3,000 villagers.", "remembered"),
        ("The parliament voted to commemorate the expulsion of the islanders from the colony.", "remembered"),
        ("The museum houses an exhibition on the expulsion of the islanders after the war.", "remembered"),
        ("She wrote a book about the deportation of her family.", "remembered"),
        ("The city council voted to evict the tenants by the end of the year.", "hypothetical"),
    ],
)
def test_conditional_or_remembered_displacements_are_not_reported(parse: Callable[[str], Doc], sentence: str,
                                                                   reason: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any(reason in c.reason for c in candidates)


def test_a_running_total_restates_the_incidents(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "Soldiers expelled 40 families. So far 900 people have been expelled.")
    assert [e.restates for e in events] == [False, True]


@pytest.mark.parametrize(
    "sentence",
    [
        "The county rescinded its evacuation orders on Friday morning.",
        "The evacuation order for the lakeside homes was finally lifted.",
        "Evacuations in the hill district have been downgraded to warnings.",
    ],
)
def test_lifting_an_evacuation_order_ends_a_displacement_rather_than_reporting_one(
        parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any("ended" in c.reason for c in candidates)


@pytest.mark.parametrize(
    "sentence",
    [
        "As the number of displaced people grows, the charity opened two more kitchens.",
        "The charity hands out blankets to displaced families every winter.",
        "The agency sends food aid for 9,000 displaced households in the province.",
        "Volunteers checked a list of 1,200 displaced families drawn up by the council.",
        "The camp near the border is home to more than 40,000 people fleeing the war.",
        "Officials are alarmed by the rising number of children seeking asylum alone.",
        "The site hosts around 25,000 displaced people who face repeated attacks.",
        "The camp hosts some 40,000 people who fled the fighting last year.",
    ],
)
def test_displaced_people_as_a_standing_group_are_no_incident(parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert events == []
    assert any("standing group" in c.reason for c in candidates)


def test_people_fleeing_can_still_be_an_incident(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "Thousands of people fleeing the war arrived in the town on Monday.")
    assert len(events) == 1
    events, _ = _displacement_candidates(parse, "Police found 30 people who fled the floods on Monday.")
    assert len(events) == 1


def test_a_counted_group_of_displaced_people_can_still_be_an_incident(parse: Callable[[str], Doc]) -> None:
    sentence = "All of the displaced villagers are staying with relatives in the town."
    events, _ = _displacement_candidates(parse, sentence)
    assert len(events) == 1


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [
        ("More than 1,600 people have died in the disaster, which has stranded or displaced 12 million people.", True),
        ("Heavy rains over the past five days have forced thousands of people from their homes.", True),
        ("Since the outbreak of the war, a quarter of the population has been displaced.", True),
        ("Some 40,000 people have fled the region so far, the agency said.", True),
        ("Police evicted 300 families from the settlement on Monday.", False),
        ("Residents who fled the town on Monday returned on Friday.", False),
    ],
)
def test_running_totals_and_crisis_descriptions_are_summaries(parse: Callable[[str], Doc], sentence: str,
                                                              summary: bool) -> None:
    events, _ = _displacement_candidates(parse, sentence)
    assert events and events[0].summary is summary


@pytest.mark.parametrize(
    "sentence",
    [
        "Homes on Road 274 remain under evacuation orders.",
        "More than 50,000 people remain displaced in the region.",
    ],
)
def test_how_things_stand_is_no_new_displacement(parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = _displacement_candidates(parse, sentence)
    assert not events
    assert any("standing state" in c.reason for c in candidates)


def test_a_simple_past_parsed_under_fearing_is_told_as_done(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "In Medicine Park, residents fearing a dam failure evacuated "
                                                "their homes Wednesday.")
    assert events


def test_what_people_fear_with_a_modal_is_still_hypothetical(parse: Callable[[str], Doc]) -> None:
    events, candidates = _displacement_candidates(parse, "Residents feared the army would expel them from the "
                                                         "village.")
    assert not events and any("hypothetical" in c.reason for c in candidates)


def test_an_evacuation_told_as_going_on_restates(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "The evacuation of villagers from the island is continuing.")
    assert events and events[0].restates


def test_an_adjective_of_manner_before_the_infinitive_tells_what_was_done(parse: Callable[[str], Doc]) -> None:
    events, _candidates = _displacement_candidates(parse, "Officials were quick to evacuate 300 residents.")
    assert events


@pytest.mark.parametrize(
    "sentence",
    [
        "Police are asking for help from the public who may know something about the beheading of a royal statue.",
        "Officers want to hear from anyone who might have seen the desecration of the graves.",
    ],
)
def test_what_someone_may_know_about_took_place(parse: Callable[[str], Doc], sentence: str) -> None:
    events, _ = find_incidents(parse(sentence))
    assert [e.type for e in events] == ["desecration"]


def test_what_may_happen_to_a_statue_has_not_happened(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Officials fear the protesters may attempt the beheading of the statue."))
    assert [e for e in events if e.type == "desecration"] == []


def test_evacuations_a_cause_brought_about_happened(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "A bomb scare prompted evacuations Wednesday in a county neighborhood.")
    assert len(events) == 1 and events[0].subtype == "evacuation"


def test_an_obligation_in_the_past_was_met(parse: Callable[[str], Doc]) -> None:
    events, _ = _displacement_candidates(parse, "Thousands of people had to be evacuated on Sunday.")
    assert len(events) == 1


def test_an_act_named_as_what_something_is_is_generic(parse: Callable[[str], Doc]) -> None:
    events, candidates = find_incidents(parse("The Elections Office reminds us that defacing or mutilating a political"
                                              " sign is an offence."))
    assert [e for e in events if e.type == "desecration"] == []
    assert any("generic" in c.reason for c in candidates if c.type == "desecration")
