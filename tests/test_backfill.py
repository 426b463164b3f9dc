"""``backfill`` on a local Dask cluster stores exactly the events ``run`` stores; a rerun changes nothing;
bad inputs are reported and the rest is stored."""

from __future__ import annotations

import io
import json
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_META
from distributed import LocalCluster

from sitrep.backfill import backfill
from sitrep.export import write
from sitrep.ingest import read_meta
from sitrep.store import Store


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two worker processes, shared by the tests here so each worker loads the model once."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as c:
        yield c.scheduler_address


def exported(db: Path) -> list[dict]:
    store = Store(db)
    buf = io.StringIO()
    write("jsonl", store, buf)
    store.close()
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    for row in rows:
        row.pop("timestamp", None)  # when the event was last written
    return rows


def test_backfill_stores_the_events_of_run(sample_db: Path, cluster: str, tmp_path: Path) -> None:
    db = tmp_path / "backfill.db"
    store = Store(db)
    # batches of 3: four tasks over two workers, so the order results come back in is put to the test
    report = backfill([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), scheduler=cluster, batch=3, progress=False)
    store.close()
    assert report.problems == []
    assert report.stored == len(list(SAMPLE.glob("*.txt")))
    events = exported(db)
    assert events and events == exported(sample_db)

    store = Store(db)
    before = store.counts()
    again = backfill([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), scheduler=cluster, batch=3, progress=False)
    assert again.stored == 0 and again.skipped == report.stored
    assert store.counts() == before
    store.close()


def test_backfill_reports_bad_inputs_and_stores_the_rest(cluster: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE / "s03_iraq_kirkuk_strike_drone_team.txt", inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "feed.jsonl").write_text('{"id": "ok1", "text": "Body."}\n{broken\n{"id": "ok1", "text": "Another body."}\n')
    store = Store(tmp_path / "t.db")
    problems: list[str] = []
    report = backfill([str(inputs)], store, read_meta(str(SAMPLE_META)), scheduler=cluster, on_problem=problems.append,
                      progress=False)
    assert report.stored == 2 and store.counts()["articles"] == 2
    store.close()
    assert problems == report.problems and len(problems) == 3
    assert any("empty.txt" in p for p in problems)
    assert any("feed.jsonl:2" in p for p in problems)
    assert any("feed.jsonl:3" in p and "duplicate article id 'ok1'" in p and "feed.jsonl:1" in p for p in problems)


def test_cli_backfill_starts_and_closes_its_own_cluster(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLE / "s04_iraq_ain_al_asad_back_to_back.txt", tmp_path / "in")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    db = tmp_path / "cli.db"
    res = subprocess.run([sys.executable, "-m", "sitrep", "backfill", "in", "--db", str(db), "--meta", str(SAMPLE_META),
                          "--workers", "1"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    lines = res.stderr.splitlines()
    assert sum("bad.txt" in ln for ln in lines) == 1
    assert any("1 articles read, 1 stored" in ln for ln in lines)
    store = Store(db)
    assert store.counts()["articles"] == 1
    store.close()
