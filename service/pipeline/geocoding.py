"""Geocoding: each event's place resolved against the offline gazetteer (`service/geo/`), in the article's
country context (the countries its places and its dateline point to). Reads the events' `location`
mentions, the document's place entities and dateline; replaces each location by a `Location` with country,
subdivision, coordinates, GeoNames id, precision and source, or precision "unresolved" with its text kept."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from service.geo.gazetteer import Gazetteer
from service.geo.resolution import CountryContext, article_context, resolve_phrase
from service.geo.table import Feature
from service.pipeline.paragraphs import text_of
from service.pipeline.places import dateline_place
from service.pipeline.types import Event, Location, Mention

# The labels whose entities vote for the article's countries (facilities name buildings, not places to vote).
_CONTEXT_LABELS = frozenset({"GPE", "LOC"})
# ", Panjshir" right after a place: the place it may lie in (the resolver checks it is a country or subdivision
# containing it). Capitalized words, not entities: the small model often labels the second name ORG.
_CONTAINER = re.compile(r"\s*,\s*(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})")


def _container_after(doc: Doc, end: int) -> str | None:
    """The name written right after a comma at `end` ("Bazarak, Panjshir" -> "Panjshir")."""
    found = _CONTAINER.match(text_of(doc), end)
    return found["name"] if found else None


def _parts(doc: Doc, mention: Mention) -> list[str]:
    """The mention and the places written around it that contain it, innermost first."""
    parts = [part.strip() for part in mention.text.split(",") if part.strip()]
    container = _container_after(doc, mention.end)
    return [*parts, container] if container else parts


def _dateline(doc: Doc) -> list[str]:
    place = dateline_place(doc)
    if place is None:
        return []
    region = _container_after(doc, place.end)
    return [place.text, region] if region else [place.text]


def _located(mention: Mention, feature: Feature | None, gazetteer: Gazetteer) -> Location:
    location = Location(text=mention.text, start=mention.start, end=mention.end, canonical=mention.canonical,
                        aliases=list(mention.aliases))
    if feature is None:
        return location
    country = gazetteer.country(feature.country)
    location.canonical = mention.canonical or feature.name
    location.country = feature.country
    location.country_name = country.name if country is not None else None
    location.admin1 = feature.admin1 if feature.kind != "country" else None
    location.lat, location.lon = feature.lat, feature.lon
    location.geonames_id = feature.geonames_id
    location.precision = feature.kind
    location.source = feature.source
    return location


def country_context(doc: Doc, gazetteer: Gazetteer) -> CountryContext:
    """The country votes of the document's place entities and dateline."""
    places = [ent.text for ent in doc.ents if ent.label_ in _CONTEXT_LABELS]
    return article_context(gazetteer, places, _dateline(doc))


def geocode_events(doc: Doc, events: list[Event], gazetteer: Gazetteer) -> None:
    """Replaces every event's location mention by its resolved `Location` (the same words resolve alike)."""
    context: CountryContext | None = None
    resolved: dict[tuple[str, ...], Feature | None] = {}
    for event in events:
        if event.location is None or isinstance(event.location, Location):
            continue
        context = context if context is not None else country_context(doc, gazetteer)
        parts = tuple(_parts(doc, event.location))
        if parts not in resolved:
            resolved[parts] = resolve_phrase(gazetteer, parts, context)
        event.location = _located(event.location, resolved[parts], gazetteer)
