"""ACLED's API, answered by sitrep: a script written the way ACLED's documentation shows (requests, a
parameter dict, ``response.json()["data"]`` into pandas) runs against `sitrep serve` by changing its base
URL; and the CSV loads with ACLED's column types."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import requests
from conftest import sitrep_serve
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.export.acled import ACLED_COLUMNS

# ACLED's types for the columns a user converts (its codebook): the rest are text
ACLED_DTYPES = {"event_date": "str", "year": "Int64", "time_precision": "Int64", "inter1": "Int64", "inter2": "Int64",
                "interaction": "Int64", "iso": "Int64", "latitude": "float64", "longitude": "float64",
                "geo_precision": "Int64", "fatalities": "Int64", "timestamp": "Int64"}


@pytest.fixture(scope="module")
def base_url(sqlite_sample_db: Path) -> Iterator[str]:
    with sitrep_serve(sqlite_sample_db) as port:
        yield f"http://127.0.0.1:{port}/api"


@pytest.fixture(scope="module")
def client(sample_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db)) as client:  # closes the app's connections after (they pin the database)
        yield client


def test_a_script_written_for_acled_runs_unchanged(base_url: str) -> None:
    parameters = {"key": "my-access-key", "email": "analyst@example.org", "country": "Iraq",
                  "event_date": "2024-01-01|2024-12-31", "event_date_where": "BETWEEN", "limit": 500}
    response = requests.get(f"{base_url}/acled/read", params=parameters, timeout=30)
    response.raise_for_status()
    body = response.json()
    assert body["status"] == 200 and body["success"] is True and body["count"] == len(body["data"]) > 0
    df = pd.DataFrame(body["data"])
    assert list(df.columns) == ACLED_COLUMNS
    assert set(df["country"]) == {"Iraq"} and set(df["iso"]) == {"368"} and set(df["region"]) == {"Middle East"}
    assert df["event_date"].between("2024-01-01", "2024-12-31").all()
    df["fatalities"] = df["fatalities"].astype(int)  # ACLED sends every value as text; its users convert
    assert (df["fatalities"] >= 0).all()

    csv = requests.get(f"{base_url}/acled/read", params={**parameters, "_format": "csv"}, timeout=30)
    assert csv.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.StringIO(csv.text), dtype=ACLED_DTYPES, keep_default_na=False, na_values={
        c: [""] for c in ACLED_DTYPES})
    assert len(frame) == body["count"] and list(frame.columns) == ACLED_COLUMNS
    assert (frame["iso"] == 368).all()


def test_read_parameters_filter_as_acled_documents_them(client: TestClient) -> None:
    def read(**params: object) -> list[dict[str, str]]:
        res = client.get("/api/acled/read", params=params)
        assert res.status_code == 200, res.text
        return list(res.json()["data"])

    every = read(limit=0)
    assert len(every) == client.get("/api/events").json()["total"]
    two = read(country="Iraq|Syria")
    assert two and {r["country"] for r in two} <= {"Iraq", "Syria"}
    assert len(two) == len(read(country="Iraq")) + len(read(country="Syria"))
    assert read(iso="368") == read(country="Iraq")
    assert read(iso="999") == read(region="Atlantis") == read(country="Atlantis") == []  # no such country
    assert {r["region"] for r in read(region="Middle East")} == {"Middle East"}
    assert all(r["actor1"].lower().count("islamic") for r in read(actor1="islamic"))  # LIKE: part of the name
    killed = read(fatalities="3", fatalities_where=">=")
    assert killed and all(int(r["fatalities"]) >= 3 for r in killed)
    assert {r["year"] for r in read(year="2024")} == {"2024"}
    assert [list(r) for r in read(fields="event_id_cnty|event_date|country", limit=2)] == [
        ["event_id_cnty", "event_date", "country"]] * 2
    page1, page2 = read(limit=3, page=1), read(limit=3, page=2)
    assert len(page1) == 3 and not {r["event_id_cnty"] for r in page1} & {r["event_id_cnty"] for r in page2}


@pytest.mark.parametrize("params", [
    {"countryy": "Iraq"}, {"event_date": "yesterday"}, {"event_date": "2024-01-01", "event_date_where": "BETWEEN"},
    {"fields": "event_date|nonsense"}, {"fatalities": "many"}, {"timestamp": "-5"},
    {"export_type": "xml"}, {"event_date": "2024-01-01|2024-02-01", "event_date_where": "<"},
    {"country_where": "SOUNDS LIKE", "country": "Iraq"},
])
def test_bad_read_parameters_are_refused_by_name(client: TestClient, params: dict[str, str]) -> None:
    res = client.get("/api/acled/read", params=params)
    assert res.status_code == 422, res.text
    named = {d["loc"][-1] for d in res.json()["detail"]}
    assert named & set(params), (named, params)


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed (scripts/setup installs it as root)")
def test_r_reads_the_csv_with_acled_types(client: TestClient, tmp_path: Path) -> None:
    csv_file = tmp_path / "events.csv"
    csv_file.write_text(client.get("/api/events.csv").text, encoding="utf-8")
    script = f"""
    d <- read.csv("{csv_file}", stringsAsFactors = FALSE, na.strings = "")
    stopifnot(is.integer(d$year), is.integer(d$iso), is.integer(d$fatalities), is.integer(d$timestamp),
              is.numeric(d$latitude), is.character(d$event_type), is.character(d$notes))
    parsed <- as.Date(d$event_date)
    stopifnot(identical(is.na(parsed), is.na(d$event_date)))  # every date given reads as a date
    cat(nrow(d), names(d)[1:3])
    """
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows, *first = out.stdout.split()
    assert int(rows) == client.get("/api/events").json()["total"]
    assert first == ["event_id_cnty", "event_date", "year"]
