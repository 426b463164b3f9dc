"""Inputs that raised something other than IngestError (found by bench/fuzz_ingest.py, and metadata of the
wrong JSON type found while writing it): each now gets one clear problem line, or is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import IngestError, iter_articles, read_meta
from sitrep.models import Article


def problems(path: Path) -> list[str]:
    items = list(iter_articles([str(path)]))
    assert all(isinstance(i, IngestError) for i in items)
    return [str(i) for i in items]


@pytest.mark.parametrize("data", [b'\xef\xbb\xbf,"art;icl\xfe_id"', b"\xff\xfeA\x00\x00\xd8", b"\xfe\xff\x00"])
def test_a_byte_order_mark_then_bytes_that_do_not_decode(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    [problem] = problems(path)
    assert problem.startswith(str(path)) and "byte-order mark" in problem


def test_a_json_line_with_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "Strike on Gaza\\ud800 killed three"}\n{"id": "b", "text": "A drone strike."}\n')
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["IngestError", "Article"]
    assert str(items[0]).startswith(f"{path}:1: ") and "surrogate" in str(items[0])


def test_metadata_values_that_are_not_text_count_as_absent(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drone strike near Kirkuk\n\nA drone strike killed three fighters.\n")
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"article_id": "a", "title": 5, "published": ["x"], "url": {"u": 1}, "outlet": 7}\n')
    line = tmp_path / "b.jsonl"
    line.write_text('{"id": "b", "text": "A drone strike.", "url": [1], "source": {"s": 2}}\n')
    a, b = (next(iter_articles([str(p)], read_meta(str(meta)))) for p in (tmp_path / "a.txt", line))
    assert isinstance(a, Article) and a.title == "Drone strike near Kirkuk" and a.url is None and a.outlet is None
    assert isinstance(b, Article) and b.url is None and b.outlet is None
