"""The summary tables (migration 0007): whatever is written, updated or deleted, the whole database's
timeline, spans, country totals, actors, suggestions, map count and map cells read from them are what the
same questions asked of every event give, on both back-ends; a database migrated from 0006 gets them too."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from conftest import downgrade

from sitrep.models import Actor, DateInterval, Event, Place
from sitrep.store import Store, database

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
COUNTRIES = [("Sudan", "SDN"), ("Yemen", "YEM"), ("Ukraine", "UKR"), (None, None)]
ACTORS = [None, "Group A", "Group B", "Civilians (Sudan)"]
VIEWS = [None, (-180.0, -85.0, 180.0, 85.0), (-180.0, -30.0, 180.0, 40.3), (-180.0, -90.0, 180.0, 90.0),
         (-180.0, 10.0, 180.0, 10.5), (-20.0, -85.0, 180.0, 85.0)]


def _event(rng: random.Random, n: int) -> Event:
    kind = rng.choice(TYPES)
    country, iso3 = rng.choice(COUNTRIES)
    lat = rng.choice([None, round(rng.uniform(-90, 90), 5), 90.0, -90.0, -85.0, 85.0, 10.0, 0.0, -84.375])
    lon = None if lat is None else rng.choice([round(rng.uniform(-180, 180), 5), 180.0, -180.0, 0.0])
    place = Place("Somewhere", country, iso3, None, lat, lon, 1, "city") if country or lat is not None else None
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(60))
    precision = rng.choice(["day", "day", "week", "month", "unknown"])
    when = (DateInterval(None, None, None, "unknown") if precision == "unknown" else
            DateInterval(day, day, day + dt.timedelta(days={"day": 0, "week": 6, "month": 29}[precision]), precision))
    actors = [Actor(a, 1, None, True) if a else None for a in (rng.choice(ACTORS), rng.choice(ACTORS))]
    return Event(f"ev{n}", *kind, None, actors[0], actors[1], None, place, when,
                 rng.choice([None, 0, 3, 12]), None, ["a1"])


def _answers(store: Store) -> dict[str, Any]:
    def rounded(cells: list[dict[str, Any]]) -> dict[tuple[Any, ...], Any]:
        return {(c["cx"], c["cy"], c["sub_event_type"]): (c["n"], c["deaths"], c["lat"], c["lon"]) for c in cells}

    return {"days": sorted(store.day_counts(), key=repr), "spans": sorted(store.vague_dates(1000), key=repr),
            "totals": store.country_totals(), "unplaced": sorted(store.country_counts(), key=repr),
            "actors": store.top_actors(100), "facets": store.facets(), "count": store.count_events(),
            **{f"in view {v}": store.count_in_view(v) for v in VIEWS},
            **{f"cells {v} {zoom}": rounded(store.map_cells(90 / 2**zoom, v)) for v in VIEWS for zoom in (0, 2, 6)}}


def _assert_as_from_events(store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    summed = _answers(store)
    with monkeypatch.context() as m:
        m.setattr(database, "_whole", lambda filters: False)  # every question asked of the events table
        counted = _answers(store)
    assert summed.keys() == counted.keys()
    for question, answer in counted.items():
        if question.startswith("cells"):  # a cell's mean point, summed in another order
            answer = {cell: (n, deaths, pytest.approx(lat, abs=1e-9), pytest.approx(lon, abs=1e-9))
                      for cell, (n, deaths, lat, lon) in answer.items()}
        assert summed[question] == answer, question
    return summed


def _stored(db: str, rng: random.Random, events: int) -> Store:
    store = Store(db)
    with store.transaction():
        for n in range(events):
            store.save_event(_event(rng, n), {})
    return store


def test_summaries_answer_as_the_events_do_after_every_kind_of_write(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    store = _stored(db, rng, 300)
    _assert_as_from_events(store, monkeypatch)
    with store.transaction():
        for n in rng.sample(range(300), 120):  # the same events told anew: other dates, places, actors, tolls
            store.save_event(_event(rng, n), {})
        for n in rng.sample(range(300), 60):
            store.delete_event(f"ev{n}")
    summed = _assert_as_from_events(store, monkeypatch)
    assert summed["count"] == 300 - 60
    assert sum(c["n"] for c in store.map_cells(90)) + sum(r["n"] for r in summed["unplaced"]) == 300 - 60
    store.close()


def test_a_database_migrated_from_before_the_summaries_gets_them(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _stored(db, random.Random(11), 100).close()
    downgrade(db, "0006")
    store = Store(db)  # migrated again: the sums of what is stored, then kept by the Store
    with store.transaction():
        store.delete_event("ev3")
    assert _assert_as_from_events(store, monkeypatch)["count"] == 99
    store.close()
