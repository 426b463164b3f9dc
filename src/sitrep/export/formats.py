"""The export formats: events (JSON Lines, ACLED CSV, GeoJSON) and the deletions list. Each is a generator
of text pieces, so that the CLI writes a file and the API streams a response from one definition, never
holding the whole export in memory; it returns the number of records it wrote."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Generator
from typing import Any, TextIO

from sitrep.export.acled import ACLED_COLUMNS, SITREP_COLUMNS, acled_row, epoch
from sitrep.store import Store


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


Pieces = Generator[str, None, int]


def jsonl(store: Store, **filters: Any) -> Pieces:
    """Events with their evidence, then the reported tallies (claims), one JSON object a line."""
    n = 0
    for row in store.events(**filters):
        yield json.dumps(event_record(row, store.evidence_for(row["id"])), ensure_ascii=False) + "\n"
        n += 1
    for claim in store.claims():
        yield json.dumps(claim_record(claim), ensure_ascii=False) + "\n"
    return n


def csv_line(values: list[Any]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(values)
    return buf.getvalue()


def acled_csv(store: Store, **filters: Any) -> Pieces:
    """ACLED's columns, then sitrep's own."""
    columns = ACLED_COLUMNS + SITREP_COLUMNS
    yield csv_line(columns)
    n = 0
    for row in store.events(**filters):
        record = acled_row(row, store.evidence_for(row["id"]))
        yield csv_line([record[c] for c in columns])
        n += 1
    return n


def deletions_csv(store: Store, **_: Any) -> Pieces:
    """Deleted events in ACLED's deletions form: event_id_cnty as in the CSV export, Unix time of deletion."""
    yield csv_line(["event_id_cnty", "deleted_timestamp"])
    rows = store.deletions()
    for r in rows:
        yield csv_line([r["event_id"], epoch(r["deleted_at"])])
    return len(rows)


def geojson(store: Store, **filters: Any) -> Pieces:
    """A FeatureCollection of the events that have coordinates."""
    yield '{"type": "FeatureCollection", "features": ['
    n = 0
    for row in store.events(**filters):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        props = event_record(row, [])
        props.pop("evidence")
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                   "properties": props}
        yield ("," if n else "") + json.dumps(feature, ensure_ascii=False)
        n += 1
    yield "]}\n"
    return n


FORMATS: dict[str, Callable[..., Pieces]] = {"jsonl": jsonl, "csv": acled_csv, "geojson": geojson,
                                             "deletions": deletions_csv}


def write(fmt: str, store: Store, out: TextIO, **filters: Any) -> int:
    """Write one format to ``out``; the number of records (events, or deletions) written."""
    pieces = FORMATS[fmt](store, **filters)
    while True:
        try:
            out.write(next(pieces))
        except StopIteration as done:
            return int(done.value)
