"""Ingest stage: files, HTML pages, JSON Lines and RSS/Atom feeds -> Article records, with their publication dates."""

from sitrep.ingest.errors import IngestError
from sitrep.ingest.meta import read_meta
from sitrep.ingest.sources import iter_articles

__all__ = ["IngestError", "iter_articles", "read_meta"]
