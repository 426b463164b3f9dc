"""Schema migrations (Alembic), run by the Store whenever it opens a database that is not at the newest
revision, so that upgrading sitrep never needs a manual step. One transaction holds the writers' lock
for the whole upgrade: two processes opening a new database at once do not both build it."""

from __future__ import annotations

from functools import cache
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

BASELINE = "0001"
LEGACY_VERSIONS = (None, "5")  # meta.schema_version of the SQLite databases made before migrations


class LegacySchemaError(Exception):
    """A database from an older sitrep whose schema the baseline does not describe."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    return cfg


@cache
def head() -> str:
    return str(ScriptDirectory.from_config(_config()).get_current_head())


def upgrade(engine: sa.Engine, lock_sql: str | None) -> None:
    """Migrate to head; a pre-migration SQLite database is stamped at the baseline, not rebuilt.
    ``lock_sql``: the statement that takes the writers' lock, if beginning a transaction does not."""
    cfg = _config()
    with engine.begin() as conn:
        if lock_sql:
            conn.exec_driver_sql(lock_sql)
        found = sa.inspect(conn)
        if not found.has_table("alembic_version") and found.has_table("meta"):
            version = conn.execute(sa.text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
            if version not in LEGACY_VERSIONS:
                raise LegacySchemaError(f"database schema version {version}, which this sitrep cannot migrate; "
                                        "build a new database from the articles")
            cfg.attributes["connection"] = conn
            command.stamp(cfg, BASELINE)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
