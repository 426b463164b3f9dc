"""The summary tables (migration 0007): sums over the events that the Store keeps in every write
transaction (``Pending``), and the answers about the whole database read from them rather than from every
event: the timeline and its spans, totals by country, the most active actors, and the map's cells and
count for a view spanning every longitude (the world map). Each gives what the same question asked of the
events table gives; the Store asks here only when no filter narrows the question.

Kept by the Store rather than by triggers: in SQLite a trigger makes every write of an event keep a
statement journal (linking 100,000 reports: 4,080 -> 3,363 reports/s), and one transaction's changes to a
day or a cell are written once, summed, at its end."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from sitrep.store.dialect import Box, PostgreSQL, SQLite

CELL = 90 / 64  # summary_cells' width in degrees: a cell of the page's map at zoom 6 (90 at zoom 0, halved per zoom)
ROWS = 128  # cells from -90 to 90: latitude 90 itself falls in row 128
EDGE = 1e-9  # degrees: a point this near a row's edge may be numbered on either side of it (rounding)

Execute = Callable[..., Any]
# The events' columns the sums read, in this order (Store.save_event and delete_event pass their values).
SUMMED = ("date", "sub_event_type", "date_precision", "iso3", "country", "latitude", "longitude", "fatalities",
          "actor1", "actor2", "date_earliest", "date_latest")
TABLES = {  # table: key columns, summed columns
    "summary_days": (("date", "sub_event_type", "date_precision"), ("n", "deaths")),
    "summary_countries": (("iso3", "country", "sub_event_type", "located"), ("n", "deaths")),
    "summary_actors": (("actor",), ("n",)),
    "summary_spans": (("date_earliest", "date_latest", "sub_event_type"), ("n",)),
    "summary_cells": (("cx", "cy", "sub_event_type"), ("n", "deaths", "lat_sum", "lon_sum")),
}
UPSERTS = {table: f"INSERT INTO {table} ({', '.join([*keys, *sums])}) VALUES ({', '.join('?' * (len(keys) + len(sums)))}) "
                  f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET " + ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in sums)
           for table, (keys, sums) in TABLES.items()}


class Pending:
    """What one transaction's writes add to the sums (an event written: its new row added, its old one
    taken away), written at its end in one statement per table."""

    def __init__(self) -> None:
        self.sums: dict[str, dict[tuple[Any, ...], list[float]]] = {table: {} for table in TABLES}

    def _add(self, table: str, key: tuple[Any, ...], *values: float) -> None:
        held = self.sums[table].get(key)
        if held is None:
            self.sums[table][key] = list(values)
        else:
            for i, v in enumerate(values):
                held[i] += v

    def count(self, row: tuple[Any, ...], sign: int) -> None:
        """Add (``sign`` 1) or take away (-1) an event, given the values of its SUMMED columns."""
        date, kind, precision, iso3, country, lat, lon, fatalities, actor1, actor2, earliest, latest = row
        deaths = sign * (fatalities or 0)
        self._add("summary_days", (date or "", kind, precision or ""), sign, deaths)
        self._add("summary_countries", (iso3 or "", country or "", kind, int(lat is not None)), sign, deaths)
        for actor in (actor1, actor2):
            if actor is not None:
                self._add("summary_actors", (actor,), sign)
        if precision is not None and precision != "day" and earliest is not None and latest is not None:
            self._add("summary_spans", (earliest, latest, kind), sign)
        if lat is not None and lon is not None:  # numbered as dialect.cell numbers them
            self._add("summary_cells", (int((lon + 180) / CELL), int((lat + 90) / CELL), kind), sign, deaths,
                      sign * lat, sign * lon)

    def write(self, many: Callable[[str, list[tuple[Any, ...]]], None]) -> None:
        for table, sums in self.sums.items():
            rows = [(*key, *values) for key, values in sums.items() if any(values)]
            if rows:
                many(UPSERTS[table], rows)
            sums.clear()

    def clear(self) -> None:
        for sums in self.sums.values():
            sums.clear()


def day_counts(execute: Execute) -> list[Any]:
    return list(execute("SELECT NULLIF(date, ''), sub_event_type, NULLIF(date_precision, ''), n, deaths "
                        "FROM summary_days WHERE n > 0 ORDER BY date, sub_event_type, date_precision"))


def vague_dates(execute: Execute, limit: int) -> list[dict[str, Any]]:
    return [dict(r) for r in execute(
        "SELECT date_earliest, date_latest, sub_event_type, n FROM summary_spans WHERE n > 0 "
        "ORDER BY n DESC, date_earliest, date_latest, sub_event_type LIMIT ?", (limit,))]


def country_totals(execute: Execute) -> list[dict[str, Any]]:
    return [dict(r) for r in execute(
        "SELECT iso3, NULLIF(country, '') AS country, SUM(n) AS events, SUM(deaths) AS fatalities "
        "FROM summary_countries WHERE iso3 <> '' GROUP BY iso3, country HAVING SUM(n) > 0 ORDER BY events DESC, country")]


def unplaced(execute: Execute) -> list[dict[str, Any]]:
    """Events without coordinates by country and type."""
    return [dict(r) for r in execute(
        "SELECT NULLIF(iso3, '') AS iso3, NULLIF(country, '') AS country, sub_event_type, n, deaths "
        "FROM summary_countries WHERE located = 0 AND n > 0")]


def top_actors(execute: Execute, limit: int) -> list[tuple[str, int]]:
    return [(r[0], int(r[1])) for r in execute(
        "SELECT actor, n FROM summary_actors WHERE n > 0 ORDER BY n DESC, actor LIMIT ?", (limit,))]


def top_countries(execute: Execute, limit: int) -> list[str]:
    return [r[0] for r in execute(
        "SELECT country FROM summary_countries WHERE country <> '' GROUP BY country HAVING SUM(n) > 0 "
        "ORDER BY SUM(n) DESC, country LIMIT ?", (limit,))]


class MapView:
    """A map view (or none: the whole world) as summary rows wholly inside it and the events of the bands
    at its top and bottom edge, read one by one. None from ``of`` where the view leaves out some longitudes
    (left and right bands would scan most of the map's index) or is thinner than two rows of cells."""

    def __init__(self, execute: Execute, dialect: SQLite | PostgreSQL, lo: int, hi: int,
                 bands: list[tuple[str, list[Any]]]) -> None:
        self.execute, self.dialect = execute, dialect
        self.lo, self.hi, self.bands = lo, hi, bands

    @classmethod
    def of(cls, execute: Execute, dialect: SQLite | PostgreSQL, view: Box | None) -> MapView | None:
        if view is None:
            return cls(execute, dialect, 0, ROWS, [])
        x0, y0, x1, y1 = view
        if x0 > -180 or x1 < 180:
            return None
        lo = 0 if y0 <= -90 else math.ceil((y0 + 90) / CELL)
        hi = ROWS if y1 >= 90 else math.floor((y1 + 90) / CELL) - 1
        if lo > hi:
            return None
        row, bbox = dialect.cell(f"(latitude + 90) / {CELL}"), dialect.bbox_filter
        bands = []
        if lo > 0:  # a point below row lo lies below its edge, give or take the rounding
            box, args = bbox((x0, y0, x1, min(y1, lo * CELL - 90 + EDGE)))
            bands.append((f"{box} AND {row} < ?", [*args, lo]))
        if hi < ROWS:
            box, args = bbox((x0, max(y0, (hi + 1) * CELL - 90 - EDGE), x1, y1))
            bands.append((f"{box} AND {row} > ?", [*args, hi]))
        return cls(execute, dialect, lo, hi, bands)

    def count(self) -> int:
        """Events inside the view and events with no point (a map draws them at their country)."""
        n = self.execute("SELECT COALESCE(SUM(n), 0) FROM summary_cells WHERE cy BETWEEN ? AND ?", (self.lo, self.hi))
        unplaced = self.execute("SELECT COALESCE(SUM(n), 0) FROM summary_countries WHERE located = 0")
        return int(n.fetchone()[0]) + int(unplaced.fetchone()[0]) + sum(
            int(self.execute(f"SELECT COUNT(*) FROM events WHERE {where}", args).fetchone()[0]) for where, args in self.bands)

    def cells(self, width: float) -> list[dict[str, Any]] | None:
        """Cells ``width`` degrees wide as Store.map_cells gives them; None unless the width is the summary's
        times a power of two."""
        shift = round(math.log2(width / CELL))
        if shift < 0 or width != CELL * 2**shift:
            return None
        rows = list(self.execute("SELECT cx, cy, sub_event_type, n, deaths, lat_sum, lon_sum FROM summary_cells "
                                 "WHERE n > 0 AND cy BETWEEN ? AND ?", (self.lo, self.hi)))
        col, row = self.dialect.cell(f"(longitude + 180) / {CELL}"), self.dialect.cell(f"(latitude + 90) / {CELL}")
        for where, args in self.bands:
            rows += self.execute(f"SELECT {col}, {row}, sub_event_type, COUNT(*), COALESCE(SUM(fatalities), 0), "
                                 f"SUM(latitude), SUM(longitude) FROM events WHERE {where} GROUP BY 1, 2, 3", args)
        gathered: dict[tuple[int, int, str], list[float]] = {}
        for cx, cy, kind, n, deaths, lat, lon in rows:
            sums = gathered.setdefault((cx >> shift, cy >> shift, kind), [0, 0, 0.0, 0.0])
            for i, v in enumerate((n, deaths, lat, lon)):
                sums[i] += v
        return [{"cx": cx, "cy": cy, "sub_event_type": kind, "n": int(n), "deaths": int(deaths), "lat": lat / n,
                 "lon": lon / n} for (cx, cy, kind), (n, deaths, lat, lon) in gathered.items()]
