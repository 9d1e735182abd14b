"""Reads TimeML (.tml) documents: the plain text inside <TEXT>, the creation time and the gold TIMEX3s."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from service.pipeline.temporal.types import Timex, TimexType

_TEXT = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z0-9_]+)(?P<attrs>[^>]*?)/?>")
_ATTR = re.compile(r'(?P<key>[A-Za-z_]+)="(?P<val>[^"]*)"')
_DCT = re.compile(r"<TIMEX3(?P<attrs>[^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """One TimeML document: its name, plain text, creation date (DCT) and gold timexes."""

    name: str
    text: str
    dct: date
    gold: tuple[Timex, ...]


def _attrs(raw: str) -> dict[str, str]:
    return {m["key"]: html.unescape(m["val"]) for m in _ATTR.finditer(raw)}


def _dct_date(source: str) -> date:
    """The document creation date from the CREATION_TIME timex (its value's first 10 chars)."""
    m = _DCT.search(source)
    if not m:
        raise ValueError("no CREATION_TIME timex")
    value = _attrs(m["attrs"])["value"]
    return date.fromisoformat(value[:10])


def parse_timeml(source: str, name: str = "") -> TimeMLDoc:
    """Parse TimeML markup (a whole .tml file) into plain text, DCT and gold timexes.

    Tags inside <TEXT> are removed and entities unescaped; gold offsets index the resulting text.
    Timexes inside <TEXT> flagged as CREATION_TIME are skipped.
    """
    body_m = _TEXT.search(source)
    if not body_m:
        raise ValueError(f"{name}: no <TEXT> element")
    body = body_m["body"]
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[Timex] = []
    pos = 0

    def emit(raw: str) -> None:
        nonlocal length
        # Unescape entities one by one so the output length tracks the plain text exactly.
        piece = _ENTITY.sub(lambda m: html.unescape(m.group(0)), raw)
        out.append(piece)
        length += len(piece)

    for m in _TAG.finditer(body):
        emit(body[pos : m.start()])
        pos = m.end()
        if m["name"] != "TIMEX3":
            continue
        if not m["close"]:
            open_timex = (length, _attrs(m["attrs"]))
            continue
        if open_timex is None:
            continue
        start, attrs = open_timex
        open_timex = None
        if attrs.get("functionInDocument") == "CREATION_TIME":
            continue
        text_so_far = "".join(out)
        ttype: TimexType = attrs.get("type", "DATE")  # type: ignore[assignment]
        gold.append(
            Timex(start, length, text_so_far[start:length], ttype, attrs.get("value", ""), None, "gold")
        )
    emit(body[pos:])
    return TimeMLDoc(name=name, text="".join(out), dct=_dct_date(source), gold=tuple(gold))


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one .tml file; the document name is the file name without `.tml`."""
    return parse_timeml(path.read_text(encoding="utf-8"), name=path.name.removesuffix(".tml"))


def list_timebank(directory: Path) -> list[Path]:
    """The .tml files of a directory, sorted by name."""
    return sorted(directory.glob("*.tml"))
