"""actors: canonical actors across articles, their aliases, and the events they take part in

Revision ID: 0009_actors
Revises: 0008_event_changes
Create Date: 2026-12-03 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_actors"
down_revision: str | None = "0008_event_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("key", name=op.f("uq_actors_key")),
    )
    op.create_index(op.f("ix_actors_kind"), "actors", ["kind"])
    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_actor_aliases_actor_id_actors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_aliases")),
        sa.UniqueConstraint("actor_id", "key", name="uq_actor_aliases_actor_id_key"),
    )
    op.create_index(op.f("ix_actor_aliases_key"), "actor_aliases", ["key"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_actors_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_event_actors_actor_id_actors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "actor_id", "role", name=op.f("pk_event_actors")),
    )
    op.create_index("ix_event_actors_actor_id_event_id", "event_actors", ["actor_id", "event_id"])
    if op.get_bind().dialect.name == "postgresql":
        # `GET /v1/actors?q=` matches a substring of any alias: a trigram index serves it (pg_trgm, migration 0004).
        op.execute("CREATE INDEX ix_actor_aliases_key_trgm ON actor_aliases USING gin (key gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_actor_aliases_key_trgm")
    op.drop_index("ix_event_actors_actor_id_event_id", table_name="event_actors")
    op.drop_table("event_actors")
    op.drop_index(op.f("ix_actor_aliases_key"), table_name="actor_aliases")
    op.drop_table("actor_aliases")
    op.drop_index(op.f("ix_actors_kind"), table_name="actors")
    op.drop_table("actors")
