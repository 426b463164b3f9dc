"""Writers for the export formats: events (JSON Lines, ACLED CSV, GeoJSON) and the deletions list."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from typing import Any, TextIO

from sitrep.store import Store

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    # sitrep's own columns
    "sitrep_id", "date_earliest", "date_latest", "injuries", "claimed_by", "weapon", "evidence",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def event_record(row: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """One event as JSON (the format ../shared/eval/score.py reads, plus provenance)."""
    return {
        "kind": "event",
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "disorder_type": row["disorder_type"],
        "weapon": row["weapon"],
        "date": row["date"],
        "date_earliest": row["date_earliest"],
        "date_latest": row["date_latest"],
        "date_precision": row["date_precision"],
        "country": row["country"],
        "iso3": row["iso3"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "location": row["location"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geo_precision": row["geo_precision"],
        "actor1": row["actor1"],
        "inter1": row["inter1"],
        "actor2": row["actor2"],
        "inter2": row["inter2"],
        "claimed_by": row["claimed_by"],
        "fatalities": row["fatalities"],
        "injuries": row["injuries"],
        "sources": [{"article_id": a} for a in row["sources"]],
        "timestamp": row["updated_at"],  # last change, ISO 8601 UTC
        "evidence": evidence,
    }


def claim_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "claim", "id": row["id"], "quantity": row["quantity"], "bound": row["bound"], "what": row["what"],
        "counted": row["counted"],
        "target": row["target"],
        "where": row["where"], "from": row["date_from"], "to": row["date_to"], "source": row["source"],
        "article_id": row["article_id"],
        "evidence": {"sentence": row["sentence_text"], "start": row["start"], "end": row["end"], "quote": row["quote"]},
    }


def write_jsonl(store: Store, out: TextIO, **filters: Any) -> int:
    n = 0
    for row in store.events(**filters):
        out.write(json.dumps(event_record(row, store.evidence_for(row["id"])), ensure_ascii=False) + "\n")
        n += 1
    for claim in store.claims():
        out.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
    return n


def _interaction(i1: int | None, i2: int | None) -> str:
    if not i1:
        return ""
    return str(i1 * 10 + (i2 or 0)) if not i2 or i1 <= i2 else str(i2 * 10 + i1)


def _epoch(iso: str) -> int:
    return int(dt.datetime.fromisoformat(iso).timestamp())


def acled_row(row: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    date = row["date"]
    return {
        "event_id_cnty": row["id"],  # stable, so that a later deletions list names rows of this file
        "event_date": date or "",
        "year": date[:4] if date else "",
        "time_precision": TIME_PRECISION.get(row["date_precision"], ""),
        "disorder_type": row["disorder_type"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"] or "",
        "assoc_actor_1": "",
        "inter1": row["inter1"] or "",
        "actor2": row["actor2"] or "",
        "assoc_actor_2": "",
        "inter2": row["inter2"] or "",
        "interaction": _interaction(row["inter1"], row["inter2"]),
        "civilian_targeting": "Civilian targeting" if row["actor2"] == "Civilians" else "",
        "iso": row["iso3"] or "",
        "region": "",
        "country": row["country"] or "",
        "admin1": row["admin1"] or "",
        "admin2": row["admin2"] or "",
        "admin3": "",
        "location": row["location"] or "",
        "latitude": row["latitude"] if row["latitude"] is not None else "",
        "longitude": row["longitude"] if row["longitude"] is not None else "",
        "geo_precision": row["geo_precision"] or "",
        "source": "; ".join(row["sources"]),
        "source_scale": "",
        "notes": " | ".join(sorted({e["quote"] for e in evidence if e["field"] == "event_type"})),
        "fatalities": row["fatalities"] if row["fatalities"] is not None else 0,
        "tags": "",
        "timestamp": _epoch(row["updated_at"]),
        "sitrep_id": row["id"],
        "date_earliest": row["date_earliest"] or "",
        "date_latest": row["date_latest"] or "",
        "injuries": row["injuries"] if row["injuries"] is not None else "",
        "claimed_by": row["claimed_by"] or "",
        "weapon": row["weapon"] or "",
        "evidence": json.dumps(evidence, ensure_ascii=False),
    }


def write_csv(store: Store, out: TextIO, **filters: Any) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for row in store.events(**filters):
        writer.writerow(acled_row(row, store.evidence_for(row["id"])))
        n += 1
    return n


def write_deletions(store: Store, out: TextIO, **_: Any) -> int:
    """Deleted events in ACLED's deletions form: event_id_cnty as in the CSV export, Unix time of deletion."""
    writer = csv.writer(out)
    writer.writerow(["event_id_cnty", "deleted_timestamp"])
    rows = store.deletions()
    writer.writerows([r["event_id"], _epoch(r["deleted_at"])] for r in rows)
    return len(rows)


def write_geojson(store: Store, out: TextIO, **filters: Any) -> int:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for row in store.events(**filters):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        props = event_record(row, [])
        props.pop("evidence")
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


FORMATS: dict[str, Callable[..., int]] = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
                                          "deletions": write_deletions}


def write(fmt: str, store: Store, out: TextIO, **filters: Any) -> int:
    return FORMATS[fmt](store, out, **filters)


