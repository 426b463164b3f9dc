"""A run killed at any moment leaves a database that opens, passes integrity_check and holds only whole
articles; a rerun completes the job with the events of an uninterrupted run. Two runs at once on one
database, with `sitrep serve` answering from it all the while, both finish with the events of one run, and
every answer the server gave meanwhile was a 200."""

from __future__ import annotations

import http.client
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_META, sitrep_serve

from sitrep.store import Store

KILLS = 3  # bounded: each try costs a model load
MAX_POLLS = 3000  # the reader's loop is bounded in count and in time
POLL_SECONDS = 400
READS = ["/api/events?page_size=500", "/api/stats", "/api/events.geojson", "/api/claims", "/api/tally",
         "/api/events?q=drone&sort=-fatalities", "/api/events?country=Iraq"]


def sitrep_run(db: Path, *paths: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "run", *paths, "--db", str(db), "--meta", str(SAMPLE_META)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def snapshot(db: Path) -> set[tuple]:
    """Each event's date, type, place and sources (sorted: writers may store them in either order)."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT e.date, e.sub_event_type, e.location, group_concat(s.article_id) FROM events e "
                       "JOIN event_sources s ON s.event_id = e.id GROUP BY e.id").fetchall()
    con.close()
    return {(*row[:3], tuple(sorted(row[3].split(",")))) for row in rows}


def check_whole(db: Path) -> None:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored report belongs to a stored article, every event has a report
    assert con.execute("SELECT COUNT(*) FROM reports WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)").fetchone()[0] == 0
    con.close()


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    """The events of one uninterrupted run over the sample."""
    reference = tmp_path_factory.mktemp("reference") / "reference.db"
    assert sitrep_run(reference, str(SAMPLE)).wait(timeout=300) == 0
    return snapshot(reference)


def test_kill_9_then_rerun(tmp_path: Path, expected: set[tuple]) -> None:
    db = tmp_path / "killed.db"
    rng = random.Random(11)
    for _ in range(KILLS):
        proc = sitrep_run(db, str(SAMPLE))
        time.sleep(rng.uniform(2.0, 6.0))  # model load, then somewhere in the articles
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if db.exists():
            check_whole(db)
    assert sitrep_run(db, str(SAMPLE)).wait(timeout=300) == 0
    check_whole(db)
    assert snapshot(db) == expected


def test_two_runs_at_once_while_serving(tmp_path: Path, expected: set[tuple]) -> None:
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    db = tmp_path / "shared.db"
    Store(db).close()  # `sitrep serve` needs the database to exist
    statuses: dict[int, int] = {}
    with sitrep_serve(db) as port:
        a, b = sitrep_run(db, *files[::2]), sitrep_run(db, *files[1::2])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        deadline = time.monotonic() + POLL_SECONDS
        for n in range(MAX_POLLS):
            if (a.poll() is not None and b.poll() is not None) or time.monotonic() > deadline:
                break
            conn.request("GET", READS[n % len(READS)])
            res = conn.getresponse()
            body = res.read()
            statuses[res.status] = statuses.get(res.status, 0) + 1
            assert res.status == 200 and b"locked" not in body, (READS[n % len(READS)], res.status, body[:300])
            time.sleep(0.02)
        conn.close()
        assert a.wait(timeout=300) == 0 and b.wait(timeout=300) == 0
    assert sum(statuses.values()) > len(READS)  # the reader really read while they wrote
    check_whole(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(files)
    con.close()
    assert snapshot(db) == expected
