"""Acceptance: a real uvicorn server on loopback, scored on the seed article by the event scorer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

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


def test_seed_article_scores_above_the_bar_against_a_running_server(server: str) -> None:
    scorer = REFERENCE_SCORER if REFERENCE_SCORER.exists() else None
    if scorer is None:
        pytest.skip("the reference scorer (../shared/eval/score_events.py) is not beside the project")
    result = subprocess.run(
        [sys.executable, str(scorer), str(SEED_EXAMPLES), "--url", server, "--min-f1", "0.95", "--min-args", "0.8"],
        capture_output=True, text=True, timeout=300,
    )
    last_line = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout
    assert last_line.startswith("events ")


def test_timeline_of_the_seed_by_place(server: str) -> None:
    days = httpx.get(f"{server}/v1/timeline", params={"location": "Panjshir"}, timeout=30).json()["days"]
    dated = [d["date"] for d in days if d["bound"] == "exact"]
    assert dated == sorted(dated) and "2021-09-09" in dated
