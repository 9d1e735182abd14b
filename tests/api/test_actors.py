"""Actors across articles: one actor per canonical name with every alias seen, namesakes apart, the `actor`
filter matching aliases, links dropped with their article."""

from __future__ import annotations

from fastapi.testclient import TestClient

FIGHTERS = "Shrine attacked\nTaliban fighters destroyed a Sufi shrine in Kunduz on Monday, residents said."
DENIAL = "Denial\n\"We did not touch the shrine,\" the Taliban said on Tuesday."
FOUNDER = "Party founder\nOmar Haddad founded the party in 1990. \"We will rebuild the mosque,\" Haddad said on Monday."
SUCCESSOR = "New leader\nThe party is now led by Karim Haddad. \"We will not leave the town,\" Haddad said on Tuesday."


def _post(client: TestClient, text: str) -> dict:
    response = client.post("/v1/articles", json={"text": text, "published_at": "2024-05-10"})
    assert response.status_code == 201, response.text
    body: dict = response.json()
    return body


def _actors(client: TestClient, **params: str) -> list[dict]:
    response = client.get("/v1/actors", params=params)
    assert response.status_code == 200, response.text
    actors: list[dict] = response.json()["actors"]
    return actors


def test_a_group_named_differently_in_two_articles_is_one_actor_with_both_aliases(client: TestClient) -> None:
    first, second = _post(client, FIGHTERS), _post(client, DENIAL)
    [taliban] = _actors(client, q="taliban")
    assert (taliban["name"], sorted(taliban["aliases"])) == ("Taliban", ["Taliban", "Taliban fighters"])
    detail = client.get(f"/v1/actors/{taliban['id']}").json()
    assert detail["article_ids"] == [first["article"]["id"], second["article"]["id"]]
    assert (detail["event_count"], detail["article_count"]) == (2, 2)


def test_the_stronger_kind_wins_when_articles_disagree(client: TestClient) -> None:
    _post(client, FIGHTERS)
    _post(client, DENIAL)
    [taliban] = _actors(client, q="taliban")
    assert taliban["kind"] == "armed group"


def test_two_people_sharing_a_surname_are_two_actors(client: TestClient) -> None:
    _post(client, FOUNDER)
    _post(client, SUCCESSOR)
    people = _actors(client, q="haddad")
    assert sorted(a["name"] for a in people) == ["Karim Haddad", "Omar Haddad"]
    assert all("Haddad" in a["aliases"] and a["article_count"] == 1 for a in people)


def test_actor_filter_finds_events_of_an_actor_by_an_alias_seen_in_another_article(client: TestClient) -> None:
    _post(client, FIGHTERS)
    denial = _post(client, DENIAL)
    events = client.get("/v1/events", params={"actor": "Taliban fighters"}).json()["events"]
    assert denial["events"][0]["id"] in [e["id"] for e in events]


def test_timeline_actor_filter_matches_aliases_too(client: TestClient) -> None:
    _post(client, FIGHTERS)
    denial = _post(client, DENIAL)
    days = client.get("/v1/timeline", params={"actor": "taliban fighters"}).json()["days"]
    assert denial["events"][0]["id"] in [entry["event"]["id"] for day in days for entry in day["entries"]]


def test_actor_filter_by_a_surname_finds_each_namesake_s_statements(client: TestClient) -> None:
    founder, successor = _post(client, FOUNDER), _post(client, SUCCESSOR)
    events = client.get("/v1/events", params={"actor": "Haddad"}).json()["events"]
    assert {e["article_id"] for e in events} == {founder["article"]["id"], successor["article"]["id"]}


def test_actor_filter_keeps_matching_words_as_written(client: TestClient) -> None:
    _post(client, FIGHTERS)
    events = client.get("/v1/events", params={"actor": "fight"}).json()["events"]
    assert [e["type"] for e in events] == ["desecration"]


def test_kind_filter_keeps_actors_of_that_kind(client: TestClient) -> None:
    _post(client, FIGHTERS)
    _post(client, FOUNDER)
    assert [a["name"] for a in _actors(client, kind="person")] == ["Omar Haddad"]
    assert [a["name"] for a in _actors(client, kind="armed group")] == ["Taliban"]


def test_actor_pages_follow_the_cursor_without_repeats(client: TestClient) -> None:
    _post(client, FOUNDER)
    _post(client, SUCCESSOR)
    _post(client, FIGHTERS)
    first = client.get("/v1/actors", params={"limit": 2}).json()
    second = client.get("/v1/actors", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    names = [a["name"] for a in first["actors"] + second["actors"]]
    assert len(names) == len(set(names)) == 3 and second["next_cursor"] is None


def test_deleting_an_article_keeps_its_actors_and_drops_their_links(client: TestClient) -> None:
    fighters = _post(client, FIGHTERS)
    assert client.delete(f"/v1/articles/{fighters['article']['id']}").status_code == 204
    [taliban] = _actors(client, q="taliban")
    detail = client.get(f"/v1/actors/{taliban['id']}").json()
    assert (detail["event_count"], detail["article_ids"], detail["aliases"]) == (0, [], ["Taliban", "Taliban fighters"])


def test_reposting_an_article_adds_no_links(client: TestClient) -> None:
    _post(client, FIGHTERS)
    assert client.post("/v1/articles", json={"text": FIGHTERS, "published_at": "2024-05-10"}).status_code == 200
    [taliban] = _actors(client, q="taliban")
    assert taliban["event_count"] == 1


def test_unknown_actor_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/v1/actors/999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_bad_actor_listing_parameters_are_422_problems(client: TestClient) -> None:
    for params in ({"kind": "wizard"}, {"limit": "0"}, {"cursor": "not-a-cursor"}, {"q": "!!!"}, {"q": ""}):
        response = client.get("/v1/actors", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"].startswith("application/problem+json")
