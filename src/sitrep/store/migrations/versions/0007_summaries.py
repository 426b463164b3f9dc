"""Summary tables of the events, so that the whole database's timeline and totals, country shading, most
active actors, suggestions and world map are read from a few thousand rows rather than from every event:
at a million events the first answer after a write read them all (stats 842 ms, the world map 747). The
Store keeps them in every write transaction (store/summaries.py); this revision sums what is stored.

Keys are never NULL (a NULL never conflicts, so an upsert would add a row each time): a missing text is
stored as ''. The map's cells are 90/64 degrees wide (a cell of the page's map at zoom 6; 90 degrees at
zoom 0, halved with each zoom), numbered from -180 and -90.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CELL = 90 / 64


def _create_table(name: str, keys: dict[str, type[sa.types.TypeEngine]], *more: str) -> None:
    op.create_table(name, *(sa.Column(k, t, primary_key=True) for k, t in keys.items()),
                    sa.Column("n", sa.Integer, nullable=False),
                    *(sa.Column(c, sa.Double if c.endswith("_sum") else sa.Integer, nullable=False) for c in more),
                    sqlite_with_rowid=False)


def upgrade() -> None:
    cell = "floor({})::integer" if op.get_bind().dialect.name == "postgresql" else "CAST({} AS INTEGER)"  # never negative
    deaths = "SUM(COALESCE(fatalities, 0))"
    _create_table("summary_days", {"date": sa.Text, "sub_event_type": sa.Text, "date_precision": sa.Text}, "deaths")
    op.execute(f"INSERT INTO summary_days SELECT COALESCE(date, ''), sub_event_type, COALESCE(date_precision, ''), "
               f"COUNT(*), {deaths} FROM events GROUP BY 1, 2, 3")
    _create_table("summary_countries", {"iso3": sa.Text, "country": sa.Text, "sub_event_type": sa.Text,
                                        "located": sa.Integer}, "deaths")
    op.execute(f"INSERT INTO summary_countries SELECT COALESCE(iso3, ''), COALESCE(country, ''), sub_event_type, "
               f"CASE WHEN latitude IS NULL THEN 0 ELSE 1 END, COUNT(*), {deaths} FROM events GROUP BY 1, 2, 3, 4")
    _create_table("summary_actors", {"actor": sa.Text})
    op.execute("INSERT INTO summary_actors SELECT a, COUNT(*) FROM (SELECT actor1 AS a FROM events UNION ALL "
               "SELECT actor2 FROM events) t WHERE a IS NOT NULL GROUP BY a")
    _create_table("summary_spans", {"date_earliest": sa.Text, "date_latest": sa.Text, "sub_event_type": sa.Text})
    op.execute("INSERT INTO summary_spans SELECT date_earliest, date_latest, sub_event_type, COUNT(*) FROM events "
               "WHERE date_precision <> 'day' AND date_earliest IS NOT NULL AND date_latest IS NOT NULL GROUP BY 1, 2, 3")
    _create_table("summary_cells", {"cx": sa.Integer, "cy": sa.Integer, "sub_event_type": sa.Text},
                  "deaths", "lat_sum", "lon_sum")
    op.execute(f"INSERT INTO summary_cells SELECT {cell.format(f'(longitude + 180) / {CELL}')}, "
               f"{cell.format(f'(latitude + 90) / {CELL}')}, sub_event_type, COUNT(*), {deaths}, SUM(latitude), "
               "SUM(longitude) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3")


def downgrade() -> None:
    for table in ("summary_cells", "summary_spans", "summary_actors", "summary_countries", "summary_days"):
        op.drop_table(table)
