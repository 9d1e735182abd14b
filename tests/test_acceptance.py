"""Acceptance: a real uvicorn server on loopback, scored on the seed article by the event scorer."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.evaluation import event_scoring
from service.evaluation.events_report import REFERENCE_SCORER

ROOT = Path(__file__).resolve().parent.parent
SEED_EXAMPLES = ROOT / "tests" / "examples"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    database = tmp_path_factory.mktemp("acceptance") / "eventline.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([sys.executable, "-m", "service.cli", "migrate"], cwd=ROOT, env=env, check=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "service.api.app:app_from_environment", "--factory",
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("the server did not become ready")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _post_seed(server: str) -> list[dict]:  # type: ignore[type-arg]
    article = json.loads((SEED_EXAMPLES / "panjshir" / "article.json").read_text())
    response = httpx.post(f"{server}/v1/articles", json=article, timeout=120)
    assert response.status_code in (200, 201)
    events: list[dict] = response.json()["events"]  # type: ignore[type-arg]
    return events


def test_seed_article_scores_above_the_bar_against_a_running_server(server: str) -> None:
    if not REFERENCE_SCORER.exists():
        # Without ../shared, score the server's answer with the project's copy of the scorer.
        result_in_process = event_scoring.score(SEED_EXAMPLES / "panjshir" / "expected.json", _post_seed(server))
        _, _, f1 = event_scoring.f1(result_in_process["tp"], result_in_process["fp"] + result_in_process["dup"],
                                    result_in_process["fn"])
        assert f1 >= 0.95
        return
    scorer = REFERENCE_SCORER
    result = subprocess.run(
        [sys.executable, str(scorer), str(SEED_EXAMPLES), "--url", server, "--min-f1", "0.95", "--min-args", "0.8"],
        capture_output=True, text=True, timeout=300,
    )
    last_line = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout
    assert last_line.startswith("events ")


def test_timeline_of_the_seed_by_place(server: str) -> None:
    _post_seed(server)
    days = httpx.get(f"{server}/v1/timeline", params={"location": "Panjshir"}, timeout=30).json()["days"]
    dated = [d["date"] for d in days if d["bound"] == "exact"]
    assert dated == sorted(dated) and "2021-09-09" in dated
