"""Cross-article merging at scale: synthetic reports through blocking, scoring and the store (a temporary
SQLite file, or with --db an empty database such as a postgresql:// URL).

Prints, for each size, reports/s of attach + refresh (the link and store work per report) and how well
the merge recovered the synthetic truth: merge recall (pairs of reports of one event that were merged)
and precision (merged pairs that are one event).

The retellings are made to differ as outlets do: a day apart, or dated only to the week; placed at the
site, its region or only its country; one side unnamed ("gunmen"), or the victims not named; a different
toll; another sub-event type (one outlet's drone strike is another's missile strike, its mortar attack on a
base another's battle for it). Some events have a twin: the same actors at the same site two to five days
later, which must stay apart.

Reports arrive as news does (--order published, the default): in the order they were published, each a
few days after its event, so that the stories of the same days come together. --order shuffled feeds them
in random order over the three years, the worst case for every cache.

    .venv/bin/python bench/merge.py --sizes 10000 100000 1000000
    .venv/bin/python bench/merge.py --sizes 10000 --postgresql   # a throwaway server (tests/pg_server.py)
    .venv/bin/python bench/merge.py --sizes 10000 --db postgresql://user@/empty_db?host=/run/postgresql
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.link import report_id
from sitrep.link.attach import attach, refresh
from sitrep.models import Actor, Article, DateInterval, Event, Place
from sitrep.store import Store

SUBS = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Remote explosive/landmine/IED"]
TYPES = {"Air/drone strike": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
         "Armed clash": "Battles", "Remote explosive/landmine/IED": "Explosions/Remote violence"}
BATCH = 500  # reports per transaction, as a run writes article by article


def world(rng: random.Random, countries: int = 40, sites: int = 40) -> list[list[Place]]:
    out = []
    for c in range(countries):
        lat0, lon0 = rng.uniform(-30, 50), rng.uniform(-20, 100)
        out.append([Place(f"Site {c}-{s}", f"Country {c}", f"C{c:02d}", f"Region {c}-{s % 8}",
                          lat0 + rng.uniform(-4, 4), lon0 + rng.uniform(-4, 4), 1, "city") for s in range(sites)])
    return out


GENERIC = Actor("Unidentified Armed Group", 3, None, True, generic=True)
# how another outlet may name the act: a drone strike as a missile strike, a roadside bomb's ambush or a
# shelled base as the battle that followed
OTHERWISE = {"Air/drone strike": "Shelling/artillery/missile attack", "Shelling/artillery/missile attack": "Armed clash",
             "Remote explosive/landmine/IED": "Armed clash", "Armed clash": "Shelling/artillery/missile attack"}


def retold(rng: random.Random, place: Place, day: dt.date, sub: str, a1: Actor, a2: Actor
           ) -> tuple[Place, DateInterval, str, Actor | None, Actor | None]:
    """How a second or third outlet tells the event."""
    roll = rng.random()
    if roll < 0.2:  # the region only
        place = Place(place.admin1 or place.name, place.country, place.iso3, place.admin1, place.latitude,
                      place.longitude, 3, "admin1")
    elif roll < 0.3:  # the country only
        place = Place(place.country or "", place.country, place.iso3, None, None, None, 3, "country")
    when = day + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    interval = DateInterval(when, when - dt.timedelta(days=6), when, "week") if rng.random() < 0.15 \
        else DateInterval(when, when, when, "day")
    if rng.random() < 0.2:
        sub = OTHERWISE[sub]
    one: Actor | None = a1
    two: Actor | None = a2
    roll = rng.random()
    if roll < 0.2:
        one = GENERIC
    elif roll < 0.35:
        two = None
    return place, interval, sub, one, two


Report = tuple[str, int, str, Actor | None, Actor | None, Place, DateInterval, int]  # what ``event`` builds one from


def event(r: Report) -> Event:
    """The report as the pipeline hands it to linking (from its article a<n>). The script holds reports as
    tuples, a third of an Event's memory, so that its own input does not count as the linker's."""
    rid, n, sub, a1, a2, place, when, fatalities = r
    return Event(rid, TYPES[sub], sub, None, a1, a2, None, place, when, fatalities, None, [f"a{n}"])


def synthetic(n: int, order: str = "published", seed: int = 7) -> tuple[list[Report], dict[str, int]]:
    """n reports of about 0.7 n real events: 30% of events are told by two or three outlets, each
    retelling differing as ``retold`` says; 10% have a twin at their site a few days later. Returns the
    reports, in the ``order`` they arrive, and report id -> true event."""
    rng = random.Random(seed)
    places = world(rng)
    actors = [Actor(f"Group {i}", 2, None, True) for i in range(300)]
    start = dt.date(2021, 1, 1)
    reports: list[Report] = []
    truth: dict[str, int] = {}
    published: dict[str, float] = {}
    event = 0

    def tell(place: Place, when: DateInterval, sub: str, a1: Actor | None, a2: Actor | None) -> None:
        day = when.latest.toordinal() + rng.uniform(0, 3)  # type: ignore[union-attr]
        rid = report_id(dt.date.fromordinal(int(day)), f"a{len(reports)}")  # named as the pipeline names reports
        published[rid] = day
        reports.append((rid, len(reports), sub, a1, a2, place, when, rng.randrange(0, 20)))
        truth[rid] = event

    while len(reports) < n:
        country = rng.randrange(len(places))
        place = rng.choice(places[country])
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        sub = rng.choice(SUBS)
        a1, a2 = rng.sample(actors, 2)
        tell(place, DateInterval(day, day, day, "day"), sub, a1, a2)
        for _ in range(0 if rng.random() < 0.7 else rng.choice((1, 2))):
            tell(*retold(rng, place, day, sub, a1, a2))
        event += 1
        if rng.random() < 0.1:  # the same attackers at the same site a few days later: another event
            later = day + dt.timedelta(days=rng.randrange(2, 6))
            tell(place, DateInterval(later, later, later, "day"), sub, a1, a2)
            event += 1
    rng.shuffle(reports)
    reports = reports[:n]
    if order == "published":
        reports.sort(key=lambda r: published[r[0]])
    return reports, truth


def link_all(store: Store, reports: list[Report]) -> float:
    """Link and store the reports as a run does (each with its article), BATCH to a transaction; seconds.
    Each batch is taken out of ``reports`` as it goes, so the script holds the reports not yet read, as a
    run holds only the articles in hand, and the peak RSS is the linker's, not the linker's plus the input's."""
    t0 = time.perf_counter()
    reports.reverse()
    while reports:
        batch = [event(r) for r in reversed(reports[-BATCH:])]
        del reports[-BATCH:]
        store.known_hashes([r.sources[0] for r in batch])  # as a run asks before it analyses
        with store.transaction():
            for r in batch:
                store.replace_article(Article(r.sources[0], "", "", None, None, None, None, "", r.id))
                refresh(store, attach(store, [r]))
    return time.perf_counter() - t0


