"""Statements: speaker, cue, quote and speech act."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.statements import find_statements


def _statements(parse: Callable[[str], Doc], text: str):  # type: ignore[no-untyped-def]
    return find_statements(parse(text), frozenset())[0]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "quote"),
    [
        ('"We have lost everything," said Maria Lopez, a farmer.', "Maria Lopez", "said", "We have lost everything"),
        ('"The road is closed," the governor told reporters.', "governor", "told", "The road is closed"),
        ('Mayor Tim Rowe said: "Nobody was hurt in the blaze."', "Tim Rowe", "said", "Nobody was hurt"),
        ("The ministry said that the border would reopen next week.", "ministry", "said", "the border would reopen"),
        ("The residents complained that they were given no time to move.", "residents", "complained",
         "they were given no time"),
        ("The mayor pointed out that the shelters were full.", "mayor", "pointed out", "the shelters were full"),
        ("The fire brigade described the evacuation of Kontodespoti and Stavros village in central Evia, about 44 miles"
         " from Athens, as a precaution.", "fire brigade",
         "described", "as a precaution"),
        ("The Elections Office reminds us that defacing a political sign is an offence.", "Elections Office",
         "reminds", "defacing a political sign"),
        ("The organisation highlighted that the camps were full.", "organisation", "highlighted",
         "the camps were full"),
        # a purpose infinitive: the subject of the verb it completes speaks
        ("Candidates banded together to condemn the vandalism of a campaign sign.", "Candidates", "condemn",
         "the vandalism of a campaign sign"),
        # the clause hung on the speech noun
        ("Police say in a statement that the graffiti specifically references the park.", "Police", "say",
         "the graffiti specifically references"),
        # the name parsed as the clause's subject, "to" left without an object
        ("According to neighbourhood official Aifo Corrente, about ten boats a day are arriving from Mocimboa da"
         " Praia and Quissanga.", "Aifo Corrente", "according to", "ten boats a day"),
        # a reporting verb after what it reports, its source parsed as its object
        ('Dozens of families have fled to the provincial capital, Pemba, reports the independent newsheet'
         ' "Carta de Mocambique".', "Carta de Mocambique", "reports", "Dozens of families have fled"),
    ],
)
def test_speaker_cue_and_quote(parse: Callable[[str], Doc], text: str, speaker: str, cue: str, quote: str) -> None:
    statements = _statements(parse, text)
    assert len(statements) == 1
    found = statements[0]
    assert found.speaker is not None and speaker in found.speaker.text
    assert found.cue == cue and found.quote is not None and quote in found.quote


def test_quote_in_next_paragraph_keeps_the_speaker(parse: Callable[[str], Doc]) -> None:
    text = '"The water came at night," said Rosa Diaz.\n"We call on the government to send boats now."'
    statements = _statements(parse, text)
    assert [s.speaker.canonical for s in statements if s.speaker] == ["Rosa Diaz", "Rosa Diaz"]
    assert statements[1].subtype == "appeal"


def test_surname_resolves_to_the_nearest_full_name(parse: Callable[[str], Doc]) -> None:
    text = ("Omar Haddad Sr. founded the party in 1970. His son Karim Haddad leads it today.\n"
            '"We will never give up," Haddad said.')
    statement = _statements(parse, text)[-1]
    assert statement.speaker is not None and statement.speaker.canonical == "Karim Haddad"


def test_unnamed_speaker_takes_the_name_given_next(parse: Callable[[str], Doc]) -> None:
    text = ('"They burned the houses," one villager told the agency. The man gave only his first name, Idris, '
            "fearing reprisals.")
    statement = _statements(parse, text)[0]
    assert statement.speaker is not None and statement.speaker.canonical == "Idris"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The army denied reports that it had shelled the town.", "denial"),
        ("The minister praised the rescue teams for their courage.", "praise"),
        ("The UN urged both sides to allow aid into the city.", "appeal"),
        ('"I will never leave my land," the farmer said.', "vow"),
        ("The opposition accused the government of rigging the vote.", "accusation"),
        ('"The bridge reopened on schedule," the engineer said.', "claim"),
        ('The mayor called the vandalism "cowardly" and "shameful".', "condemnation"),
        ("The envoy called the raid \u201ca conspiracy against the peace\u201d.", "accusation"),
        ("He said all parties were called upon to show restraint.", "appeal"),
        ('"We did not touch a single house," the commander said.', "denial"),
        ('"Attacks on graves must be condemned," the bishop said.', "condemnation"),
        ('The curator described the statue as "one of a kind".', "praise"),
        ('"They should have told us to remove our shacks ourselves," said a resident.', "accusation"),
        ('"They should warn us before they come," said a resident.', "appeal"),
    ],
)
def test_speech_act(parse: Callable[[str], Doc], text: str, act: str) -> None:
    assert [s.subtype for s in _statements(parse, text)] == [act]


def test_cue_reported_inside_another_statement_is_not_a_second_one(parse: Callable[[str], Doc]) -> None:
    statements = _statements(parse, "Residents decried what they said was neglect by the council.")
    assert [s.cue for s in statements] == ["decried"]


def test_posting_a_video_is_not_a_statement(parse: Callable[[str], Doc]) -> None:
    assert _statements(parse, "One official posted video of the crowds to social media.") == []


def test_according_to_is_attribution_when_the_sentence_holds_an_incident(parse: Callable[[str], Doc]) -> None:
    doc = parse("Troops expelled 300 families, according to local elders.")
    assert find_statements(doc, frozenset({0}))[0] == []
    assert len(find_statements(doc, frozenset())[0]) == 1


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The spokesman declined to comment on the report.", "declined to comment"),
        ("The bishop called on the government to act.", "called on"),
        ("Nine people died in the blast, according to the police.", "according to"),
    ],
)
def test_cue_phrases(parse: Callable[[str], Doc], text: str, cue: str) -> None:
    assert [s.cue for s in _statements(parse, text)] == [cue]


def test_according_to_quotes_what_the_source_says(parse: Callable[[str], Doc]) -> None:
    statement = _statements(parse, "Nine people died in the blast, according to the police.")[0]
    assert statement.quote is not None and statement.quote.startswith("Nine people died")


def test_calling_something_a_name_is_no_appeal(parse: Callable[[str], Doc]) -> None:
    statement = _statements(parse, "The minister called the attack cowardly.")[0]
    assert statement.subtype != "appeal"


def test_question_put_to_someone_is_an_appeal(parse: Callable[[str], Doc]) -> None:
    text = '"Will the Prime Minister commit to a new law?" the MP asked.'
    assert [s.subtype for s in _statements(parse, text)] == ["appeal"]


def test_source_before_a_subjectless_cue(parse: Callable[[str], Doc]) -> None:
    doc = parse("Thousands of families have been forced to flee the city of Rafah, the United Nations Relief "
                "and Works Agency (UNRWA) said.")
    from service.pipeline.certainty import assess
    from service.pipeline.incidents import find_incidents

    event = find_incidents(doc)[0][0]
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    assert trigger is not None
    certainty, source, _ = assess(trigger.root)
    assert certainty == "reported" and source is not None and "Agency" in source.text


@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [
        ("The ministry issued a statement on the floods.", "issued a statement", "claim"),
        ("The mayor made an urgent appeal for calm.", "made an urgent appeal", "appeal"),
        ("The army issued a warning to residents of the valley.", "issued a warning", "threat"),
    ],
)
def test_light_verb_with_speech_noun_is_a_statement(parse: Callable[[str], Doc], text: str, cue: str,
                                                    act: str) -> None:
    statements = _statements(parse, text)
    assert [(s.cue, s.subtype) for s in statements] == [(cue, act)]


def test_trailing_source_reports_the_clause_before_it(parse: Callable[[str], Doc]) -> None:
    text = "Relief efforts have been hindered by heavy rains, the national news agency reported Sunday."
    statement = _statements(parse, text)[0]
    assert statement.speaker is not None and "agency" in statement.speaker.text
    assert statement.quote is not None and statement.quote.startswith("Relief efforts")


def test_title_with_named_apposition_resolves_to_the_name(parse: Callable[[str], Doc]) -> None:
    statement = _statements(parse, "The governor, Caleb Okoro, condemned the attack as barbaric.")[0]
    assert statement.speaker is not None and statement.speaker.canonical == "Caleb Okoro"


def test_he_goes_on_with_a_speaker_the_model_does_not_name(parse: Callable[[str], Doc]) -> None:
    text = ("Obinna kalu, a member of the vigilante group, said the raiders took the cattle.\n"
            '"The soldiers ran away and left us alone," he said.')
    statement = _statements(parse, text)[-1]
    assert statement.speaker is not None and "kalu" in (statement.speaker.canonical or "")


def test_he_after_a_newly_named_person_is_that_person(parse: Callable[[str], Doc]) -> None:
    text = ("The ministry said the road was closed. Officials met Peter Mwangi on Monday.\n"
            '"We need the road," he said.')
    statement = _statements(parse, text)[-1]
    assert statement.speaker is not None and statement.speaker.canonical == "Peter Mwangi"


def test_they_goes_on_with_the_speaker_just_before(parse: Callable[[str], Doc]) -> None:
    text = ("Two men vandalised the chapel overnight, police said on Monday. "
            "The attackers fled on motorcycles, they said.")
    statement = _statements(parse, text)[-1]
    assert statement.speaker is not None and statement.speaker.canonical == "police"


def test_a_given_name_keeps_its_surname(parse: Callable[[str], Doc]) -> None:
    text = "A witness, who identified himself as Musa Bello, said the gunmen burnt the market."
    statement = _statements(parse, text)[0]
    assert statement.speaker is not None and statement.speaker.canonical == "Musa Bello"


def test_informing_someone_that_is_a_statement(parse: Callable[[str], Doc]) -> None:
    statements = _statements(parse, "Council officials informed the tenants that the building would close in May.")
    assert [s.cue for s in statements] == ["informed"]
    assert statements[0].speaker is not None and "officials" in statements[0].speaker.text


def test_a_proper_name_speaker_goes_on_through_for(parse: Callable[[str], Doc]) -> None:
    statement = _statements(parse, "The National Council for Civil Liberties stated that the law was unfair.")[0]
    assert statement.speaker is not None and statement.speaker.text.endswith("Civil Liberties")


def test_cited_as_saying_reports_the_clause_before_the_source(parse: Callable[[str], Doc]) -> None:
    text = "Prices rose sharply in the capital, the agency cited the ministry as saying on Monday."
    statements = _statements(parse, text)
    assert [s.cue for s in statements] == ["cited"]
    assert statements[0].quote is not None and statements[0].quote.startswith("Prices rose sharply")


def test_advising_people_to_act_is_an_appeal(parse: Callable[[str], Doc]) -> None:
    statements = _statements(parse, "The commission advises residents to be aware of flash floods and landslides.")
    assert len(statements) == 1
    statement = statements[0]
    assert statement.speaker is not None and "commission" in statement.speaker.text
    assert statement.subtype == "appeal" and statement.cue is not None and "advise" in statement.cue


def test_an_abbreviated_title_ends_no_sentence_and_the_name_after_it_speaks(parse: Callable[[str], Doc]) -> None:
    text = "\u201cThis is an act to be strongly condemned,\u201d said Catholic priest Fr. Francis Suan, a resident."
    statement = _statements(parse, text)[0]
    assert statement.speaker is not None and statement.speaker.canonical == "Francis Suan"
    assert len(list(parse(text).sents)) == 1


def test_a_quote_running_over_two_sentences_belongs_to_the_cue_where_it_closes(parse: Callable[[str], Doc]) -> None:
    text = ("The agency said fighting continued.\n'The area remains insecure and inaccessible to U.N. staff. It is"
            " difficult to get precise information but up to 20,000 people might be displaced,' it said.")
    statements = _statements(parse, text)
    assert len(statements) == 2
    last = statements[-1]
    assert last.cue == "said" and last.quote is not None and last.quote.startswith("The area remains")
    assert last.speaker is not None and last.speaker.canonical == "The agency"


def test_prayers_said_are_a_rite_not_a_statement(parse: Callable[[str], Doc]) -> None:
    assert _statements(parse, "Prayers were said by Reverend Gérard Mongelard and the congregation.") == []


def test_asking_anyone_to_come_forward_is_an_appeal(parse: Callable[[str], Doc]) -> None:
    (asked,) = _statements(parse, "Clare police have asked anyone with information to contact Crime Stoppers.")
    assert asked.subtype == "appeal"


def test_branding_the_damage_is_a_condemnation(parse: Callable[[str], Doc]) -> None:
    (branded,) = _statements(parse, "Sheriff Alayne Swanson branded the damage they caused absolutely disgusting.")
    assert branded.cue == "branded" and branded.speaker is not None and "Swanson" in branded.speaker.text
