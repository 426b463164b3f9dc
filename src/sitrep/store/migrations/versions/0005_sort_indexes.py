"""An index for every order the table offers, so that a page of a million events sorted by any column is
read from an index rather than sorted whole: (column, date), the date being each order's tie-break. In
PostgreSQL NULLs come first in them, as the Store orders (ascending NULLs first, descending last; SQLite
does so by itself), and the date order gets its own index there (the timeline's puts NULLs last). The actor
indexes become (actor, date), which still serve the most-active count. The timeline's index gains the date
precision, which its query reads too (0004 was edited to add it after databases had been made with it).

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SORTED = {"events_by_type": "sub_event_type", "events_by_actor1": "actor1", "events_by_actor2": "actor2",
          "events_by_location": "location", "events_by_country": "country", "events_by_precision": "geo_precision",
          "events_by_fatalities": "fatalities", "events_by_injuries": "injuries"}


def upgrade() -> None:
    op.drop_index("events_day", table_name="events")
    op.create_index("events_day", "events", ["date", "sub_event_type", "date_precision", "fatalities"])
    op.drop_index("events_actor1", table_name="events")
    op.drop_index("events_actor2", table_name="events")
    postgresql = op.get_bind().dialect.name == "postgresql"
    nulls = " NULLS FIRST" if postgresql else ""
    for name, column in SORTED.items():
        op.execute(f"CREATE INDEX {name} ON events ({column}{nulls}, date{nulls})")
    if postgresql:
        op.execute("CREATE INDEX events_by_date ON events (date NULLS FIRST, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("events_by_date", table_name="events")
    for name in SORTED:
        op.drop_index(name, table_name="events")
    op.create_index("events_actor1", "events", ["actor1"])
    op.create_index("events_actor2", "events", ["actor2"])
    op.drop_index("events_day", table_name="events")
    op.create_index("events_day", "events", ["date", "sub_event_type", "fatalities"])
