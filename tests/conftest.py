"""Shared fixtures: the storage and API tests run on both back-ends, SQLite and a throwaway PostgreSQL
server (skipped only where PostgreSQL is not installed, and never when SITREP_REQUIRE_PG=1); the sample
corpus is run once per session into each."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pg_server
import pytest

from sitrep.ingest import read_meta
from sitrep.runner import run
from sitrep.store import Store, migrate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "articles"
SAMPLE_META = ROOT / "examples" / "articles.meta.jsonl"
SHARED = ROOT.parent / "shared"
BACKENDS = ["sqlite", "postgresql"]


def downgrade(db: str, revision: str) -> None:
    """Take the database back to an older revision, as if made by an older sitrep (the next Store migrates it)."""
    from alembic import command

    store = Store(db)
    engine = store.dialect.engine()
    store.close()
    with engine.begin() as conn:
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.Server | None]:
    with pg_server.server() as srv:
        yield srv


class Databases:
    """New databases of one back-end: a file in a temporary directory, or a database on the test server."""

    def __init__(self, backend: str, srv: pg_server.Server | None, tmp: Path) -> None:
        if backend == "postgresql" and srv is None:
            if os.environ.get("SITREP_REQUIRE_PG") == "1":
                pytest.fail("SITREP_REQUIRE_PG=1 but PostgreSQL's initdb was not found")
            pytest.skip("PostgreSQL is not installed (no initdb)")
        self.backend, self.srv, self.tmp, self.count = backend, srv, tmp, 0

    def new(self) -> str:
        if self.srv is not None and self.backend == "postgresql":
            return self.srv.new_database()
        self.count += 1
        return str(self.tmp / f"db{self.count}.sqlite")

    def copy(self, db: str) -> str:
        if self.srv is not None and self.backend == "postgresql":
            return self.srv.new_database(template=urlparse(db).path.lstrip("/"))
        self.count += 1
        target = self.tmp / f"copy{self.count}.sqlite"
        shutil.copy(db, target)
        return str(target)


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, postgres: pg_server.Server | None, tmp_path: Path) -> Databases:
    return Databases(request.param, postgres, tmp_path)


@pytest.fixture
def db(databases: Databases) -> str:
    """A new, empty database on each back-end in turn: its path or URL."""
    return databases.new()


def _sample(db: str) -> str:
    store = Store(db)
    report = run([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), progress=False)
    store.close()
    assert report.problems == []
    assert report.stored == len(list(SAMPLE.glob("*.txt")))
    return db


@pytest.fixture(scope="session")
def sample_dbs(postgres: pg_server.Server | None, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], str]:
    """The sample corpus in a database of the named back-end, built on first use."""
    built: dict[str, str] = {}

    def get(backend: str) -> str:
        if backend not in built:
            built[backend] = _sample(Databases(backend, postgres, tmp_path_factory.mktemp("sample")).new())
        return built[backend]

    return get


@pytest.fixture(scope="session", params=BACKENDS)
def sample_db(request: pytest.FixtureRequest, sample_dbs: Callable[[str], str]) -> str:
    """The sample corpus on each back-end in turn."""
    return sample_dbs(request.param)


@pytest.fixture(scope="session")
def sqlite_sample_db(sample_dbs: Callable[[str], str]) -> Path:
    """The sample corpus in SQLite, for tests of what only a file database has (copies, PRAGMAs)."""
    return Path(sample_dbs("sqlite"))


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
