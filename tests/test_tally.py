"""A tally's question counted in the database: events aimed at the target, in any of the places named (as
a country or as the location), whose whole interval lies in the period; each counted once, on both
back-ends."""

from __future__ import annotations

import datetime as dt

from sitrep.export.tally import tally
from sitrep.models import Actor, DateInterval, Event, Place
from sitrep.store import Store

PLACES = {"erbil": Place("Erbil", "Iraq", "IRQ", "Arbil", 36.19, 44.01, 1, "city"),
          "iraq": Place("Iraq", "Iraq", "IRQ", None, 33.0, 44.0, 3, "country"),
          "tanf": Place("Al Tanf", "Syria", "SYR", "Homs", 33.5, 38.7, 1, "facility"),
          "homs": Place("Homs", "Syria", "SYR", "Homs", 34.7, 36.7, 1, "city")}


def _event(n: int, place: str, target: str, day: int) -> Event:
    when = DateInterval(dt.date(2024, 1, day), dt.date(2024, 1, day), dt.date(2024, 1, day), "day")
    return Event(f"ev{n}", "Explosions/Remote violence", "Air/drone strike", None, Actor("Militia X", 3, None, True),
                 Actor(target, 1, None, True), None, PLACES[place], when, None, None, ["a1"])


def test_a_tally_counts_the_events_in_its_places_once_each(db: str) -> None:
    store = Store(db)
    with store.transaction():
        for n, (place, target, day) in enumerate([("erbil", "Military Forces of the United States", 3),
                                                  ("iraq", "Military Forces of the United States", 4),
                                                  ("tanf", "Military Forces of the United States", 5),
                                                  ("homs", "Military Forces of the United States", 6),  # not named
                                                  ("erbil", "Civilians (Iraq)", 7),  # another target
                                                  ("erbil", "Military Forces of the United States", 25)]):  # too late
            store.save_event(_event(n, place, target, day), {})
    asked = tally(store, "Military Forces of the United States", ["Iraq", "Al Tanf"], "2024-01-01", "2024-01-20")
    assert asked["in_database"] == 3
    assert tally(store, None, ["Iraq", "Erbil"])["in_database"] == 4  # Erbil, in Iraq, counted once
    store.close()
