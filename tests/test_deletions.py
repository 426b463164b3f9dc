"""The deletions a copy of the data is told of: an event deleted is listed, and no longer once it comes back,
whether in a later transaction or in the same one, on both back-ends."""

from __future__ import annotations

import datetime as dt

from sitrep.models import DateInterval, Event, Place
from sitrep.store import Store


def _event(event_id: str) -> Event:
    day = dt.date(2024, 5, 2)
    return Event(event_id, "Battles", "Armed clash", None, None, None, None,
                 Place("Gao", "Mali", "MLI", "Gao", 16.27, -0.04, 1, "city"), DateInterval(day, day, day, "day"),
                 None, None, ["a1"])


def test_an_event_deleted_is_listed_until_it_comes_back(db: str) -> None:
    store = Store(db)

    def deleted() -> set[str]:
        return {r[0] for r in store.execute("SELECT event_id FROM deletions")}

    with store.transaction():
        for event_id in ("x", "y", "z"):
            store.save_event(_event(event_id), {})
    with store.transaction():
        store.delete_event("x")
    assert deleted() == {"x"}
    with store.transaction():
        store.save_event(_event("x"), {})  # told again by a later article
    assert deleted() == set()
    with store.transaction():
        store.save_event(_event("w"), {})
        store.delete_event("w")  # written and withdrawn in one transaction: deleted
        store.delete_event("y")
        store.save_event(_event("y"), {})  # withdrawn and told again in one: not deleted
    assert deleted() == {"w"}
    store.close()
