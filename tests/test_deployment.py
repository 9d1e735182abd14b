"""The deployment files against the code they start: `compose.yaml` and the Dockerfile name commands, settings
and an app factory that exist. No Docker engine runs here; the roles themselves (API enqueuing, `eventline
worker` consuming from RabbitMQ) are run for real by tests/jobs/test_broker_workers.py."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.api import app as app_module
from service.cli import main
from service.config import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_runs_the_api_a_worker_postgres_and_rabbitmq_from_one_image(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"api", "worker", "postgres", "rabbitmq"} <= set(services)
    assert services["api"]["build"] == services["worker"]["build"] == "."
    assert {"postgres", "rabbitmq"} <= set(services["worker"]["depends_on"])


def test_the_worker_command_is_one_the_cli_accepts(compose: dict[str, Any]) -> None:
    command = compose["services"]["worker"]["command"]
    assert command[0] == "eventline"
    with pytest.raises(SystemExit) as exit_:
        main([*command[1:], "--help"])
    assert exit_.value.code == 0


def test_the_compose_environment_configures_the_database_and_the_broker(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    environment = compose["services"]["worker"]["environment"]
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url.startswith("postgresql") and "@postgres:5432/" in settings.database_url
    assert settings.broker_url == environment["EVENTLINE_BROKER_URL"]


def test_the_image_migrates_then_serves_the_app_factory_with_keys_required(monkeypatch: pytest.MonkeyPatch) -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, flags=re.M)
    assert cmd is not None
    script = yaml.safe_load(cmd.group(1))[-1]
    migrate_step, serve_step = (shlex.split(step) for step in script.split("&&"))
    assert migrate_step == ["eventline", "migrate"]
    assignment, program, target, *options = serve_step
    assert (program, "--factory" in options) == ("uvicorn", True)
    module, factory = target.split(":")
    assert module == app_module.__name__ and callable(getattr(app_module, factory))
    name, value = assignment.split("=")
    monkeypatch.setenv(name, value)
    assert Settings(_env_file=None).auth is True  # type: ignore[call-arg]
