from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def test_every_line_starts_a_sentence(parse: Callable[[str], Doc]) -> None:
    doc = parse("Headline without a full stop\nThe body starts here and goes on\nA second paragraph.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Headline without a full stop"
    assert starts[1].startswith("The body starts here")
    assert starts[-1] == "A second paragraph."


def test_a_paragraphs_first_word_stays_in_its_sentence(parse: Callable[[str], Doc]) -> None:
    """Handed "Villagers" as a sentence start, the parser would end the sentence right after it."""
    doc = parse("Vanuatu island to evacuate again as volcano erupts\nVillagers on the Vanuatu island of Ambae were "
                "facing their second evacuation in seven months Friday.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1].startswith("Villagers on the Vanuatu island")
