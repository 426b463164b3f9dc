"""The linking blocks a writer has read, held in memory: the candidates for a report are then found and
scored without a query per report, an event's stored JSON is decoded only when it is a candidate, and
its reports once.

The copy is exact while this connection is the only writer: the Store clears it when a transaction rolls
back or another connection has committed since this one last did, and whenever it outgrows ``limit``."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass

from sitrep.models import Event

Block = tuple[str, int]  # (country, week)


@dataclass
class Held:
    """One stored event: what blocking compares (its dates as ISO text, its point; none for a sea, which
    spans farther than the distance filter), its merged values as stored JSON until first needed, then
    decoded, its report ids (sorted) and, once a refresh needed them, its reports (in id order, without
    evidence, as the store keeps them)."""

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


class BlockCache:
    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self.events: dict[str, Held] = {}
        self.blocks: dict[Block, set[str]] = {}  # only blocks whose every event is held

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
        for held in events:
            self.events.setdefault(held.id, held)
        self.blocks[block] = {h.id for h in events}

    def members(self, blocks: Iterable[Block]) -> list[Held]:
        ids: set[str] = set()
        for b in blocks:
            ids |= self.blocks[b]
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
        if held.blocks != blocks:
            for b in held.blocks:
                if b in self.blocks:
                    self.blocks[b].discard(ev.id)
            for b in blocks:
                if b in self.blocks:
                    self.blocks[b].add(ev.id)
            held.blocks = blocks

    def forget(self, event_ids: Iterable[str]) -> None:
        """Events changed by other means (reports moved or dropped, the event deleted): no longer held,
        and the blocks that held one are read again when next needed."""
        for event_id in event_ids:
            held = self.events.pop(event_id, None)
            for b in held.blocks if held else ():
                self.blocks.pop(b, None)


def _bare(ev: Event) -> Event:
    """The event as the store keeps it, without evidence (a shallow copy: dataclasses.replace is slow)."""
    out = copy(ev)
    out.evidence = []
    return out
