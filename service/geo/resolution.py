"""Which feature a place name means in an article: candidates in the article's countries first (then in its
subdivisions), then by feature rank (country > first-level subdivision > city) and population; a place
written inside another ("Bazarak, Panjshir") is looked for inside it. Alternate spellings count only inside
the article's countries when it has any.

Two refinements of the rank, both about how news writes places:
- a country name means the country unless the article is about another country that has a subdivision of
  that name ("Georgia" among places of the United States is the state);
- a subdivision named like its main (most populous) city means the city ("Kabul", "New York"), unless the text
  says "province", "region", ... (`resources/place_qualifiers.tsv`); a smaller town of its name does not
  ("Balkh" is the province).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from service.geo.gazetteer import Gazetteer
from service.geo.names import normalize_place_name
from service.geo.table import Feature, Hit

_KIND_RANK = {"country": 3, "admin1": 2, "city": 1}
# An alternate-name match weighs less than a main-name match of the same size: "Cabool" (Missouri) is also
# spelled "Kabul", but "Kabul" means the capital.
_ALTERNATE_WEIGHT = 0.1
# Votes a dateline place casts for its country: the reporter's place is a strong hint, not a certainty.
DATELINE_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Vote:
    name: str  # the normalized name that cast it
    country: str
    admin1: str | None
    weight: int


@dataclass(slots=True)
class CountryContext:
    """The countries (and subdivisions) an article's places point to, each place voting for where it
    resolves without context."""

    votes: list[Vote] = field(default_factory=list)

    def weight(self, country: str, excluding: str = "") -> int:
        """The votes for `country`, leaving out those of the name being resolved itself."""
        return sum(v.weight for v in self.votes if v.country == country and v.name != excluding)

    def admin1_weight(self, country: str, admin1: str | None, excluding: str = "") -> int:
        if admin1 is None:
            return 0
        return sum(v.weight for v in self.votes
                   if v.country == country and v.admin1 == admin1 and v.name != excluding)

    def any_votes(self, excluding: str = "") -> bool:
        return any(v.name != excluding for v in self.votes)

    def countries(self) -> Counter[str]:
        tally: Counter[str] = Counter()
        for vote in self.votes:
            tally[vote.country] += vote.weight
        return tally


def article_context(gazetteer: Gazetteer, places: Iterable[str], dateline: Sequence[str] = ()) -> CountryContext:
    """The country votes of an article's place names (one per mention) and of its dateline
    ("PESHAWAR, Pakistan" as `["PESHAWAR", "Pakistan"]`)."""
    context = CountryContext()
    resolved: dict[str, Feature | None] = {}
    for text in places:
        if text not in resolved:
            resolved[text] = resolve(gazetteer, text, CountryContext())
        feature = resolved[text]
        if feature is not None:
            context.votes.append(Vote(normalize_place_name(text), feature.country, feature.admin1, 1))
    if dateline:
        feature = resolve_phrase(gazetteer, dateline, CountryContext())
        if feature is not None:
            context.votes.append(Vote(normalize_place_name(dateline[0]), feature.country, feature.admin1,
                                      DATELINE_WEIGHT))
    return context


def _inside(feature: Feature, container: Feature) -> bool:
    if feature == container or feature.country != container.country:
        return False
    if container.kind == "country":
        return True
    return container.kind == "admin1" and feature.kind == "city" and feature.admin1 == container.admin1


def _strength(hit: Hit) -> float:
    return hit.feature.population * (_ALTERNATE_WEIGHT if hit.alternate else 1.0)


_CONTAINERS = frozenset({"country", "admin1"})


def resolve(gazetteer: Gazetteer, text: str, context: CountryContext, within: Feature | None = None,
            kinds: frozenset[str] | None = None) -> Feature | None:
    """The feature `text` most likely names in this article (inside `within`, of `kinds`, when given), or None."""
    lookup = gazetteer.lookup(text)
    hits = lookup.hits
    if kinds is not None:
        hits = [h for h in hits if h.feature.kind in kinds]
    if lookup.asked != "any":
        hits = [h for h in hits if h.feature.kind == lookup.asked] or hits
    if within is not None:
        hits = [h for h in hits if _inside(h.feature, within)]
    if not hits:
        return None
    name = normalize_place_name(text)

    def votes(feature: Feature) -> int:
        return context.weight(feature.country, excluding=name)

    if context.any_votes(excluding=name):
        # Alternate spellings are many and loose ("Yunus" is also Khan Yunis): trusted inside the article's
        # countries only.
        hits = [h for h in hits if not h.alternate or votes(h.feature) > 0]
        if not hits:
            return None

    country = next((h.feature for h in hits if h.feature.kind == "country"), None)
    if country is not None:
        rivals = [h for h in hits if h.feature.kind == "admin1" and not h.alternate and votes(h.feature) > 0]
        if votes(country) > 0 or not rivals:
            return country
        hits = rivals
    best = max(hits, key=lambda h: (votes(h.feature), context.admin1_weight(h.feature.country, h.feature.admin1, name),
                                    _KIND_RANK[h.feature.kind], _strength(h)))
    if best.feature.kind == "admin1" and lookup.asked != "admin1":
        main_city = next((h.feature for h in hits if h.feature.kind == "city" and _inside(h.feature, best.feature)
                          and (h.feature.lat, h.feature.lon) == (best.feature.lat, best.feature.lon)), None)
        if main_city is not None:
            return main_city
    return best.feature


def resolve_phrase(gazetteer: Gazetteer, parts: Sequence[str], context: CountryContext) -> Feature | None:
    """A place written with the places containing it, innermost first (["Bazarak", "Panjshir"]): each part
    is looked for inside the next one (a country or subdivision). A part found elsewhere only was a list
    ("Kabul, Herat"): it resolves alone. A part not found at all leaves the containing place as the answer."""
    if len(parts) <= 1:
        return resolve(gazetteer, parts[0], context) if parts else None
    container = resolve(gazetteer, parts[-1], context, kinds=_CONTAINERS)
    if container is None:
        return resolve(gazetteer, parts[0], context)
    for position in range(len(parts) - 2, -1, -1):
        kinds = None if position == 0 else _CONTAINERS
        inner = resolve(gazetteer, parts[position], context, within=container, kinds=kinds)
        if inner is None:
            alone = resolve(gazetteer, parts[0], context)
            return alone if alone is not None else container
        container = inner
    return container
