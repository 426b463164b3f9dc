"""A throwaway PostgreSQL server for the tests: initdb in a temporary directory (as the postgres user when
run as root, since initdb refuses root), listening on a Unix socket in that directory only, fsync off.
Each test gets its own database on it."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

BINDIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # Debian's layout, newest first


def bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    return next((d for d in BINDIRS if (d / "initdb").exists()), None)


def _free_port() -> int:
    with socket.socket() as s:  # a number for the socket file's name; nothing listens on TCP
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, bin: Path) -> None:
        self.bin = bin
        self.dir = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.count = 0

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        opts = f"-c listen_addresses='' -c unix_socket_directories={self.dir} -p {self.port} -c fsync=off " \
               "-c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-o", opts, "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.dir}&port={self.port}"

    def new_database(self, prefix: str = "t", template: str | None = None) -> str:
        """A new, empty database (or a copy of ``template``); its URL."""
        import psycopg

        self.count += 1
        name = f"{prefix}{self.count}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)


@contextlib.contextmanager
def server() -> Iterator[Server | None]:
    """A running server, or None where PostgreSQL is not installed."""
    bin = bindir()
    if bin is None:
        yield None
        return
    srv = Server(bin)
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
