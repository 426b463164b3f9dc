"""The sample corpus through the whole pipeline: database, exports, rerun, and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_META, Databases

from sitrep.export import write
from sitrep.resolve.actors import resolve_actor
from sitrep.resolve.places import resolve_place
from sitrep.store import Store


def exported(db: str, fmt: str) -> str:
    buf = io.StringIO()
    store = Store(db)
    write(fmt, store, buf)
    store.close()
    return buf.getvalue()


def _near(a: str | None, b: str, days: int = 1) -> bool:
    return a is not None and abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= days


def test_expected_events_are_found(sample_db: str, expected_events: list[dict]) -> None:
    """Most hand-coded sample events have a stored event from the same article, in the same country,
    on the same date (±1 day), with a recognised event type."""
    events = [json.loads(line) for line in exported(sample_db, "jsonl").splitlines()]
    events = [e for e in events if e["kind"] == "event"]
    found = 0
    for exp in expected_events:
        for ev in events:
            ids = {s["article_id"] for s in ev["sources"]}
            if ids & set(exp["articles"]) and ev["country"] == exp["country"] and _near(ev["date"], exp["date"]):
                found += 1
                break
    # Measured on the 15-article sample: 26 of 30 hand-coded events (0.87) with this branch's code (d5185b4) and
    # with main at 4912636; 28 of 30 (0.93) with main at 97e8415 and be151df, where s13's Lagos march, dated a day late,
    # counts for both s13 protests. Always missed: the Red Sea interception (s05, stored without a country)
    # and the Top Coffee bombing (s11).
    assert found / len(expected_events) >= 0.85, f"{found}/{len(expected_events)}"
    assert all(e["event_type"] and e["sub_event_type"] for e in events)


def _events(db: str) -> list[dict]:
    return [e for e in (json.loads(line) for line in exported(db, "jsonl").splitlines()) if e["kind"] == "event"]


def _sources(ev: dict) -> set[str]:
    return {s["article_id"] for s in ev["sources"]}


def test_one_strike_told_by_two_outlets_is_one_event(sample_db: str) -> None:
    """Tower 22: two outlets, different days and injury counts; the lowest count is kept, as ACLED does."""
    tower = [e for e in _events(sample_db) if e["location"] == "Tower 22"]
    assert len(tower) == 1
    ev = tower[0]
    assert _sources(ev) == {"s01_jordan_tower22_drone_attack", "s02_iraq_baghdad_drone_strike_kh_commander"}
    assert (ev["country"], ev["date"], ev["sub_event_type"], ev["fatalities"]) == ("Jordan", "2024-01-28",
                                                                                  "Air/drone strike", 3)
    assert ev["actor2"] == "Military Forces of the United States"


def test_mawasi_strike_told_on_two_days_is_one_event(sample_db: str) -> None:
    """The al-Mawasi strike: s06 on the day (71 dead), s07 the next day (90 dead) report one strike."""
    mawasi = [e for e in _events(sample_db) if "s06_gaza_khan_younis_mawasi_strike" in _sources(e)
              and e["date"] == "2024-07-13" and e["fatalities"]]
    assert len(mawasi) == 1 and "s07_gaza_mawasi_toll_rises_shati" in _sources(mawasi[0])


def test_attacks_on_one_base_on_consecutive_days_stay_two(sample_db: str) -> None:
    s04 = sorted((e for e in _events(sample_db) if _sources(e) == {"s04_iraq_ain_al_asad_back_to_back"}),
                 key=lambda e: e["date"])
    assert [(e["date"], e["sub_event_type"]) for e in s04] == [
        ("2023-10-30", "Shelling/artillery/missile attack"), ("2023-10-31", "Air/drone strike")]


def _kirkuk(db: str) -> dict:
    kirkuk = [e for e in _events(db) if e["location"] == "Kirkuk"]
    assert len(kirkuk) == 1
    return kirkuk[0]


def test_strike_on_a_launch_team_is_the_event(sample_db: str) -> None:
    """'about to send an explosive drone toward US personnel': the launch is no event, the strike on the team is."""
    ev = _kirkuk(sample_db)
    assert (ev["date"], ev["fatalities"]) == ("2023-12-03", 5)


def test_strike_on_a_launch_team_is_by_the_us_military(sample_db: str) -> None:
    assert _kirkuk(sample_db)["actor1"] == "Military Forces of the United States"


S13 = "s13_nigeria_abuja_lagos_independence_day_protests"
S14 = "s14_senegal_sonko_verdict_riots"
S15 = "s15_new_zealand_christchurch_arrest_explosives"


def _of(db: str, article: str) -> list[dict]:
    return [e for e in _events(db) if article in _sources(e)]


def test_riot_and_arrest_story_are_dated_and_placed(sample_db: str) -> None:
    """'on Thursday' told on Friday (s14) and 'on Friday' told on Saturday (s15) resolve to the day before."""
    assert any((e["country"], e["location"], e["date"]) == ("Senegal", "Ziguinchor", "2023-06-01")
               for e in _of(sample_db, S14))
    assert any((e["country"], e["date"]) == ("New Zealand", "2019-03-15") for e in _of(sample_db, S15))


def test_tear_gassed_protest_and_peaceful_march_are_two_protests_on_tuesday(sample_db: str) -> None:
    found = {(e["sub_event_type"], e["date"]) for e in _of(sample_db, S13)}
    assert ("Protest with intervention", "2024-10-01") in found
    assert any(e["sub_event_type"] == "Peaceful protest" and e["location"] == "Lagos" and e["date"] == "2024-10-01"
               for e in _of(sample_db, S13))


def test_riots_in_two_cities_stay_two_and_the_total_is_no_toll(sample_db: str) -> None:
    """s14: riots in Dakar ("in the capital") and Ziguinchor; the nine dead "in Dakar and Ziguinchor" are a total."""
    events = _of(sample_db, S14)
    riots = {e["location"] for e in events if e["sub_event_type"] == "Violent demonstration"}
    assert {"Dakar", "Ziguinchor"} <= riots
    assert all(e["fatalities"] != 9 for e in events)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "s15: the two mosque shootings (41 and 7 dead) come out as one 'Remote explosive/landmine/IED' event with "
    "the 49-dead total, and the explosives made safe by the Defence Force are not coded 'Disrupted weapons use'"
))
def test_mosque_shootings_and_disarmed_explosives(sample_db: str) -> None:
    events = _of(sample_db, S15)
    attacks = sorted(e["fatalities"] for e in events if e["sub_event_type"] == "Attack")
    assert attacks == [7, 41]
    assert any(e["sub_event_type"] == "Disrupted weapons use" and e["date"] == "2019-03-15" for e in events)


def test_every_field_has_evidence_in_its_article(sample_db: str) -> None:

    store = Store(sample_db)
    texts = {r["id"]: r["text"] for r in store.execute("SELECT id, text FROM articles")}
    rows = list(store.execute('SELECT article_id, start, "end", quote FROM evidence'))
    store.close()
    assert rows
    for r in rows:
        assert texts[r["article_id"]][r["start"] : r["end"]] == r["quote"]


def test_every_stored_actor_is_a_name_not_words_places_or_numbers(sample_db: str) -> None:
    """ACLED names actors ("Military Forces of Iraq", "Civilians (Kenya)", a group's name): no description
    as written ("a security guard"), no count, no place the gazetteer knows."""
    actors = {a for e in _events(sample_db) for a in (e["actor1"], e["actor2"]) if a}
    assert actors
    for name in actors:
        assert name[:1].isupper() and not any(w.isdigit() for w in name.split()), name  # "M23" is a name, "12" no
        actor = resolve_actor(name)
        assert (actor is not None and actor.known) or resolve_place(name, {}) is None, name


def test_csv_has_acled_columns(sample_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(sample_db, "csv"))))
    assert rows
    for col in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "country",
                "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "injuries"):
        assert col in rows[0]
    assert {r["time_precision"] for r in rows} <= {"1", "2", "3", ""}


def test_geojson_points(sample_db: str) -> None:
    doc = json.loads(exported(sample_db, "geojson"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_rerun_is_idempotent(sample_dbs: Callable[[str], str], databases: Databases) -> None:
    from sitrep.ingest import read_meta
    from sitrep.runner import run

    db = databases.copy(sample_dbs(databases.backend))
    store = Store(db)
    before = store.counts()
    report = run([str(SAMPLE)], store, read_meta(str(SAMPLE_META)), progress=False)
    assert report.stored == 0 and report.skipped == before["articles"]
    assert store.counts() == before
    store.close()


def sitrep(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_cli_reports_bad_input_and_goes_on(tmp_path: Path, db: str) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLE / "s03_iraq_kirkuk_strike_drone_team.txt", tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "in" / "feed.jsonl").write_text('{"id": "ok1", "text": "Body."}\n{broken\n')
    res = sitrep("run", "in", "--db", db, "--meta", str(SAMPLE_META), cwd=tmp_path)
    assert res.returncode == 1
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("sitrep: ") and "error" not in ln[:15]]
    problems = [ln for ln in lines if "empty.txt" in ln or "bad.txt" in ln or "feed.jsonl:2" in ln]
    assert len(problems) == 3, res.stderr
    assert "Traceback" not in res.stderr
    listing = sitrep("events", "--db", db, "--json", "--limit", "0", cwd=tmp_path)
    assert listing.returncode == 0
    events = [json.loads(x) for x in listing.stdout.splitlines()]
    assert any("s03_iraq_kirkuk_strike_drone_team" in e["sources"] for e in events)
    show = sitrep("show", events[0]["id"], "--db", db, cwd=tmp_path)
    assert show.returncode == 0 and "evidence" in show.stdout


def test_cli_clear_errors(tmp_path: Path) -> None:
    res = sitrep("events", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert res.returncode == 2 and "no such database" in res.stderr and "Traceback" not in res.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    res = sitrep("events", "--db", str(junk), cwd=tmp_path)
    assert res.returncode == 2 and "junk.db" in res.stderr and "Traceback" not in res.stderr
    res = sitrep("run", "x", "--published", "yesterday", cwd=tmp_path)
    assert res.returncode == 2 and "--published" in res.stderr
    nowhere = f"postgresql://sitrep:secret@/none?host={tmp_path}&port=1"  # no server listens there
    res = sitrep("events", "--db", nowhere, cwd=tmp_path)
    assert res.returncode == 2 and "not a usable sitrep database" in res.stderr and "Traceback" not in res.stderr
    assert "secret" not in res.stderr


def test_a_failure_on_one_article_spares_the_others(db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sitrep.runner as runner

    real = runner.extract

    def flaky(processed):  # type: ignore[no-untyped-def]
        if processed.article.id.startswith("s03"):
            raise ValueError("boom")
        return real(processed)

    monkeypatch.setattr(runner, "extract", flaky)
    from sitrep.ingest import read_meta

    store = Store(db)
    problems: list[str] = []
    paths = [str(SAMPLE / "s03_iraq_kirkuk_strike_drone_team.txt"), str(SAMPLE / "s04_iraq_ain_al_asad_back_to_back.txt")]
    report = runner.run(paths, store, read_meta(str(SAMPLE_META)), on_problem=problems.append, progress=False)

    assert report.stored == 1 and len(problems) == 1 and "s03_iraq_kirkuk_strike_drone_team.txt" in problems[0]
    assert store.counts()["articles"] == 1  # the failed article left nothing half-written
    store.close()
