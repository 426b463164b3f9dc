"""The API's guard rails: writes only with a token, no CORS unless asked, no file outside the served
directories, and hostile query values that stay values."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import sitrep_serve
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

TOKEN = "t0k3n-for-tests-only-0123456789"
TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/app.js%00",
    "/static/%00../../etc/passwd",
    "/vendor/../../pyproject.toml",
    "/vendor/leaflet/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/vendor/..%5c..%5cpyproject.toml",
    "/api/events/..%2f..%2f..%2fetc%2fpasswd",
]
HOSTILE = ['"', "'", "''", '"*', "*", "OR", "a OR b", "NEAR(", "NEAR(a b)", "a AND", "NOT", "^", ":", "{actor1}: x",
           "'; DROP TABLE events; --", ";DROP TABLE events", "%' OR 1=1 --", "\\", "(", ")", "-", "Tower*", '"Tower']


@pytest.fixture
def db_copy(sqlite_sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database, for tests that write."""
    copy = tmp_path / "copy.db"
    src, dst = sqlite3.connect(sqlite_sample_db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def two_source_event(client: TestClient) -> tuple[str, list[str]]:
    """An event told by two articles: its id and the article ids."""
    ev = next(e for e in client.get("/api/events", params={"page_size": 500}).json()["events"] if len(e["sources"]) > 1)
    return ev["id"], [s["article_id"] for s in ev["sources"]]


def sources(client: TestClient, event_id: str) -> list[str]:
    return [s["article_id"] for s in client.get(f"/api/events/{event_id}").json()["sources"]]


def test_without_a_token_there_are_no_write_routes(sqlite_sample_db: Path) -> None:
    client = TestClient(create_app(sqlite_sample_db))
    event_id, articles = two_source_event(client)
    merge = client.post(f"/api/events/{event_id}/merge", json={"other": event_id}, headers={"Authorization": f"Bearer {TOKEN}"})
    split = client.post(f"/api/events/{event_id}/split", json={"source": articles[0]})
    assert merge.status_code in (404, 405) and split.status_code in (404, 405)
    assert "/api/events/{event_id}/merge" not in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("auth", [None, "Bearer wrong-token-of-some-length", f"Basic {TOKEN}", "Bearer ", TOKEN])
def test_a_wrong_or_missing_token_is_401_and_changes_nothing(db_copy: Path, auth: str | None) -> None:
    client = TestClient(create_app(db_copy, write_token=TOKEN))
    event_id, articles = two_source_event(client)
    res = client.post(f"/api/events/{event_id}/split", json={"source": articles[1]},
                      headers={"Authorization": auth} if auth else {})
    assert res.status_code == 401 and res.headers["www-authenticate"] == "Bearer"
    assert sources(client, event_id) == articles
    store = Store(db_copy)
    assert store.decisions() == {"together": set(), "apart": set()}
    store.close()


def test_with_the_token_merge_and_split_are_stored(db_copy: Path) -> None:
    client = TestClient(create_app(db_copy, write_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    event_id, articles = two_source_event(client)
    res = client.post(f"/api/events/{event_id}/split", json={"source": articles[1]}, headers=auth)
    assert res.status_code == 200
    new_id = res.json()["split_off"]
    assert sources(client, new_id) == [articles[1]] and sources(client, event_id) == [articles[0]]
    store = Store(db_copy)
    assert store.decisions()["apart"] and not store.decisions()["together"]
    store.close()

    res = client.post(f"/api/events/{event_id}/merge", json={"other": new_id}, headers=auth)
    assert res.status_code == 200
    assert client.get(f"/api/events/{new_id}").status_code == 404 and sources(client, event_id) == articles
    store = Store(db_copy)
    assert store.decisions()["together"] and not store.decisions()["apart"]  # the later decision replaced the split
    store.close()

    missing = client.post("/api/events/ev_nonexistent/merge", json={"other": event_id}, headers=auth)
    assert missing.status_code == 404


def test_the_token_is_read_from_a_file_or_the_environment(sqlite_sample_db: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    for options, env in ((["--write-token-file", str(token_file)], None), ([], {"SITREP_WRITE_TOKEN": TOKEN})):
        environment = None if env is None else {**os.environ, **env}
        with sitrep_serve(sqlite_sample_db, *options, env=environment) as port:
            status, _ = raw_request(port, f"POST /api/events/x/merge HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {TOKEN}\r\n"
                                          "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"other\":\"y\"}")
            assert status == 404  # authorised; the events do not exist
    token_file.write_text("short")
    res = subprocess.run([sys.executable, "-m", "sitrep", "serve", "--db", str(sqlite_sample_db), "--write-token-file",
                          str(token_file)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "at least" in res.stderr and "Traceback" not in res.stderr


def test_cors_is_off_unless_an_origin_is_named(sqlite_sample_db: Path) -> None:
    preflight = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    closed = TestClient(create_app(sqlite_sample_db))
    for res in (closed.get("/api/events", headers={"Origin": "https://elsewhere.example"}),
                closed.options("/api/events", headers=preflight)):
        assert "access-control-allow-origin" not in res.headers

    open_ = TestClient(create_app(sqlite_sample_db, cors_origins=["https://desk.example"]))
    ok = open_.get("/api/events", headers={"Origin": "https://desk.example"})
    assert ok.headers["access-control-allow-origin"] == "https://desk.example"
    pre = open_.options("/api/events", headers={**preflight, "Origin": "https://desk.example"})
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://desk.example"
    other = open_.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_outside_the_served_directories(sqlite_sample_db: Path, path: str) -> None:
    res = TestClient(create_app(sqlite_sample_db)).get(path)
    assert res.status_code == 404 and "root:" not in res.text and "[project]" not in res.text


def raw_request(port: int, request: str) -> tuple[int, bytes]:
    """One request sent byte for byte (no client normalises the path); the status and the body."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_no_raw_path_reaches_outside_the_served_directories(sqlite_sample_db: Path) -> None:
    with sitrep_serve(sqlite_sample_db) as port:
        assert raw_request(port, "GET /static/app.js HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")[0] == 200
        for path in TRAVERSALS:
            status, body = raw_request(port, f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            assert status == 404, path
            assert b"root:" not in body and b"[project]" not in body


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_search_values_stay_values(sqlite_sample_db: Path, value: str) -> None:
    client = TestClient(create_app(sqlite_sample_db))
    before = client.get("/api/events", params={"page_size": 1}).json()["total"]
    for name in ("q", "actor", "country"):
        res = client.get("/api/events", params={name: value, "page_size": 500})
        assert res.status_code == 200, (name, value, res.text)
        body = res.json()
        assert body["total"] == len(body["events"]) <= before
        assert client.get("/api/stats", params={name: value}).status_code == 200
        assert client.get("/api/events.geojson", params={name: value}).status_code == 200
    assert client.get("/api/claims", params={"target": value, "where": value}).status_code == 200
    assert client.get("/api/tally", params={"target": value, "where": value}).status_code == 200
    assert client.get("/api/events", params={"page_size": 1}).json()["total"] == before
    con = sqlite3.connect(sqlite_sample_db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_hostile_text_matches_only_its_words(sqlite_sample_db: Path) -> None:
    client = TestClient(create_app(sqlite_sample_db))
    tower = client.get("/api/events", params={"q": "Tower"}).json()["total"]
    assert tower > 0
    assert client.get("/api/events", params={"q": 'Tower" OR "Iraq'}).json()["total"] <= tower  # words AND-ed, never OR
    assert client.get("/api/events", params={"q": "NEAR(Tower"}).json()["total"] == 0  # 'NEAR' is a word to find
