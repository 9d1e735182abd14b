from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.pipeline.datelines import find_dateline


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("PESHAWAR: Militants blew up a shrine.", "PESHAWAR"),
        ("KHARTOUM (Reuters) - Thousands fled the city.", "KHARTOUM"),
        ("Amman, June 2 (Petra) - Families were forced to flee.", "Amman"),
        ("KABUL, Afghanistan — The Taliban said on Sunday ...", "KABUL"),
        ("LONDON (UrduPoint News / Sputnik - 21st August, 2020) The minister announced on Friday ...", "LONDON"),
        ("Lumut, Malaysia, (APP - UrduPoint / Pakistan Point News - 23rd Feb, 2021 ) :Malaysia deported ...",
         "Lumut"),
        # a known city in title case and a dash, as African wire copy writes it
        ("Dar es Salaam — More than 50 families have been left homeless.", "Dar es Salaam"),
        # a dash touching the story's first word
        ("ATHENS—Two villages on the Greek island of Evia were evacuated on Sunday.", "ATHENS"),
        ("Blantyre — The Department of Disaster Management Affairs is still providing aid.", "Blantyre"),
    ],
)
def test_datelines_are_recognized(paragraph: str, place: str) -> None:
    dateline = find_dateline(paragraph)
    assert dateline is not None and dateline.place == place


@pytest.mark.parametrize(
    "paragraph",
    ["The army - as usual - said nothing.", "Militants: a short history of the group", "By Jane Doe - Staff writer",
     "The President (in office since 2019) said ...", "Smith (born in May 1960) said ...",
     "Smith (born in Lahore - May 1960) said", "Gunmen — armed with rifles — stormed the village.",
     "Police — who arrived late — said nothing.", "Mr Smith — a teacher — said ..."],
)
def test_ordinary_sentences_are_no_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_the_story_after_a_dateline_is_its_own_sentence(parse: Callable[[str], Doc]) -> None:
    doc = parse("Headline\nAmman, June 2 (Petra) - Thousands of families have been forced to flee.")
    assert [s.text.strip() for s in doc.sents][-1] == "Thousands of families have been forced to flee."


def test_a_title_case_dateline_is_no_subject(parse: Callable[[str], Doc]) -> None:
    doc = parse("Headline\nDar es Salaam — More than 50 families have been left homeless.")
    assert [s.text.strip() for s in doc.sents][-1] == "More than 50 families have been left homeless."


def test_a_date_alone_opening_the_story_is_a_dateline_without_a_place() -> None:
    dateline = find_dateline("Jul 2, 2018-A total of 17 families have been displaced.")
    assert dateline is not None and dateline.place == "" and dateline.end == len("Jul 2, 2018-")
