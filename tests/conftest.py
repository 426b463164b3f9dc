"""Shared fixtures: the sample corpus run once per session into a temporary SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest import read_meta
from sitrep.runner import run
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "articles"
SAMPLE_META = ROOT / "examples" / "articles.meta.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    store = Store(db)
    report = run([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), progress=False)
    store.close()
    assert report.problems == []
    assert report.stored == len(list(SAMPLE.glob("*.txt")))
    return db


@pytest.fixture(scope="session")
def expected_events() -> list[dict]:
    return json.loads((ROOT / "examples" / "expected.json").read_text())
