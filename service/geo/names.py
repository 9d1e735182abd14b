"""Place names as the gazetteer compares them: `fold` case-folds, removes accents and apostrophes and joins
initials ("U.S." -> "us"); `split_qualifiers` also drops generic words ("province", "the city of") at either
end. The generated table (`resources/gazetteer.tsv.gz`) stores names folded, so a change to `fold` means
regenerating it (`python -m service.geo.generate`)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

QualifierKind = Literal["admin1", "city", "any"]

# Letters NFKD leaves whole (no combining mark to strip): the Latin letters of Polish, Nordic, Turkish names.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_APOSTROPHES = re.compile("['’‘ʻʼʿʾ`]")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


@cache
def qualifiers() -> dict[str, QualifierKind]:
    """The generic words of `resources/place_qualifiers.tsv` and the feature each asks for."""
    table = resources.files("service.geo").joinpath("resources/place_qualifiers.tsv").read_text(encoding="utf-8")
    kinds: dict[str, QualifierKind] = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = (cell.strip() for cell in line.split("\t"))
            kinds[word.lower()] = kind  # type: ignore[assignment]
    return kinds


def fold(text: str) -> str:
    """Case-folded ASCII words separated by single spaces; initials joined ("U.S." -> "us")."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _APOSTROPHES.sub("", folded)
    folded = _INITIALS.sub(lambda m: m.group().replace(".", "") + " ", folded)
    return _SEPARATORS.sub(" ", folded).strip()


def split_qualifiers(text: str) -> tuple[str, QualifierKind]:
    """The normalized name without its generic words, and the feature those words ask for
    ("Panjshir province" -> ("panjshir", "admin1"))."""
    words = fold(text).split()
    known = qualifiers()
    asked: QualifierKind = "any"
    dropped: list[str] = []
    while len(words) > 1 and words[0] in known:
        dropped.append(words.pop(0))
    while len(words) > 1 and words[-1] in known:
        dropped.append(words.pop())
    asked = next((known[w] for w in dropped if known[w] != "any"), "any")
    return " ".join(words), asked


def normalize_place_name(text: str) -> str:
    """The key a place name is looked up by ("the city of Larkana" -> "larkana", "Kābul" -> "kabul")."""
    return split_qualifiers(text)[0]
