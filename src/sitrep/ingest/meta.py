"""Metadata side files (JSON Lines or CSV) keyed by article_id, as scrapers and feed readers write them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from sitrep.ingest.errors import IngestError

FIELDS = ("published", "url", "outlet", "title")


def read_meta(path: str) -> dict[str, dict[str, Any]]:
    """article_id -> {published, url, outlet, title}. Raises IngestError for a file it cannot use."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(path, f"cannot read metadata file ({exc.__class__.__name__})") from None
    rows: list[dict[str, Any]] = []
    if p.suffix.lower() == ".csv":
        rows = list(csv.DictReader(raw.splitlines()))
    else:
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"{path}:{n}", f"not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise IngestError(f"{path}:{n}", "not a JSON object")
            rows.append(obj)
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row.get("article_id") or row.get("id")
        if key:
            out[str(key)] = {k: text_or_none(row.get(k) or (row.get("source") if k == "outlet" else None)) for k in FIELDS}
    if not out:
        raise IngestError(path, "no rows with an article_id")
    return out


def text_or_none(value: Any) -> str | None:
    """A metadata value as text; a number, list or object where text belongs counts as absent."""
    return value if isinstance(value, str) else None
