"""How the sources of a story agree or differ, field by field ("certainty: AFP alleged; Reuters asserted")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

COMPARED = ("date", "place", "agent", "target", "quantity", "certainty", "attribution")


@dataclass(frozen=True, slots=True)
class SourceReading:
    """One source's event in a story: who tells it and the event's public JSON."""

    article_id: int
    source: str
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    field: str
    agree: bool
    values: tuple[tuple[int, str, str], ...]  # (article id, source, value)
    summary: str


def _mention(payload: Mapping[str, Any], name: str) -> str | None:
    mention = payload.get(name) or {}
    return mention.get("canonical") or mention.get("text") or None


def reading(payload: Mapping[str, Any], field: str) -> str | None:
    """What a source says about one field, as text, or None when it says nothing."""
    if field == "date":
        return (payload.get("date") or {}).get("value")
    if field == "place":
        return _mention(payload, "location")
    if field == "quantity":
        quantity = (payload.get("quantity") or {}).get("min")
        return None if quantity is None else str(quantity)
    if field == "certainty":
        return payload.get("certainty")
    return _mention(payload, field)


def agreement(sources: Sequence[SourceReading]) -> list[FieldAgreement]:
    """Per compared field with a value from at least one source: whether all sources that give one agree."""
    out: list[FieldAgreement] = []
    for field in COMPARED:
        # One value per article and distinct reading: an article telling the event twice counts once.
        values = tuple(dict.fromkeys((s.article_id, s.source, v) for s in sources if (v := reading(s.payload, field))))
        if not values:
            continue
        distinct = {v.casefold() for _, _, v in values}
        summary = "; ".join(f"{source}: {value}" for _, source, value in values)
        out.append(FieldAgreement(field, len(distinct) == 1, values, summary))
    return out
