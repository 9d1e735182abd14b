"""The event scorer's logic, kept in the project so `make eval` runs where ../shared/eval is absent.

A copy of the matching and field checks of `shared/eval/score_events.py` (the reference): an extracted
event matches a gold event when the types are equal and its sentence contains the gold `match`;
fields under `expect` are checked leniently. `events_report` prefers the reference when present and a
test checks both give the same numbers.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

FIELDS_TEXT = ("agent", "target", "location", "attribution", "speaker")


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower()


def texts(value) -> list[str]:
    """All strings a field value offers for matching: text, canonical name, name, aliases."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    if isinstance(value, dict):
        out = []
        for key in ("text", "canonical", "name", "label"):
            if isinstance(value.get(key), str):
                out.append(value[key])
        for alias in value.get("aliases") or []:
            if isinstance(alias, str):
                out.append(alias)
        return out
    return [str(value)]


def check_field(name: str, want, event: dict) -> bool:
    if name in FIELDS_TEXT:
        got = [fold(t) for t in texts(event.get(name))]
        return any(fold(w) in g for w in want for g in got)
    if name == "speaker_not":
        spk = event.get("speaker") or {}
        resolved = spk.get("canonical") or spk.get("text") if isinstance(spk, dict) else spk
        return fold(resolved or "") not in {fold(w) for w in want}
    if name == "quantity_min":
        q = event.get("quantity") or {}
        return isinstance(q, dict) and q.get("min") == want
    if name in ("certainty", "subtype"):
        return fold(str(event.get(name) or "")) in {fold(w) for w in want}
    if name == "cue":
        return any(fold(w) in fold(str(event.get("cue") or "")) for w in want)
    if name == "quote":
        return fold(want) in fold(str(event.get("quote") or ""))
    if name == "date":
        if want is None:
            return True  # no explicit date in the text: not checked
        d = event.get("date") or {}
        value = d.get("value") if isinstance(d, dict) else d
        got = interval(value) if isinstance(value, str) else None
        wants = [interval(w) for w in (want if isinstance(want, list) else [want])]
        # right when the extracted interval lies inside a gold one: "2012-W27" is inside "2012-07";
        # a day inside a gold month counts, a month for a gold day does not.
        return got is not None and any(w and w[0] <= got[0] and got[1] <= w[1] for w in wants)
    if name == "date_text":
        d = event.get("date") or {}
        return any(fold(w) in fold(d.get("text") or "") for w in want) if isinstance(d, dict) else False
    raise SystemExit(f"unknown expectation {name!r}")


def interval(value: str) -> tuple[date, date] | None:
    """The days a TIMEX3-style date value covers: YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm...], YYYY-Www."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?", value or "")
    if not m:
        return None
    year, month, day, week = int(m[1]), m[2], m[3], m[4]
    try:
        if week:
            start = date.fromisocalendar(year, int(week), 1)
            return start, start + timedelta(days=6)
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def article_headline(gold_path: Path, gold: dict) -> str:
    """The folded first line of the gold's article text (its headline), or ''."""
    path = gold_path.parent / gold.get("article", "article.json")
    try:
        text = json.loads(path.read_text()).get("text") or ""
    except (OSError, ValueError):
        return ""
    return fold(text.split("\n", 1)[0])


def score(gold_path: Path, events: list[dict], only_type: str | None = None) -> dict:
    gold = json.loads(gold_path.read_text())
    if only_type:
        gold = dict(gold, events=[g for g in gold["events"] if g["type"] == only_type])
        events = [e for e in events if e.get("type") == only_type]
    used: set[int] = set()
    res = {"tp": 0, "fn": 0, "fp": 0, "dup": 0, "headline": 0, "args_ok": 0, "args_all": 0,
           "misses": [], "wrong": [], "extra": []}
    matches: dict[int, list[int]] = {}
    for gi, g in enumerate(gold["events"]):
        key = fold(g["match"])
        matches[gi] = [i for i, e in enumerate(events) if e.get("type") == g["type"] and key in fold(e.get("sentence", ""))]
    for gi, g in enumerate(gold["events"]):
        cand = [i for i in matches[gi] if i not in used]
        if not cand:
            if not g.get("optional"):
                res["fn"] += 1
                res["misses"].append(f"{g['type']}: {g['match'][:70]}")
            continue
        # Several extracted events may share the sentence (a claim and its denial): pair with the one
        # that satisfies most of this gold event's fields.
        best = max(cand, key=lambda i: sum(check_field(n, w, events[i]) for n, w in g.get("expect", {}).items()))
        used.add(best)
        if g.get("optional"):
            continue
        res["tp"] += 1
        for name, want in g.get("expect", {}).items():
            res["args_all"] += 1
            if check_field(name, want, events[best]):
                res["args_ok"] += 1
            else:
                shown = events[best].get(name if name not in ("quantity_min", "speaker_not", "date_text") else
                                         {"quantity_min": "quantity", "speaker_not": "speaker", "date_text": "date"}[name])
                res["wrong"].append(f"{g['type']} '{g['match'][:40]}' {name}: want {want!r}, got {json.dumps(shown)[:120]}")
    covered = {i for idx in matches.values() for i in idx}
    headline = article_headline(gold_path, gold)
    for i, e in enumerate(events):
        if i in used:
            continue
        if headline and fold(e.get("sentence", "")) and fold(e.get("sentence", "")) in headline:
            res["headline"] += 1  # headlines restate the lead: neither rewarded nor penalised
            continue
        if i in covered:
            res["dup"] += 1  # a second event for a gold event already matched
        else:
            res["fp"] += 1
            res["extra"].append(f"{e.get('type')}: {fold(e.get('sentence', ''))[:70]}")
    return res


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
