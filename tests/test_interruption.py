"""A run killed at any moment leaves a database that opens, passes integrity_check and holds only whole
articles; a rerun completes the job with the events of an uninterrupted run. Two runs at once on one
database both finish, with every article stored once."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLE, SAMPLE_META

KILLS = 3  # bounded: each try costs a model load


def sitrep_run(db: Path, *paths: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "run", *paths, "--db", str(db), "--meta", str(SAMPLE_META)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def snapshot(db: Path) -> set[tuple]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT e.date, e.sub_event_type, e.location, group_concat(s.article_id) FROM events e "
                       "JOIN event_sources s ON s.event_id = e.id GROUP BY e.id").fetchall()
    con.close()
    return set(rows)


def check_whole(db: Path) -> None:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored report belongs to a stored article, every event has a report
    assert con.execute("SELECT COUNT(*) FROM reports WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM reports)").fetchone()[0] == 0
    con.close()


def test_kill_9_then_rerun(tmp_path: Path) -> None:
    reference = tmp_path / "reference.db"
    assert sitrep_run(reference, str(SAMPLE)).wait(timeout=300) == 0
    expected = snapshot(reference)

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


def test_two_runs_at_once(tmp_path: Path) -> None:
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    db = tmp_path / "shared.db"
    a, b = sitrep_run(db, *files[::2]), sitrep_run(db, *files[1::2])
    assert a.wait(timeout=300) == 0 and b.wait(timeout=300) == 0
    check_whole(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(files)
    con.close()
