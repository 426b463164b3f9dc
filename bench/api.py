"""API latency under load: p50/p95 of /api/events with filters and of the GeoJSON, on synthetic events
in SQLite, served by `sitrep serve` in its own process and queried from this one over loopback.

    .venv/bin/python bench/api.py --events 100000 --requests 300
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.models import Actor, DateInterval, Event
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from merge import SUBS, TYPES, world

QUERIES = {
    "page of 100, no filter": "/api/events?page_size=100",
    "country": "/api/events?country=Country%203&page_size=100",
    "country+type+dates": "/api/events?country=Country%205&event_type=Air/drone%20strike&since=2022-01-01&until=2022-06-30",
    "bbox": "/api/events?bbox=20,10,40,30&page_size=100",
    "text": "/api/events?q=Site%207-1&page_size=100",
    "actor, sorted by toll": "/api/events?actor=Group%2012&sort=-fatalities",
    "map layer, one country": "/api/map.geojson?country=Country%207",
}


def build(db: Path, n: int) -> None:
    import datetime as dt

    rng = random.Random(3)
    places = world(rng)
    actors = [Actor(f"Group {i}", 2, None, True) for i in range(300)]
    store = Store(db)
    with store.transaction():
        for i in range(n):
            place = rng.choice(rng.choice(places))
            day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
            sub = rng.choice(SUBS)
            a1, a2 = rng.sample(actors, 2)
            ev = Event(f"ev_{i:08d}", TYPES[sub], sub, None, a1, a2, None, place, DateInterval(day, day, day, "day"),
                       rng.randrange(0, 30), None, [f"a{i}"])
            store.save_event(ev, {})
    store.execute("ANALYZE")
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: str | Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`sitrep serve` on ``db`` in its own process on a free loopback port, once it accepts connections."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)])
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200, help="per query kind")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.db"
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
        with serving(db) as (_, port):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for name, path in QUERIES.items():
                times, size = [], 0
                for _ in range(args.requests):
                    t = time.perf_counter()
                    conn.request("GET", path)
                    res = conn.getresponse()
                    body = res.read()
                    times.append((time.perf_counter() - t) * 1000)
                    if res.status != 200:
                        raise SystemExit(f"{path}: HTTP {res.status} {body[:200]!r}")
                    size = len(body)
                q = statistics.quantiles(times, n=20)
                print(f"{name:<24} p50 {statistics.median(times):7.1f} ms  p95 {q[18]:7.1f} ms  "
                      f"{1000 / statistics.mean(times):6.0f} req/s  {size / 1024:8.0f} KiB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
