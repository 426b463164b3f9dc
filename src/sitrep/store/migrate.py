"""Schema migrations (Alembic), run by the Store whenever it opens a database that is not at the newest
revision, so that upgrading sitrep never needs a manual step. One transaction holds the writers' lock
for the whole upgrade: two processes opening a new database at once do not both build it."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Alembic and SQLAlchemy load only when a database needs migrating (0.4 s of start-up)
    import sqlalchemy as sa
    from alembic.config import Config

BASELINE = "0001"
LEGACY_VERSIONS = (None, "5")  # meta.schema_version of the SQLite databases made before migrations


class LegacySchemaError(Exception):
    """A database from an older sitrep whose schema the baseline does not describe."""


class MigrationError(Exception):
    """The migration failed; its cause is the database's error."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    return cfg


REVISION = re.compile(r'^(down_)?revision = (?:"([^"]*)"|None)', re.MULTILINE)


@cache
def head() -> str:
    """The newest revision: the one no other revision follows, read from the revision files' own
    ``revision`` and ``down_revision`` lines, so that opening a current database imports no Alembic."""
    revisions, followed = set(), set()
    for script in (resources.files("sitrep.store") / "migrations" / "versions").iterdir():
        if script.name.endswith(".py"):
            for down, name in REVISION.findall(script.read_text(encoding="utf-8")):
                (followed if down else revisions).add(name)
    heads = revisions - followed
    if len(heads) != 1:
        raise MigrationError(f"the migrations have {len(heads)} heads, not one")
    return heads.pop()


@cache
def digest() -> str:
    """A digest of the revision files: a schema built from them is the same until one changes."""
    h = hashlib.sha256()
    for script in sorted((resources.files("sitrep.store") / "migrations" / "versions").iterdir(), key=lambda f: f.name):
        if script.name.endswith(".py"):
            h.update(script.read_bytes())
    return h.hexdigest()[:16]


def upgrade(engine: sa.Engine, lock_sql: str | None) -> None:
    """Migrate to head; a pre-migration SQLite database is stamped at the baseline, not rebuilt.
    ``lock_sql``: the statement that takes the writers' lock, if beginning a transaction does not."""
    import sqlalchemy as sa

    try:
        _upgrade(engine, lock_sql)
    except sa.exc.SQLAlchemyError as exc:
        raise MigrationError(str(exc)) from exc


def _upgrade(engine: sa.Engine, lock_sql: str | None) -> None:
    import sqlalchemy as sa
    from alembic import command

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
