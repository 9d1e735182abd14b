"""event changes: pipeline version and change sequence per event, tombstones, never-reused event ids

Revision ID: 0008_event_changes
Revises: 0007_event_location_country
Create Date: 2026-12-03 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_event_changes"
down_revision: str | None = "0007_event_location_country"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("pipeline_version", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("change_seq", sa.BigInteger(), nullable=True))
    # Existing events: produced by their article's version when it was stored; numbered in id order.
    op.execute(
        "UPDATE events SET pipeline_version = (SELECT a.pipeline_version FROM articles a WHERE a.id = events.article_id),"
        " created_at = (SELECT a.created_at FROM articles a WHERE a.id = events.article_id),"
        " updated_at = (SELECT a.created_at FROM articles a WHERE a.id = events.article_id),"
        " change_seq = id"
    )
    # On SQLite the table is rebuilt with AUTOINCREMENT: ids of deleted events are never given out again.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("events", recreate="always" if sqlite else "auto",
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column("created_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column("change_seq", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_events_change_seq", ["change_seq"])
    op.create_table(
        "event_tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("pipeline_version", sa.String(length=40), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_tombstones")),
    )
    op.create_index("ix_event_tombstones_event_id", "event_tombstones", ["event_id"])
    op.create_index("ix_event_tombstones_change_seq", "event_tombstones", ["change_seq"])
    op.create_table(
        "change_sequence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_sequence")),
    )
    op.execute("INSERT INTO change_sequence (id, value) SELECT 1, COALESCE(MAX(id), 0) FROM events")


def downgrade() -> None:
    op.drop_table("change_sequence")
    op.drop_index("ix_event_tombstones_change_seq", table_name="event_tombstones")
    op.drop_index("ix_event_tombstones_event_id", table_name="event_tombstones")
    op.drop_table("event_tombstones")
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_change_seq")
        batch_op.drop_column("change_seq")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("created_at")
        batch_op.drop_column("pipeline_version")
