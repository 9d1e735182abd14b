"""Typed views of the lexicon tables in `resources/lexicons/`, built once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from service.pipeline.resources import read_mapping, read_set, read_table


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One row of a trigger lexicon (desecration or displacement)."""

    lemma: str
    pos: str
    mode: str  # desecration: specific | needs_site; displacement: agentive | undergoer
    subtype: str
    requires: frozenset[str]


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    pos: str
    speech_act: str
    needs: str  # "clause": a reported clause or quotation; "object": any object will do
    act_needs: frozenset[str] = frozenset()  # words of which one must depend on the cue for its act


def _trigger_table(name: str) -> dict[tuple[str, str], TriggerEntry]:
    table: dict[tuple[str, str], TriggerEntry] = {}
    for row in read_table(name):
        lemma, pos, mode, subtype = row[:4]
        requires = frozenset(w for w in (row[4] if len(row) > 4 else "").split("|") if w)
        table[(lemma.lower(), pos)] = TriggerEntry(lemma.lower(), pos, mode, subtype, requires)
    return table


@cache
def desecration_triggers() -> dict[tuple[str, str], TriggerEntry]:
    return _trigger_table("lexicons/desecration_triggers.tsv")


@cache
def displacement_triggers() -> dict[tuple[str, str], TriggerEntry]:
    return _trigger_table("lexicons/displacement_triggers.tsv")


@cache
def sacred_sites() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/sacred_sites.tsv").items()}


@cache
def reporting_cues() -> dict[tuple[str, str], CueEntry]:
    return {
        (row[0].lower(), row[1]): CueEntry(
            row[0].lower(), row[1], row[2], row[3] if len(row) > 3 else "clause",
            frozenset(w for w in (row[4] if len(row) > 4 else "").split("|") if w),
        )
        for row in read_table("lexicons/reporting_cues.tsv")
    }


@cache
def speech_act_cues() -> tuple[tuple[str, str], ...]:
    return tuple((row[0].lower(), row[1]) for row in read_table("lexicons/speech_act_cues.tsv"))


@cache
def certainty_cues() -> dict[str, tuple[str, str]]:
    return {key: (cells[0], cells[1]) for key, cells in read_mapping("lexicons/certainty_cues.tsv").items()}


@cache
def hypothetical_heads() -> frozenset[str]:
    return read_set("lexicons/hypothetical_heads.tsv")


@cache
def anaphora_nouns() -> frozenset[str]:
    return read_set("lexicons/anaphora_nouns.tsv")


@cache
def quantity_words() -> dict[str, tuple[int | None, int | None]]:
    def number(cell: str) -> int | None:
        return int(cell) if cell else None

    return {
        row[0].lower(): (number(row[1]), number(row[2] if len(row) > 2 else ""))
        for row in read_table("lexicons/quantity_words.tsv")
    }


@cache
def quantity_modifiers() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/quantity_modifiers.tsv").items()}


@cache
def event_codes() -> tuple[tuple[str, str, str, str], ...]:
    return tuple(
        (row[0], row[1], row[2], row[3] if len(row) > 3 else "") for row in read_table("lexicons/event_codes.tsv")
    )


@cache
def site_qualifiers() -> dict[str, frozenset[str]]:
    return {key: frozenset(cells[0].split("|")) for key, cells in read_mapping("lexicons/site_qualifiers.tsv").items()}


@cache
def modal_adjectives() -> frozenset[str]:
    return read_set("lexicons/modal_adjectives.tsv")


@cache
def title_abbreviations() -> frozenset[str]:
    """As written (not lower-cased): the tokenizer's special cases match case."""
    return frozenset(row[0] for row in read_table("lexicons/title_abbreviations.tsv"))


@cache
def site_parts() -> frozenset[str]:
    return read_set("lexicons/site_parts.tsv")


@cache
def partitive_nouns() -> frozenset[str]:
    return read_set("lexicons/partitive_nouns.tsv")


@cache
def speech_nouns() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/speech_nouns.tsv").items()}


@cache
def light_verbs() -> frozenset[str]:
    return read_set("lexicons/light_verbs.tsv")


@cache
def armed_actors() -> frozenset[str]:
    return read_set("lexicons/armed_actors.tsv")


@cache
def non_human_groups() -> frozenset[str]:
    return read_set("lexicons/non_human_groups.tsv")


@cache
def fugitives() -> frozenset[str]:
    return read_set("lexicons/fugitives.tsv")


@cache
def habitual_adverbs() -> frozenset[str]:
    return read_set("lexicons/habitual_adverbs.tsv")


@cache
def getaway_acts() -> frozenset[str]:
    return read_set("lexicons/getaway_acts.tsv")


@cache
def eventive_heads() -> frozenset[str]:
    return read_set("lexicons/eventive_heads.tsv")


@cache
def discovery_verbs() -> frozenset[str]:
    return read_set("lexicons/discovery_verbs.tsv")


@cache
def displaced_groups() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/displaced_groups.tsv").items()}


@cache
def unrealised_auxiliaries() -> dict[str, tuple[str, str]]:
    return {key: (cells[0], cells[1]) for key, cells in read_mapping("lexicons/unrealised_auxiliaries.tsv").items()}


@cache
def category_modifiers() -> frozenset[str]:
    return read_set("lexicons/category_modifiers.tsv")


@cache
def dwellings() -> frozenset[str]:
    return read_set("lexicons/dwellings.tsv")


@cache
def background_spans() -> tuple[frozenset[str], int]:
    """The words that mark the distant past and the least age in years of a historical incident."""
    rows = read_table("lexicons/background_spans.tsv")
    words = frozenset(row[1].lower() for row in rows if row[0] == "word")
    years = next(int(row[1]) for row in rows if row[0] == "years")
    return words, years


@cache
def violence() -> frozenset[tuple[str, str]]:
    return frozenset((row[0].lower(), row[1]) for row in read_table("lexicons/violence.tsv"))


@cache
def cause_markers() -> frozenset[tuple[str, str]]:
    return frozenset((row[0].lower(), row[1]) for row in read_table("lexicons/cause_markers.tsv"))


@cache
def operation_verbs() -> frozenset[str]:
    return read_set("lexicons/operation_verbs.tsv")


@cache
def summary_markers() -> frozenset[str]:
    return read_set("lexicons/summary_markers.tsv")


@cache
def conditional_marks() -> frozenset[str]:
    return read_set("lexicons/conditional_marks.tsv")


@cache
def standing_group_heads() -> frozenset[str]:
    return read_set("lexicons/standing_group_heads.tsv")


@cache
def ending_verbs() -> frozenset[str]:
    return read_set("lexicons/ending_verbs.tsv")


@cache
def accusing_verbs() -> frozenset[str]:
    return read_set("lexicons/accusing_verbs.tsv")


@cache
def causing_verbs() -> frozenset[str]:
    return read_set("lexicons/causing_verbs.tsv")


@cache
def place_heads() -> frozenset[str]:
    return read_set("lexicons/place_heads.tsv")


@cache
def knowing_verbs() -> frozenset[str]:
    return read_set("lexicons/knowing_verbs.tsv")


@cache
def remembrance_heads() -> frozenset[str]:
    return read_set("lexicons/remembrance_heads.tsv")


@cache
def actor_kinds() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/actor_kinds.tsv").items()}


@cache
def non_names() -> dict[str, str]:
    return {key: cells[0] for key, cells in read_mapping("lexicons/non_names.tsv").items()}
