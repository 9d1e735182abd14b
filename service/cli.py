"""`eventline` command: serve, migrate, run a worker, send webhooks, extract a file, bulk-ingest files, re-extract
stored articles, export the OpenAPI spec."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from service.config import Settings

if TYPE_CHECKING:
    from alembic.config import Config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(database_url: str) -> Config:
    """The project's Alembic configuration, pointed at `database_url`."""
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def migrate(settings: Settings, revision: str = "head") -> None:
    """Brings the configured database to the latest schema (`alembic upgrade head`), or to `revision`."""
    from alembic import command

    command.upgrade(alembic_config(settings.database_url), revision)


def openapi_document() -> dict[str, object]:
    from service.api.app import create_app

    return create_app(Settings(load_model=False)).openapi()


def _extract(path: str, explain: bool, settings: Settings) -> None:
    from service.flows import extract_article
    from service.pipeline.pipeline import Pipeline
    from service.schemas import ArticleIn

    raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    article = ArticleIn.model_validate_json(raw)
    result = extract_article(pipeline=Pipeline.load(settings.spacy_model), article=article, explain=explain)
    print(result.model_dump_json(indent=2, exclude_none=True))


def _keys(args: argparse.Namespace, settings: Settings) -> None:
    from service.auth.keys import create_key, list_keys, revoke_key
    from service.store.db import make_engine, make_session_factory

    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session, session.begin():
            if args.keys_command == "create":
                row, token = create_key(session=session, name=args.name, scope=args.scope)
                print(f"id {row.id} scope {row.scope}; the token is shown only now:\n{token}")
            elif args.keys_command == "list":
                for key in list_keys(session=session):
                    state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
                    print(f"{key.id}\t{key.prefix}…\t{key.scope}\t{state}\t{key.name}")
            else:
                key = revoke_key(session=session, key_id=args.key_id)
                print(f"revoked key {key.id} ({key.name})")
    finally:
        engine.dispose()


def _worker(threads: int, settings: Settings) -> None:
    """Consumes jobs from the broker: loads the model once, runs `run_job` for each message."""
    from service.jobs.broker import BrokerJobs, serve_worker
    from service.jobs.flows import run_jobs, sweep
    from service.logs import configure_logging
    from service.metrics import Metrics
    from service.pipeline.pipeline import Pipeline
    from service.store.db import make_engine, make_session_factory

    if not settings.broker_url:
        raise SystemExit("eventline worker needs EVENTLINE_BROKER_URL (amqp://…); without it the API runs jobs itself")
    configure_logging(settings.log_format)
    metrics = Metrics()
    if settings.worker_metrics_port:
        from prometheus_client import start_http_server

        start_http_server(settings.worker_metrics_port, addr="127.0.0.1", registry=metrics.registry)
    pipeline = Pipeline.load(settings.spacy_model)
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    jobs = BrokerJobs(
        url=settings.broker_url, queue_name=settings.broker_queue,
        run=lambda job_ids: run_jobs(sessions=sessions, pipeline=pipeline, job_ids=job_ids, settings=settings,
                                     metrics=metrics),
        batch_size=settings.job_batch_size,
    )
    try:
        serve_worker(jobs=jobs, sweep=lambda: sweep(sessions=sessions, settings=settings),
                     sweep_seconds=settings.job_sweep_seconds, threads=threads)
    finally:
        engine.dispose()


def _deliver(once: bool, settings: Settings) -> None:
    """Sends due webhook deliveries from the outbox (every `EVENTLINE_WEBHOOK_POLL_SECONDS`), outside the API."""
    import signal
    import threading

    from service.logs import configure_logging
    from service.store.db import make_engine, make_session_factory
    from service.webhooks.delivery import deliver_forever

    configure_logging(settings.log_format)
    engine = make_engine(settings.database_url)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        deliver_forever(make_session_factory(engine), settings, stopping, once=once)
    except KeyboardInterrupt:
        pass
    finally:
        engine.dispose()


