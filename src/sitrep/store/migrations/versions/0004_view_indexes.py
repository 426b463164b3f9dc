"""Indexes the page's views read without touching the rows: the map's cells (place, type, deaths), the
timeline (date, type, deaths) and the most active actors. They replace the narrower place and date indexes,
which are their prefixes.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("events_lat", table_name="events")
    op.drop_index("events_date", table_name="events")
    op.create_index("events_map", "events", ["latitude", "longitude", "sub_event_type", "fatalities"])
    op.create_index("events_day", "events", ["date", "sub_event_type", "fatalities"])
    op.create_index("events_actor1", "events", ["actor1"])
    op.create_index("events_actor2", "events", ["actor2"])


def downgrade() -> None:
    for name in ("events_actor2", "events_actor1", "events_day", "events_map"):
        op.drop_index(name, table_name="events")
    op.create_index("events_date", "events", ["date"])
    op.create_index("events_lat", "events", ["latitude", "longitude"])
