"""`sitrep serve` under load: a fixed number of requests over a mix of endpoints from K concurrent client
threads (each with its own keep-alive connection), capped in time; prints requests/s, p50, p95, errors
and the server's memory (VmRSS, VmHWM from /proc) before and after.

    .venv/bin/python bench/load.py --events 20000 --requests 5000 --clients 8 --seconds 300
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from api import QUERIES, build, serving

MIX = [*QUERIES.values(), "/api/events/ev_00000042", "/api/stats?country=Country%202", "/api/claims",
       "/api/events?page=40&page_size=50&sort=location", "/api/events/ev_missing"]  # the last is a 404 by design
EXPECTED = {"/api/events/ev_missing": 404}


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def load(port: int, requests: int, clients: int, seconds: float, mix: list[str] = MIX,
         expected: dict[str, int] = EXPECTED) -> tuple[dict[str, list[float]], Counter[str], float]:
    """Latencies (ms) by path, error counts by kind, and the wall time of the whole run: ``requests`` in
    turn over the paths of ``mix``, each answered 200 unless ``expected`` says otherwise."""
    numbers = itertools.count()
    lock = threading.Lock()
    times: dict[str, list[float]] = {path: [] for path in mix}
    errors: Counter[str] = Counter()
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline and (n := next(numbers)) < requests:
            path = mix[n % len(mix)]
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                res = conn.getresponse()
                res.read()
                status: str | None = None if res.status == expected.get(path, 200) else f"HTTP {res.status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                status = f"{exc.__class__.__name__} {path}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                times[path].append((time.perf_counter() - t) * 1000)
                if status:
                    errors[status] += 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return times, errors, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000, help="synthetic events in the database")
    ap.add_argument("--requests", type=int, default=5_000, help="requests in all")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--seconds", type=float, default=300, help="time cap")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        build(db, args.events)
        with serving(db) as (server, port):
            before = memory(server.pid)
            by_path, errors, wall = load(port, args.requests, args.clients, args.seconds)
            after = memory(server.pid)
    times = [t for ts in by_path.values() for t in ts]
    q = statistics.quantiles(times, n=20)
    print(f"{len(times):,} requests ({len(MIX)} kinds) from {args.clients} clients on {args.events:,} events in {wall:.1f} s: "
          f"{len(times) / wall:.0f} req/s, p50 {statistics.median(times):.1f} ms, p95 {q[18]:.1f} ms, "
          f"{sum(errors.values())} errors")
    for path, ts in sorted(by_path.items(), key=lambda kv: -statistics.median(kv[1] or [0])):
        print(f"  {path:<60} p50 {statistics.median(ts or [0]):7.1f} ms  max {max(ts or [0]):7.1f} ms  n={len(ts)}")
    for kind, n in errors.most_common():
        print(f"  {n} x {kind}")
    print(f"server RSS {before['VmRSS'] / 1024:.0f} MB before, {after['VmRSS'] / 1024:.0f} MB after "
          f"(peak {after['VmHWM'] / 1024:.0f} MB)")
    return 1 if errors or len(times) < args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
