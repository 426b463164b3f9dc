"""sitrep watch on local directories, feed files and a feed served on loopback: new articles stored, a
changed one replacing its own contributions (timestamps move only with content), an event that disappears
recorded as a deletion and listed by the API and the export; back-off for failing sources; a signal stops
the process with the database whole."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import io
import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api import create_app
from sitrep.cli import app
from sitrep.export import write
from sitrep.store import Store
from sitrep.watch import Source, Watcher, backoff

STRIKE = ("Drone strike in {place}\n\nA US drone strike on a vehicle in eastern {place} on Monday killed {toll} members "
          "of Kataib Hezbollah, Iraqi security sources said.\n")
NO_EVENT = "Budget talks in Baghdad\n\nIraqi ministers met in Baghdad on Monday to discuss next year's budget, officials said.\n"
TICK = 1.1  # stored times have whole seconds: a change must come at least a second later to look newer

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>http://wire.invalid/</link>
<item><title>Drone strike in Baghdad</title><link>http://wire.invalid/a1</link><guid>wire-a1</guid>
<pubDate>Tue, 05 Mar 2024 18:00:00 GMT</pubDate>
<description>&lt;p&gt;A US drone strike on a vehicle in eastern &lt;b&gt;Baghdad&lt;/b&gt; on Monday killed three members of
Kataib Hezbollah, Iraqi security sources said.&lt;/p&gt;</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id><updated>2024-03-07T10:00:00Z</updated>
<entry><title>Rockets hit Kirkuk</title><id>urn:desk:1</id><link href="http://desk.invalid/b1"/>
<updated>2024-03-07T09:00:00Z</updated><published>2024-03-07T01:30:00+03:00</published>
<content type="html">&lt;p&gt;Two rockets struck a military base near Kirkuk on Tuesday, wounding four soldiers,
police said.&lt;/p&gt;</content></entry>
</feed>
"""


