"""Shared fixtures: the sample corpus run once per session into a temporary SQLite database."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitrep.ingest import read_meta
from sitrep.runner import run
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "articles"
SAMPLE_META = ROOT / "examples" / "articles.meta.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    store = Store(db)
    report = run([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), progress=False)
    store.close()
    assert report.problems == []
    assert report.stored == len(list(SAMPLE.glob("*.txt")))
    return db


@pytest.fixture(scope="session")
def expected_events() -> list[dict]:
    return json.loads((ROOT / "examples" / "expected.json").read_text())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def sitrep_serve(db: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """`sitrep serve` in its own process on a free loopback port; yields the port once it accepts."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), *options],
                                env=env, stderr=log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(f"sitrep serve did not start: {log.read().decode(errors='replace')}") from None
                    time.sleep(0.1)
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=20)
