"""The names an actor mention contributes across articles: its canonical name and the aliases it was seen
under, and the normalized key names are matched by ("The Taliban", "taliban" -> "taliban")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from service.pipeline.lexicons import non_names

MAX_NAME_CHARS = 300
_NOT_NAME_CHARACTERS = re.compile(r"[^\w\s'-]+")


def actor_key(name: str) -> str:
    """The form names are compared in: accents, case, punctuation, spacing and a leading article dropped
    ("The  Taliban’s" and "taliban's" are one key)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NOT_NAME_CHARACTERS.sub(" ", plain).split()
    while len(words) > 1 and non_names().get(words[0]) == "article":
        words = words[1:]
    return " ".join(words)[:MAX_NAME_CHARS]


def _without_article(text: str) -> str:
    words = text.split()
    while len(words) > 1 and non_names().get(words[0].lower()) == "article":
        words = words[1:]
    return " ".join(words)[:MAX_NAME_CHARS]


def is_alias(text: str) -> bool:
    """True for words that name an actor ("Massoud", "Taliban fighters"), false for pointers and descriptions
    ("he", "one resident", "a man")."""
    words = text.lower().split()
    return bool(words) and non_names().get(words[0]) not in ("pronoun", "indefinite")


@dataclass(slots=True)
class ActorName:
    """An actor as one mention names it: canonical name, normalized key, kind, and the aliases seen."""

    name: str
    key: str
    kind: str
    aliases: dict[str, str] = field(default_factory=dict)  # key -> the alias as first written


def actor_name(*, text: str, canonical: str | None, aliases: list[str], kind: str | None) -> ActorName | None:
    """The actor a mention names, or None when it names none in particular: no kind, or no name the article
    gives ("residents", "one man" left unnamed)."""
    if kind is None or not canonical or not is_alias(canonical):
        return None
    name = _without_article(canonical)
    key = actor_key(name)
    if not key:
        return None
    actor = ActorName(name=name, key=key, kind=kind, aliases={key: name})
    for seen in (text, *aliases):
        if is_alias(seen):
            alias = _without_article(seen)
            actor.aliases.setdefault(actor_key(alias), alias)
    actor.aliases.pop("", None)
    return actor
