"""GET /v1/events and /v1/timeline: filters, chronological order, cursors."""

from __future__ import annotations

from fastapi.testclient import TestClient

ARTICLES = [
    {"text": "Shrine bombed\nMilitants bombed the shrine of a Sufi saint in Larkana on Monday.",
     "published_at": "2023-05-10", "source": "Wire A"},
    {"text": "Families flee\nMore than 200 families fled the village of Ostrava Nova last month.",
     "published_at": "2023-05-10", "source": "Wire B"},
    {"text": "Cemetery\nVandals desecrated graves in a cemetery in Brenton, residents said. "
             "\"It is shameful,\" the mayor, Ann Cole, said on Tuesday.",
     "published_at": "2023-06-01", "source": "Wire C"},
]


def _post_all(client: TestClient) -> list[dict]:
    return [client.post("/v1/articles", json=a).json() for a in ARTICLES]


def test_events_are_in_date_order_then_id(client: TestClient) -> None:
    _post_all(client)
    events = client.get("/v1/events").json()["events"]
    keys = [(e["date"] is None, (e["date"] or {}).get("value", ""), e["id"]) for e in events]
    dated = [k for k in keys if not k[0]]
    assert dated == sorted(dated)
    assert keys == sorted(keys, key=lambda k: (k[0],)) or all(not k[0] for k in keys[: len(dated)])


def test_filter_by_type(client: TestClient) -> None:
    _post_all(client)
    events = client.get("/v1/events", params={"type": "displacement"}).json()["events"]
    assert events and {e["type"] for e in events} == {"displacement"}


def test_filter_by_actor_matches_agent_text(client: TestClient) -> None:
    _post_all(client)
    events = client.get("/v1/events", params={"actor": "militants"}).json()["events"]
    assert [e["type"] for e in events] == ["desecration"]


def test_filter_by_location(client: TestClient) -> None:
    _post_all(client)
    events = client.get("/v1/events", params={"location": "larkana"}).json()["events"]
    assert events and all("Larkana" in e["location"]["text"] for e in events)


def test_since_until_use_the_interval_of_each_date(client: TestClient) -> None:
    _post_all(client)
    # "last month" in an article of 2023-05-10 is April 2023: a month-precision event.
    april = client.get("/v1/events", params={"since": "2023-04-15", "until": "2023-04-20"}).json()["events"]
    assert [e["date"]["value"] for e in april] == ["2023-04"]
    may = client.get("/v1/events", params={"since": "2023-05"}).json()["events"]
    assert {e["date"]["value"] for e in may} >= {"2023-05-08"}
    assert all(e["date"]["value"] >= "2023-05" for e in may)


def test_q_searches_sentence_and_quote(client: TestClient) -> None:
    _post_all(client)
    events = client.get("/v1/events", params={"q": "SHAMEFUL"}).json()["events"]
    assert [e["type"] for e in events] == ["statement"]


def test_cursor_pages_through_every_event_once(client: TestClient) -> None:
    _post_all(client)
    everything = [e["id"] for e in client.get("/v1/events", params={"limit": 500}).json()["events"]]
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params).json()
        seen.extend(e["id"] for e in page["events"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(everything) >= 4


def test_timeline_groups_by_day_and_names_sources(client: TestClient) -> None:
    _post_all(client)
    days = client.get("/v1/timeline").json()["days"]
    dated = [d for d in days if d["bound"] == "exact"]
    assert [d["date"] for d in dated] == sorted(d["date"] for d in dated)
    for day in days:
        for entry in day["entries"]:
            assert entry["article"]["source"] in {"Wire A", "Wire B", "Wire C"}
            assert entry["event"]["article_id"] == entry["article"]["id"]


def test_timeline_puts_undated_events_last_bounded_by_article_day(client: TestClient) -> None:
    _post_all(client)
    days = client.get("/v1/timeline").json()["days"]
    bounds = [d["bound"] for d in days]
    assert bounds == sorted(bounds, key=lambda b: b == "upper")
    for day in days:
        if day["bound"] == "upper":
            assert all(e["event"]["date"] is None for e in day["entries"])
            assert all(e["article"]["published_at"][:10] == day["date"] for e in day["entries"])


def test_location_filter_on_the_seed_timeline(client: TestClient, seed_article: dict) -> None:
    client.post("/v1/articles", json=seed_article)
    days = client.get("/v1/timeline", params={"location": "Panjshir"}).json()["days"]
    types = {e["event"]["type"] for d in days for e in d["entries"]}
    assert {"desecration", "displacement"} <= types
