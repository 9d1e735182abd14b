"""Hostile input: every case gets a clear 4xx problem+json or a correct 2xx, quickly, and what was stored
before stays as it was. The cases are generated from tables: attacks x fields x endpoints."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from service.api.app import create_app
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.schemas import MAX_ID, ArticlePublic, ArticleWithEvents, EventPage, ExtractionOut, TemporalOut, Timeline

PROBLEM = "application/problem+json"
SECONDS = 10.0  # no hostile request may hold the server longer than this
SENTINEL = {
    "text": "Shrine bombed\nMilitants bombed the shrine of a Sufi saint in Larkana on Monday, police said. "
            "\"We will rebuild it,\" the mayor, Ann Cole, said.",
    "published_at": "2023-05-10", "external_id": "sentinel-1", "source": "Wire A", "url": "https://example.org/s",
}
VALID = {"text": "Families flee\nMore than 200 families fled the village of Ostrava Nova last month.",
         "published_at": "2023-05-10"}
ANSWERS: dict[str, type[BaseModel]] = {
    "/v1/articles": ArticleWithEvents, "/v1/extract": ExtractionOut, "/v1/temporal": TemporalOut,
    "/v1/events": EventPage, "/v1/timeline": Timeline,
}
OK, BAD, TOO_BIG = {200, 201}, {400, 422}, {413}
POSTS = ("/v1/articles", "/v1/extract", "/v1/temporal")
STATELESS = ("/v1/extract", "/v1/temporal")
GETS = ("/v1/events", "/v1/timeline")


@dataclass(frozen=True)
class Case:
    """One request and the statuses that would be a correct answer to it."""

    id: str
    method: str
    path: str
    expect: set[int]
    json: Any = None
    content: bytes | None = None
    params: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    stored_as_sent: bool = False  # a 2xx article must read back with exactly the fields sent


def _body(path: str, id: str, expect: set[int], body: Any, stored_as_sent: bool = False) -> Case:
    # /v1/temporal reads only text and published_at: what the other endpoints refuse in other fields, it ignores.
    return Case(f"{path}:{id}", "POST", path, expect, json=body, stored_as_sent=stored_as_sent)


def _raw(path: str, id: str, expect: set[int], content: bytes) -> Case:
    return Case(f"{path}:{id}", "POST", path, expect, content=content, headers={"content-type": "application/json"})


INJECTIONS = {
    "sql-drop": "'; DROP TABLE articles; --",
    "sql-or": "x' OR '1'='1",
    "sql-union": "%' UNION SELECT id, text FROM articles --",
    "sql-comment": "*/ DELETE FROM events; /*",
    "like-wildcards": "%_%\\",
    "html-script": "<script>alert('x')</script>",
    "html-img": "<img src=x onerror=alert(1)>",
    "json-break": "\"}], \"events\": [{\"",
}
ODD_TEXTS = {
    "control-chars": "Headline\x01\x02\x1b[31m\nPolice\x7f evacuated\x0b 300 residents\x0c of Marlow on Friday.\x85",
    "rtl-override": "\u202eHeadline\u202c\nPolice evacuated 300 residents of \u05de\u05e8\u05dc\u05d5 on Friday.",
    "arabic": "\u0639\u0646\u0648\u0627\u0646\nPolice evacuated 300 residents of \u0628\u063a\u062f\u0627\u062f.",
    "zero-width": "Head\u200bline\nPo\u200dlice evac\ufeffuated 300 resi\u200cdents of Marlow on Fri\u2060day.",
    "emoji": "\U0001f525 Fire\nPolice evacuated 300 \U0001f468\u200d\U0001f469\u200d\U0001f467 residents "
             "on Friday \U0001f3e0.",
    "combining": "Z\u0351\u0352\u0353a\u0354\u0355lgo\nPolice evacuated 300 re\u0301\u0302\u0303sidents on Friday.",
    "line-separators": "Headline\u2028Police evacuated 300 residents\u2029 of Marlow on Friday.",
    "only-punctuation": "!?.,;:" * 300,
    "only-whitespace-and-a-dot": " \t\n" * 100 + ".",
    "no-sentence-breaks": "word " * 2000,
    "one-long-word": "x" * 20_000,
    "many-newlines": "\n".join(["Police evacuated residents on Friday"] * 200),
    "short-sentences": " ".join(f"Police evacuated {i} residents." for i in range(150)),
    "crlf": "Headline\r\nPolice evacuated 300 residents\r\nof Marlow on Friday.\r\n",
    "tabs": "\t".join(["Police", "evacuated", "300", "residents", "on", "Friday."]),
    "numbers": " ".join(str(10**i) for i in range(60)),
    "dates-everywhere": "On 0001-01-01, 9999-12-31, 10000 BC, the year 99999, 31 February and 2021-W53 it happened.",
    "relative-dates": "Yesterday, tomorrow, next year, ten thousand years ago and in 5000 years police evacuated "
                      "people.",
}
# "ten thousand years ago" resolves before year 1 in the pipeline, and runs of over 500 characters without
# a space are no prose: those texts get 422 (see README, Limits).
MAY_REFUSE = {"only-whitespace-and-a-dot", "relative-dates", "only-punctuation", "one-long-word"}
PUBLISHED = {
    "year-1": ("0001-01-01", OK | BAD),
    "year-1-late": ("0001-12-31T23:59:59Z", OK | BAD),
    "year-9999": ("9999-12-31", OK | BAD),
    "year-9999-early": ("9999-01-01T00:00:00Z", OK | BAD),
    "year-1-east-offset": ("0001-01-01T00:00:00+05:00", BAD),
    "year-9999-west-offset": ("9999-12-31T23:00:00-05:00", BAD),
    "year-9999-east-offset": ("9999-12-31T23:59:59+14:00", OK | BAD),
    "year-0": ("0000-01-01", BAD),
    "year-10000": ("10000-01-01", BAD),
    "offset-plus-14": ("2024-01-01T00:00:00+14:00", OK),
    "offset-minus-12": ("2024-01-01T00:00:00-12:00", OK),
    "offset-half-hour": ("2024-01-01T00:00:00+05:30", OK),
    "offset-45-minutes": ("2024-01-01T00:00:00+05:45", OK),
    "offset-25-hours": ("2024-01-01T00:00:00+25:00", BAD),
    "dst-gap": ("2024-03-10T02:30:00-05:00", OK),
    "zulu": ("2024-01-01T00:00:00Z", OK),
    "leap-day": ("2024-02-29", OK),
    "not-leap-day": ("2023-02-29", BAD),
    "month-13": ("2024-13-01", BAD),
    "hour-25": ("2024-01-01T25:00:00", BAD),
    "leap-second": ("2016-12-31T23:59:60Z", BAD),
    "unix-epoch-int": (0, OK),
    "negative-int": (-1, OK),
    "huge-int": (10**20, BAD),
    "huge-float": (1.5e300, BAD),
    "nan": ("NaN", BAD),
    "empty": ("", BAD),
    "words": ("last Tuesday", BAD),
    "sql": ("2024-01-01'; DROP TABLE articles; --", BAD),
}
WRONG_TYPES: dict[str, Any] = {"int": 42, "float": 4.2, "bool": True, "null": None, "list": ["a"], "object": {"a": 1}}
MALFORMED = {
    "not-json": b"{not json", "empty": b"", "open-brace": b"{", "missing-value": b'{"text": }',
    "trailing-comma": b'{"text": "a", "published_at": "2024-01-01",}', "unclosed": b'{"text": "a"',
    "single-quotes": b"{'text': 'a'}", "null": b"null", "number": b"12", "string": b'"text"', "array": b"[1, 2]",
    "nan-literal": b'{"text": NaN, "published_at": "2024-01-01"}',
    "deep-array": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep-in-field": b'{"text": ' + b"[" * 20_000 + b"]" * 20_000 + b', "published_at": "2024-01-01"}',
    "invalid-utf8": b'{"text": "Police \xff\xfe evacuated", "published_at": "2024-01-01"}',
    "overlong-utf8": b'{"text": "Police \xc0\xaf evacuated", "published_at": "2024-01-01"}',
    "utf8-surrogate-bytes": b'{"text": "Police \xed\xa0\x80 evacuated", "published_at": "2024-01-01"}',
    "utf16": json.dumps(VALID).encode("utf-16"),
    "raw-nul": b'{"text": "Police\x00 evacuated", "published_at": "2024-01-01"}',
    "bom": b"\xef\xbb\xbf" + json.dumps(VALID).encode(),
    "duplicate-keys": b'{"text": "a", "text": 5, "published_at": "2024-01-01"}',
}
UNSTORABLE = {"nul": "Police\x00 evacuated", "lone-surrogate": "Police \ud800 evacuated", "low-surrogate": "\udfff"}


def _post_cases() -> Iterator[Case]:
    for path in POSTS:
        stores = path == "/v1/articles"
        for name, raw in MALFORMED.items():
            # json.loads reads UTF-16 and a UTF-8 BOM: accepting them is a correct answer too.
            yield _raw(path, f"malformed-{name}", OK | BAD if name in {"utf16", "bom"} else BAD, raw)
        for name, value in WRONG_TYPES.items():
            yield _body(path, f"text-{name}", BAD, {**VALID, "text": value})
            yield _body(path, f"published-{name}", OK if name in {"int", "float"} else BAD,
                        {**VALID, "published_at": value})
            for optional in ("headline", "url", "external_id", "source", "language"):
                allowed = OK if path == "/v1/temporal" or (name == "null" and optional != "language") else BAD
                yield _body(path, f"{optional}-{name}", allowed, {**VALID, optional: value})
        for name, (value, allowed) in PUBLISHED.items():
            yield _body(path, f"published-{name}", allowed, {**VALID, "published_at": value})
            yield _body(path, f"published-{name}-relative", allowed | BAD,
                        {"text": ODD_TEXTS["relative-dates"], "published_at": value})
        for name, text in ODD_TEXTS.items():
            yield _body(path, f"text-{name}", OK | BAD if name in MAY_REFUSE else OK,
                        {"text": text, "published_at": "2024-01-01"})
        for name, text in UNSTORABLE.items():
            yield _body(path, f"text-{name}", BAD, {**VALID, "text": text})
            for optional in ("headline", "external_id", "source", "url"):
                yield _body(path, f"{optional}-{name}", OK if path == "/v1/temporal" else BAD,
                            {**VALID, optional: text})
        for name, payload in INJECTIONS.items():
            for target in ("text", "headline", "url", "external_id", "source"):
                body = {**VALID, target: VALID["text"] + payload if target == "text" else payload}
                yield _body(path, f"{target}-{name}", OK, body, stored_as_sent=stores)
            yield _body(path, f"language-{name}", OK if path == "/v1/temporal" else BAD, {**VALID, "language": payload})
        for target, limit in (("headline", 2000), ("url", 2000), ("external_id", 500), ("source", 300)):
            yield _body(path, f"{target}-at-limit", OK, {**VALID, target: "h" * limit}, stored_as_sent=stores)
            yield _body(path, f"{target}-over-limit", OK if path == "/v1/temporal" else BAD,
                        {**VALID, target: "h" * (limit + 1)})
        yield _body(path, "text-over-max-chars", BAD, {**VALID, "text": "Police evacuated people. " * 2001})
        yield _body(path, "sentence-of-100k-chars", BAD,
                    {**VALID, "text": "Vandals destroyed the shrine and " + "the villagers fled and " * 4400})
        yield _body(path, "10k-sentences", BAD,
                    {**VALID, "text": " ".join(f"Police evacuated {i} residents on Friday." for i in range(10_000))})
        yield _body(path, "unknown-fields", OK, {**VALID, "id": 5, "events": [], "admin": True, "__proto__": {}})
        yield _raw(path, "body-10-mb", TOO_BIG, b'{"text": "' + b"a" * 10_000_000 + b'", "published_at": "2024-01-01"}')
        yield _raw(path, "body-just-over-1-mib", TOO_BIG, b'{"text": "' + b"a" * (1024 * 1024) + b'"}')
        yield Case(f"{path}:wrong-content-type", "POST", path, BAD | {415}, content=json.dumps(VALID).encode(),
                   headers={"content-type": "text/plain"})


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


FORGED_CURSORS = {
    "garbage": "garbage!", "empty-list": _cursor([]), "not-base64": "%%%%", "padding-only": "====",
    "huge-id": _cursor([0, "2021-01-01", 10**20]), "negative-id": _cursor([0, "2021-01-01", -1]),
    "string-id": _cursor([0, "2021-01-01", "1 OR 1=1"]), "float-id": _cursor([0, "2021-01-01", 1.5]),
    "bad-day": _cursor([0, "2021-02-30", 1]), "sql-day": _cursor([0, "2021-01-01'; DROP TABLE events; --", 1]),
    "object": _cursor({"a": 1, "b": 2, "c": 3}), "four-items": _cursor([0, "2021-01-01", 1, 2]),
    "deep": base64.urlsafe_b64encode(b"[" * 140).decode(), "too-long": "A" * 5000,
    "nul-day": _cursor([0, "2021-01-01\x00", 1]), "null-items": _cursor([None, None, None]),
}
GOOD_CURSORS = {"year-1": _cursor([0, "0001-01-01", 0]), "year-9999": _cursor([1, "9999-12-31", MAX_ID])}
FILTER_VALUES = {
    **INJECTIONS,
    "emoji": "\U0001f525", "rtl": "\u202eLarkana", "zero-width": "Lar\u200bkana", "control": "\x01\x1b",
    "unicode-case": "LARKANA", "max-length": "a" * 200, "spaces": "   ",
}
BAD_FILTERS: dict[str, dict[str, Any]] = {
    "actor-too-long": {"actor": "a" * 201}, "q-very-long": {"q": "q" * 10_000},
    "actor-nul": {"actor": "a\x00b"}, "location-nul": {"location": "\x00"}, "q-nul": {"q": "x\x00"},
    "type-unknown": {"type": "riot"}, "type-sql": {"type": "statement' OR '1'='1"},
    "since-words": {"since": "yesterday"}, "since-sql": {"since": "2021'; DROP TABLE events; --"},
    "since-year-0": {"since": "0000"}, "until-year-10000": {"until": "10000"},
    "since-week-past-9999": {"since": "9999-W53"},
    "until-month-13": {"until": "2021-13"},
    "since-too-long": {"since": "2" * 41},
    "until-quarter-past-9999": {"until": "9999-Q5"},
    "limit-zero": {"limit": 0}, "limit-negative": {"limit": -1}, "limit-huge": {"limit": 10**30},
    "limit-over-max": {"limit": 501}, "limit-float": {"limit": 1.5}, "limit-word": {"limit": "ten"},
    "limit-empty": {"limit": ""}, "article-id-huge": {"article_id": 10**20}, "article-id-negative": {"article_id": -5},
    "article-id-zero": {"article_id": 0}, "article-id-word": {"article_id": "1 OR 1=1"},
    **{f"cursor-{name}": {"cursor": value} for name, value in FORGED_CURSORS.items()},
}
GOOD_FILTERS: dict[str, dict[str, Any]] = {
    "since-year-1": {"since": "0001"}, "until-year-9999": {"until": "9999-12-31"},
    "since-after-until": {"since": "2024", "until": "2020"},
    "limit-max": {"limit": 500}, "limit-one": {"limit": 1}, "article-id-max": {"article_id": MAX_ID},
    "unknown-params": {"foo": "bar", "limit2": 3, "__proto__": "x", "type[]": "statement"},
    "repeated-param": {"type": ["statement", "displacement"]},
    **{f"cursor-{name}": {"cursor": value} for name, value in GOOD_CURSORS.items()},
}


def _get_cases() -> Iterator[Case]:
    for path in GETS:
        for name, value in FILTER_VALUES.items():
            for target in ("actor", "location", "q"):
                yield Case(f"{path}:{target}-{name}", "GET", path, OK, params={target: value})
        for name, params in GOOD_FILTERS.items():
            yield Case(f"{path}:{name}", "GET", path, OK, params=params)
        for name, params in {"since-week-9999": {"since": "9999-W52"},
                             "since-with-offset": {"since": "2021-09-09T00:00+05:00"}}.items():
            yield Case(f"{path}:{name}", "GET", path, OK | BAD, params=params)
        for name, params in BAD_FILTERS.items():
            yield Case(f"{path}:{name}", "GET", path, BAD, params=params)
    ids = {"word": "abc", "negative": "-1", "zero": "0", "huge": "99999999999999999999", "float": "1.5",
           "nul": "%00", "sql": "1%20OR%201=1", "sql-quote": "'%20OR%201=1%20--", "script": "%3Cscript%3E",
           "long": "9" * 5000, "unicode-digits": "\u0661\u0662", "max": str(2**31 - 1), "over-max": str(2**31)}
    for suffix in ("", "/events"):
        for name, raw in ids.items():
            allowed = {404} if name == "max" else BAD
            yield Case(f"/v1/articles/{{id}}{suffix}:{name}", "GET", f"/v1/articles/{raw}{suffix}", allowed)


CASES = [*_post_cases(), *_get_cases()]


def test_there_are_at_least_200_cases() -> None:
    assert len(CASES) >= 200 and len({c.id for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def hostile(database_url: str, pipeline: Pipeline) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    """The app with its default limits (1 MiB bodies, 50,000-character texts), and the sentinel article,
    stored first, as it reads back."""
    with TestClient(create_app(Settings(database_url=database_url), pipeline=pipeline)) as client:
        posted = client.post("/v1/articles", json=SENTINEL)
        assert posted.status_code in OK
        yield client, _snapshot(client, posted.json()["article"]["id"])


def _snapshot(client: TestClient, article_id: int) -> dict[str, Any]:
    return {"article": client.get(f"/v1/articles/{article_id}").json(),
            "events": client.get(f"/v1/articles/{article_id}/events").json()}


def _check(case: Case, response: Any) -> None:
    assert response.status_code in case.expect, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith(PROBLEM)
        problem = response.json()
        assert problem["status"] == response.status_code and problem["title"] and problem["detail"]
        return
    answer = ANSWERS.get(case.path)
    if answer is not None:
        answer.model_validate_json(response.content)
    if case.stored_as_sent and response.status_code == 201:
        stored = ArticlePublic.model_validate(response.json()["article"])
        for name in ("text", "headline", "url", "external_id", "source"):
            if name in case.json:
                assert getattr(stored, name) == case.json[name]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_request_gets_a_clear_answer_and_changes_nothing_stored(
    hostile: tuple[TestClient, dict[str, Any]], case: Case
) -> None:
    client, before = hostile
    if case.path in STATELESS and "postgresql" in str(client.app.state.settings.database_url):  # type: ignore[attr-defined]
        pytest.skip("stores nothing: one database is enough")
    started = time.monotonic()
    content, headers = case.content, case.headers
    if case.json is not None:  # serialized here: httpx refuses lone surrogates, JSON's \ud800 escapes carry them
        content, headers = json.dumps(case.json).encode(), {"content-type": "application/json"}
    response = client.request(case.method, case.path, content=content, params=case.params, headers=headers)
    assert time.monotonic() - started < SECONDS
    _check(case, response)
    assert _snapshot(client, before["article"]["id"]) == before


def test_chunked_body_over_the_limit_gets_413_without_content_length(
    hostile: tuple[TestClient, dict[str, Any]]
) -> None:
    client, _ = hostile

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"a" * 65_536

    response = client.post("/v1/articles", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.headers["content-type"].startswith(PROBLEM)


def test_text_at_the_limit_is_accepted_and_one_more_character_is_not(
    hostile: tuple[TestClient, dict[str, Any]]
) -> None:
    client, _ = hostile
    limit = Settings().max_text_chars
    at_limit = ("Police said so. " * (limit // 16 + 1))[:limit]
    assert client.post("/v1/temporal", json={**VALID, "text": at_limit}).status_code == 200
    response = client.post("/v1/temporal", json={**VALID, "text": at_limit + "x"})
    assert response.status_code == 422 and str(limit) in response.json()["detail"]


def test_injected_sql_is_stored_as_text_and_the_tables_survive(hostile: tuple[TestClient, dict[str, Any]]) -> None:
    client, before = hostile
    events = client.get("/v1/events", params={"actor": INJECTIONS["sql-or"], "limit": 500}).json()["events"]
    assert all(INJECTIONS["sql-or"].lower() in json.dumps(e).lower() for e in events)
    assert client.get(f"/v1/articles/{before['article']['id']}").status_code == 200
    assert client.get("/v1/events", params={"limit": 1}).status_code == 200


def test_json_answers_cannot_be_sniffed_as_html(hostile: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = hostile
    response = client.post("/v1/extract", json={**VALID, "headline": INJECTIONS["html-script"]})
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]


# Shapes that make spaCy's tokenizer or the argument search crawl; the pipeline refuses or bounds them.
RUN_ON_SENTENCE = "Vandals destroyed the shrine and " + "the villagers fled the town and " * 1500 + "left."
PUNCTUATION_RUN = "!?.," * 2000


@pytest.mark.parametrize(
    ("text", "status"),
    [(RUN_ON_SENTENCE, 200), (PUNCTUATION_RUN, 422), ("Head\n" + "x" * 600, 422), ("Head\n" + "x" * 400, 200)],
)
def test_pathological_texts_answer_quickly_and_store_nothing_on_refusal(
    database_url: str, pipeline: Pipeline, text: str, status: int
) -> None:
    settings = Settings(database_url=database_url)
    with TestClient(create_app(settings, pipeline=pipeline)) as client:
        before = client.get("/v1/events", params={"limit": 500}).json()
        started = time.monotonic()
        response = client.post("/v1/extract", json={**VALID, "text": text})
        assert time.monotonic() - started < 10
        assert response.status_code == status
        if status == 422:
            assert "without a space" in response.json()["detail"]
            stored = client.post("/v1/articles", json={**VALID, "text": text, "external_id": "refused"})
            assert stored.status_code == 422
        assert client.get("/v1/events", params={"limit": 500}).json() == before