def _moment(value: str) -> datetime:
    """An ISO 8601 date or date-time for --since (naive means UTC)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or date-time: {value!r}") from error
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _reextract(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from service.extraction_pool import LazyExtractor
    from service.reextraction import count_to_reextract, reextract
    from service.store.db import make_engine, make_session_factory

    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    extractor = LazyExtractor(model=settings.spacy_model, processes=args.processes)
    try:
        total = count_to_reextract(sessions=sessions, version=extractor.version, stored_since=args.since)
        with tqdm(total=total, unit="article", desc="re-extracting", file=sys.stderr) as bar:
            summary = reextract(sessions=sessions, extractor=extractor, stored_since=args.since,
                                dry_run=args.dry_run, batch_size=args.batch_size, progress=bar.update)
    finally:
        extractor.close()
        engine.dispose()
    print(summary.render())
    return 0


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from service.bulk_ingest import Ingest, input_files, read_records
    from service.extraction_pool import LazyExtractor
    from service.jobs.broker import BrokerJobs
    from service.store.db import make_engine, make_session_factory

    try:
        files = input_files(Path(p) for p in args.paths)
    except FileNotFoundError as error:
        raise SystemExit(f"eventline ingest: {error}") from error
    records = [record for path in files for record in read_records(path)]
    engine = make_engine(settings.database_url)
    queue: BrokerJobs | None = None
    if args.accept_only and settings.broker_url:
        queue = BrokerJobs(url=settings.broker_url, queue_name=settings.broker_queue,
                          batch_size=settings.job_batch_size)
    elif args.accept_only:
        print("no EVENTLINE_BROKER_URL: the jobs wait in the database for the API's executor, which takes them up "
              f"after EVENTLINE_JOB_STALE_SECONDS ({settings.job_stale_seconds:g} s)", file=sys.stderr)
    extractor = None if args.accept_only else LazyExtractor(model=settings.spacy_model, processes=args.processes)
    try:
        with tqdm(total=len(records), unit="article", desc="ingesting", file=sys.stderr) as bar:
            ingest = Ingest(sessions=make_session_factory(engine), max_text_chars=settings.max_text_chars,
                            extractor=extractor, accept_only=args.accept_only, queue=queue,
                            max_open_jobs=settings.max_pending_jobs, batch_size=args.batch_size,
                            report=bar.write, progress=bar.update)
            summary = ingest.run(records)
    finally:
        if extractor is not None:
            extractor.close()
        if queue is not None:
            queue.close()
        engine.dispose()
    print(f"{len(files)} files, {len(records)} records: {summary.render()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eventline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="migrate, then serve the API with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    commands.add_parser("migrate", help="alembic upgrade head on the configured database")
    worker = commands.add_parser("worker", help="run asynchronous jobs from the broker (EVENTLINE_BROKER_URL)")
    worker.add_argument("--threads", type=int, default=1, help="jobs at once (the pipeline is CPU-bound: 1 per core "
                        "and process is best; run more processes to scale)")
    deliver = commands.add_parser("deliver", help="send due webhook deliveries from the outbox, in a loop")
    deliver.add_argument("--once", action="store_true", help="one round of due deliveries, then exit")
    extract = commands.add_parser("extract", help="print the events of an article JSON file ('-' for stdin)")
    extract.add_argument("path")
    extract.add_argument("--explain", action="store_true")
    ingest = commands.add_parser("ingest", help="store articles from JSON/NDJSON/ninjs files or directories, once")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--processes", type=int, default=1, help="pipeline processes (the model loads once in each)")
    ingest.add_argument("--batch-size", type=int, default=32, help="records read, checked and parsed together")
    ingest.add_argument("--async", dest="accept_only", action="store_true",
                        help="store as pending with a job each, for the workers (EVENTLINE_BROKER_URL) or the API")
    again = commands.add_parser("reextract", help="run the current pipeline over articles an older version extracted")
    again.add_argument("--since", type=_moment, default=None,
                       help="only articles stored at or after this ISO 8601 date or date-time")
    again.add_argument("--dry-run", action="store_true", help="print the diff summary, change nothing")
    again.add_argument("--processes", type=int, default=1, help="pipeline processes (the model loads once in each)")
    again.add_argument("--batch-size", type=int, default=32, help="articles parsed together")
    spec = commands.add_parser("openapi", help="write the OpenAPI document")
    spec.add_argument("--out", default="-")
    keys = commands.add_parser("keys", help="create, list or revoke API keys").add_subparsers(dest="keys_command",
                                                                                             required=True)
    create = keys.add_parser("create", help="create a key and print its token (shown only this once)")
    create.add_argument("--name", required=True)
    create.add_argument("--scope", choices=("read", "write", "admin"), default="read")
    keys.add_parser("list", help="list keys (never their tokens)")
    revoke = keys.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("key_id", type=int)
    args = parser.parse_args(argv)
    settings = Settings()

    if args.command == "migrate":
        migrate(settings)
    elif args.command == "serve":
        import uvicorn

        migrate(settings)
        uvicorn.run("service.api.app:app_from_environment", factory=True, host=args.host, port=args.port,
                    workers=args.workers)
    elif args.command == "worker":
        _worker(args.threads, settings)
    elif args.command == "deliver":
        _deliver(args.once, settings)
    elif args.command == "extract":
        _extract(args.path, args.explain, settings)
    elif args.command == "reextract":
        return _reextract(args, settings)
    elif args.command == "ingest":
        return _ingest(args, settings)
    elif args.command == "keys":
        _keys(args, settings)
    elif args.command == "openapi":
        text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
        if args.out == "-":
            sys.stdout.write(text)
        else:
            Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
