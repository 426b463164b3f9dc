"""What differs between the two back-ends, and nothing else: connecting, the writers' lock, placeholders,
case-insensitive comparison, text search, the bounding box, and NULLs in sort order. The Store's SQL is
written once, with ``?`` placeholders, and passes through ``sql()``."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is for migrations only (store.migrate); the Store speaks DB-API
    import sqlalchemy as sa

BUSY_TIMEOUT_MS = 30_000
PG_LOCK = 7_305_618_426_901  # pg_advisory_xact_lock key of sitrep's writers (any constant, the same in every process)
Box = tuple[float, float, float, float]


def is_postgresql(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def display_name(db: str) -> str:
    """The database as messages name it: never with a password."""
    return re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", db)


class Unbatched:
    """SQLite runs each statement in the process: nothing to batch, nothing to wait for."""

    def __enter__(self) -> Unbatched:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def sync(self) -> None:
        return None


def fts_phrase(text: str, prefix: bool = True) -> str:
    """User words as one quoted FTS5 phrase (``prefix``: the last word matches as a prefix): never FTS syntax."""
    words = re.findall(r"\w+", text)
    return ('"' + " ".join(words) + '"' + "*" * prefix) if words else ""


def ts_phrase(text: str, prefix: bool = True) -> str:
    """User words as one tsquery phrase of quoted lexemes, the counterpart of fts_phrase: punctuation and
    underscores separate words, as in FTS5 and the search columns."""
    words = re.findall(r"[^\W_]+", text)
    return " <-> ".join(f"'{w}'" for w in words) + ":*" * prefix if words else ""


def searched(q: str, phrase: Callable[[str, bool], str]) -> list[str]:
    """A search's words (at most eight) as phrases, all to be found; only the last, which may be still being
    typed, matches as a prefix (a prefix of every word made FTS5 merge every word each begins: at 215,000
    events, "Site 7-12" 7.0 -> 2.1 ms)."""
    words = q.split()[:8]
    return [p for i, w in enumerate(words) if (p := phrase(w, i == len(words) - 1))]


class SQLite:
    name = "sqlite"
    begin = "BEGIN IMMEDIATE"  # one writer at a time; readers go on (WAL)
    lock_sql: str | None = None
    errors: tuple[type[Exception], ...] = (sqlite3.OperationalError, sqlite3.IntegrityError)
    conflicts: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)  # a row another writer stored first
    open_errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)

    def __init__(self, path: str) -> None:
        self.path = path
        self.where = path

    def from_template(self, template: Path) -> None:
        """Make a new database file as a copy of ``template`` (an empty database at the newest schema),
        instead of migrating one: 0.4 s of start-up. An existing file, or one another process made
        meanwhile, is kept as it is; without a template (or where it cannot be copied) the Store migrates."""
        target = Path(self.path)
        if self.path == ":memory:" or self.path.startswith("file:") or target.exists() or not template.is_file():
            return
        tmp = target.with_name(f".{target.name}.{os.getpid()}.new")
        try:
            shutil.copyfile(template, tmp)
            os.link(tmp, target)  # never over a file: two runs creating one database share it
        except OSError:  # made meanwhile, no such directory, no hard links here
            pass
        finally:
            tmp.unlink(missing_ok=True)

    @staticmethod
    def batched(con: sqlite3.Connection) -> Unbatched:
        return Unbatched()

    @staticmethod
    def blank(con: sqlite3.Connection) -> bool:
        """Nothing in the database yet: once migrated, it can serve as the template of new ones."""
        return con.execute("SELECT 1 FROM sqlite_master").fetchone() is None

    def save_template(self, con: sqlite3.Connection, template: Path) -> None:
        """Keep a copy of a database just made at the newest schema, for ``from_template``."""
        template.parent.mkdir(parents=True, exist_ok=True)
        tmp = template.with_name(f".{template.name}.{os.getpid()}.new")
        tmp.unlink(missing_ok=True)
        con.execute("VACUUM INTO ?", (str(tmp),))
        os.replace(tmp, template)

    def _raw(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)

    def connect(self, cache_mb: int) -> sqlite3.Connection:
        con = self._raw()
        con.row_factory = sqlite3.Row
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")  # with WAL: a commit survives a crash of sitrep, not of the OS
        # A page cache taken as used (a writer linking a million events keeps their indexes' working set in
        # it), and a checkpoint every 80 MB of WAL rather than 4 MB writes each hot page back once, not at
        # every commit (bench/merge.py at 100,000 reports, 64 -> 256 MB and checkpoints: 1,160 -> 1,540/s)
        con.execute(f"PRAGMA cache_size=-{cache_mb * 1024}")
        con.execute("PRAGMA wal_autocheckpoint=20000")
        con.execute("PRAGMA foreign_keys=ON")
        return con

    def engine(self) -> sa.Engine:
        import sqlalchemy as sa
        from sqlalchemy.pool import NullPool

        engine = sa.create_engine("sqlite://", creator=self._raw, poolclass=NullPool)
        sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(self.begin))
        return engine

    def revision(self, con: Any) -> str | None:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone():
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None

    def inspect(self, con: Any) -> None:
        """Learn what the migrated database offers (nothing to learn in SQLite)."""

    @staticmethod
    def sql(text: str) -> str:
        return text

    @staticmethod
    def ci_eq(column: str, indexed: bool = True) -> str:
        """``indexed=False``: a test SQLite must not read from the column's index (the unary +), where another
        term's index is the narrower one; its planner keeps no statistics to know."""
        return f"{'' if indexed else '+'}{column} = ? COLLATE NOCASE"

    @staticmethod
    def nulls(desc: bool) -> str:
        return ""  # SQLite already puts NULL first going up and last going down

    @staticmethod
    def actor_filter(actor: str, indexed: bool = True) -> tuple[str, list[Any]] | None:
        phrase = fts_phrase(actor)
        if not phrase:
            return None
        return SQLite._matching(indexed), [f"{{actor1 actor2}} : {phrase}"]

    @staticmethod
    def words_filter(q: str, indexed: bool = True) -> tuple[str, list[Any]]:
        words = searched(q, fts_phrase)
        if not words:
            return "1=0", []
        return SQLite._matching(indexed), [" AND ".join(words)]

    @staticmethod
    def _matching(indexed: bool) -> str:
        """The events the text index matches: looked up one by one, or (``indexed=False``) a set each event is
        tested against as a page's order reads them, which reads the page without gathering and sorting every
        match (at 215,000 events, an actor's page by deaths 30 -> 7 ms; at worst, nothing matches, a scan of
        the order's index, 15 ms)."""
        return f"{'' if indexed else '+'}rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    @staticmethod
    def cell(expr: str) -> str:
        """The whole number below ``expr``, which is never negative (CAST truncates)."""
        return f"CAST({expr} AS INTEGER)"

    @staticmethod
    def bbox_filter(box: Box, indexed: bool = True) -> tuple[str, list[Any]]:
        """``indexed=False``: each event tested as the page's order reads it, not found by the map's index."""
        p = "" if indexed else "+"
        return f"{p}longitude BETWEEN ? AND ? AND {p}latitude BETWEEN ? AND ?", [box[0], box[2], box[1], box[3]]

    @staticmethod
    def unindex(execute: Callable[..., Any], event_id: str) -> None:
        """Drop an event's words from the text index (keyed by the event's rowid)."""
        row = execute("SELECT rowid FROM events WHERE id=?", (event_id,)).fetchone()
        if row is not None:
            execute("DELETE FROM events_fts WHERE rowid=?", (row[0],))

    @staticmethod
    def index(execute: Callable[..., Any], event_id: str, words: Sequence[str | None]) -> None:
        execute("INSERT INTO events_fts (rowid, id, location, actor1, actor2, admin1, country, sub_event_type, "
                "claimed_by) VALUES ((SELECT rowid FROM events WHERE id=?),?,?,?,?,?,?,?,?)", (event_id, event_id, *words))


