"""Inputs bench/fuzz_ingest.py found to raise something other than IngestError: each now gets one clear
problem line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest import IngestError, iter_articles


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
