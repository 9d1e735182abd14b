"""Indexes for the event filters: date bounds (and on PostgreSQL a GiST index on the date interval),
and trigram indexes for the text filters on PostgreSQL.

`since`/`until` filter on `date_end`/`date_start`; `actor`, `location` and `q` are substring searches
(LIKE '%x%'), which a b-tree cannot serve: on PostgreSQL, pg_trgm GIN indexes make them index scans.
SQLite (the small embedded default) keeps scanning for substrings.

Revision ID: 0004_event_query_indexes
Revises: 0003_api_keys
Create Date: 2026-11-25 19:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_event_query_indexes"
down_revision: str | None = "0003_api_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# actor_text and location_text are stored lower-cased; sentence and quote are searched through lower().
_TRIGRAM_EXPRESSIONS = {
    "actor_text": "actor_text", "location_text": "location_text",
    "sentence": "lower(sentence)", "quote": "lower(quote)",
}


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.create_index("ix_events_date_end", ["undated", "date_end"])
        batch.create_index("ix_events_date_start", ["undated", "date_start"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # Events whose date interval contains a day ("since" reaching into a month or a year).
        op.execute(
            "CREATE INDEX ix_events_date_range ON events USING gist (daterange(date_start, date_end, '[]'))"
            " WHERE NOT undated"
        )
        for column, expression in _TRIGRAM_EXPRESSIONS.items():
            op.create_index(
                f"ix_events_{column}_trgm", "events", [sa.text(f"{expression} gin_trgm_ops")],
                postgresql_using="gin",
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_date_range")
        for column in _TRIGRAM_EXPRESSIONS:
            op.drop_index(f"ix_events_{column}_trgm", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_date_start")
        batch.drop_index("ix_events_date_end")
