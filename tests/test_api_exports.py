"""Exports of the current filter from the API (ACLED CSV, JSON Lines, GeoJSON, streamed), the ACLED
conventions of the CSV, parameters an operation does not take, and the API documentation served offline."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import pytest
from conftest import SAMPLE_META
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.export.acled import ACLED_COLUMNS, SITREP_COLUMNS


@pytest.fixture(scope="module")
def client(sample_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db)) as client:  # closes the app's connections after (they pin the database)
        yield client


def test_exports_hold_exactly_the_filtered_events(client: TestClient) -> None:
    listed = client.get("/api/events", params={"country": "Iraq", "page_size": 500}).json()
    ids = {e["id"] for e in listed["events"]}
    assert ids

    res = client.get("/api/events.csv", params={"country": "Iraq"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert "attachment" in res.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert list(rows[0]) == ACLED_COLUMNS + SITREP_COLUMNS
    assert {r["event_id_cnty"] for r in rows} == ids

    lines = [json.loads(line) for line in client.get("/api/events.jsonl", params={"country": "Iraq"}).text.splitlines()]
    assert {r["id"] for r in lines if r["kind"] == "event"} == ids
    assert all(r["evidence"] for r in lines if r["kind"] == "event")

    geo = client.get("/api/events.geojson", params={"country": "Iraq"}).json()
    placed = {e["id"] for e in listed["events"] if e["latitude"] is not None}
    assert {f["properties"]["id"] for f in geo["features"]} == placed


def test_csv_follows_acled_conventions(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    outlets = {json.loads(line)["outlet"] for line in SAMPLE_META.read_text().splitlines()}
    for r in rows:
        if r["country"]:  # (an event at sea has none)
            assert r["iso"].isdigit() and r["region"], r  # ISO 3166 numeric, as ACLED writes it
        assert r["event_date"] in r["notes"] or r["notes"].startswith(("On ", "Between "))
        assert r["sub_event_type"] in r["notes"]
        named = r["source"].split("; ")
        assert set(named) <= outlets or (r["sitrep_id"] and all(n.startswith("s") for n in named))  # ids: no outlet known
    assert sum(set(r["source"].split("; ")) <= outlets for r in rows) > len(rows) / 2
    iraq = next(r for r in rows if r["country"] == "Iraq")
    assert (iraq["iso"], iraq["region"]) == ("368", "Middle East")
    dated = next(r for r in rows if r["time_precision"] == "1")
    day = int(dated["event_date"][8:])
    assert re.match(rf"On {day} \w+ {dated['year']}, ", dated["notes"])


@pytest.mark.parametrize(("path", "param"), [
    ("/api/events", "limit"), ("/api/events", "format"), ("/api/stats", "fields"), ("/api/events.csv", "page"),
    ("/api/claims", "country"), ("/api/tally", "since"),
])
def test_a_parameter_the_operation_does_not_take_is_refused(client: TestClient, path: str, param: str) -> None:
    res = client.get(path, params={param: "1"})
    assert res.status_code == 422, res.text
    assert [d["loc"] for d in res.json()["detail"]] == [["query", param]]


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404  # ReDoc fetches its logo from a CDN: not served
    for path in ("/docs",):
        page = client.get(path)
        assert page.status_code == 200
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert assets and all(a.startswith(("/vendor/", "/openapi.json")) for a in assets), assets
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
    schema = client.get("/openapi.json").json()
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert {"sub_event_type", "geo_precision", "inter1", "fatalities"} <= set(event)
    assert "/api/acled/read" in schema["paths"]


def test_filters_an_analyst_combines(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        res = client.get("/api/events", params={**params, "page_size": 500})
        assert res.status_code == 200, res.text
        return {e["id"] for e in res.json()["events"]}

    strikes, clashes = ids(event_type="Air/drone strike"), ids(event_type="Armed clash")
    assert strikes and clashes
    assert ids(event_type="Air/drone strike,Armed clash") == strikes | clashes  # several types at once
    deadly = client.get("/api/events", params={"min_fatalities": 5, "page_size": 500}).json()["events"]
    assert deadly and all(e["fatalities"] >= 5 for e in deadly)
    targeted = client.get("/api/events", params={"civilian_targeting": "true", "page_size": 500}).json()["events"]
    assert targeted and all(e["actor2"] == "Civilians" for e in targeted)
    protests = client.get("/api/events", params={"disorder_type": "Demonstrations", "page_size": 500}).json()["events"]
    assert protests and all(e["disorder_type"] == "Demonstrations" for e in protests)
    pairs = client.get("/api/events", params={"interaction": 17, "page_size": 500}).json()["events"]
    assert pairs and all({e["inter1"], e["inter2"]} == {1, 7} for e in pairs)
    alone = client.get("/api/events", params={"interaction": 10, "page_size": 500}).json()["events"]
    assert all(e["inter1"] == 1 and e["inter2"] is None for e in alone)
    for key in ("actor1", "-actor2", "injuries", "-precision"):  # every column sorts, both ways
        assert client.get("/api/events", params={"sort": key}).status_code == 200


def test_map_layer_timeline_and_facets(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    layer = client.get("/api/map.geojson").json()["features"]
    assert len(layer) == total  # country-level events too, without a geometry, with their country's code
    country_level = [f for f in layer if f["geometry"] is None]
    assert country_level and all(f["properties"]["iso"] for f in country_level if f["properties"]["country"])
    monthly = client.get("/api/stats", params={"bucket": "month"}).json()
    assert monthly["timeline"] and all(r["period"].endswith("-01") for r in monthly["timeline"])
    assert sum(r["fatalities"] for r in monthly["timeline"]) <= monthly["fatalities"]
    daily = client.get("/api/stats", params={"bucket": "day"}).json()
    assert daily["spans"] and all(sp["from"] <= sp["to"] for sp in daily["spans"])
    undated = sum(1 for e in client.get("/api/events", params={"page_size": 500}).json()["events"] if not e["date"])
    drawn = sum(r["events"] for r in daily["timeline"]) + sum(sp["events"] for sp in daily["spans"])
    assert drawn == daily["events"] - undated  # each dated event once: a day's bar, or a span when vaguer
    facets = client.get("/api/facets").json()
    assert "Iraq" in facets["countries"] and facets["actors"]


def test_a_crowded_map_view_comes_as_cells(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.api.app as app_module

    monkeypatch.setattr(app_module, "MAX_POINTS", 3)  # the sample is small: make every view crowded
    total = client.get("/api/events").json()["total"]
    world = client.get("/api/map.geojson", params={"zoom": 2}).json()["features"]
    assert world and all(f["properties"]["cluster"] for f in world)
    assert sum(f["properties"]["count"] for f in world) == total  # every event in a cell or its country
    assert {f["properties"]["sub_event_type"] for f in world} and all(f["properties"]["count"] >= 1 for f in world)
    placed = sum(f["properties"]["count"] for f in world if f["geometry"])
    near = client.get("/api/map.geojson", params={"zoom": 2, "view": "30,25,50,40"}).json()["features"]
    assert 0 < sum(f["properties"]["count"] for f in near if f["geometry"]) < placed
    monkeypatch.setattr(app_module, "MAX_POINTS", total - 1)  # the country-level events, and a city's few
    fine = client.get("/api/map.geojson", params={"zoom": 12, "view": "44.3,33.2,44.5,33.4"}).json()["features"]
    assert fine and not any(f["properties"].get("cluster") and f["geometry"] for f in fine)  # few: one by one


def test_region_filter_and_countries_to_shade(client: TestClient) -> None:
    middle_east = client.get("/api/events", params={"region": "Middle East", "page_size": 500}).json()["events"]
    assert middle_east and {e["country"] for e in middle_east} <= {"Iraq", "Syria", "Jordan", "Palestine", "Israel",
                                                                   "Yemen", "Lebanon", "Iran", "Turkey"}
    assert client.get("/api/events", params={"region": "Atlantis"}).json()["total"] == 0
    by_country = client.get("/api/countries", params={"region": "Middle East"}).json()
    assert sum(c["events"] for c in by_country) == len(middle_east)
    assert all(c["iso"] for c in by_country)


def test_an_actor_is_found_by_any_name_it_goes_by(client: TestClient) -> None:
    by_name = client.get("/api/events", params={"actor": "Kataib Hezbollah"}).json()
    assert by_name["total"] > 0
    for alias in ("KH", "Kata'ib Hizballah", "hezbollah brigades"):  # aliases in actors.yaml
        assert client.get("/api/events", params={"actor": alias}).json()["total"] == by_name["total"], alias
