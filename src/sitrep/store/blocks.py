"""The linking blocks a writer has read, held in memory: the candidates for a report are then found and
scored without a query per report, an event's stored JSON is decoded only when it is a candidate, and
its reports once.

The copy is exact while this connection is the only writer: the Store clears it when a transaction rolls
back or another connection has committed since this one last did, and whenever it outgrows ``limit``."""

from __future__ import annotations

import math
from bisect import insort
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass

from sitrep.models import Event, Place

Block = tuple[str, int]  # (country, week)
Cell = tuple[int, int]  # (latitude, longitude) rounded down to whole degrees
# Two local places (below) of one event lie within link.rules.MAX_KM[2] (75 km) of each other: 0.75 degrees of
# latitude is 83 km, room enough that a cell is never missed by rounding. Regions, countries, seas and
# coarser points match by name or within a wider distance, so they are compared with every report.
LOCAL_DEGREES = 0.75
WIDE_KINDS = frozenset({"country", "sea", "admin1", "admin2", "region"})


@dataclass
class Held:
    """One stored event: what blocking compares (its dates as ISO text, its point; none for a sea, which
    spans farther than the distance filter), its merged values as stored JSON until first needed, then
    decoded, its report ids (sorted), once a refresh needed them its reports (in id order, without
    evidence, as the store keeps them), the blocks it is filed under and the cell of a local place."""

    id: str
    earliest: str | None
    latest: str | None
    latitude: float | None
    longitude: float | None
    report_ids: list[str]
    data: str | None = None
    event: Event | None = None
    reports: list[Event] | None = None
    blocks: tuple[Block, ...] = ()
    cell: Cell | None = None


def local_cell(kind: str | None, precision: int | None, latitude: float | None, longitude: float | None) -> Cell | None:
    """The cell of a local place (a point known to 75 km: precision 1 or 2, no region, country or sea);
    None for any other."""
    if latitude is None or longitude is None or kind in WIDE_KINDS or precision is None or precision > 2:
        return None
    return math.floor(latitude), math.floor(longitude)


def place_cell(p: Place | None) -> Cell | None:
    return local_cell(p.kind, p.precision, p.latitude, p.longitude) if p else None


def near_cells(p: Place | None) -> list[Cell] | None:
    """The cells a local place of the same event as ``p`` can lie in; None (every cell) unless ``p`` is
    local itself, or so near a pole or the date line that the degrees of longitude would not hold."""
    if place_cell(p) is None:
        return None
    lat, lon = p.latitude, p.longitude  # type: ignore[union-attr]
    reach = abs(lat) + LOCAL_DEGREES  # type: ignore[arg-type]
    if reach >= 80:
        return None
    dlon = LOCAL_DEGREES / math.cos(math.radians(reach))
    if lon - dlon < -180 or lon + dlon > 180:  # type: ignore[operator]
        return None
    return [(a, o) for a in range(math.floor(lat - LOCAL_DEGREES), math.floor(lat + LOCAL_DEGREES) + 1)  # type: ignore[operator]
            for o in range(math.floor(lon - dlon), math.floor(lon + dlon) + 1)]  # type: ignore[operator]


class BlockCache:
    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self.events: dict[str, Held] = {}
        # only blocks whose every event is held, each by the cell of its local events (None: all others)
        self.blocks: dict[Block, dict[Cell | None, set[str]]] = {}

    def clear(self) -> None:
        self.events.clear()
        self.blocks.clear()

    def missing(self, wanted: Iterable[Block]) -> list[Block]:
        """The blocks not held (all of them once the copy outgrew its limit and was dropped)."""
        if len(self.events) > self.limit:
            self.clear()
        return [b for b in wanted if b not in self.blocks]

    def load(self, block: Block, events: list[Held]) -> None:
        """A block read from the database; an event already held stays as held."""
        cells: dict[Cell | None, set[str]] = {}
        for held in events:
            cells.setdefault(self.events.setdefault(held.id, held).cell, set()).add(held.id)
        self.blocks[block] = cells

    def members(self, blocks: Iterable[Block], near: list[Cell] | None = None) -> list[Held]:
        """The events held in ``blocks``: all of them, or with ``near`` the non-local ones and the local
        ones in those cells."""
        ids: set[str] = set()
        for b in blocks:
            cells = self.blocks[b]
            for key in cells if near is None else (None, *near):
                ids |= cells.get(key, _NONE)
        return [self.events[i] for i in sorted(ids)]

    def added(self, event_id: str, report: Event) -> None:
        held = self.events.get(event_id)
        if held is None:
            return
        insort(held.report_ids, report.id)
        if held.reports is not None:
            insort(held.reports, _bare(report), key=lambda r: r.id)

    def reports(self, event_id: str) -> list[Event] | None:
        held = self.events.get(event_id)
        return None if held is None else held.reports

    def read(self, event_id: str, reports: list[Event]) -> None:
        """An event's reports read from the database."""
        held = self.events.setdefault(event_id, Held(event_id, None, None, None, None, []))
        held.reports = reports
        held.report_ids = [r.id for r in reports]

    def saved(self, ev: Event, blocks: tuple[Block, ...]) -> None:
        """An event written with its merged values, filed under ``blocks``."""
        held = self.events.get(ev.id)
        if held is None:  # saved without its reports read through this cache: not known whole
            return
        held.event, held.data = _bare(ev), None
        held.earliest = ev.when.earliest.isoformat() if ev.when.earliest else None
        held.latest = ev.when.latest.isoformat() if ev.when.latest else None
        p = ev.place
        held.latitude, held.longitude = (p.latitude, p.longitude) if p and p.kind != "sea" else (None, None)
        cell = place_cell(p)
        if held.blocks != blocks or held.cell != cell:
            for b in held.blocks:
                if b in self.blocks:
                    self.blocks[b].get(held.cell, set()).discard(ev.id)
            for b in blocks:
                if b in self.blocks:
                    self.blocks[b].setdefault(cell, set()).add(ev.id)
            held.blocks, held.cell = blocks, cell

    def forget(self, event_ids: Iterable[str]) -> None:
        """Events changed by other means (reports moved or dropped, the event deleted): no longer held,
        and the blocks that held one are read again when next needed."""
        for event_id in event_ids:
            held = self.events.pop(event_id, None)
            for b in held.blocks if held else ():
                self.blocks.pop(b, None)


_NONE: frozenset[str] = frozenset()


def _bare(ev: Event) -> Event:
    """The event as the store keeps it, without evidence (a shallow copy: dataclasses.replace is slow)."""
    out = copy(ev)
    out.evidence = []
    return out
