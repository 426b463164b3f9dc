"""The bundled sample (examples/) is coded by hand and worded independently of the seed articles."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, SAMPLE, SAMPLE_META, SHARED

EXAMPLES = ROOT / "examples"
RUN = 6  # words


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_sample_article_repeats_the_seeds_wording() -> None:
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/corpus/seeds not found")
    seen = set().union(*(_runs(p.read_text(errors="replace")) for p in seeds))
    shared = {p.name: sorted(" ".join(r) for r in _runs(p.read_text()) & seen) for p in SAMPLE.glob("*.txt")}
    assert {name: runs for name, runs in shared.items() if runs} == {}


def test_gold_is_complete_and_placed_by_hand() -> None:
    events = json.loads((EXAMPLES / "expected.json").read_text())
    claims = json.loads((EXAMPLES / "expected_claims.json").read_text())
    ids = {p.stem for p in SAMPLE.glob("*.txt")}
    assert {a for e in events for a in e["articles"]} == ids  # every article is coded
    for e in events:
        assert set(e["articles"]) <= ids
        placed = [e["latitude"], e["longitude"], e["radius_km"]]
        assert all(v is None for v in placed) or (e["radius_km"] in (25, 75) and -90 <= e["latitude"] <= 90
                                                   and -180 <= e["longitude"] <= 180), e["location"]
    for c in claims:
        assert c["sentence"] in (SAMPLE / f"{c['article']}.txt").read_text()
    meta = [json.loads(line) for line in SAMPLE_META.read_text().splitlines()]
    for row in meta:
        assert (SAMPLE / f"{row['article_id']}.txt").read_text().split("\n", 1)[0] == row["title"]
