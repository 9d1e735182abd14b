"""Turns pipeline results into the public JSON contract (`schemas`)."""

from __future__ import annotations

from service.pipeline.extract import Extraction
from service.pipeline.temporal import Timex
from service.pipeline.types import Event, EventDate, Location, Mention, Quantity
from service.schemas import (
    CandidatePublic,
    Codes,
    EventDatePublic,
    EventPublic,
    LocationPublic,
    MentionPublic,
    QuantityPublic,
    SentenceExplanation,
    TextSpan,
    TimexPublic,
)


def _mention(mention: Mention | None) -> MentionPublic | None:
    if mention is None:
        return None
    return MentionPublic(
        text=mention.text, canonical=mention.canonical, aliases=list(mention.aliases), kind=mention.kind,
        span=TextSpan(start=mention.start, end=mention.end),
    )


def _location(mention: Mention | None) -> LocationPublic | None:
    if mention is None:
        return None
    public = LocationPublic(text=mention.text, canonical=mention.canonical, aliases=list(mention.aliases),
                            span=TextSpan(start=mention.start, end=mention.end))
    if isinstance(mention, Location):
        public = public.model_copy(update={
            "country": mention.country, "country_name": mention.country_name, "admin1": mention.admin1,
            "lat": mention.lat, "lon": mention.lon, "geonames_id": mention.geonames_id,
            "precision": mention.precision, "source": mention.source,
        })
    return public


def _quantity(quantity: Quantity | None) -> QuantityPublic | None:
    return QuantityPublic(text=quantity.text, min=quantity.min, max=quantity.max) if quantity else None


def _date(event_date: EventDate | None) -> EventDatePublic | None:
    if event_date is None:
        return None
    has_span = event_date.start is not None and event_date.end is not None
    span = TextSpan(start=event_date.start, end=event_date.end) if has_span else None  # type: ignore[arg-type]
    return EventDatePublic(
        text=event_date.text, value=event_date.value, precision=event_date.precision,
        anchor=event_date.anchor, rule=event_date.rule, span=span,
    )


def public_event(event: Event) -> EventPublic:
    """The public form of a pipeline event, without the ids a stored event gets."""
    return EventPublic(
        type=event.type,
        subtype=event.subtype,
        trigger=event.trigger,
        trigger_span=TextSpan(start=event.trigger_start, end=event.trigger_end),
        sentence=event.sentence,
        span=TextSpan(start=event.start, end=event.end),
        agent=_mention(event.agent),
        target=_mention(event.target),
        location=_location(event.location),
        attribution=_mention(event.attribution),
        quantity=_quantity(event.quantity),
        date=_date(event.date),
        certainty=event.certainty,
        speaker=_mention(event.speaker),
        quote=event.quote,
        cue=event.cue,
        codes=Codes(**event.codes),
        confidence=event.confidence,
        mentions=event.mentions,
        explanation=list(event.explanation),
    )


def public_timex(timex: Timex) -> TimexPublic:
    return TimexPublic(
        start=timex.start, end=timex.end, text=timex.text, type=timex.type, value=timex.value,
        precision=timex.precision, rule=timex.rule, anchor=timex.anchor,
    )


def sentence_explanations(text: str, extraction: Extraction) -> list[SentenceExplanation]:
    """Per sentence, the triggers the pipeline considered and why each was kept or rejected."""
    explained: list[SentenceExplanation] = []
    for index, (start, end) in enumerate(extraction.sentences):
        candidates = [
            CandidatePublic(trigger=c.trigger, span=TextSpan(start=c.start, end=c.end), type=c.type, kept=c.kept,
                            reason=c.reason)
            for c in extraction.candidates
            if start <= c.start < end
        ]
        explained.append(SentenceExplanation(index=index, span=TextSpan(start=start, end=end),
                                             text=text[start:end], candidates=candidates))
    return explained
