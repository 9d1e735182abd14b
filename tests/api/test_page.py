"""The timeline page and its static files: served without a key, under their own CSP, with no inline code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.api.headers import JSON_CSP, PAGE_CSP
from service.config import Settings
from service.page import static_directory
from service.pipeline.pipeline import Pipeline


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1][0] == "script":
            self.script_text += data.strip()


def page_tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_page_is_html_under_its_own_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert "'unsafe-inline'" not in PAGE_CSP and "'unsafe-eval'" not in PAGE_CSP
    assert client.head("/").status_code == 200


def test_page_has_no_inline_script_or_style(client: TestClient) -> None:
    parsed = page_tags(client.get("/").text)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts and all(attrs.get("src") for attrs in scripts) and parsed.script_text == ""
    assert not any(tag == "style" or "style" in attrs or any(a.startswith("on") for a in attrs)
                   for tag, attrs in parsed.tags)


def test_every_file_the_page_loads_is_served_under_the_page_policy(client: TestClient) -> None:
    parsed = page_tags(client.get("/").text)
    wanted = [attrs.get("src") or attrs.get("href") for tag, attrs in parsed.tags if tag in ("script", "link")]
    assert len(wanted) >= 7
    for path in wanted:
        response = client.get("/" + str(path))
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == PAGE_CSP
        assert response.headers["x-content-type-options"] == "nosniff"


def test_static_files_keep_one_etag_and_answer_304(client: TestClient) -> None:
    first = client.get("/static/js/main.js")
    assert first.headers["content-type"].startswith("text/javascript")
    assert len(first.headers.get_list("etag")) == 1
    again = client.get("/static/js/main.js", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_page_modules_use_no_html_sinks() -> None:
    # Article text must never be parsed as HTML: our code builds nodes from text only.
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function")
    for module in (static_directory() / "js").glob("*.js"):
        assert not sinks.search(module.read_text()), module.name


def test_missing_static_file_is_404(client: TestClient) -> None:
    assert client.get("/static/nothing.js").status_code == 404


def test_api_answers_keep_the_strict_policy(client: TestClient) -> None:
    assert client.get("/v1/events").headers["content-security-policy"] == JSON_CSP
    assert client.get("/healthz").headers["content-security-policy"] == JSON_CSP


@pytest.mark.parametrize("path", ["/", "/static/js/main.js", "/static/vendor/leaflet/leaflet.js"])
def test_page_needs_no_key_when_keys_are_required(clean_database: str, pipeline: Pipeline, path: str) -> None:
    with TestClient(create_app(Settings(database_url=clean_database, auth=True), pipeline=pipeline)) as client:
        assert client.get(path).status_code == 200
        assert client.get("/v1/events").status_code == 401


def test_vendored_libraries_ship_with_their_licences() -> None:
    vendor = static_directory() / "vendor"
    pinned = (vendor / "VERSIONS").read_text().split()
    assert {p.rsplit("@", 1)[0] for p in pinned} == {d.name for d in vendor.iterdir() if d.is_dir()}
    for library in (d for d in vendor.iterdir() if d.is_dir()):
        assert list(library.glob("LICENSE*")), library.name
