"""Desecration and displacement triggers confirmed by the parse, with their arguments."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.incidents import find_incidents


def _events(parse: Callable[[str], Doc], text: str):  # type: ignore[no-untyped-def]
    return find_incidents(parse(text))[0]


@pytest.mark.parametrize(
    ("sentence", "agent", "target"),
    [
        ("Gunmen blew up a Sufi shrine near the town of Darwen.", "Gunmen", "shrine"),
        ("The old mausoleum was bulldozed by rebel fighters.", "rebel fighters", "mausoleum"),
        ("Vandals desecrated dozens of graves at the Jewish cemetery.", "Vandals", "graves"),
        ("Rioters set the parish church ablaze.", "Rioters", "church"),
        ("Masked youths defaced a war memorial with graffiti.", "Masked youths", "memorial"),
        ("Soldiers were filmed tearing down posters of the former leader.", "Soldiers", "posters"),
        # the parser takes the particle for a preposition
        ("Angry villagers razed down the church building at the market.", "villagers", "church building"),
        # a relative clause with a subject of its own: the subject acts, not the noun it describes
        ("Tensions are high in Aceh Singkil, where last week a mob burned down a church.", "mob", "church"),
        # the one held to account for the act, not the police or the court
        ("Police arrested two men for vandalising the cemetery in Leeds on Sunday.", "two men", "cemetery"),
        ("The court sentenced four men for demolishing the shrine in Timbuktu.", "four men", "shrine"),
        ("A case has been registered against unidentified people for allegedly damaging an idol at a temple.",
         "unidentified people", "idol"),
    ],
)
def test_desecration_with_agent_and_target(parse: Callable[[str], Doc], sentence: str, agent: str,
                                           target: str) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "desecration"]
    assert len(events) == 1
    assert events[0].agent is not None and agent in events[0].agent.text
    assert events[0].target is not None and target in events[0].target.text


def test_destruction_verb_without_sacred_object_is_no_desecration(parse: Callable[[str], Doc]) -> None:
    doc = parse("The army destroyed three tanks near the border.")
    events, candidates = find_incidents(doc)
    assert events == []
    assert candidates and not candidates[0].kept and "sacred" in candidates[0].reason


def test_nominal_trigger_takes_its_of_object(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "The destruction of the ancient shrine shocked residents.")
    assert [(e.type, e.target and e.target.text) for e in events] == [("desecration", "the ancient shrine")]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The militants threatened to destroy the shrine.", "hypothetical"),
        ("The soldiers did not damage the mosque.", "negated"),
        ("The demolitions are part of a policy carried out in an effort to expel the communities.", "hypothetical"),
        ("The army shelled the area in a bid to drive out the villagers.", "hypothetical"),
    ],
)
def test_threats_and_negations_are_rejected_with_a_reason(parse: Callable[[str], Doc], sentence: str,
                                                          reason: str) -> None:
    events, candidates = find_incidents(parse(sentence))
    assert events == []
    assert any(reason in c.reason for c in candidates)


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("Floods forced 10,000 people from their homes in the delta.", 10000),
        ("Thousands fled the fighting around the capital.", 1000),
        ("Police evicted more than 200 families from the settlement.", 200),
        ("Tens of thousands of residents were evacuated before the storm.", 10000),
    ],
)
def test_displacement_with_quantity(parse: Callable[[str], Doc], sentence: str, quantity: int) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert len(events) >= 1
    assert events[0].quantity is not None and events[0].quantity.min == quantity


def test_displacement_agent_is_the_subject_of_an_agentive_verb(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "The militia expelled hundreds of villagers from the valley.")
    assert events[0].agent is not None and "militia" in events[0].agent.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The team was evicted from the playoffs after a heavy defeat.",
        "The suspect fled the scene in a stolen car.",
        "Evacuation flights left the airport on time.",
        "The man drove away from the scene before police arrived.",
        "Residents took shelter in basements during the shelling.",
        "Rebels fled the town after the army advanced.",
    ],
)
def test_figurative_or_modifier_uses_are_no_displacement(parse: Callable[[str], Doc], sentence: str) -> None:
    assert [e for e in _events(parse, sentence) if e.type == "displacement"] == []


def test_location_prefers_the_place_where_it_happened(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Fighters destroyed the tomb of a saint, who founded the Order of Lyre, in Kandahar.")
    assert events[0].location is not None and events[0].location.text == "Kandahar"


def test_cause_named_by_due_to_is_the_agent(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Hundreds of families were forced to flee due to the army's operations in the north.")
    displacement = next(e for e in events if e.type == "displacement")
    assert displacement.agent is not None and "army" in displacement.agent.text


def test_object_of_force_is_who_flees(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Air strikes have forced the majority of residents to flee to other areas.")
    assert events and events[0].target is not None and "residents" in events[0].target.text


@pytest.mark.parametrize(
    ("sentence", "site"),
    [
        ("Anti-Muslim graffiti was daubed on the walls of a mosque overnight.", "a mosque"),
        ("Vandals scrawled hate messages on the doors of the synagogue.", "the synagogue"),
        ("Rioters smashed the windows of the church.", "the church"),
    ],
)
def test_marking_or_breaking_a_part_of_a_site_desecrates_the_site(parse: Callable[[str], Doc], sentence: str,
                                                                   site: str) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "desecration"]
    assert events and events[0].target is not None and events[0].target.text == site


def test_a_part_of_something_not_sacred_is_no_site(parse: Callable[[str], Doc]) -> None:
    assert not [e for e in _events(parse, "Graffiti was daubed on the walls of a school.") if e.type == "desecration"]


def test_a_deadline_after_by_is_not_the_agent(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "Police must evict the squatters by the end of the month.")
              if e.type == "displacement"]
    assert all(e.agent is None or "month" not in e.agent.text for e in events)


def test_site_named_by_a_qualifier_counts(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Fighters bulldozed several religious sites near the old town.")
    assert [e.type for e in events] == ["desecration"]


def test_general_mention_of_a_crime_is_no_event(parse: Callable[[str], Doc]) -> None:
    assert _events(parse, "The new law makes desecration punishable by life imprisonment.") == []


def test_found_damaged_takes_the_subject_as_target(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "A statue of the poet was found damaged in the park on Monday.")
    assert events and events[0].target is not None and "statue" in events[0].target.text


def test_relative_clause_object_is_the_noun_it_follows(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Residents mourned the shrine, which militants destroyed last year.")
    assert events and events[0].target is not None and "shrine" in events[0].target.text
    assert events[0].agent is not None and events[0].agent.text == "militants"


def test_pronoun_agent_resolves_to_the_last_named_agent(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Islamist fighters bulldozed a mausoleum. They also destroyed the tomb of a saint.")
    assert [e.agent.canonical for e in events if e.agent] == [None, "Islamist fighters"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not allow criminals to drive our people from their lands.",
        "The authorities will evict the squatters next month.",
    ],
)
def test_future_and_negated_governors_name_no_event(parse: Callable[[str], Doc], sentence: str) -> None:
    assert _events(parse, sentence) == []


def test_plural_people_not_in_the_lexicon_can_be_evacuated(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Firefighters evacuated some 1,200 campers as a forest fire spread on Tuesday.")
    assert events and events[0].quantity is not None and events[0].quantity.min == 1200


def test_evicting_animals_is_no_displacement(parse: Callable[[str], Doc]) -> None:
    assert _events(parse, "Hundreds of bats were evicted from the church belfry.") == []


def test_graves_are_sites_whatever_the_lemmatizer_says(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Vandals daubed swastikas on 40 graves at a Jewish cemetery.")
    assert [e.type for e in events] == ["desecration"]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was evacuated from the building.",
        "Villagers are ready to flee if the fighting reaches them.",
    ],
)
def test_no_one_displaced_and_readiness_are_no_events(parse: Callable[[str], Doc], sentence: str) -> None:
    assert [e for e in _events(parse, sentence) if e.type == "displacement"] == []


def test_residents_evacuating_their_homes_are_the_displaced(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "Residents evacuated their homes on Monday.") if e.type == "displacement"]
    assert events and events[0].target is not None and "esidents" in events[0].target.text
    assert events[0].agent is None


def test_residents_evacuating_without_object_are_the_displaced(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "About 900 residents evacuated on Monday.") if e.type == "displacement"]
    assert events and events[0].target is not None and "residents" in events[0].target.text
    assert events[0].agent is None


def test_troops_evacuating_a_village_are_the_agent(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "Soldiers evacuated the village on Monday.") if e.type == "displacement"]
    assert events and events[0].agent is not None and events[0].agent.text == "Soldiers"


@pytest.mark.parametrize(
    "sentence",
    [
        "Two housemates were evicted from the house on Friday.",
        "Maya and Tom became the latest contestants to be evicted.",
    ],
)
def test_contestants_voted_out_are_not_displaced(parse: Callable[[str], Doc], sentence: str) -> None:
    assert [e for e in _events(parse, sentence) if e.type == "displacement"] == []


def test_a_broken_idol_is_a_desecration(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "The attackers broke an idol in the temple.") if e.type == "desecration"]
    assert events and events[0].target is not None and "idol" in events[0].target.text


def test_demolishing_homes_is_an_eviction_by_the_demolisher(parse: Callable[[str], Doc]) -> None:
    events = [e for e in find_incidents(parse("Municipal guards demolished their shacks on Tuesday."))[0]
              if e.type == "displacement"]
    assert len(events) == 1
    assert events[0].subtype == "eviction"
    assert events[0].agent is not None and "guards" in events[0].agent.text


def test_demolishing_something_other_than_a_home_displaces_no_one(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Workers demolished the old bridge over the river."))
    assert [e for e in events if e.type == "displacement"] == []


def test_people_left_homeless_by_a_demolition_are_the_displaced(parse: Callable[[str], Doc]) -> None:
    doc = parse("The army demolished six houses in the hamlet, leaving 30 people homeless.")
    events = [e for e in find_incidents(doc)[0] if e.type == "displacement"]
    # Both mentions (the demolition and "homeless") name the people left, so merging folds them.
    assert events and all(e.target is not None and e.target.text == "30 people" for e in events)
    assert all(e.quantity is not None and e.quantity.min == 30 for e in events)
    assert any(e.agent is not None and e.agent.text == "The army" for e in events)


def test_people_shifted_to_safer_places_are_relocated(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Hundreds of villagers were shifted to safer places after the flood."))
    assert [e.subtype for e in events if e.type == "displacement"] == ["relocation"]


def test_people_moved_into_shelters_are_relocated(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Rescuers have already moved 152 people into evacuation centers."))
    moved = [e for e in events if e.type == "displacement"]
    assert [e.subtype for e in moved] == ["relocation"]
    assert moved[0].quantity is not None and moved[0].quantity.min == 152


def test_moving_into_a_new_office_is_no_displacement(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("The ministry moved its staff into a new office last year."))
    assert [e for e in events if e.type == "displacement"] == []


def test_shifting_a_strategy_is_no_displacement(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("The company shifted its focus to new markets."))
    assert [e for e in events if e.type == "displacement"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Many of the mercenaries and militiamen who fought for him fled across the border into Liberia.",
        "The rebels fled the town as the army advanced.",
        # perpetrators getting away
        "The robbers took money and jewellery from the houses before fleeing into the darkness.",
        "They stole cattle from the farms before fleeing across the river.",
        "Gunmen killed nine people at the market and fled on motorcycles.",
    ],
)
def test_fighters_and_perpetrators_fleeing_escape_not_displaced(parse: Callable[[str], Doc], sentence: str) -> None:
    events, candidates = find_incidents(parse(sentence))
    assert not [e for e in events if e.type == "displacement"]
    assert any("escaping" in c.reason for c in candidates if c.type == "displacement")


def test_clearing_people_out_of_their_homes_is_an_evacuation(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Police cleared everyone out of homes and businesses near the plant."))
    displaced = [e for e in events if e.type == "displacement"]
    assert [e.subtype for e in displaced] == ["evacuation"]
    assert displaced[0].target is not None and displaced[0].target.text == "everyone"
    events, _ = find_incidents(parse("Crews cleared the debris from the road."))
    assert not [e for e in events if e.type == "displacement"]


def test_cross_border_before_a_noun_is_an_adjective_not_a_crossing(parse: Callable[[str], Doc]) -> None:
    sentence = "Officials noted the displacement of 200 people due to cross border shelling in the district."
    events, candidates = find_incidents(parse(sentence))
    assert [e.trigger for e in events if e.type == "displacement"] == ["displacement"]
    assert any("adjective" in c.reason for c in candidates)
    events, _ = find_incidents(parse("Over 5,000 people have crossed the border into Chad."))
    assert [e.trigger for e in events if e.type == "displacement"] == ["crossed"]


def test_victims_fleeing_the_act_are_displaced(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Gunmen on motorcycles shot indiscriminately as residents fled the village."))
    displaced = [e for e in events if e.type == "displacement"]
    assert len(displaced) == 1 and displaced[0].target is not None and displaced[0].target.text == "residents"


def test_a_village_left_in_mourning_is_no_departure(parse: Callable[[str], Doc]) -> None:
    sentence = "A village in the north has been left in mourning after gunmen killed 17 people."
    events, candidates = find_incidents(parse(sentence))
    assert not [e for e in events if e.type == "displacement"]
    assert any("passive" in c.reason for c in candidates)


def test_who_fled_is_the_people_the_clause_describes(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Most of the villagers, who fled for safety, found refuge in a nearby town."))
    displaced = [e for e in events if e.type == "displacement"]
    assert displaced and displaced[0].target is not None and "villagers" in displaced[0].target.text


@pytest.mark.parametrize(
    ("sentence", "displaced"),
    [
        ("A witness said locals had started leaving the area from Friday.", "locals"),
        ("Residents were told to leave the neighbourhood immediately.", "Residents"),
    ],
)
def test_a_population_leaving_an_area_flees(parse: Callable[[str], Doc], sentence: str, displaced: str) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert events and events[0].target is not None and events[0].target.text == displaced


@pytest.mark.parametrize("sentence", ["The president left the area after the rally.",
                                      "The storm left the area on Sunday."])
def test_one_person_or_a_storm_leaving_an_area_is_no_flight(parse: Callable[[str], Doc], sentence: str) -> None:
    assert not [e for e in _events(parse, sentence) if e.type == "displacement"]


@pytest.mark.parametrize(
    ("sentence", "displaced", "quantity"),
    [
        ("1,581 migrants were detained and taken back to the border posts, to be registered and deported to Haiti.",
         "1,581 migrants", 1581),
        ("Police rounded up 50 migrants to be deported.", "50 migrants", 50),
    ],
)
def test_the_patient_of_a_passive_infinitive_of_purpose_is_the_one_deported(
        parse: Callable[[str], Doc], sentence: str, displaced: str, quantity: int) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert events and events[0].target is not None and events[0].target.text == displaced
    assert events[0].quantity is not None and events[0].quantity.min == quantity


def test_a_demolition_of_things_and_homes_is_an_eviction_by_whom_who_names(parse: Callable[[str], Doc]) -> None:
    """The home is the second of the things pulled down, and the agent is the noun "who" follows."""
    events = [e for e in _events(parse, "The armed officials of the task force who returned on Sunday to begin "
                                        "fresh demolition of structures and shanties shot one resident.")
              if e.type == "displacement"]
    assert events and events[0].agent is not None
    assert events[0].agent.text != "who" and ("officials" in events[0].agent.text or "force" in events[0].agent.text)


def test_people_rendered_homeless_are_the_displaced(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "The latest demolition came just three weeks after a wave of demolition "
                                        "rendered an estimated 5,000 people homeless.")
              if e.type == "displacement" and e.trigger == "homeless"]
    assert events and events[0].target is not None and events[0].target.text.endswith("5,000 people")
    assert events[0].quantity is not None and events[0].quantity.min == 5000


@pytest.mark.parametrize(
    ("sentence", "evicted"),
    [
        ("But on Monday members of the Anti Land Invasion Unit moved in and destroyed the shacks.", True),
        ("Municipal officials razed the huts of 40 families.", True),
        ("The fire destroyed four homes and damaged six other properties.", False),
        ("The insurgents raided the village and razed more than 200 houses.", False),
    ],
)
def test_homes_destroyed_are_an_eviction_only_when_an_authority_destroys_them(
        parse: Callable[[str], Doc], sentence: str, evicted: bool) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert bool(events) == evicted


def test_flights_an_agency_carries_out_deport_people(parse: Callable[[str], Doc]) -> None:
    """A trigger modifying a noun is no event ('evacuation flights'), unless an operation verb carries
    the noun out: then whoever carries it out is the agent."""
    events = [e for e in _events(parse, "On Wednesday, Immigration and Customs Enforcement carried out "
                                        "repatriation charter flights from Laredo.") if e.type == "displacement"]
    assert events and events[0].subtype == "deportation"
    assert events[0].agent is not None and "Enforcement" in events[0].agent.text
    assert not [e for e in _events(parse, "The repatriation flights were delayed by fog.") if e.type == "displacement"]


def test_a_voluntary_repatriation_is_no_deportation(parse: Callable[[str], Doc]) -> None:
    assert not [e for e in _events(parse, "The agency has run a final voluntary repatriation convoy for the "
                                          "refugees of two camps.") if e.type == "displacement"]


def test_a_church_devastated_is_a_desecration(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "The military devastated a Baptist church after attacking the village.")
              if e.type == "desecration"]
    assert events and events[0].target is not None and "church" in events[0].target.text


@pytest.mark.parametrize(
    ("sentence", "displaced", "subtype"),
    [
        ("An exodus of 20,000 people from the town began on Monday.", "20,000 people", "flight"),
        ("Landlords kicked out dozens of tenants after the rent rises.", "tenants", "eviction"),
        ("Over 500 migrants were sent back to Libya last week.", "Over 500 migrants", "deportation"),
    ],
)
def test_more_ways_of_telling_people_driven_out(parse: Callable[[str], Doc], sentence: str, displaced: str,
                                                subtype: str) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert events and events[0].target is not None and events[0].target.text == displaced
    assert events[0].subtype == subtype


def test_a_vehicle_after_by_is_no_agent(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "The stranded residents were evacuated by helicopter on Sunday.")
              if e.type == "displacement"]
    assert events and events[0].agent is None
    events = [e for e in _events(parse, "The residents were evacuated by the coast guard.") if e.type == "displacement"]
    assert events and events[0].agent is not None and "coast guard" in events[0].agent.text


@pytest.mark.parametrize(
    ("sentence", "displaced"),
    [
        ("The City of Yellowknife says it is \u201ccritical\u201d that all residents follow an order to evacuate "
         "Yellowknife, Dettah and the Ingraham Trail.", None),
        ("A deportation flight to Afghanistan has left Leipzig with 28 men on board.", None),
        ("The lack of housing for the undocumented was forcing their return.", "their"),
        ("Despite having official documentation, he too was forced to return.", "he"),
    ],
)
def test_orders_flights_and_forced_returns_are_displacements(parse: Callable[[str], Doc], sentence: str,
                                                             displaced: str | None) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert events
    if displaced is not None:
        assert events[0].target is not None and events[0].target.text == displaced


def test_a_flight_that_is_only_named_deports_no_one(parse: Callable[[str], Doc]) -> None:
    assert not [e for e in _events(parse, "The deportation flight was cancelled.") if e.type == "displacement"]


def test_a_church_gutted_by_fire_is_burned(parse: Callable[[str], Doc]) -> None:
    """The small model lemmatizes "gutted" as "gutte": the surface form is listed too."""
    events = [e for e in _events(parse, "The church was gutted by fire overnight.") if e.type == "desecration"]
    assert events and events[0].subtype == "burned"


@pytest.mark.parametrize(
    ("sentence", "displaced"),
    [
        ("Police have used sledgehammers to knock down some 250 houses in the capital.", True),
        ("The storm knocked down houses across the island.", False),
        ("Hundreds of migrants lost their jobs and homes in the city.", True),
        ("Forty families lost their homes in the fire.", True),
        ("The team lost their home game on Sunday.", False),
    ],
)
def test_homes_knocked_down_by_the_police_or_lost(parse: Callable[[str], Doc], sentence: str,
                                                   displaced: bool) -> None:
    events = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert bool(events) == displaced
    if events and "Police" in sentence:
        assert events[0].agent is not None and events[0].agent.text == "Police"


def test_forces_after_by_are_the_agent_not_a_means(parse: Callable[[str], Doc]) -> None:
    """"by force" is how; "by Tunisian security forces" is who."""
    events = [e for e in _events(parse, "Some 500 migrants were evicted on Sunday by Tunisian security forces from "
                                        "a square.") if e.type == "displacement"]
    assert events and events[0].agent is not None and "security forces" in events[0].agent.text


def test_the_possessor_of_an_expulsion_of_people_is_its_agent(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "The agency is concerned over Angolan authorities\u2019 expulsion of some "
                                        "200,000 Congolese.") if e.type == "displacement"]
    assert events and events[0].agent is not None and events[0].agent.text == "Angolan authorities"
    assert events[0].target is not None and "Congolese" in events[0].target.text


def test_homes_knocked_down_count_the_displacement_when_no_people_are_named(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Police have used sledgehammers to knock down some 250 houses in the township.")
    moved = [e for e in events if e.type == "displacement"]
    assert moved and moved[0].quantity is not None and moved[0].quantity.min == 250


def test_a_desecration_counts_the_sites_it_hit(parse: Callable[[str], Doc]) -> None:
    events = [e for e in _events(parse, "Police are looking for vandals who damaged 25 graves in the cemetery.")
              if e.type == "desecration"]
    assert events and events[0].quantity is not None and events[0].quantity.min == 25
    (single,) = [e for e in _events(parse, "Vandals damaged the chapel.") if e.type == "desecration"]
    assert single.quantity is None


def test_an_inverted_passive_names_its_patient_after_the_verb(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Also deported today were 11 illegal immigrants from Pakistan, China and Sri Lanka.")
    (deported,) = [e for e in events if e.type == "displacement"]
    assert deported.target is not None and deported.target.text == "11 illegal immigrants"
    assert deported.quantity is not None and deported.quantity.min == 11


def test_the_burning_of_mosques_is_a_desecration(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Several thousand Muslims have protested the burning of four mosques in the Amhara region.")
    (burning,) = [e for e in events if e.type == "desecration"]
    assert burning.target is not None and "mosques" in burning.target.text
    assert burning.quantity is not None and burning.quantity.min == 4


@pytest.mark.parametrize(
    ("sentence", "displaced", "agent"),
    [
        ("Israeli forces demolished the homes of four Palestinian families in the village.",
         "four Palestinian families", "Israeli forces"),
        ("The families were forcibly removed from the land by police.", "The families", "police"),
    ],
)
def test_more_ways_of_putting_people_out(parse: Callable[[str], Doc], sentence: str, displaced: str,
                                         agent: str) -> None:
    (event,) = [e for e in _events(parse, sentence) if e.type == "displacement"]
    assert event.target is not None and displaced in event.target.text
    assert event.agent is not None and event.agent.text == agent


@pytest.mark.parametrize(
    "sentence",
    ["The minister was removed from office on Monday.", "The committee ordered a review of the policy.",
     # ordered out of a building before it was destroyed: no one lost a home
     "Militants ordered everyone out of the mosque before destroying it."],
)
def test_removing_an_official_or_ordering_a_review_is_no_displacement(parse: Callable[[str], Doc],
                                                                       sentence: str) -> None:
    assert [e for e in _events(parse, sentence) if e.type == "displacement"] == []


def test_a_passive_break_of_a_sacred_object_is_a_desecration(parse: Callable[[str], Doc]) -> None:
    (broken,) = [e for e in _events(parse, "The idols in the temple were broken by miscreants.")
                 if e.type == "desecration"]
    assert broken.agent is not None and broken.agent.text == "miscreants"


def test_a_machine_after_by_is_no_agent(parse: Callable[[str], Doc]) -> None:
    (razed,) = [e for e in _events(parse, "The tomb was razed by bulldozers last week.") if e.type == "desecration"]
    assert razed.agent is None


def test_a_flight_an_act_led_to_has_the_acts_agent(parse: Callable[[str], Doc]) -> None:
    text = ("Tensions are high among the diverse population of Aceh Singkil, where last week a mob burned down a"
            " church, leaving one person dead and forcing thousands of Christians to flee the area.")
    forced = next(e for e in _events(parse, text) if e.type == "displacement" and e.trigger == "forcing")
    assert forced.agent is not None and forced.agent.text == "a mob"


def test_a_passive_subject_hung_on_its_auxiliary_is_the_patient(parse: Callable[[str], Doc]) -> None:
    (deported,) = [e for e in _events(parse, "Seven Jamaicans were this morning deported aboard a charter plane.")
                   if e.type == "displacement"]
    assert deported.target is not None and deported.target.text == "Seven Jamaicans"
    assert deported.agent is None and deported.quantity is not None and deported.quantity.min == 7


def test_a_time_after_a_nominal_trigger_is_no_patient(parse: Callable[[str], Doc]) -> None:
    events, _ = find_incidents(parse("Around 1,000 people used shelters provided by officials during the"
                                     " nine-hour evacuation on Sunday."))
    assert [e.subtype for e in events if e.type == "displacement"] == ["evacuation"]


def test_migrants_forced_back_across_a_border_are_displaced(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Border guards turned away about 700 illegal migrants, forcing them back into Belarus.")
    assert [e.subtype for e in events if e.type == "displacement"] == ["forced_displacement"]


def test_a_puja_pavilion_set_on_fire_is_a_desecration(parse: Callable[[str], Doc]) -> None:
    events = _events(parse, "Vested groups set fire to several mandaps in the district.")
    assert [e.subtype for e in events if e.type == "desecration"] == ["burned"]
