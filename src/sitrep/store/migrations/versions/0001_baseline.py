"""Baseline: the schema of sitrep's SQLite databases up to schema_version 5, and the same on PostgreSQL.

A SQLite database made before migrations existed (meta.schema_version '5', no alembic_version) is
stamped at this revision rather than rebuilt (sitrep.store.migrate).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from sitrep.store.schema import NOCASE_INDEXES

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("location", "actor1", "actor2", "admin1", "country", "sub_event_type", "claimed_by")
ACTOR_COLUMNS = ("actor1", "actor2")


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.Text(), primary_key=True), sa.Column("value", sa.Text(), nullable=False))
    op.create_table(
        "articles",
        sa.Column("id", sa.Text(), primary_key=True),
        *(sa.Column(name, sa.Text()) for name in ("title", "url", "outlet", "published", "published_from", "path")),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("sub_event_type", sa.Text(), nullable=False),
        sa.Column("disorder_type", sa.Text()), sa.Column("weapon", sa.Text()),
        sa.Column("actor1", sa.Text()), sa.Column("inter1", sa.Integer()), sa.Column("actor1_country", sa.Text()),
        sa.Column("actor2", sa.Text()), sa.Column("inter2", sa.Integer()), sa.Column("actor2_country", sa.Text()),
        sa.Column("claimed_by", sa.Text()),
        sa.Column("location", sa.Text()), sa.Column("admin1", sa.Text()), sa.Column("country", sa.Text()),
        sa.Column("iso3", sa.Text()),
        sa.Column("latitude", sa.Double()), sa.Column("longitude", sa.Double()),
        sa.Column("geo_precision", sa.Integer()), sa.Column("place_kind", sa.Text()),
        sa.Column("date", sa.Text()), sa.Column("date_earliest", sa.Text()), sa.Column("date_latest", sa.Text()),
        sa.Column("date_precision", sa.Text()),
        *(sa.Column(name, sa.Integer()) for name in ("fatalities", "injuries", "fatalities_low", "fatalities_high",
                                                     "injuries_low", "injuries_high")),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
    )
    op.create_index("events_date", "events", ["date"])
    op.create_index("events_lat", "events", ["latitude", "longitude"])
    op.create_table(
        "event_blocks",
        sa.Column("country", sa.Text(), primary_key=True),
        sa.Column("week", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Text(), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("event_blocks_event", "event_blocks", ["event_id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
    )
    op.create_index("reports_event", "reports", ["event_id"])
    op.create_index("reports_article", "reports", ["article_id"])
    op.execute("CREATE VIEW event_sources AS SELECT DISTINCT event_id, article_id FROM reports")
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("report_id", sa.Text(), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("value", sa.Text()), sa.Column("sentence", sa.Integer()), sa.Column("sentence_text", sa.Text()),
        sa.Column("start", sa.Integer()), sa.Column("end", sa.Integer()), sa.Column("quote", sa.Text()),
    )
    op.create_index("evidence_report", "evidence", ["report_id"])
    op.create_table(
        "decisions",
        sa.Column("kind", sa.Text(), primary_key=True),
        sa.Column("a", sa.Text(), primary_key=True),
        sa.Column("b", sa.Text(), primary_key=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('together', 'apart')", name="decisions_kind"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("bound", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Text()) for name in ("what", "counted", "target", "where_json", "date_from", "date_to",
                                                  "source", "sentence_text")),
        sa.Column("start", sa.Integer()), sa.Column("end", sa.Integer()), sa.Column("quote", sa.Text()),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_extras()
    else:
        _sqlite_extras()


def _sqlite_extras() -> None:
    for name, column in NOCASE_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON events({column} COLLATE NOCASE, date)")
    # Words of the text columns, for text and actor search without scanning every event.
    op.execute(f"CREATE VIRTUAL TABLE events_fts USING fts5(id UNINDEXED, {', '.join(TEXT_COLUMNS)}, "
               "tokenize = 'unicode61 remove_diacritics 2')")


def _words(columns: tuple[str, ...]) -> str:
    """The columns' words as a tsvector: punctuation becomes a space first, so that 'Air/drone' is two
    words as in SQLite's FTS5 rather than one file-path token."""
    text = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"to_tsvector('simple', regexp_replace({text}, '[[:punct:]]+', ' ', 'g'))"


def _postgresql_extras() -> None:
    for name, column in NOCASE_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON events (lower({column}), date)")
    op.execute(f"ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS ({_words(TEXT_COLUMNS)}) STORED")
    op.execute(f"ALTER TABLE events ADD COLUMN actor_search tsvector GENERATED ALWAYS AS ({_words(ACTOR_COLUMNS)}) STORED")
    op.execute("CREATE INDEX events_search ON events USING gin (search)")
    op.execute("CREATE INDEX events_actor_search ON events USING gin (actor_search)")
    bind = op.get_bind()
    try:
        with bind.begin_nested():  # a savepoint: without PostGIS (or the right to add it) the rest still commits
            op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except sa.exc.DBAPIError:
        return
    op.execute("ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
               "(CASE WHEN longitude IS NULL OR latitude IS NULL THEN NULL "
               "ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED")
    op.execute("CREATE INDEX events_geom ON events USING gist (geom)")


def downgrade() -> None:
    op.execute("DROP VIEW event_sources")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE events_fts")
    for table in ("claims", "decisions", "evidence", "reports", "event_blocks", "events", "articles", "meta"):
        op.drop_table(table)