def cli(*args: str) -> tuple[int, str]:
    """Exit code and standard error of one command, run in this process (the model loads once)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


def watch_once(db: Path, *sources: str) -> tuple[int, str]:
    return cli("watch", *sources, "--db", str(db), "--once", "--published", "2024-03-05")


def events(db: Path) -> list[dict]:
    store = Store(db)
    try:
        return list(store.events())
    finally:
        store.close()


def test_changed_article_replaces_its_event_and_a_withdrawn_one_is_a_deletion(tmp_path: Path) -> None:
    news, db = tmp_path / "news", tmp_path / "w.db"
    news.mkdir()
    article = news / "a.txt"
    article.write_text(STRIKE.format(place="Baghdad", toll="three"))
    assert watch_once(db, str(news))[0] == 0
    [first] = events(db)
    assert (first["location"], first["fatalities"], first["sources"]) == ("Baghdad", 3, ["a"])

    (news / "b.txt").write_text(NO_EVENT)  # another article, with no event: the first keeps its timestamp
    assert watch_once(db, str(news))[0] == 0
    assert events(db) == [first]

    time.sleep(TICK)
    article.write_text(STRIKE.format(place="Baghdad", toll="five"))
    assert watch_once(db, str(news))[0] == 0
    [changed] = events(db)
    assert (changed["id"], changed["fatalities"], changed["sources"]) == (first["id"], 5, ["a"])
    assert changed["updated_at"] > first["updated_at"]
    store = Store(db)
    assert store.counts()["reports"] == 1  # the earlier version's account is gone
    store.close()

    article.write_text(NO_EVENT.replace("Budget", "More budget"))
    assert watch_once(db, str(news))[0] == 0
    assert events(db) == []
    client = TestClient(create_app(db))
    listed = client.get("/api/deletions").json()
    assert [d["event_id"] for d in listed["deletions"]] == [first["id"]] and listed["total"] == 1
    deleted_at = listed["deletions"][0]["deleted_at"]
    assert dt.datetime.fromisoformat(deleted_at) >= dt.datetime.fromisoformat(changed["updated_at"])
    later = (dt.datetime.fromisoformat(deleted_at) + dt.timedelta(seconds=1)).isoformat()
    assert client.get("/api/deletions", params={"since": later}).json()["deletions"] == []
    assert client.get("/api/deletions", params={"since": "2024-02-30"}).status_code == 422
    before_year_one = client.get("/api/deletions", params={"since": "0001-01-01T02:00:01+17:00"})  # UTC: year 0
    assert before_year_one.status_code == 200 and before_year_one.json()["total"] == 1
    assert client.get("/api/deletions", params={"since": "9999-12-31T22:00:00-05:00"}).json()["total"] == 0
    exported = CliRunner().invoke(app, ["export", "--format", "deletions", "--db", str(db)])
    assert exported.exit_code == 0 and "1 deletions exported" in exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert rows == [{"event_id_cnty": first["id"],
                     "deleted_timestamp": str(int(dt.datetime.fromisoformat(deleted_at).timestamp()))}]

    article.write_text(STRIKE.format(place="Baghdad", toll="five"))  # the event comes back: no longer deleted
    assert watch_once(db, str(news))[0] == 0
    assert [e["id"] for e in events(db)] == [first["id"]]
    assert client.get("/api/deletions").json()["deletions"] == []


def test_timestamp_in_api_and_exports(tmp_path: Path) -> None:
    news, db = tmp_path / "news", tmp_path / "w.db"
    news.mkdir()
    (news / "a.txt").write_text(STRIKE.format(place="Baghdad", toll="three"))
    assert watch_once(db, str(news))[0] == 0
    [ev] = events(db)
    stamp = ev["updated_at"]
    assert dt.datetime.fromisoformat(stamp).utcoffset() == dt.timedelta(0)
    client = TestClient(create_app(db))
    assert client.get("/api/events").json()["events"][0]["timestamp"] == stamp
    assert client.get(f"/api/events/{ev['id']}").json()["timestamp"] == stamp
    assert client.get("/api/events.geojson").json()["features"][0]["properties"]["timestamp"] == stamp
    store = Store(db)
    out: dict[str, str] = {}
    for fmt in ("jsonl", "csv", "geojson"):
        buf = io.StringIO()
        write(fmt, store, buf)
        out[fmt] = buf.getvalue()
    store.close()
    assert json.loads(out["jsonl"].splitlines()[0])["timestamp"] == stamp
    [row] = csv.DictReader(io.StringIO(out["csv"]))
    assert int(row["timestamp"]) == int(dt.datetime.fromisoformat(stamp).timestamp())
    assert row["event_id_cnty"] == ev["id"]
    assert json.loads(out["geojson"])["features"][0]["properties"]["timestamp"] == stamp


def test_unchanged_files_are_not_read_again(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(STRIKE.format(place="Baghdad", toll="three"))
    store = Store(tmp_path / "w.db")
    watcher = Watcher([str(news)], store, interval=0.1, published=dt.date(2024, 3, 5), progress=False)
    assert (watcher.poll().stored, watcher.poll().read) == (1, 0)  # the second poll comes before it is due
    watcher.sleep()
    assert watcher.poll().read == 0  # due, but nothing changed
    (news / "b.txt").write_text(STRIKE.format(place="Kirkuk", toll="two"))
    watcher.sleep()
    report = watcher.poll()
    store.close()
    assert (report.read, report.stored) == (1, 1)


def test_feed_files_rss_and_atom_with_their_dates_and_a_broken_feed(tmp_path: Path) -> None:
    feeds, db = tmp_path / "feeds", tmp_path / "w.db"
    feeds.mkdir()
    (tmp_path / "wire.xml").write_text(RSS)
    (feeds / "desk.atom").write_text(ATOM)
    (feeds / "sitemap.xml").write_text("<urlset/>")  # below a directory, .xml is not taken for a feed
    (tmp_path / "broken.rss").write_text("<rss><channel><title>cut off")
    (tmp_path / "garbage.rss").write_text("this is no feed")
    code, stderr = cli("watch", str(tmp_path / "wire.xml"), str(tmp_path / "garbage.rss"), str(feeds), "--db", str(db),
                       "--once")
    assert code == 1
    problems = [ln for ln in stderr.splitlines() if "garbage.rss" in ln]
    assert len(problems) == 1 and "not an RSS or Atom feed" in problems[0]
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, published, published_from, outlet, url FROM articles ORDER BY id").fetchall()
    con.close()
    assert rows == [("urn:desk:1", "2024-03-07", "page", "Atom Desk", "http://desk.invalid/b1"),
                    ("wire-a1", "2024-03-05", "page", "Test Wire", "http://wire.invalid/a1")]
    assert {e["location"] for e in events(db)} >= {"Baghdad"}
    code, stderr = watch_once(db, str(tmp_path / "broken.rss"))  # no entries recovered: one line, an error
    assert code == 1 and "broken.rss: not an RSS or Atom feed" in stderr


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[str]:
    """The RSS document served on loopback, as a feed URL."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "wire.rss").write_text(RSS)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "site"))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_url_and_back_off(tmp_path: Path, feed_server: str) -> None:
    store = Store(tmp_path / "w.db")
    missing = tmp_path / "later"
    watcher = Watcher([f"{feed_server}/wire.rss", f"{feed_server}/gone.rss", str(missing)], store, interval=0.2,
                      progress=False)
    report = watcher.poll()
    assert report.stored == 1 and len(report.problems) == 2
    assert any("gone.rss: cannot fetch feed (HTTP 404" in p for p in report.problems)
    url, gone, later = watcher.sources
    assert (url.failures, gone.failures, later.failures) == (0, 1, 1)

    missing.mkdir()
    for src in watcher.sources:
        src.due = 0.0  # all due now, whatever their waits
    before = time.monotonic()
    report = watcher.poll()
    after = time.monotonic()
    store.close()
    assert (report.read, report.stored) == (1, 0)  # the feed's entry, known by its hash
    assert (url.failures, gone.failures, later.failures) == (0, 2, 0)
    assert before + backoff(0.2, 2, watcher.cap) <= gone.due <= after + backoff(0.2, 2, watcher.cap)
    assert before + 0.2 <= later.due <= after + 0.2


