"""events.location_country: the ISO 3166-1 alpha-2 code of the event's geocoded place, for the `country`
filter, indexed with the timeline order so a filtered timeline is one index range.

Events stored before places were geocoded have no country in their payload: the column stays null for them
(no backfill to make: their payload's location has no `country`).

Revision ID: 0007_event_location_country
Revises: 0006_webhooks
Create Date: 2026-12-03 09:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_event_location_country"
down_revision: str | None = "0006_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("location_country", sa.String(length=2), nullable=True))
        batch.create_index("ix_events_country_timeline", ["location_country", "undated", "sort_date", "id"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_country_timeline")
        batch.drop_column("location_country")
