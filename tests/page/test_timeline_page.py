"""The timeline page end to end in headless Chromium: the seed article's events on the axis, as cards and on
the map, the type filter, the marked trigger, the article reader, API keys, and its content security policy."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.auth.keys import create_key
from service.config import Settings
from service.pipeline.pipeline import Pipeline
from service.store.db import make_engine, make_session_factory
from tests.page.conftest import OUTPUT, Serve, serving, wait_until_shown


def api_events(base_url: str, **filters: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = httpx.get(f"{base_url}/v1/events", params={"limit": 500, **filters}).json()["events"]
    return events


def test_page_shows_every_event_as_a_card_and_on_the_axis_by_type(page: Any, site: str, tmp_path: Any) -> None:
    page.goto(site + "/")
    wait_until_shown(page)
    events = api_events(site)
    cards = page.locator("#days article.event")
    assert cards.count() == len(events) > 0
    assert sorted(int(i) for i in cards.evaluate_all("cs => cs.map(c => c.dataset.eventId)")) == sorted(
        e["id"] for e in events)
    assert "Panjshir" in page.inner_text("#days")
    assert page.locator("#axis .vis-label").all_inner_texts() == ["Desecration", "Displacement", "Statement"]
    assert page.locator("#axis .vis-item.vis-point, #axis .vis-item.vis-range").count() == len(events)
    for event_type in ("desecration", "displacement", "statement"):
        on_axis = page.locator(f"#axis .vis-item.type-{event_type}.vis-point").count()
        assert on_axis == sum(e["type"] == event_type for e in events)
    OUTPUT.mkdir(exist_ok=True)
    for path in (tmp_path / "timeline.png", OUTPUT / "timeline.png"):
        page.screenshot(path=str(path), full_page=True)
    page.screenshot(path=str(OUTPUT / "timeline-top.png"))
    assert (OUTPUT / "timeline.png").stat().st_size > 50_000


def test_type_filter_leaves_only_statements(page: Any, site: str) -> None:
    page.goto(site + "/")
    wait_until_shown(page)
    everything = page.locator("#days article.event").count()
    page.select_option("select[name=type]", "statement")
    page.click("#filters button[type=submit]")  # the page shows "loading" at once, "ready" when done
    wait_until_shown(page)
    assert urlsplit(page.url).query == "type=statement"
    types = page.locator("#days article.event").evaluate_all("cs => cs.map(c => c.dataset.type)")
    assert types and set(types) == {"statement"} and len(types) < everything
    assert len(types) == len(api_events(site, type="statement"))
    assert page.locator("#axis .vis-item:not(.type-statement)").count() == 0


def test_filters_are_read_from_the_address(page: Any, site: str) -> None:
    page.goto(site + "/?type=displacement&location=Larkana")
    wait_until_shown(page)
    assert page.input_value("select[name=type]") == "displacement"
    assert page.input_value("input[name=location]") == "Larkana"
    expected = api_events(site, type="displacement", location="Larkana")
    assert page.locator("#days article.event").count() == len(expected) == 1


def test_evidence_marks_the_trigger(page: Any, site: str) -> None:
    page.goto(site + "/")
    wait_until_shown(page)
    worded = [e for e in api_events(site) if re.search(r"[A-Za-z]", e["trigger"])]
    assert worded
    for event in worded:
        card = page.locator(f"#event-{event['id']}")
        assert card.locator("mark.trigger").inner_text() == event["trigger"]
        assert card.locator("blockquote.evidence").inner_text() == event["sentence"].strip()


def test_article_link_opens_the_article_with_the_evidence_outlined(page: Any, site: str, browser: Any) -> None:
    page.goto(site + "/")
    wait_until_shown(page)
    event = next(e for e in api_events(site) if e["type"] == "displacement" and "Panjshir" in e["sentence"])
    link = page.locator(f"#event-{event['id']} a.article-link")
    href = link.get_attribute("href")
    assert href == f"#article/{event['article_id']}/event/{event['id']}"
    link.click()
    dialog = page.locator("dialog#article")
    dialog.wait_for(state="visible")
    page.wait_for_selector("#article-text mark.chosen")
    article = httpx.get(f"{site}/v1/articles/{event['article_id']}").json()
    assert page.inner_text("#article-headline") == article["headline"]
    assert event["trigger"] in page.locator("#article-text mark.chosen").all_inner_texts()[0] or any(
        event["trigger"] in text for text in page.locator("#article-text mark.chosen").all_inner_texts())
    assert page.inner_text("#article-text").startswith(article["text"].splitlines()[0])
    page.screenshot(path=str(OUTPUT / "article.png"))
    page.click("#article-close")
    dialog.wait_for(state="hidden")
    page.wait_for_function("() => location.hash === ''", timeout=5000)  # the close handler clears it
    assert not dialog.is_visible() and urlsplit(page.url).fragment == ""
    other = browser.new_page()  # the link is an address of its own: it opens the article directly
    other.goto(site + "/" + href)
    other.wait_for_selector("dialog#article #article-text mark.chosen")
    assert other.inner_text("#article-headline") == article["headline"]
    other.close()


def test_map_draws_located_events_on_the_offline_outline(page: Any, site: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site + "/")
    wait_until_shown(page)
    page.wait_for_selector("#map path.country", state="attached")
    assert page.locator("#map path.country").count() > 100  # the vendored world outline
    located = httpx.get(f"{site}/v1/events", params={"format": "geojson", "limit": 500}).json()["features"]
    per_place = Counter(f["properties"]["location"]["geo"]["name"] for f in located)
    assert {"Larkana", "Panjshir"} <= set(per_place)  # a city and the seed's province
    assert page.locator("#map path.place").count() == len(per_place)
    labels = page.locator("#map .place-label").all_inner_texts()
    assert sorted(labels) == sorted(f"{name} · {count}" for name, count in per_place.items())
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(site).netloc}  # no tiles, nothing else


def test_page_runs_within_its_content_security_policy(page: Any, site: str) -> None:
    response = page.goto(site + "/")
    wait_until_shown(page)
    page.locator("a.article-link").first.click()
    page.wait_for_selector("#article-text mark")
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert page.evaluate("window.__violations") == []
    assert page.console_errors == []


def test_article_text_is_shown_as_text_never_as_markup(
    page: Any, tmp_path: Any, pipeline: Pipeline
) -> None:
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    from service.cli import migrate

    migrate(Settings(database_url=url))
    hostile = {"text": "Chapel burned <img src=x onerror=\"document.body.dataset.pwned='yes'\">\n"
                       "Rioters burned a chapel <b>in</b> Kordia on Sunday, police said.",
               "published_at": "2024-05-08", "url": "javascript:document.body.dataset.pwned='yes'"}
    with TestClient(create_app(Settings(database_url=url, auth=False), pipeline=pipeline)) as client:
        assert client.post("/v1/articles", json=hostile).status_code == 201
    with serving(Settings(database_url=url, auth=False, load_model=False, webhook_poll_seconds=0)) as base_url:
        page.goto(base_url + "/")
        wait_until_shown(page)
        assert "<b>in</b>" in page.inner_text("#days")
        page.locator("a.article-link").first.click()
        page.wait_for_selector("#article-text mark")
        assert "<img src=x" in page.inner_text("#article-headline")
        assert page.locator("#article img, #days img, #days b, #article-text b").count() == 0
        assert page.locator("#article-original a").count() == 0  # a javascript: URL is not linked
        assert page.evaluate("document.body.dataset.pwned") is None


@pytest.fixture(scope="module")
def read_key(site_database: dict[str, Any]) -> str:
    engine = make_engine(site_database["url"])
    with make_session_factory(engine)() as session, session.begin():
        _key, token = create_key(session=session, name="page", scope="read")
    engine.dispose()
    return token


def test_with_keys_required_the_page_asks_for_one_and_keeps_it(page: Any, serve: Serve, read_key: str) -> None:
    with serve(auth=True) as base_url:
        page.goto(base_url + "/")
        wait_until_shown(page, "error")
        assert "API key" in page.inner_text("#status")
        assert page.locator("#days article.event").count() == 0
        page.fill("#api-key", read_key)
        page.click("#key-form button[type=submit]")
        wait_until_shown(page)
        assert page.locator("#days article.event").count() == len(
            httpx.get(f"{base_url}/v1/events", params={"limit": 500}, headers={"X-API-Key": read_key}).json()["events"])
        page.reload()  # kept in localStorage, sent as X-API-Key
        wait_until_shown(page)
        assert page.evaluate("localStorage.getItem('eventline.apiKey')") == read_key
        page.click("#forget-key")
        wait_until_shown(page, "error")
        assert page.evaluate("localStorage.getItem('eventline.apiKey')") is None


def test_with_public_reads_the_page_needs_no_key(page: Any, serve: Serve) -> None:
    with serve(auth=True, public_read=True) as base_url:
        page.goto(base_url + "/")
        wait_until_shown(page)
        assert page.locator("#days article.event").count() > 0
        assert page.inner_text("#status") == ""