def test_backoff_doubles_up_to_the_cap() -> None:
    assert [backoff(300, n, 3600) for n in range(6)] == [300, 600, 1200, 2400, 3600, 3600]
    assert backoff(7200, 3, 3600) == 7200  # never more often than the interval


def test_a_problem_in_one_file_is_not_a_failing_source(tmp_path: Path) -> None:
    from sitrep.runner import RunReport

    src = Source(str(tmp_path))
    assert src.failed(RunReport(problems=[f"{tmp_path}: no such file or directory"]))
    assert not src.failed(RunReport(problems=[f"{tmp_path}/a.txt: empty file"]))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_watch_with_the_database_whole(tmp_path: Path, sig: signal.Signals) -> None:
    news, db = tmp_path / "news", tmp_path / "w.db"
    news.mkdir()
    (news / "a.txt").write_text(STRIKE.format(place="Baghdad", toll="three"))
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "watch", str(news), "--db", str(db), "--interval", "0.5"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240  # a model load on a busy machine
    while time.monotonic() < deadline and proc.poll() is None and not _stored(db):
        time.sleep(0.5)
    (news / "b.txt").write_text(STRIKE.format(place="Kirkuk", toll="two"))  # more work for the next polls
    time.sleep(0.7)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130), stderr
    assert stderr.strip().splitlines()[-1] == "sitrep: watch stopped; every article stored so far is complete"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM reports WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 1
    con.close()


def _stored(db: Path) -> bool:
    if not db.exists():
        return False
    con = sqlite3.connect(db)
    try:
        return bool(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is still being written
        return False
    finally:
        con.close()
