"""Export stage: JSON Lines (the scorer's format), ACLED-style CSV and GeoJSON, and the deletions list, from the
store."""

from sitrep.export.formats import FORMATS, write

__all__ = ["FORMATS", "write"]
