"""Reported tallies against the database: "at least 78 attacks since October 17 on US forces in Iraq and
Syria" beside the number of such events sitrep holds."""

from __future__ import annotations

from typing import Any

from sitrep.store import Condition, Store

TOLLS = {"kill", "wound", "injure"}


def _overlaps(a_from: str | None, a_to: str | None, b_from: str | None, b_to: str | None) -> bool:
    return (a_from or "0000") <= (b_to or "9999") and (b_from or "0000") <= (a_to or "9999")


def count_events(store: Store, target: str | None, where: list[str], date_from: str | None, date_to: str | None) -> int:
    """Events aimed at ``target`` (actor2), in one of ``where`` (a country or a place), known to fall inside
    the period (their whole date interval)."""
    tests = [Condition(col, op, (value,)) for col, op, value in (
        ("actor2", "=", target), ("date_earliest", ">=", date_from), ("date_latest", "<=", date_to)) if value]
    return store.count_events(places=tuple(where), conditions=tuple(tests))


def tally(store: Store, target: str | None = None, where: list[str] | None = None, date_from: str | None = None,
          date_to: str | None = None) -> dict[str, Any]:
    where = where or []
    rows = []
    for c in store.claims():
        if c["counted"] in TOLLS:
            continue  # a toll of the dead or wounded answers another question than a count of events
        if target and c["target"] != target:
            continue
        if where and not set(c["where"]) & set(where):
            continue
        if not _overlaps(c["date_from"], c["date_to"], date_from, date_to):
            continue
        held = count_events(store, c["target"], c["where"], c["date_from"], c["date_to"])
        rows.append({"article_id": c["article_id"], "quantity": c["quantity"], "bound": c["bound"], "what": c["what"],
                     "target": c["target"], "where": c["where"], "from": c["date_from"], "to": c["date_to"],
                     "in_database": held, "gap": c["quantity"] - held, "quote": c["sentence_text"]})
    return {"question": {"target": target, "where": where, "from": date_from, "to": date_to},
            "in_database": count_events(store, target, where, date_from, date_to), "claims": rows}
