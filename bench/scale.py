"""sitrep at scale: for each size, synthetic reports (bench/merge.py's: 40 countries, 30 % of events told
by two or three outlets as outlets retell them, twins that must stay apart, in publication order) are
linked and stored, then `sitrep serve` answers the page's queries on the result. Prints, per size and
back-end: reports/s of linking and storing, the linking process's peak RSS, p50/p95 of every page query
from one client (and p50/max of the first answer after a write, which whole-database answers the server
keeps until the next write must compute anew), and p50/p95, errors and server memory with 8 concurrent
clients.

    .venv/bin/python bench/scale.py --sizes 10000 100000 1000000
    .venv/bin/python bench/scale.py --sizes 10000 100000 --postgresql   # a throwaway server (tests/pg_server.py)
"""

from __future__ import annotations

import argparse
import http.client
import resource
import statistics
import sys
import time
from pathlib import Path

from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api import serving
from load import load, memory
from merge import databases, link_all, synthetic

# What the page asks for (web/static/app.js): the table under each filter and sort it offers, an event's
# card, the timeline and totals, the map at world and region zoom, the country shading, suggestions, tallies.
PAGE = {
    "events, newest first": "/api/events?page_size=100",
    "events, one country": "/api/events?country=Country%203&page_size=100",
    "events, country+type+dates": "/api/events?country=Country%205&event_type=Air/drone%20strike&since=2022-01-01"
                                  "&until=2022-06-30",
    "events, actor by deaths": "/api/events?actor=Group%2012&sort=-fatalities",
    "events, words": "/api/events?q=Site%207-1&page_size=100",
    "events, deaths >= 15": "/api/events?min_fatalities=15&page_size=100",
    "events, area": "/api/events?bbox=20,10,40,30&page_size=100",
    "events, by location p40": "/api/events?sort=location&page=40&page_size=50",
    "events, by country desc": "/api/events?sort=-country&page_size=100",
    "events, by type": "/api/events?sort=type&page_size=100",
    "event card": "/api/events/{event}",
    "stats, all": "/api/stats?bucket=auto",
    "stats, one country": "/api/stats?country=Country%202&bucket=auto",
    "map, world": "/api/map.geojson?view=-180,-85,180,85&zoom=2",
    "map, region": "/api/map.geojson?view=20,10,30,20&zoom=7",
    "countries shaded": "/api/countries",
    "suggestions": "/api/facets",
    "tally": "/api/tally?target=Group%2012&where=Country%203&from=2021-01-01&to=2021-12-31",
}


COLD = 5  # answers timed each right after a write


def timed(conn: http.client.HTTPConnection, path: str) -> float:
    t = time.perf_counter()
    conn.request("GET", path)
    res = conn.getresponse()
    body = res.read()
    if res.status != 200:
        raise SystemExit(f"{path}: HTTP {res.status} {body[:200]!r}")
    return (time.perf_counter() - t) * 1000


def written(db: str) -> None:
    """A write the server must notice: an empty transaction moves the database to its next generation."""
    store = Store(db)
    with store.transaction():
        pass
    store.close()


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18]


def measure(db: str, n: int, requests: int, clients: int) -> None:
    reports, _ = synthetic(n)
    store = Store(db)
    elapsed = link_all(store, reports)
    events = store.counts()["events"]
    event = store.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    store.execute("ANALYZE")
    store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kind = "postgresql" if db.startswith("postgresql") else "sqlite"
    print(f"{kind} {n:,} reports -> {events:,} events: {n / elapsed:,.0f} reports/s, peak RSS {rss:,.0f} MB", flush=True)
    paths = {name: path.format(event=event) for name, path in PAGE.items()}
    with serving(db) as (server, port):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        worst = []
        for name, path in paths.items():
            timed(conn, path)  # the first answer warms caches; what follows is what users meet
            times = [timed(conn, path) for _ in range(requests)]
            worst.append((p95(times), name))
            cold = []
            for _ in range(COLD):  # the first answer after a write: what the server keeps no longer holds
                written(db)
                cold.append(timed(conn, path))
            print(f"  {name:<28} p50 {statistics.median(times):7.1f} ms  p95 {p95(times):7.1f} ms | after a write: "
                  f"p50 {statistics.median(cold):7.1f} ms  max {max(cold):7.1f} ms", flush=True)
        conn.close()
        before = memory(server.pid)
        by_path, errors, wall = load(port, requests * len(paths), clients, 600, list(paths.values()), {})
        after = memory(server.pid)
    times = [t for ts in by_path.values() for t in ts]
    print(f"  one client: slowest p95 {max(worst)[0]:.1f} ms ({max(worst)[1]}); {clients} clients: "
          f"{len(times) / wall:.0f} req/s, p50 {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms, "
          f"{sum(errors.values())} errors; server RSS {before['VmRSS'] / 1024:.0f} -> {after['VmRSS'] / 1024:.0f} MB",
          flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--postgresql", action="store_true", help="on a throwaway PostgreSQL server instead of SQLite")
    ap.add_argument("--requests", type=int, default=20, help="per query, from one client (and x queries from many)")
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    with databases(args.postgresql) as dbs:
        for n in args.sizes:
            measure(next(dbs), n, args.requests, args.clients)
    return 0


if __name__ == "__main__":
    sys.exit(main())
