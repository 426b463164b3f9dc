"""SQLite store. Each article is written in one transaction together with its reports, the events they
link to, evidence and claims: an interrupted run leaves no half-written article, and a rerun of the same
text is a no-op."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.models import Article, Claim, Event, event_from_dict, event_to_dict

SCHEMA_VERSION = "5"
BUSY_TIMEOUT_MS = 30_000
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# Events whose dates lie this far apart cannot be one event (link.rules.DATE_TOLERANCE, with room).
BLOCK_PAD = dt.timedelta(days=2)
# The widest stored interval a new report can still be merged with (a month); bounds the index range scan.
BLOCK_SPAN = dt.timedelta(days=31) + BLOCK_PAD
EPOCH = dt.date(1970, 1, 1)


BLOCK_DEGREES = 2.5  # latitude degrees beyond link.rules.MAX_KM (250 km); longitude gets twice that



class StoreError(Exception):
    pass


SORTS = {"date": "date, id", "-date": "date DESC, id", "fatalities": "fatalities, id", "-fatalities": "fatalities DESC, id",
         "country": "country, date, id", "type": "sub_event_type, date, id", "location": "location, date, id"}


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None  # name or ISO3
    admin1: str | None = None
    event_type: str | None = None  # event type or sub-event type
    sub_event_type: str | None = None
    actor: str | None = None  # part of actor1 or actor2
    since: str | None = None  # ISO dates; an event counts if its interval reaches into the range
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    q: str | None = None  # words in the location, actors, region, country or type


def event_filter(f: EventFilter) -> tuple[str, list[Any]]:
    """A WHERE clause with placeholders, never text from the user inside the SQL."""
    sql, args = ["1=1"], []  # type: ignore[var-annotated]
    if f.country:
        sql.append("(country = ? COLLATE NOCASE OR iso3 = ? COLLATE NOCASE)")
        args += [f.country, f.country]
    if f.admin1:
        sql.append("admin1 = ? COLLATE NOCASE")
        args.append(f.admin1)
    if f.event_type:
        sql.append("(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)")
        args += [f.event_type, f.event_type]
    if f.sub_event_type:
        sql.append("sub_event_type = ? COLLATE NOCASE")
        args.append(f.sub_event_type)
    if f.actor and (phrase := fts_phrase(f.actor)):
        sql.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        args.append(f"{{actor1 actor2}} : {phrase}")
    if f.since:
        sql.append("COALESCE(date_latest, date) >= ?")
        args.append(f.since)
    if f.until:
        sql.append("COALESCE(date_earliest, date) <= ?")
        args.append(f.until)
    if f.bbox:
        sql.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
        args += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    if f.q:
        words = [p for w in f.q.split()[:8] if (p := fts_phrase(w))]
        sql.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)" if words else "0")
        args += [" AND ".join(words)] if words else []
    return " AND ".join(sql), args


def fts_phrase(text: str) -> str:
    """User words as one quoted FTS5 phrase (prefix match on the last word): never FTS syntax."""
    words = re.findall(r"\w+", text)
    return ('"' + " ".join(words) + '"*') if words else ""


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _weeks(earliest: dt.date | None, latest: dt.date | None) -> tuple[int, int] | None:
    """The weeks (counted from 1970) an interval touches, padded; None for one too vague to merge."""
    if earliest is None or latest is None or latest - earliest > BLOCK_SPAN:
        return None
    lo, hi = earliest - BLOCK_PAD, latest + BLOCK_PAD
    return (lo - EPOCH).days // 7, (hi - EPOCH).days // 7


def _block_country(country: str | None) -> str:
    return country or ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def utc_time(value: str) -> str:
    """An ISO 8601 date or time as the store writes times (UTC, seconds), so that they compare as text; a
    time without a zone is UTC. Raises ValueError for anything else."""
    t = dt.datetime.fromisoformat(value)
    try:
        t = t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)
    except OverflowError:  # a zone that moves year 1 or 9999 off the calendar
        raise ValueError(value) from None
    return t.isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
            self.con.row_factory = sqlite3.Row
            self.con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")  # with WAL: a commit survives a crash of sitrep, not of the OS
            self.con.execute("PRAGMA cache_size=-65536")  # 64 MB of pages

            self.con.execute("PRAGMA foreign_keys=ON")
            version = self._version()
            if version not in (None, SCHEMA_VERSION):
                raise StoreError(f"{self.path}: database schema version {version}, this sitrep writes version "
                                 f"{SCHEMA_VERSION}; build a new database from the articles")
            self.con.executescript(resources.files("sitrep.store").joinpath("schema.sql").read_text())
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable sitrep database ({exc})") from None

    def _version(self) -> str | None:
        if not self.con.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # ---- writing (inside a transaction)
    def known_hash(self, article_id: str) -> str | None:
        row = self.con.execute("SELECT content_hash FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def replace_article(self, article: Article) -> set[str]:
        """Store the article, dropping what an earlier version of it contributed; returns the events
        that lost reports."""
        touched = {r[0] for r in self.con.execute("SELECT event_id FROM reports WHERE article_id=?", (article.id,))}
        self.con.execute("DELETE FROM articles WHERE id=?", (article.id,))
        self.con.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.title, article.url, article.outlet, _iso(article.published),
             article.published_from, article.path, article.content_hash, article.text, _now()))
        return touched

    def add_report(self, report: Event, event_id: str) -> None:
        data = event_to_dict(replace(report, evidence=[]))
        self.con.execute("INSERT OR REPLACE INTO reports VALUES (?,?,?,?)",
                         (report.id, report.sources[0], event_id, json.dumps(data)))
        self.con.executemany(
            "INSERT INTO evidence (report_id, article_id, field, value, sentence, sentence_text, start, end, quote) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(report.id, e.article_id, e.field, e.value, e.sentence, e.sentence_text, e.start, e.end, e.quote)
             for e in report.evidence])

    def add_claims(self, claims: list[Claim]) -> None:
        for cl in claims:
            e = cl.evidence
            self.con.execute(
                "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (cl.id, cl.article_id, cl.quantity, cl.bound, cl.what, cl.counted, cl.target, json.dumps(cl.where),
                 _iso(cl.date_from), _iso(cl.date_to), cl.source, e.sentence_text, e.start, e.end, e.quote))

    def candidates(self, report: Event) -> dict[str, tuple[Event, list[str]]]:
        """Stored events that could be the same as ``report`` (merged values, report ids): same country
        (or none known) and dates that overlap, give or take BLOCK_PAD. An indexed range query, never a
        scan of all events."""
        w = report.when
        if w.earliest is None or w.latest is None:
            return {}
        p = report.place
        weeks = _weeks(w.earliest, w.latest)
        if weeks is None:
            return {}
        sql = ("SELECT e.id, e.data, group_concat(r.id, ' ') FROM events e JOIN reports r ON r.event_id = e.id "
               "WHERE e.id IN (SELECT event_id FROM event_blocks WHERE country = ? AND week BETWEEN ? AND ?) "
               "AND e.date_earliest <= ? AND e.date_latest >= ?")
        args: list[Any] = [_block_country(p.country if p else None), weeks[0], weeks[1],
                           _iso(w.latest + BLOCK_PAD), _iso(w.earliest - BLOCK_PAD)]
        if p is not None and p.latitude is not None and p.longitude is not None:  # no farther than places can be
            sql += (" AND (e.latitude IS NULL OR e.latitude BETWEEN ? AND ?)"
                    " AND (e.longitude IS NULL OR e.longitude BETWEEN ? AND ?)")
            args += [p.latitude - BLOCK_DEGREES, p.latitude + BLOCK_DEGREES, p.longitude - BLOCK_DEGREES * 2,
                     p.longitude + BLOCK_DEGREES * 2]
        rows = self.con.execute(sql + " GROUP BY e.id", args).fetchall()
        return {r[0]: (event_from_dict(json.loads(r[1])), r[2].split()) for r in rows}



    def reports_of(self, event_id: str) -> list[Event]:
        return [event_from_dict(json.loads(r[0])) for r in
                self.con.execute("SELECT data FROM reports WHERE event_id=? ORDER BY id", (event_id,))]

    def save_event(self, ev: Event, ranges: dict[str, tuple[int, int] | None]) -> None:
        p, w = ev.place, ev.when
        a1, a2 = ev.actor1, ev.actor2
        fr, ir = ranges.get("fatalities"), ranges.get("injuries")
        data = json.dumps(event_to_dict(replace(ev, evidence=[])))
        spans = (fr[0] if fr else None, fr[1] if fr else None, ir[0] if ir else None, ir[1] if ir else None)
        stored = self.con.execute("SELECT data, fatalities_low, fatalities_high, injuries_low, injuries_high FROM events "
                                  "WHERE id=?", (ev.id,)).fetchone()
        if stored is not None and tuple(stored) == (data, *spans):
            return  # every column derives from these: unchanged, so its timestamp of last change stays
        self._unindex(ev.id)
        self.con.execute("DELETE FROM deletions WHERE event_id=?", (ev.id,))  # an event that comes back
        self.con.execute(
            "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?, ?,?,?, ?,?,?, ?, ?,?,?,?, ?,?,?,?, ?,?,?,?, ?,?, ?,?,?,?, ?,?)",
            (ev.id, ev.event_type, ev.sub_event_type, DISORDER.get(ev.event_type, "Political violence"), ev.weapon,
             a1.name if a1 else None, a1.inter if a1 else None, a1.country if a1 else None,
             a2.name if a2 else None, a2.inter if a2 else None, a2.country if a2 else None,
             ev.claimed_by.name if ev.claimed_by else None,
             p.name if p else None, p.admin1 if p else None, p.country if p else None, p.iso3 if p else None,
             p.latitude if p else None, p.longitude if p else None, p.precision if p else None, p.kind if p else None,
             _iso(w.date), _iso(w.earliest), _iso(w.latest), w.precision,
             ev.fatalities, ev.injuries, *spans, data, _now()))
        self._block(ev)
        self.con.execute("INSERT INTO events_fts (rowid, id, location, actor1, actor2, admin1, country, sub_event_type, "
                         "claimed_by) VALUES ((SELECT rowid FROM events WHERE id=?),?,?,?,?,?,?,?,?)",
                         (ev.id, ev.id, p.name if p else None, a1.name if a1 else None, a2.name if a2 else None,
                          p.admin1 if p else None, p.country if p else None, ev.sub_event_type,
                          ev.claimed_by.name if ev.claimed_by else None))

    def delete_event(self, event_id: str) -> None:
        """Drop the event and record its deletion, so that copies made from earlier exports can drop it too."""
        self._unindex(event_id)
        if self.con.execute("DELETE FROM events WHERE id=?", (event_id,)).rowcount:
            self.con.execute("INSERT OR REPLACE INTO deletions VALUES (?, ?)", (event_id, _now()))
        self.con.execute("DELETE FROM event_blocks WHERE event_id=?", (event_id,))

    def _unindex(self, event_id: str) -> None:
        """Drop an event's words from the text index (keyed by the event's rowid, which a REPLACE changes)."""
        row = self.con.execute("SELECT rowid FROM events WHERE id=?", (event_id,)).fetchone()
        if row is not None:
            self.con.execute("DELETE FROM events_fts WHERE rowid=?", (row[0],))

    def _block(self, ev: Event) -> None:
        self.con.execute("DELETE FROM event_blocks WHERE event_id=?", (ev.id,))
        weeks = _weeks(ev.when.earliest, ev.when.latest)
        if weeks is not None:
            country = _block_country(ev.place.country if ev.place else None)
            self.con.executemany("INSERT OR IGNORE INTO event_blocks VALUES (?,?,?)",
                                 [(country, week, ev.id) for week in range(weeks[0], weeks[1] + 1)])

    def move_reports(self, report_ids: list[str], event_id: str) -> None:
        self.con.executemany("UPDATE reports SET event_id=? WHERE id=?", [(event_id, r) for r in report_ids])

    def report_ids(self, event_id: str, article_id: str | None = None) -> list[str]:
        sql = "SELECT id FROM reports WHERE event_id=?" + (" AND article_id=?" if article_id else "") + " ORDER BY id"
        return [r[0] for r in self.con.execute(sql, (event_id, article_id) if article_id else (event_id,))]

    def decisions(self) -> dict[str, set[frozenset[str]]]:
        out: dict[str, set[frozenset[str]]] = {"together": set(), "apart": set()}
        for kind, a, b in self.con.execute("SELECT kind, a, b FROM decisions"):
            out[kind].add(frozenset((a, b)))
        return out

    def add_decision(self, kind: str, a: str, b: str) -> None:
        self.con.execute("DELETE FROM decisions WHERE a IN (?, ?) AND b IN (?, ?)", (a, b, a, b))
        self.con.execute("INSERT OR REPLACE INTO decisions VALUES (?,?,?,?)", (kind, *sorted((a, b)), _now()))

    # ---- reading
    def events(self, sort: str = "date", limit: int | None = None, offset: int = 0,
               **filters: Any) -> Iterator[dict[str, Any]]:
        """Events matching the filters (see EventFilter), in the given order."""
        where, args = event_filter(EventFilter(**filters))
        sql = f"SELECT * FROM events WHERE {where} ORDER BY {SORTS[sort]}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        for row in self.con.execute(sql, args):
            yield self._with_sources(dict(row))

    def count_events(self, **filters: Any) -> int:
        where, args = event_filter(EventFilter(**filters))
        return int(self.con.execute(f"SELECT COUNT(*) FROM events WHERE {where}", args).fetchone()[0])

    def _with_sources(self, row: dict[str, Any]) -> dict[str, Any]:
        row.pop("data", None)
        row["sources"] = [r[0] for r in self.con.execute(
            "SELECT article_id FROM event_sources WHERE event_id=? ORDER BY article_id", (row["id"],))]
        return row

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            return None
        out = self._with_sources(dict(row))
        out["evidence"] = self.evidence_for(event_id)
        out["reports"] = [event_to_dict(r) for r in self.reports_of(event_id)]
        return out

    def evidence_for(self, event_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute(
            "SELECT e.article_id, e.field, e.value, e.sentence, e.sentence_text, e.start, e.end, e.quote "
            "FROM evidence e JOIN reports r ON r.id = e.report_id WHERE r.event_id=? ORDER BY e.article_id, e.start",
            (event_id,))]

    def deletions(self, since: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events deleted at or after ``since`` (see utc_time), oldest first."""
        sql = "SELECT event_id, deleted_at FROM deletions WHERE deleted_at >= ? ORDER BY deleted_at, event_id"
        args: list[Any] = [since or ""]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [dict(r) for r in self.con.execute(sql, args)]

    def count_deletions(self, since: str | None = None) -> int:
        return int(self.con.execute("SELECT COUNT(*) FROM deletions WHERE deleted_at >= ?", (since or "",)).fetchone()[0])

    def claims(self) -> Iterator[dict[str, Any]]:
        for row in self.con.execute("SELECT * FROM claims ORDER BY article_id, start"):
            d = dict(row)
            d["where"] = json.loads(d.pop("where_json") or "[]")
            yield d

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "reports", "evidence", "claims")}
