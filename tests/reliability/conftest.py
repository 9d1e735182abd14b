"""A real server for reliability tests: uvicorn (2 workers) on loopback against a PostgreSQL database of
its own, started and killed as a subprocess."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import postgres_database

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/article.json"))
PG_CLUSTER = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main"]


def corpus_articles() -> list[dict[str, object]]:
    return [json.loads(path.read_text()) for path in CORPUS]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pg_ready() -> bool:
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0


def start_cluster() -> None:
    if not pg_ready():
        subprocess.run([*PG_CLUSTER, "start"], check=False)
    for _ in range(60):
        if pg_ready():
            return
        time.sleep(0.5)
    raise RuntimeError("PostgreSQL did not come back")


def stop_cluster() -> None:
    subprocess.run([*PG_CLUSTER, "stop", "-m", "fast"], check=True)


@dataclass
class Server:
    url: str
    database_url: str
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    def start(self) -> None:
        port = self.url.rsplit(":", 1)[1]
        env = {**os.environ, "DATABASE_URL": self.database_url, "EVENTLINE_AUTH": "off"}
        assert self.log_path is not None
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "service.api.app:app_from_environment", "--factory",
             "--host", "127.0.0.1", "--port", port, "--workers", "2", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {self.log_path.read_text()[-2000:]}")
            time.sleep(0.5)
        raise RuntimeError("uvicorn did not become ready")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Kills uvicorn and its workers (its own process group) and waits for them."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        self.process.wait(timeout=30)
        self.process = None


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A migrated PostgreSQL database for this test only, dropped afterwards (the cluster restarted first
    if a test left it down)."""
    start_cluster()
    with postgres_database("eventline_rel", before_drop=start_cluster) as url:
        yield url


@pytest.fixture
def server(pg_database: str, tmp_path: Path) -> Iterator[Server]:
    running = Server(url=f"http://127.0.0.1:{free_port()}", database_url=pg_database, log_path=tmp_path / "uvicorn.log")
    running.start()
    try:
        yield running
    finally:
        running.kill(signal.SIGTERM)
