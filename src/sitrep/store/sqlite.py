"""SQLite store. Each article is written in one transaction, together with its events, sources, evidence
and claims: an interrupted run leaves no half-written article, and a rerun of the same text is a no-op."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.models import Article, Claim, Event

SCHEMA_VERSION = "1"
BUSY_TIMEOUT_MS = 30_000
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


class StoreError(Exception):
    pass


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.con.row_factory = sqlite3.Row
            self.con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA foreign_keys=ON")
            self.con.executescript(resources.files("sitrep.store").joinpath("schema.sql").read_text())
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable sitrep database ({exc})") from None

    def close(self) -> None:
        self.con.close()

    def known_hash(self, article_id: str) -> str | None:
        row = self.con.execute("SELECT content_hash FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def write_article(self, article: Article, events: list[Event], claims: list[Claim]) -> None:
        """Replace everything this article contributed, atomically."""
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            old = [r[0] for r in con.execute("SELECT event_id FROM event_sources WHERE article_id=?", (article.id,))]
            con.execute("DELETE FROM articles WHERE id=?", (article.id,))
            for event_id in old:  # an event no other article reports goes with its last source
                if not con.execute("SELECT 1 FROM event_sources WHERE event_id=?", (event_id,)).fetchone():
                    con.execute("DELETE FROM events WHERE id=?", (event_id,))
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            con.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.title, article.url, article.outlet, _iso(article.published),
                 article.published_from, article.path, article.content_hash, article.text, now))
            for ev in events:
                self._insert_event(ev, now)
            for cl in claims:
                e = cl.evidence
                con.execute(
                    "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (cl.id, cl.article_id, cl.quantity, cl.bound, cl.what, json.dumps(cl.where),
                     _iso(cl.date_from), _iso(cl.date_to), cl.source, e.sentence_text, e.start, e.end, e.quote))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _insert_event(self, ev: Event, now: str) -> None:
        p, w = ev.place, ev.when
        a1, a2 = ev.actor1, ev.actor2
        self.con.execute(
            "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?, ?,?,?, ?,?,?, ?, ?,?,?,?, ?,?,?,?, ?,?,?,?, ?,?, ?)",
            (ev.id, ev.event_type, ev.sub_event_type, DISORDER.get(ev.event_type, "Political violence"), ev.weapon,
             a1.name if a1 else None, a1.inter if a1 else None, a1.country if a1 else None,
             a2.name if a2 else None, a2.inter if a2 else None, a2.country if a2 else None,
             ev.claimed_by.name if ev.claimed_by else None,
             p.name if p else None, p.admin1 if p else None, p.country if p else None, p.iso3 if p else None,
             p.latitude if p else None, p.longitude if p else None, p.precision if p else None, p.kind if p else None,
             _iso(w.date), _iso(w.earliest), _iso(w.latest), w.precision,
             ev.fatalities, ev.injuries, now))
        for source in ev.sources:
            self.con.execute("INSERT OR IGNORE INTO event_sources VALUES (?,?)", (ev.id, source))
        self.con.executemany(
            "INSERT INTO evidence (event_id, article_id, field, value, sentence, sentence_text, start, end, quote) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(ev.id, e.article_id, e.field, e.value, e.sentence, e.sentence_text, e.start, e.end, e.quote)
             for e in ev.evidence])

    # ---- reading
    def events(self, country: str | None = None, event_type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> Iterator[dict[str, Any]]:
        sql = ["SELECT * FROM events WHERE 1=1"]
        args: list[Any] = []
        if country:
            sql.append("AND (country = ? COLLATE NOCASE OR iso3 = ? COLLATE NOCASE)")
            args += [country, country]
        if event_type:
            sql.append("AND (event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)")
            args += [event_type, event_type]
        if actor:
            sql.append("AND (actor1 LIKE ? ESCAPE '\\' OR actor2 LIKE ? ESCAPE '\\')")
            pattern = "%" + actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            args += [pattern, pattern]
        if since:
            sql.append("AND COALESCE(date_latest, date) >= ?")
            args.append(since)
        if until:
            sql.append("AND COALESCE(date_earliest, date) <= ?")
            args.append(until)
        sql.append("ORDER BY date, id")
        for row in self.con.execute(" ".join(sql), args):
            yield self._with_sources(dict(row))

    def _with_sources(self, row: dict[str, Any]) -> dict[str, Any]:
        row["sources"] = [r[0] for r in self.con.execute(
            "SELECT article_id FROM event_sources WHERE event_id=? ORDER BY article_id", (row["id"],))]
        return row

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            return None
        out = self._with_sources(dict(row))
        out["evidence"] = [dict(r) for r in self.con.execute(
            "SELECT article_id, field, value, sentence, sentence_text, start, end, quote FROM evidence "
            "WHERE event_id=? ORDER BY article_id, start", (event_id,))]
        return out

    def evidence_for(self, event_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute(
            "SELECT article_id, field, value, start, end, quote FROM evidence WHERE event_id=? ORDER BY start",
            (event_id,))]

    def claims(self) -> Iterator[dict[str, Any]]:
        for row in self.con.execute("SELECT * FROM claims ORDER BY article_id, start"):
            d = dict(row)
            d["where"] = json.loads(d.pop("where_json") or "[]")
            yield d

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "event_sources", "evidence", "claims")}
