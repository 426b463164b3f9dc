"""Attach reports to stored events and keep each event's merged values current. The store is reached
through a small protocol, so linking stays free of storage details."""

from __future__ import annotations

from typing import Protocol

from sitrep.link.merge import Decisions, choose, combine, toll_ranges
from sitrep.models import Event


class ReportStore(Protocol):
    def candidates(self, report: Event) -> dict[str, tuple[Event, list[str]]]: ...

    def add_report(self, report: Event, event_id: str) -> None: ...
    def reports_of(self, event_id: str) -> list[Event]: ...
    def report_ids(self, event_id: str, article_id: str | None = None) -> list[str]: ...
    def fresh_event_id(self, seed: str, article_id: str) -> str: ...
    def move_reports(self, report_ids: list[str], event_id: str) -> None: ...
    def save_event(self, ev: Event, ranges: dict[str, tuple[int, int] | None]) -> None: ...
    def delete_event(self, event_id: str) -> None: ...
    def decisions(self) -> dict[str, set[frozenset[str]]]: ...
    def add_decision(self, kind: str, a: str, b: str) -> None: ...


def attach(store: ReportStore, reports: list[Event]) -> set[str]:
    """Link each report of one article to the event it tells (or a new one); returns the events that
    changed. Reports that join an event on their own go first: the articles they join are the article's
    partners, stories of the same incident, which its other reports count as a point of agreement.
    Two reports of the article may join one event (it split, for want of a date, what another source
    tells as one), unless it gave them two different days."""
    decisions = Decisions(**store.decisions())
    joined: dict[str, list[Event]] = {}  # event -> the article's reports in it
    partners: set[str] = set()
    pending = []
    for report in reports:
        found = store.candidates(report)
        candidates = _open(found, joined, report)
        event_id = choose(report, candidates, decisions)
        if event_id is None:
            pending.append((report, found))
            continue
        partners.update(candidates[event_id][0].sources)
        store.add_report(report, event_id)
        joined.setdefault(event_id, []).append(report)
    for report, found in pending:  # what the store holds changes only when the events are refreshed
        event_id = choose(report, _open(found, joined, report), decisions, partners) if partners else None
        event_id = event_id or store.fresh_event_id(report.id, report.sources[0])
        store.add_report(report, event_id)
        joined.setdefault(event_id, []).append(report)
    return set(joined)


def _open(candidates: dict[str, tuple[Event, list[str]]], joined: dict[str, list[Event]], report: Event
          ) -> dict[str, tuple[Event, list[str]]]:
    """Candidates but the events where the article put a report it dated to another day than this one."""
    if not joined:
        return candidates

    def other_day(r: Event) -> bool:
        return r.when.precision == report.when.precision == "day" and r.when.date != report.when.date

    return {event_id: c for event_id, c in candidates.items() if not any(map(other_day, joined.get(event_id, ())))}


def refresh(store: ReportStore, event_ids: set[str]) -> None:
    """Recompute merged values; an event left without reports is deleted."""
    for event_id in sorted(event_ids):
        reports = store.reports_of(event_id)
        if not reports:
            store.delete_event(event_id)
            continue
        store.save_event(combine(event_id, reports), toll_ranges(reports))


def merge_events(store: ReportStore, keep: str, other: str) -> None:
    """A user's decision: ``other`` is the same event as ``keep``. Remembered for later runs."""
    kept, moved = store.report_ids(keep), store.report_ids(other)
    if not kept or not moved:
        raise KeyError(keep if not kept else other)
    for report_id in moved:
        store.add_decision("together", kept[0], report_id)
    store.move_reports(moved, keep)
    refresh(store, {keep, other})


def split_event(store: ReportStore, event_id: str, article_id: str) -> str:
    """A user's decision: what ``article_id`` reports is a different event. Returns the new event id."""
    moved = store.report_ids(event_id, article_id)
    remaining = [r for r in store.report_ids(event_id) if r not in moved]
    if not moved or not remaining:
        raise KeyError(article_id if not moved else event_id)
    for a in moved:
        for b in remaining:
            store.add_decision("apart", a, b)
    new_id = store.fresh_event_id(moved[0], article_id)
    store.move_reports(moved, new_id)
    refresh(store, {event_id, new_id})
    return new_id
