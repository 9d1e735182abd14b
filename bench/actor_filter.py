"""The `actor` filter when it matches actors by alias: GET /v1/events?actor=<alias> (first page, limit 50) at
growing sizes, for an actor linked to 5 events (rare) and one linked to 1% of them (common), next to a name
no actor has (the plain substring filter). Events are bulk-generated as in bench/query.py; EXPLAIN is
printed for the rare actor at the largest size.

Usage: python bench/actor_filter.py [--sizes 10000,100000] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.query import _database, _time, fill  # noqa: E402
from service.api.app import create_app  # noqa: E402
from service.config import Settings  # noqa: E402
from service.store.db import make_engine, make_session_factory  # noqa: E402
from service.store.events import EventFilter, filtered  # noqa: E402
from service.store.models import Actor, ActorAlias, Event, EventActor  # noqa: E402

QUERIES = {"rare alias": {"actor": "rare alias"}, "common alias": {"actor": "common alias"},
           "no actor": {"actor": "person1234"}}


def link(url: str, share: float, name: str, minimum: int, seed: int) -> None:
    """Makes an actor known by `<name> alias` and links it to a share of the events (at least `minimum`)."""
    engine = make_engine(url)
    now = datetime.now(UTC)
    with make_session_factory(engine)() as session, session.begin():
        ids = list(session.scalars(select(Event.id)))
        actor = session.scalars(select(Actor).where(Actor.key == name)).first()
        if actor is None:
            actor = Actor(name=name, key=name, kind="person", created_at=now, updated_at=now)
            session.add(actor)
            session.flush()
            session.add(ActorAlias(actor_id=actor.id, alias=f"{name} alias", key=f"{name} alias"))
        linked = set(session.scalars(select(EventActor.event_id).where(EventActor.actor_id == actor.id)))
        wanted = max(minimum, int(len(ids) * share)) - len(linked)
        chosen = random.Random(seed).sample([i for i in ids if i not in linked], max(wanted, 0))
        if chosen:
            session.execute(insert(EventActor), [{"event_id": i, "actor_id": actor.id, "role": "agent"}
                                                 for i in chosen])
    engine.dispose()


def explain(url: str, params: dict[str, str]) -> str:
    from sqlalchemy import text

    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        from service.store.actors import actors_named

        actor_ids = list(session.scalars(actors_named(params["actor"])))
        query = filtered(EventFilter(actor=params["actor"]), actor_ids)
        query = query.order_by(Event.undated, Event.sort_date, Event.id).limit(51)
        compiled = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
        prefix = "EXPLAIN ANALYZE " if url.startswith("postgresql") else "EXPLAIN QUERY PLAN "
        rows = session.execute(text(prefix + compiled))
        plan = "\n".join("    " + " ".join(str(c) for c in row) for row in rows)
    engine.dispose()
    return plan


def run(sizes: list[int], databases: list[str]) -> None:
    for kind in databases:
        url, drop = _database(kind)
        try:
            app = create_app(Settings(database_url=url, load_model=False, auth=False))  # type: ignore[call-arg]
            filled = 0
            for size in sizes:
                fill(url, size - filled)
                filled = size
                link(url, 0.0, "rare", 5, size)
                link(url, 0.01, "common", 1, size)
                with TestClient(app) as client:
                    cells = "  ".join(f"{name}={1000 * _time(client, '/v1/events', params):.1f} ms"
                                      for name, params in QUERIES.items())
                print(f"{kind:10} {size:>9,} events: {cells}", flush=True)
            print(explain(url, QUERIES["rare alias"]))
        finally:
            drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.databases.split(","))


if __name__ == "__main__":
    main()
