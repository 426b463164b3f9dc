"""Keep a database current (``sitrep watch``): poll directories, files and feeds, and send what is new or
changed through the pipeline (runner.run), which skips text it holds by its hash and lets a changed article
replace what its earlier version contributed.

Files whose size and modification time have not changed since they were last read are not read again. A
source that fails as a whole (a feed that does not answer or parse, a path that is gone) waits twice as
long after each failure, up to a cap, and is back on the interval after a success."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields
from typing import Any

from sitrep.data import read_yaml
from sitrep.ingest import IngestError
from sitrep.ingest.feeds import is_url
from sitrep.ingest.files import iter_files
from sitrep.runner import RunReport, run
from sitrep.store import Store

Stamp = tuple[int, int]  # modification time (ns) and size of a file as last read


def backoff(interval: float, failures: int, cap: float) -> float:
    """Seconds until the next poll of a source after ``failures`` failed polls in a row."""
    return min(interval * 2**failures, max(cap, interval))


@dataclass
class Source:
    """A directory, file or feed URL as given, and what the watcher knows of it."""

    name: str
    failures: int = 0
    due: float = 0.0  # time.monotonic() at which it is polled next
    stamps: dict[str, Stamp] = field(default_factory=dict)

    def pending(self) -> tuple[list[str], dict[str, Stamp]]:
        """What to hand the runner now, and the stamps of the files to remember once they are read."""
        if is_url(self.name):
            return [self.name], {}
        stamps: dict[str, Stamp] = {}
        unreadable = []
        for item in iter_files([self.name]):
            if isinstance(item, IngestError):
                return [self.name], {}  # gone: the runner reports it, and the source backs off
            try:
                st = item.stat()
            except OSError:
                unreadable.append(str(item))  # the runner names the problem; tried again next poll
                continue
            stamps[str(item)] = (st.st_mtime_ns, st.st_size)
        return [p for p, s in stamps.items() if self.stamps.get(p) != s] + unreadable, stamps

    def failed(self, report: RunReport) -> bool:
        """A problem with the source itself, not with one file or entry of it."""
        return any(p.startswith(f"{self.name}: ") for p in report.problems)


class Watcher:
    def __init__(self, names: list[str], store: Store, interval: float, **run_args: Any) -> None:
        self.sources = [Source(n) for n in dict.fromkeys(names)]
        self.store = store
        self.interval = interval
        self.cap = float(read_yaml("watch.yaml")["backoff_max_seconds"])
        self.run_args = run_args

    def poll(self) -> RunReport:
        """Run the sources that are due; the report sums theirs."""
        total = RunReport()
        for src in self.sources:
            if src.due > time.monotonic():
                continue
            paths, stamps = src.pending()
            report = run(paths, self.store, **self.run_args) if paths else RunReport()
            src.stamps = stamps  # only now: a poll interrupted before this reads the same files again
            src.failures = src.failures + 1 if src.failed(report) else 0
            src.due = time.monotonic() + backoff(self.interval, src.failures, self.cap)
            for f in fields(RunReport):
                setattr(total, f.name, getattr(total, f.name) + getattr(report, f.name))
        return total

    def backing_off(self) -> int:
        return sum(1 for s in self.sources if s.failures)

    def sleep(self) -> None:
        """Until the next source is due (a signal's KeyboardInterrupt ends it)."""
        time.sleep(max(0.0, min(s.due for s in self.sources) - time.monotonic()))
