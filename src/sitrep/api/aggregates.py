"""Whole-database aggregates (the timeline and totals, country shading, the map's cells, suggestions,
tallies) kept between requests until the database changes: every transaction that writes bumps the
store's generation, so an answer computed at one generation is served again, without reading every event,
until the next write. The first request after a write pays the full query."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sitrep.store import Store

T = TypeVar("T")


class Aggregates:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._held: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``'s answer for ``key``, computed again only if the database changed since."""
        generation = store.generation()
        if generation is None:  # written by a sitrep that kept no generation: nothing tells a change
            return compute()
        with self._lock:
            held = self._held.get(key)
            if held is not None and held[0] == generation:
                self._held.move_to_end(key)
                return held[1]  # type: ignore[no-any-return]
        value = compute()  # the generation was read first: the answer is at least as new as it
        with self._lock:
            self._held[key] = (generation, value)
            self._held.move_to_end(key)
            while len(self._held) > self.size:
                self._held.popitem(last=False)
        return value


def filter_key(name: str, filters: dict[str, Any], *more: Any) -> Hashable:
    """A key for one route's answer to one filter (its values in a stable order)."""
    return (name, repr(sorted(filters.items())), *more)
