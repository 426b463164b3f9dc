"""Merging does not depend on the order articles arrive in: the sample, analysed once, stored in any order
gives the same events (hypothesis draws the orders). Analyses are plain data (runner.analyse_all), so each
order costs only linking and SQLite writes, not spaCy."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_META
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.export import write
from sitrep.ingest import read_meta
from sitrep.runner import Analysis, RunReport, analyse_all, new_articles, store_analysis
from sitrep.store import Store

# What an event is, apart from the names the store gives it (ids follow the first report stored).
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country", "date",
          "date_earliest", "date_latest", "fatalities", "injuries")


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> list[Analysis]:
    store = Store(tmp_path_factory.mktemp("order") / "empty.db")
    report = RunReport()
    out = list(analyse_all(new_articles([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), None, report, print)))
    store.close()
    assert len(out) == len(list(SAMPLE.glob("*.txt"))) and not report.problems
    return out


def events_of(analyses: list[Analysis], db: Path) -> list[tuple[object, ...]]:
    store = Store(db)
    report = RunReport()
    for analysis in analyses:
        store_analysis(store, analysis, report, print)
    buf = io.StringIO()
    write("jsonl", store, buf)
    store.close()
    assert report.stored == len(analyses)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    return sorted((tuple(sorted(s["article_id"] for s in r["sources"])), *(str(r.get(f)) for f in FIELDS))
                  for r in records if r["kind"] == "event")


@given(order=st.permutations(range(len(list(SAMPLE.glob("*.txt"))))))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_order_of_articles_gives_the_same_events(analyses: list[Analysis], tmp_path: Path, order: list[int]) -> None:
    shuffled = [analyses[i] for i in order]
    n = len(list(tmp_path.glob("*.db")))
    assert events_of(shuffled, tmp_path / f"shuffled{n}.db") == events_of(analyses, tmp_path / f"given{n}.db")
