"""PostgreSQL as the database of `sitrep run`: the same events as SQLite from the sample; two runs at once
neither lose nor duplicate anything; PostGIS serves the bounding box where it is installed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pg_server
import pytest
from conftest import SAMPLE, SAMPLE_META, Databases

from sitrep.export import write
from sitrep.store import EventFilter, Store

STAMPS = {"timestamp", "updated_at", "ingested_at"}


@pytest.fixture
def pg_db(postgres: pg_server.Server | None, tmp_path: Path) -> str:
    return Databases("postgresql", postgres, tmp_path).new()


def sitrep_run(db: str, *paths: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "run", *paths, "--db", db, "--meta", str(SAMPLE_META)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _drop_stamps(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_stamps(v) for k, v in value.items() if k not in STAMPS}
    if isinstance(value, list):
        return [_drop_stamps(v) for v in value]
    return value


def export_lines(db: str) -> list[object]:
    buf = io.StringIO()
    store = Store(db)
    write("jsonl", store, buf)
    store.close()
    return [_drop_stamps(json.loads(line)) for line in buf.getvalue().splitlines()]


def events_and_sources(db: str) -> list[tuple[object, ...]]:
    store = Store(db)
    rows = sorted((e["date"] or "", e["sub_event_type"], e["location"] or "", tuple(e["sources"])) for e in store.events())
    store.close()
    return rows


def test_run_on_postgresql_gives_the_events_of_sqlite(pg_db: str, sample_dbs: Callable[[str], str]) -> None:
    proc = sitrep_run(pg_db, str(SAMPLE))
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert export_lines(pg_db) == export_lines(sample_dbs("sqlite"))


def test_two_runs_at_once_on_postgresql(pg_db: str, sample_dbs: Callable[[str], str]) -> None:
    """Both runs read every article, in opposite orders, so they write at the same time and each meets
    the other's events: every article is stored once, and the events are those of one run alone."""
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    a, b = sitrep_run(pg_db, *files), sitrep_run(pg_db, *files[::-1])
    for proc in (a, b):
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr.decode()
    store = Store(pg_db)
    assert store.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()[:] == (len(files), len(files))
    assert store.execute("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)").fetchone()[0] == 0
    store.close()
    assert events_and_sources(pg_db) == events_and_sources(sample_dbs("postgresql"))


def test_postgis_serves_the_bounding_box_where_installed(pg_db: str) -> None:
    store = Store(pg_db)
    available = store.execute("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'postgis'").fetchone()[0] == 1
    assert store.dialect.postgis is available
    where, _ = store.event_filter(EventFilter(bbox=(38, 28, 40, 34)))
    assert ("ST_MakeEnvelope" in where) is available
    store.close()
