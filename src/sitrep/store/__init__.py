"""Store stage: SQLite by default (WAL), PostgreSQL for a postgresql:// URL; one transaction per article."""

from sitrep.store.database import SORTS, Condition, EventFilter, Store, StoreError

__all__ = ["SORTS", "Condition", "EventFilter", "Store", "StoreError"]
