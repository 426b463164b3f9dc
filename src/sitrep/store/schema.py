"""The database schema, one definition for SQLite and PostgreSQL: what the code reads and writes, and
what Alembic compares a migrated database with. Changing it means a new revision in migrations/versions.

Pieces only one back-end has (the SQLite FTS5 table, PostgreSQL's text-search and PostGIS columns) are
made by the migrations, not declared here."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

meta = sa.Table("meta", metadata, sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text, nullable=False))

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text), sa.Column("url", sa.Text), sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Text), sa.Column("published_from", sa.Text), sa.Column("path", sa.Text),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("disorder_type", sa.Text), sa.Column("weapon", sa.Text),
    sa.Column("actor1", sa.Text), sa.Column("inter1", sa.Integer), sa.Column("actor1_country", sa.Text),
    sa.Column("actor2", sa.Text), sa.Column("inter2", sa.Integer), sa.Column("actor2_country", sa.Text),
    sa.Column("claimed_by", sa.Text),
    sa.Column("location", sa.Text), sa.Column("admin1", sa.Text), sa.Column("admin2", sa.Text),
    sa.Column("country", sa.Text), sa.Column("iso3", sa.Text),
    sa.Column("latitude", sa.Double), sa.Column("longitude", sa.Double),
    sa.Column("geo_precision", sa.Integer), sa.Column("place_kind", sa.Text),
    sa.Column("date", sa.Text), sa.Column("date_earliest", sa.Text), sa.Column("date_latest", sa.Text),
    sa.Column("date_precision", sa.Text),
    sa.Column("fatalities", sa.Integer), sa.Column("injuries", sa.Integer),
    sa.Column("fatalities_low", sa.Integer), sa.Column("fatalities_high", sa.Integer),
    sa.Column("injuries_low", sa.Integer), sa.Column("injuries_high", sa.Integer),
    sa.Column("data", sa.Text, nullable=False),  # the merged event as JSON
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Index("events_day", "date", "sub_event_type", "date_precision", "fatalities"),  # the timeline, from the index alone
    sa.Index("events_map", "latitude", "longitude", "sub_event_type", "fatalities"),  # the map's cells, likewise
)

# Case-insensitive look-ups: COLLATE NOCASE indexes in SQLite, lower() expression indexes in PostgreSQL
# (both fold ASCII letters only in SQLite, every letter in PostgreSQL). Made by the migrations.
NOCASE_INDEXES = {"events_country": "country", "events_iso3": "iso3", "events_type": "event_type",
                  "events_subtype": "sub_event_type", "events_admin1": "admin1"}

# An index for each order the page's table offers, (column, date), with NULLs first in PostgreSQL as the Store
# sorts; PostgreSQL's date order has its own. Made by the migrations (SQLite cannot declare NULLS FIRST).
SORT_INDEXES = {"events_by_type": "sub_event_type", "events_by_actor1": "actor1", "events_by_actor2": "actor2",
                "events_by_location": "location", "events_by_country": "country", "events_by_precision": "geo_precision",
                "events_by_fatalities": "fatalities", "events_by_injuries": "injuries", "events_by_date": "date"}

# Blocking for cross-article merging: an event under each (country, week) its dates touch, so that the
# candidates for a new report are found by key, never by scanning (see Store.candidates).
event_blocks = sa.Table(
    "event_blocks", metadata,
    sa.Column("country", sa.Text, primary_key=True),
    sa.Column("week", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Index("event_blocks_event", "event_id"),
    sqlite_with_rowid=False,
)

# One article's account of an event; an event is the set of reports linked to it.
reports = sa.Table(
    "reports", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),  # the article's version of the event as JSON
    sa.Index("reports_event", "event_id"),
    sa.Index("reports_article", "article_id"),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("report_id", sa.Text, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("value", sa.Text), sa.Column("sentence", sa.Integer), sa.Column("sentence_text", sa.Text),
    sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("quote", sa.Text),
    sa.Index("evidence_report", "report_id"),
)

# Manual decisions (sitrep merge / split) between reports; later runs respect them.
decisions = sa.Table(
    "decisions", metadata,
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("a", sa.Text, primary_key=True),
    sa.Column("b", sa.Text, primary_key=True),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('together', 'apart')", name="decisions_kind"),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("bound", sa.Text, nullable=False),
    sa.Column("what", sa.Text), sa.Column("counted", sa.Text), sa.Column("target", sa.Text),
    sa.Column("where_json", sa.Text), sa.Column("date_from", sa.Text), sa.Column("date_to", sa.Text),
    sa.Column("source", sa.Text), sa.Column("sentence_text", sa.Text),
    sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("quote", sa.Text),
)

# Sums over the events kept by triggers (migration 0007), so that whole-database answers read a few rows: per
# day and type (the timeline), per country and type (shading, totals), per actor (most active), per vague
# interval (the timeline's spans) and per map cell (90/64 degrees, numbered from -180 and -90). A missing
# text key is ''; a row with n 0 counts no event.
def _summary(name: str, keys: dict[str, type[sa.types.TypeEngine]], *more: str) -> sa.Table:
    return sa.Table(name, metadata, *(sa.Column(k, t, primary_key=True) for k, t in keys.items()),
                    sa.Column("n", sa.Integer, nullable=False),
                    *(sa.Column(c, sa.Double if c.endswith("_sum") else sa.Integer, nullable=False) for c in more),
                    sqlite_with_rowid=False)


summary_days = _summary("summary_days", {"date": sa.Text, "sub_event_type": sa.Text, "date_precision": sa.Text}, "deaths")
summary_countries = _summary("summary_countries", {"iso3": sa.Text, "country": sa.Text, "sub_event_type": sa.Text,
                                                   "located": sa.Integer}, "deaths")
summary_actors = _summary("summary_actors", {"actor": sa.Text})
summary_spans = _summary("summary_spans", {"date_earliest": sa.Text, "date_latest": sa.Text, "sub_event_type": sa.Text})
summary_cells = _summary("summary_cells", {"cx": sa.Integer, "cy": sa.Integer, "sub_event_type": sa.Text},
                         "deaths", "lat_sum", "lon_sum")

# Events removed because their last source was withdrawn.
deletions = sa.Table(
    "deletions", metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("deleted_at", sa.Text, nullable=False),
)

EVENT_COLUMNS = [c.name for c in events.columns]
