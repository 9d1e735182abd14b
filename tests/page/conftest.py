"""The timeline page in headless Chromium (Debian's /usr/bin/chromium driven by Playwright; never a browser
download): the app served by uvicorn on a loopback port of its own, on a SQLite database seeded through the API."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.cli import migrate
from service.config import Settings
from service.pipeline.pipeline import Pipeline

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).resolve().parents[1] / "output"  # gitignored: screenshots to look at
LOCATED = {"text": "Shrine bombed\nMilitants bombed a shrine in Larkana on Monday, police said. "
                   "Hundreds of families fled Larkana.", "published_at": "2023-05-10", "source": "Test Wire"}
Serve = Callable[..., AbstractContextManager[str]]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium): the page tests need Debian's Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site_database(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> dict[str, Any]:
    """A SQLite database holding the seed article and an article whose place the gazetteer knows."""
    url = f"sqlite:///{tmp_path_factory.mktemp('page') / 'eventline.db'}"
    migrate(Settings(database_url=url))
    seed = json.loads((Path(__file__).parents[1] / "examples" / "panjshir" / "article.json").read_text())
    with TestClient(create_app(Settings(database_url=url, auth=False), pipeline=pipeline)) as client:
        posted = [client.post("/v1/articles", json=article) for article in (seed, LOCATED)]
        assert [p.status_code for p in posted] == [201, 201]
    return {"url": url, "seed": posted[0].json(), "located": posted[1].json()}


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The app on 127.0.0.1 at a port the system picks; answers its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def serve(site_database: dict[str, Any]) -> Serve:
    """Serves the seeded database with these settings (auth, public reads), reading only: no model loaded."""

    def start(**overrides: Any) -> AbstractContextManager[str]:
        return serving(Settings(database_url=site_database["url"], load_model=False, webhook_poll_seconds=0,
                                **{"auth": False, **overrides}))

    return start


@pytest.fixture(scope="module")
def site(serve: Serve) -> Iterator[str]:
    with serve() as base_url:
        yield base_url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (empty localStorage) that records CSP violations and console errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script("window.__violations = [];"
                            "document.addEventListener('securitypolicyviolation', (e) => window.__violations.push("
                            "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")
    opened = context.new_page()
    opened.console_errors = []
    opened.on("console", lambda message: message.type == "error" and opened.console_errors.append(message.text))
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    yield opened
    context.close()


def wait_until_shown(page: Any, state: str = "ready") -> None:
    """Waits for the page to finish loading events (a selector: the page's CSP refuses evaluated strings)."""
    page.wait_for_selector(f"body[data-state={state}]", timeout=30_000)
