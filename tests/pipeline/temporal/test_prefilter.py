"""The prefilter skips only rules that cannot match: candidates are the same with and without it."""

from __future__ import annotations

import re

import pytest

from service.pipeline.resources import RESOURCE_ROOT
from service.pipeline.temporal.patterns import candidates
from service.pipeline.temporal.prefilter import REACH, YEAR, TextPieces, needs

_EXAMPLE = re.compile(r'"([^"]+)"')


def _rule_examples() -> list[str]:
    """Every quoted phrase of the `# EXAMPLE:` comments of rules.tsv, the text each rule is written for."""
    lines = (RESOURCE_ROOT / "temporal" / "rules.tsv").read_text(encoding="utf-8").splitlines()
    return [p for line in lines if line.startswith("# EXAMPLE") for p in _EXAMPLE.findall(line)]


def _key(text: str, prefilter: bool) -> list[tuple[int, int, str]]:
    return sorted((c.start, c.end, c.rule.name) for c in candidates(text, prefilter=prefilter))


@pytest.mark.parametrize("text", _rule_examples())
def test_rule_examples_give_the_same_candidates_with_the_prefilter(text: str) -> None:
    assert _key(text, True) == _key(text, False)


def test_a_text_with_every_kind_of_expression_gives_the_same_candidates() -> None:
    text = (
        "On Christmas Day 1997, two years ago, shares fell 5% at 3 p.m. Friday; a year earlier, in the "
        "third quarter of 1996, they rose for the past three months, then recently and now. Each July, "
        "twice a year, sales peak in the late 1980s style; nineteen ninety-four was the second half."
    )
    found = _key(text, True)
    assert found == _key(text, False)
    assert len(found) > 10


def test_a_long_text_gives_the_same_candidates_across_scan_windows() -> None:
    filler = " The board met and nothing else happened there." * 12
    text = filler.join(_rule_examples())
    assert len(text) > 20 * REACH
    assert _key(text, True) == _key(text, False)


def test_windows_of_an_absent_need_are_empty_and_no_needs_scan_everything() -> None:
    pieces = TextPieces("Shares fell.")
    assert pieces.windows(needs("{unit} ago")) == []
    assert pieces.windows(()) == [(0, len("Shares fell."))]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:{approx} )?(?:{count:num} )?{unit} ago", 2),
        ("(?:every|each) {weekday}", 2),
        ("{month} {day},? {year}", 2),
        ("the (?:latest|most recent) period", 3),
        ("(?:the )?{ordinal:ord} half", 1),
        (r"(?P<year>\d{4})-(?P<mnum>0[1-9]|1[0-2])", 0),
    ],
    ids=[
        "unit-and-ago",
        "alternation-and-class",
        "digits-need-nothing-but-the-year",
        "literal-words",
        "optional-article",
        "digits-only",
    ],
)
def test_needs_counts_the_parts_a_match_cannot_do_without(pattern: str, expected: int) -> None:
    assert len(needs(pattern)) == expected


def test_needs_of_alternatives_are_merged() -> None:
    (need,) = needs("currently|nowadays")
    assert need == {"currently", "nowadays"}


def test_optional_parts_are_not_needed() -> None:
    assert needs("(?:early )?today") == (frozenset({"today"}),)


def test_a_year_is_needed_as_digits() -> None:
    (need,) = needs("{year}")
    assert need == {YEAR}
    assert TextPieces("in 1998").has(need)
    assert not TextPieces("2,000 troops").has(need)


def test_text_without_a_needed_word_cannot_match() -> None:
    assert not TextPieces("Shares fell.").can_match(needs("{unit} ago"))
    assert TextPieces("Shares fell two days ago.").can_match(needs("{unit} ago"))
