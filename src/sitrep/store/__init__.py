"""Store stage: SQLite by default (WAL, one transaction per article)."""

from sitrep.store.sqlite import Store

__all__ = ["Store"]
