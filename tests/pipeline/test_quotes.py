from __future__ import annotations

from service.pipeline.quotes import find_quotes, is_speech


def test_straight_and_curly_quotes_are_found_with_content_offsets() -> None:
    text = 'He said "we will stay here" and she wrote “they must leave now.”'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["we will stay here", "they must leave now."]
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_quote_left_open_ends_with_its_paragraph() -> None:
    text = '"The first part goes on\n"and the second part ends," she said.'
    assert [q.text for q in find_quotes(text)] == ["The first part goes on", "and the second part ends,"]


def test_names_and_scare_quotes_are_not_speech() -> None:
    quotes = find_quotes('Known as "The Lion," he dismissed the claims as "rumors."')
    assert not any(is_speech(q) for q in quotes)


def test_single_quotes_in_a_paragraph_without_double_ones() -> None:
    text = "'After initial attacks, forces burned 540 houses,' the agency said. 'We are worried.'"
    assert [q.text for q in find_quotes(text)] == [
        "After initial attacks, forces burned 540 houses,", "We are worried."]


def test_apostrophes_are_no_single_quotes() -> None:
    assert find_quotes("Workers' rights groups said they don't know.") == []
    assert find_quotes("He said 'no' to the plan and left.") == []
    # beside double quotes, single ones are quotes within quotes, not quotes of their own
    assert [q.text for q in find_quotes('"She said \'never\' twice," he recalled.')] == ["She said 'never' twice,"]
