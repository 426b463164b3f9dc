"""The server's pool of open Stores: a Store comes back for the next request, a Store whose connection
failed does not, and no more than the pool's size are open at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sitrep.store import Store
from sitrep.store.pool import StorePool


@pytest.fixture
def pool(tmp_path: Path) -> StorePool:
    db = tmp_path / "pool.db"
    Store(db).close()
    return StorePool(str(db), size=2)


def test_a_store_is_reused_and_a_failed_one_replaced(pool: StorePool) -> None:
    with pool.store() as first:
        pass
    with pool.store() as again:
        assert again is first
    with pytest.raises(Exception, match="no such table"), pool.store() as failing:
        failing.execute("SELECT * FROM no_such_table")
    with pool.store() as fresh:
        assert fresh is not first
        assert fresh.count_events() == 0
    pool.close()


def test_requests_beyond_the_size_wait_for_a_store(pool: StorePool) -> None:
    held = [pool.acquire(), pool.acquire()]
    got: list[Store] = []
    waiting = threading.Thread(target=lambda: got.append(pool.acquire()))
    waiting.start()
    time.sleep(0.2)
    assert got == []  # both are out: the third request waits
    pool.release(held[0])
    waiting.join(timeout=5)
    assert got == [held[0]]
    pool.release(held[1])
    pool.release(got[0])
    pool.close()