class Names:
    """The column names of one result, read from it when first asked for: most rows are read by position,
    and psycopg's cursor.description makes an object per column (a tenth of PostgreSQL linking's time in
    bench/merge.py under the profiler)."""

    __slots__ = ("_index", "_result")

    def __init__(self, result: Any) -> None:
        self._result = result
        self._index: dict[str, int] | None = None

    def index(self) -> dict[str, int]:
        if self._index is None:
            res, self._result = self._result, None
            self._index = {} if res is None else {res.fname(i).decode(): i for i in range(res.nfields)}
        return self._index


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by position or by column name, like sqlite3.Row (dict(row) works too)."""

    def __new__(cls, values: Sequence[Any], names: Names) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        return tuple.__getitem__(self, self._names.index()[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._names.index())


def _rows(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = Names(cursor.pgresult)
    return lambda values: Row(values, names)


@lru_cache(maxsize=512)
def _pg_sql(text: str) -> str:
    return text.replace("%", "%%").replace("?", "%s")


class PostgreSQL:
    """Text search through generated tsvector columns with GIN indexes; the bounding box through PostGIS
    (a GiST index on a generated point) where the extension could be created."""

    name = "postgresql"
    begin = "BEGIN"
    lock_sql = f"SELECT pg_advisory_xact_lock({PG_LOCK})"  # writers take turns, as BEGIN IMMEDIATE does in SQLite
    sql = staticmethod(_pg_sql)

    def __init__(self, url: str) -> None:
        import psycopg

        self.psycopg = psycopg
        self.url = url
        self.where = display_name(url)
        self.errors = (psycopg.OperationalError, psycopg.IntegrityError)
        self.conflicts = (psycopg.errors.UniqueViolation,)
        self.open_errors = (psycopg.Error,)
        self.postgis = False

    @staticmethod
    def from_template(template: Path) -> None:  # a server's database is made by the server
        return None

    @staticmethod
    def blank(con: Any) -> bool:
        return False

    def connect(self, cache_mb: int) -> Any:  # the server keeps the page cache: nothing to set
        return self.psycopg.connect(self.url, autocommit=True, row_factory=_rows)

    @staticmethod
    def batched(con: Any) -> Any:
        """Pipeline mode: a statement whose result nobody reads (an insert, an upsert) is sent without
        waiting for the server, and the server's answers come back together at the next read."""
        return con.pipeline()

    def engine(self) -> sa.Engine:
        import sqlalchemy as sa
        from sqlalchemy.pool import NullPool

        return sa.create_engine("postgresql+psycopg://", creator=lambda: self.psycopg.connect(self.url), poolclass=NullPool)

    def revision(self, con: Any) -> str | None:
        if con.execute("SELECT to_regclass('alembic_version')").fetchone()[0] is None:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None

    def inspect(self, con: Any) -> None:
        self.postgis = con.execute("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('events') "
                                   "AND attname = 'geom' AND NOT attisdropped)").fetchone()[0]

    @staticmethod
    def ci_eq(column: str, indexed: bool = True) -> str:  # PostgreSQL's planner has its statistics
        return f"lower({column}) = lower(?)"

    @staticmethod
    def nulls(desc: bool) -> str:
        return " NULLS LAST" if desc else " NULLS FIRST"

    @staticmethod
    def actor_filter(actor: str, indexed: bool = True) -> tuple[str, list[Any]] | None:  # the planner has statistics
        phrase = ts_phrase(actor)
        return ("actor_search @@ to_tsquery('simple', ?)", [phrase]) if phrase else None

    @staticmethod
    def cell(expr: str) -> str:  # CAST rounds here
        return f"floor({expr})::integer"

    @staticmethod
    def words_filter(q: str, indexed: bool = True) -> tuple[str, list[Any]]:
        words = searched(q, ts_phrase)
        if not words:
            return "1=0", []
        return "search @@ to_tsquery('simple', ?)", [" & ".join(f"({w})" for w in words)]

    def bbox_filter(self, box: Box, indexed: bool = True) -> tuple[str, list[Any]]:  # the planner has statistics
        sql, args = SQLite.bbox_filter(box)
        if self.postgis:  # the index finds the box; the comparison on the columns keeps the edges exact
            return "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND " + sql, [*box, *args]
        return sql, args

    @staticmethod
    def unindex(execute: Callable[..., Any], event_id: str) -> None:
        """Nothing to do: the search columns are generated from the row."""

    @staticmethod
    def index(execute: Callable[..., Any], event_id: str, words: Sequence[str | None]) -> None:
        """Nothing to do: the search columns are generated from the row."""


def dialect_for(db: str) -> SQLite | PostgreSQL:
    return PostgreSQL(db) if is_postgresql(db) else SQLite(db)