def rss_mb() -> float:
    """This process's resident memory now."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


@contextmanager
def databases(postgresql: bool) -> Iterator[Iterator[str]]:
    """A new empty database for each size: a SQLite file, or one on a throwaway PostgreSQL server."""
    with tempfile.TemporaryDirectory() as tmp:
        if not postgresql:
            yield (str(Path(tmp) / f"bench{i}.db") for i in range(1_000))
            return
        sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
        import pg_server  # the tests' throwaway PostgreSQL server

        with pg_server.server() as srv:
            if srv is None:
                raise SystemExit("PostgreSQL is not installed (scripts/setup installs it)")
            yield (srv.new_database("bench") for _ in range(1_000))


def run(n: int, db: str, order: str) -> None:
    reports, truth = synthetic(n, order)
    before = rss_mb()  # the script's own reports, given up batch by batch as they are linked
    store = Store(db)
    elapsed = link_all(store, reports)
    assigned = dict(store.execute("SELECT id, event_id FROM reports").fetchall())
    events = store.counts()["events"]
    store.close()
    by_event: dict[str, list[str]] = {}
    for rid, eid in assigned.items():
        by_event.setdefault(eid, []).append(rid)
    merged_pairs = {frozenset((a, b)) for ids in by_event.values() for a in ids for b in ids if a < b}
    true_groups: dict[int, list[str]] = {}
    for rid, ev in truth.items():
        if rid in assigned:
            true_groups.setdefault(ev, []).append(rid)
    true_pairs = {frozenset((a, b)) for ids in true_groups.values() for a in ids for b in ids if a < b}
    right = len(merged_pairs & true_pairs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    recall = right / len(true_pairs) if true_pairs else 1.0
    precision = right / len(merged_pairs) if merged_pairs else 1.0
    print(f"{order:>9} {n:>9,} reports -> {events:>9,} events in {elapsed:8.1f} s = {n / elapsed:8,.0f} reports/s | "
          f"merge recall {recall:.3f} ({right:,}/{len(true_pairs):,} pairs), precision {precision:.3f} "
          f"({len(merged_pairs) - right:,} wrong) | peak RSS {peak_mb:,.0f} MB ({before:,.0f} MB before linking)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--order", choices=("published", "shuffled"), default="published")
    ap.add_argument("--db", help="an empty database to fill instead of a temporary SQLite file (one size only)")
    ap.add_argument("--postgresql", action="store_true", help="on a throwaway PostgreSQL server instead of SQLite")
    args = ap.parse_args()
    if args.db and len(args.sizes) > 1:
        ap.error("--db takes one size")
    with databases(args.postgresql) as dbs:
        for n in args.sizes:
            run(n, args.db or next(dbs), args.order)
    return 0


if __name__ == "__main__":
    sys.exit(main())
