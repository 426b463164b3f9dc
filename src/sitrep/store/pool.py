"""Open Stores shared by a server's requests. A request borrows one and gives it back, so that connecting
(milliseconds to PostgreSQL) and a cold page cache are paid once per connection, not per request; at most
``size`` are open, and a request beyond them waits for one to come back."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sitrep.store.database import Store

READER_CACHE_MB = 64  # per connection: a reader's pages are also in the OS cache, shared by all


class StorePool:
    def __init__(self, db: str, size: int = 4) -> None:
        self.db = db
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()  # the most recently used has the warmest cache
        self._slots = threading.BoundedSemaphore(size)

    def acquire(self) -> Store:
        self._slots.acquire()
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        try:
            return Store(self.db, cache_mb=READER_CACHE_MB)
        except BaseException:
            self._slots.release()
            raise

    def release(self, store: Store, broken: bool = False) -> None:
        """Give a Store back; ``broken``: its connection failed, so it is closed rather than reused."""
        if broken:
            store.close()
        else:
            self._idle.put(store)
        self._slots.release()

    @contextmanager
    def store(self) -> Iterator[Store]:
        s = self.acquire()
        try:
            yield s
        except s.errors:
            self.release(s, broken=True)
            raise
        except BaseException:
            self.release(s)
            raise
        self.release(s)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
