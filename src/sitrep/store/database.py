"""The event database, on SQLite (the default: a file path) or PostgreSQL (a postgresql:// URL). Each
article is written in one transaction together with its reports, the events they link to, evidence and
claims, while holding the writers' lock: an interrupted run leaves no half-written article, two runs at
once neither lose nor duplicate events, and a rerun of the same text is a no-op."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from sitrep.data import cache_dir, coasts, read_yaml
from sitrep.models import Article, Claim, Event, event_from_dict, event_to_dict
from sitrep.store import migrate, summaries
from sitrep.store.blocks import Block, BlockCache, Held, local_cell, near_cells
from sitrep.store.dialect import Box, dialect_for, display_name

DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# Events whose dates lie this far apart cannot be one event (link.rules.DATE_TOLERANCE, with room).
BLOCK_PAD = dt.timedelta(days=2)
# The widest stored interval a new report can still be merged with (a month); bounds the index range scan.
BLOCK_SPAN = dt.timedelta(days=31) + BLOCK_PAD
EPOCH = dt.date(1970, 1, 1)
BLOCK_DEGREES = 2.5  # latitude degrees beyond link.rules.MAX_KM (250 km); longitude gets twice that

class StoreError(Exception):
    pass


# Orders the API and CLI offer, each also descending ("-type"): the column, then the date and id, so that
# pages never overlap, all one way, so that an index on (column, date) reads a page in order, forwards or
# backwards (migration 0005). NULLs come first going up, as in SQLite.
SORT_COLUMNS = {"date": "date", "type": "sub_event_type", "actor1": "actor1", "actor2": "actor2",
                "location": "location", "country": "country", "precision": "geo_precision",
                "fatalities": "fatalities", "injuries": "injuries"}
SORTS: dict[str, tuple[tuple[str, bool], ...]] = {
    sign + key: tuple(dict.fromkeys([(col, sign == "-"), ("date", sign == "-"), ("id", sign == "-")]))
    for key, col in SORT_COLUMNS.items() for sign in ("", "-")
}
# The events table's columns in the order save_event writes them (tests check them against schema.py, which
# the Store does not import: SQLAlchemy is needed for migrations only).
EVENT_COLUMNS = ("id", "event_type", "sub_event_type", "disorder_type", "weapon", "actor1", "inter1", "actor1_country",
                 "actor2", "inter2", "actor2_country", "claimed_by", "location", "admin1", "admin2", "country", "iso3",
                 "latitude", "longitude", "geo_precision", "place_kind", "date", "date_earliest", "date_latest",
                 "date_precision", "fatalities", "injuries", "fatalities_low", "fatalities_high", "injuries_low",
                 "injuries_high", "data", "updated_at")
COLUMNS = ", ".join([*EVENT_COLUMNS[:-2], "updated_at"])  # every column but the JSON blob
UPSERT_EVENT = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
                "ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS[1:]))


TEXT_COLUMNS = frozenset({"id", "date", "date_earliest", "date_latest", "country", "iso3", "admin1", "admin2", "location",
                          "event_type", "sub_event_type", "disorder_type", "actor1", "actor2", "updated_at"})
NUMBER_COLUMNS = frozenset({"inter1", "inter2", "fatalities", "geo_precision"})
OPERATORS = frozenset({"=", "LIKE", "<", "<=", ">", ">=", "BETWEEN"})


@dataclass(frozen=True)
class Condition:
    """A test on one column, for queries written in another tool's terms (ACLED's API): ``=`` and ``LIKE``
    (part of the text) match any of the values, case-insensitively (none: nothing matches); ``BETWEEN``
    takes two values, the comparisons one."""

    column: str
    op: str
    values: tuple[Any, ...]

    def __post_init__(self) -> None:
        if self.column not in TEXT_COLUMNS | NUMBER_COLUMNS or self.op not in OPERATORS:
            raise ValueError(f"no condition {self.column} {self.op}")
        if len(self.values) != {"BETWEEN": 2, "=": len(self.values), "LIKE": len(self.values)}.get(self.op, 1):
            raise ValueError(f"{self.column} {self.op}: wrong number of values")


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
    min_fatalities: int | None = None
    disorder_type: str | None = None
    civilian_targeting: bool = False  # civilians the target (actor2), as ACLED's column says
    interaction: int | None = None  # ACLED's code: the two inter codes, smaller first (17); a lone actor's, times ten
    places: tuple[str, ...] = ()  # countries or locations, named exactly: in any of them (a tally's "where")
    conditions: tuple[Condition, ...] = ()


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def _weeks(earliest: dt.date | None, latest: dt.date | None) -> tuple[int, int] | None:
    """The weeks (counted from 1970) an interval touches, padded; None for one too vague to merge."""
    if earliest is None or latest is None or latest - earliest > BLOCK_SPAN:
        return None
    lo, hi = earliest - BLOCK_PAD, latest + BLOCK_PAD
    return (lo - EPOCH).days // 7, (hi - EPOCH).days // 7


def block_countries(kind: str | None, name: str | None, country: str | None) -> tuple[str, ...]:
    """The countries whose blocks hold an event placed so: its own (none known: ""), or for a sea every
    country on its shores, where reports told from the shore ("off Hodeidah") look for it."""
    if kind == "sea":
        return tuple(sorted(coasts().get(name or "", ()))) or ("",)
    return (country or "",)


@lru_cache(maxsize=1 << 16)  # asked once for every report and every save: few distinct intervals
def _blocks_of(countries: tuple[str, ...], earliest: dt.date | None, latest: dt.date | None) -> tuple[Block, ...]:
    """The (country, week) blocks an event is filed under."""
    weeks = _weeks(earliest, latest)
    return tuple((c, w) for c in countries for w in range(weeks[0], weeks[1] + 1)) if weeks else ()


def _filing(ev: Event) -> tuple[Block, ...]:
    p = ev.place
    return _blocks_of(block_countries(p.kind, p.name, p.country) if p else ("",), ev.when.earliest, ev.when.latest)


@lru_cache(maxsize=1)
def _taxonomy() -> tuple[frozenset[str], frozenset[str]]:
    """Event types and sub-event types, lower-cased (taxonomy.yaml)."""
    subs = read_yaml("taxonomy.yaml")["sub_event_types"]
    return frozenset(v["event_type"].lower() for v in subs.values()), frozenset(k.lower() for k in subs)


def _type_columns(name: str) -> tuple[str, ...]:
    """The column a type's name is in: an event type's, a sub-event type's (each index then reads its
    events in order), or either for a name that is neither."""
    types, subs = _taxonomy()
    key = name.lower()
    return ("event_type",) if key in types else ("sub_event_type",) if key in subs else ("event_type", "sub_event_type")


SUMMED = ", ".join(summaries.SUMMED)
STORED = ("SELECT data, fatalities_low, fatalities_high, injuries_low, injuries_high, place_kind, location, country, "
          f"{SUMMED} FROM events WHERE id=?")  # what save_event compares with (its columns in that order)


def _whole(filters: dict[str, Any]) -> bool:
    """Whether a question is asked of every event (the summary tables answer it)."""
    return EventFilter(**filters) == EventFilter()


def _json(data: dict[str, Any]) -> str:
    """A report or event as the JSON stored with it: orjson, written and read for every report linked."""
    return orjson.dumps(data).decode()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def utc_time(value: str) -> str:
    """An ISO 8601 date or time as the store writes times (UTC, seconds), so that they compare as text; a
    time without a zone is UTC; one whose zone moves it off the calendar is its first or last second, which
    compares the same with every stored time. Raises ValueError for anything else."""
    t = dt.datetime.fromisoformat(value)
    try:
        t = t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)
    except OverflowError:  # "0001-01-01T02:00+17:00" is before year 1 in UTC, "9999-12-31T22:00-05:00" after 9999
        t = (dt.datetime.min if t.year == 1 else dt.datetime.max).replace(tzinfo=dt.UTC)
    return t.isoformat(timespec="seconds")


class Store:
    """``db``: a SQLite file path, or a postgresql:// URL. Opening brings the schema to the newest
    revision (see store.migrate). ``cache_mb``: SQLite's page cache for this connection."""

    def __init__(self, db: str | Path, cache_mb: int = 256) -> None:
        try:
            self.dialect = dialect_for(str(db))
        except ImportError:
            raise StoreError(f"{display_name(str(db))}: PostgreSQL needs psycopg (pip install 'sitrep[postgresql]')") from None
        self.path = self.dialect.where
        self._clock: str | None = None
        self._decisions: dict[str, set[frozenset[str]]] | None = None
        self._blocks = BlockCache()
        self._generation: str | None = None  # meta.generation as this connection last committed it
        self._sums = summaries.Pending()
        self._returned: set[str] = set()  # events written anew this transaction: a deletion of theirs is void
        self._stored: dict[str, Any] = {}  # event id -> its row as stored, read ahead of save_event (report_ids)
        self._new_articles: set[str] = set()  # articles first stored in this transaction
        self._absent: set[str] = set()  # articles known_hashes found not stored
        self.errors = self.dialect.errors  # the database itself is in trouble: a run stops
        self.conflicts = self.dialect.conflicts  # another writer stored an article first (replace_article)
        template = cache_dir() / f"schema-{migrate.digest()}.sqlite"  # a new database at the newest schema
        try:
            self.dialect.from_template(template)
            self.con = self.dialect.connect(cache_mb)
            if self.dialect.revision(self.con) != migrate.head():
                blank = self.dialect.blank(self.con)
                migrate.upgrade(self.dialect.engine(), self.dialect.lock_sql)
                if blank:
                    self._keep_template(template)
            self.dialect.inspect(self.con)
        except migrate.LegacySchemaError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        except (*self.dialect.open_errors, migrate.MigrationError) as exc:
            raise StoreError(f"{self.path}: not a usable sitrep database ({_first_line(exc.__cause__ or exc)})") from None

    def _keep_template(self, template: Path) -> None:
        """A cache: where it cannot be written, the next new database is migrated instead."""
        try:
            self.dialect.save_template(self.con, template)
        except (OSError, *self.dialect.errors):
            pass

    def execute(self, sql: str, args: Iterable[Any] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; the cursor, whose rows read by name or position."""
        return self.con.execute(self.dialect.sql(sql), tuple(args))

    def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.con.cursor().executemany(self.dialect.sql(sql), rows)

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.dialect.batched(self.con) as batch:
            self.execute(self.dialect.begin)
            try:
                if self.dialect.lock_sql:
                    self.execute(self.dialect.lock_sql)
                self._clock = _now()  # what one transaction writes changed at one time, read once
                seen = self.generation()
                if seen != self._generation:  # another connection wrote since
                    self._blocks.clear()
                self._generation = str(int(seen) + 1 if seen else 1)
                self.execute("INSERT INTO meta VALUES ('generation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (self._generation,))
                yield
                if self._returned:  # one statement for the transaction, not a round trip per new event
                    self._many("DELETE FROM deletions WHERE event_id=?", [(i,) for i in sorted(self._returned)])
                self._sums.write(self._many)
                self.execute("COMMIT")
                batch.sync()  # a batched statement's error comes here, and the transaction is undone
            except BaseException:
                self._sums.clear()
                self._blocks.clear()
                self._generation = None
                self._roll_back(batch)
                raise
            finally:
                self._clock = None
                self._decisions = None
                self._returned.clear()
                self._stored.clear()
                self._new_articles.clear()

    def _roll_back(self, batch: Any) -> None:
        """Undo the transaction, once the server has answered what was sent before (an error among those
        answers only says what is being undone)."""
        with suppress(*self.dialect.open_errors):
            batch.sync()
        self.execute("ROLLBACK")
        batch.sync()

    def _time(self) -> str:
        return self._clock or _now()

    # ---- writing (inside a transaction)
    def known_hash(self, article_id: str) -> str | None:
        return self.known_hashes([article_id]).get(article_id)

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these articles that is stored, in one query. The others are noted as
        absent: storing one of them then needs no answer from the database first (replace_article)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        found = {r[0]: r[1] for r in self.execute(
            f"SELECT id, content_hash FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)}
        self._absent.update(i for i in ids if i not in found)
        return found

    def replace_article(self, article: Article) -> set[str]:
        """Store the article, dropping what an earlier version of it contributed; returns the events
        that lost reports."""
        row = (article.id, article.title, article.url, article.outlet, _iso(article.published), article.published_from,
               article.path, article.content_hash, article.text, self._time())
        if article.id in self._absent:
            # found absent before: sent without waiting for an answer (on PostgreSQL, a round trip per article
            # was two fifths of linking's time). Should another writer have stored it since, the insert fails
            # and the transaction is undone.
            self._absent.discard(article.id)
            self.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)", row)
            self._new_articles.add(article.id)
            return set()
        if self.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING RETURNING id",
                        row).fetchone() is not None:
            self._new_articles.add(article.id)
            return set()  # a new article: one statement, where a new version of a stored one takes three
        touched = {r[0] for r in self.execute("SELECT event_id FROM reports WHERE article_id=?", (article.id,))}
        self._blocks.forget(touched)
        self.execute("DELETE FROM articles WHERE id=?", (article.id,))
        self.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)", row)
        return touched

    def add_report(self, report: Event, event_id: str) -> None:
        data = event_to_dict(report, evidence=False)
        self.execute("INSERT INTO reports VALUES (?,?,?,?) ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, "
                     "event_id = excluded.event_id, data = excluded.data",
                     (report.id, report.sources[0], event_id, _json(data)))
        self._blocks.added(event_id, report)
        if report.evidence:
            self._many(
                'INSERT INTO evidence (report_id, article_id, field, value, sentence, sentence_text, start, "end", quote) '
                "VALUES (?,?,?,?,?,?,?,?,?)",
                [(report.id, e.article_id, e.field, e.value, e.sentence, e.sentence_text, e.start, e.end, e.quote)
                 for e in report.evidence])

    def add_claims(self, claims: list[Claim]) -> None:
        for cl in claims:
            e = cl.evidence
            self.execute("DELETE FROM claims WHERE id=?", (cl.id,))
            self.execute(
                "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (cl.id, cl.article_id, cl.quantity, cl.bound, cl.what, cl.counted, cl.target, json.dumps(cl.where),
                 _iso(cl.date_from), _iso(cl.date_to), cl.source, e.sentence_text, e.start, e.end, e.quote))

    def candidates(self, report: Event) -> dict[str, tuple[Event, list[str]]]:
        """Stored events that could be the same as ``report`` (merged values, report ids): same country
        (or none known) and dates that overlap, give or take BLOCK_PAD, no farther than places can be.
        Read by key from the (country, week) blocks, each read from the database once and then held, and
        for a local place only from the cells near it."""
        w, p = report.when, report.place
        wanted = _filing(report)
        if not wanted:
            return {}
        self._load_blocks(self._blocks.missing(wanted))
        lo, hi = _iso(w.earliest - BLOCK_PAD), _iso(w.latest + BLOCK_PAD)  # type: ignore[operator]
        box = None  # no farther than places can be (a sea's point says little of where on it)
        if p is not None and p.latitude is not None and p.longitude is not None and p.kind != "sea":
            box = (p.latitude - BLOCK_DEGREES, p.latitude + BLOCK_DEGREES,
                   p.longitude - BLOCK_DEGREES * 2, p.longitude + BLOCK_DEGREES * 2)
        out = {}
        for held in self._blocks.members(wanted, near_cells(p)):
            if held.earliest > hi or held.latest < lo:  # type: ignore[operator]
                continue
            if box and ((held.latitude is not None and not box[0] <= held.latitude <= box[1])
                        or (held.longitude is not None and not box[2] <= held.longitude <= box[3])):
                continue
            if held.event is None:  # decoded once, when first a candidate
                held.event, held.data = event_from_dict(orjson.loads(held.data)), None  # type: ignore[arg-type]
            out[held.id] = (held.event, list(held.report_ids))
        return out

    def _load_blocks(self, blocks: list[Block]) -> None:
        """Every question is sent before any answer is read: one round trip to a server (pipeline mode)."""
        inside = "SELECT event_id FROM event_blocks WHERE country = ? AND week = ?"
        asked = [(block, self.execute(f"SELECT event_id, id FROM reports WHERE event_id IN ({inside})", block),
                  self.execute("SELECT id, date_earliest, date_latest, latitude, longitude, place_kind, geo_precision, "
                               f"location, country, data FROM events WHERE id IN ({inside})", block))
                 for block in blocks]
        for block, reports, events in asked:
            ids: dict[str, list[str]] = {}
            for event_id, report_id in reports:
                ids.setdefault(event_id, []).append(report_id)
            held = [Held(i, lo, hi, *((None, None) if kind == "sea" else (lat, lon)), sorted(ids.get(i, ())), data,
                         blocks=_blocks_of(block_countries(kind, name, country), _date(lo), _date(hi)),
                         cell=local_cell(kind, precision, lat, lon))
                    for i, lo, hi, lat, lon, kind, precision, name, country, data in events]
            self._blocks.load(block, held)

    def reports_of(self, event_id: str) -> list[Event]:
        held = self._blocks.reports(event_id)
        if held is not None:
            return list(held)
        reports = self._stored_reports(event_id)
        self._blocks.read(event_id, reports)
        return list(reports)

    def _stored_reports(self, event_id: str) -> list[Event]:
        return [event_from_dict(orjson.loads(r[0])) for r in
                self.execute("SELECT data FROM reports WHERE event_id=? ORDER BY id", (event_id,))]

    def save_event(self, ev: Event, ranges: dict[str, tuple[int, int] | None]) -> None:
        p, w = ev.place, ev.when
        a1, a2 = ev.actor1, ev.actor2
        fr, ir = ranges.get("fatalities"), ranges.get("injuries")
        data = _json(event_to_dict(ev, evidence=False))
        spans = (fr[0] if fr else None, fr[1] if fr else None, ir[0] if ir else None, ir[1] if ir else None)
        stored = self._stored.pop(ev.id) if ev.id in self._stored else self.execute(STORED, (ev.id,)).fetchone()
        filing = _filing(ev)
        self._blocks.saved(ev, filing)
        if stored is not None and tuple(stored[:5]) == (data, *spans):
            return  # every column derives from these: unchanged, so its timestamp of last change stays
        summed = (_iso(w.date), ev.sub_event_type, w.precision, p.iso3 if p else None, p.country if p else None,
                  p.latitude if p else None, p.longitude if p else None, ev.fatalities, a1.name if a1 else None,
                  a2.name if a2 else None, _iso(w.earliest), _iso(w.latest))
        if stored is None:
            self._returned.add(ev.id)  # an event that comes back is no longer deleted
        else:
            self.dialect.unindex(self.execute, ev.id)
        if stored is None or tuple(stored[8:]) != summed:
            if stored is not None:
                self._sums.count(tuple(stored[8:]), -1)
            self._sums.count(summed, 1)
        self.execute(UPSERT_EVENT, (
            ev.id, ev.event_type, ev.sub_event_type, DISORDER.get(ev.event_type, "Political violence"), ev.weapon,
            a1.name if a1 else None, a1.inter if a1 else None, a1.country if a1 else None,
            a2.name if a2 else None, a2.inter if a2 else None, a2.country if a2 else None,
            ev.claimed_by.name if ev.claimed_by else None,
            p.name if p else None, p.admin1 if p else None, p.admin2 if p else None, p.country if p else None,
            p.iso3 if p else None, p.latitude if p else None, p.longitude if p else None,
            p.precision if p else None, p.kind if p else None,
            _iso(w.date), _iso(w.earliest), _iso(w.latest), w.precision,
            ev.fatalities, ev.injuries, *spans, data, self._time()))
        if stored is None or _blocks_of(block_countries(*stored[5:8]), _date(stored["date_earliest"]),
                                        _date(stored["date_latest"])) != filing:
            self._block(ev.id, filing, fresh=stored is None)
        self.dialect.index(self.execute, ev.id, (
            p.name if p else None, a1.name if a1 else None, a2.name if a2 else None, p.admin1 if p else None,
            p.country if p else None, ev.sub_event_type, ev.claimed_by.name if ev.claimed_by else None))

    def delete_event(self, event_id: str) -> None:
        """Drop the event and record its deletion, so that copies made from earlier exports can drop it too."""
        self._blocks.forget([event_id])
        self._stored.pop(event_id, None)
        self._returned.discard(event_id)
        self.dialect.unindex(self.execute, event_id)
        if (row := self.execute(f"DELETE FROM events WHERE id=? RETURNING {SUMMED}", (event_id,)).fetchone()) is not None:
            self._sums.count(tuple(row), -1)
            self.execute("DELETE FROM deletions WHERE event_id=?", (event_id,))
            self.execute("INSERT INTO deletions VALUES (?, ?)", (event_id, self._time()))
        self.execute("DELETE FROM event_blocks WHERE event_id=?", (event_id,))

    def _block(self, event_id: str, filing: tuple[Block, ...], fresh: bool) -> None:
        """File the event under its (country, week) blocks; ``fresh``: it has none yet."""
        if not fresh:
            self.execute("DELETE FROM event_blocks WHERE event_id=?", (event_id,))
        if filing:  # one statement, however many blocks: on PostgreSQL each statement costs a trip through psycopg
            self.execute(f"INSERT INTO event_blocks VALUES {', '.join(['(?,?,?)'] * len(filing))} ON CONFLICT DO NOTHING",
                         [v for country, week in filing for v in (country, week, event_id)])

    def move_reports(self, report_ids: list[str], event_id: str) -> None:
        marks = ", ".join("?" * len(report_ids))
        self._blocks.forget([event_id, *(r[0] for r in self.execute(
            f"SELECT DISTINCT event_id FROM reports WHERE id IN ({marks})", report_ids))] if report_ids else [event_id])
        self._many("UPDATE reports SET event_id=? WHERE id=?", [(event_id, r) for r in report_ids])

    def report_ids(self, event_id: str, article_id: str | None = None) -> list[str]:
        """The ids of the event's reports (of one article's). An event whose reports are all asked for is
        one about to be saved: its stored row is read in the same round trip, for ``save_event``."""
        sql = "SELECT id FROM reports WHERE event_id=?" + (" AND article_id=?" if article_id else "") + " ORDER BY id"
        rows = self.execute(sql, (event_id, article_id) if article_id else (event_id,))
        stored = self.execute(STORED, (event_id,)) if article_id is None and event_id not in self._stored else None
        ids = [r[0] for r in rows]
        if stored is not None:
            self._stored[event_id] = stored.fetchone()
        if not ids and article_id is None:  # a new event's reports are those added from now on: none to read
            self._blocks.read(event_id, [])
        return ids

    def fresh_event_id(self, seed: str, article_id: str) -> str:
        """An id for a new event: the seed (a report id of ``article_id``) unless an event already has it,
        then the seed numbered (it keeps the seed's place in the ids' order). Event ids are seeded by
        reports, whose ids are digests of keys that name their article: an article first stored in this
        transaction has seeded none, so its reports' ids are free without asking the database."""
        if article_id in self._new_articles:
            self._stored[seed] = None
            self._blocks.read(seed, [])
            return seed
        candidate, n = seed, 0
        while self.report_ids(candidate):
            n += 1
            candidate = f"{seed}.{n}"
        return candidate

    def decisions(self) -> dict[str, set[frozenset[str]]]:
        """The manual decisions, read once per transaction (a run asks for every article it links)."""
        if self._decisions is not None:
            return {kind: set(pairs) for kind, pairs in self._decisions.items()}
        out: dict[str, set[frozenset[str]]] = {"together": set(), "apart": set()}
        for kind, a, b in self.execute("SELECT kind, a, b FROM decisions"):
            out[kind].add(frozenset((a, b)))
        if self._clock is not None:  # inside a transaction, which holds the writers' lock: no one else adds any
            self._decisions = {kind: set(pairs) for kind, pairs in out.items()}
        return out

    def add_decision(self, kind: str, a: str, b: str) -> None:
        self._decisions = None
        self.execute("DELETE FROM decisions WHERE a IN (?, ?) AND b IN (?, ?)", (a, b, a, b))
        self.execute("INSERT INTO decisions VALUES (?,?,?,?)", (kind, *sorted((a, b)), self._time()))

    # ---- reading
    def event_filter(self, f: EventFilter, box_indexed: bool = True, in_order: bool = False) -> tuple[str, list[Any]]:
        """A WHERE clause with placeholders, never text from the user inside the SQL. For a page (``in_order``)
        the words matched are a set its order is tested against; ``box_indexed``: see _box_first."""
        d = self.dialect
        texts = [f.country, f.admin1, f.event_type, f.sub_event_type, f.disorder_type,
                 *(v for c in f.conditions for v in c.values)]
        if any("\x00" in v for v in texts if isinstance(v, str)):
            return "1=0", []  # no stored text has a NUL (PostgreSQL refuses one even as a parameter)
        sql, args = ["1=1"], []  # type: ignore[var-annotated]
        if f.country:  # one column, so that its index gives the page in order (no country's name has three letters)
            sql.append(d.ci_eq("iso3" if len(f.country) == 3 else "country"))
            args.append(f.country)
        if f.admin1:
            sql.append(d.ci_eq("admin1"))
            args.append(f.admin1)
        if f.event_type:  # types or sub-event types, comma-separated: any of them
            types = [t.strip() for t in f.event_type.split(",") if t.strip()] or [""]
            columns = [_type_columns(t) for t in types]
            sql.append("(" + " OR ".join(d.ci_eq(c, indexed=not f.country) for cs in columns for c in cs) + ")")
            args += [t for t, cs in zip(types, columns, strict=True) for _ in cs]
        if f.sub_event_type:
            sql.append(d.ci_eq("sub_event_type"))
            args.append(f.sub_event_type)
        if f.min_fatalities is not None:
            sql.append("fatalities >= ?")
            args.append(f.min_fatalities)
        if f.disorder_type:
            sql.append(d.ci_eq("disorder_type"))
            args.append(f.disorder_type)
        if f.interaction is not None:
            low, high = divmod(f.interaction, 10)
            if high:
                sql.append("((inter1 = ? AND inter2 = ?) OR (inter1 = ? AND inter2 = ?))")
                args += [low, high, high, low]
            else:
                sql.append("(inter1 = ? AND inter2 IS NULL)")
                args.append(low)
        if f.civilian_targeting:
            sql.append("actor2 = ?")
            args.append("Civilians")
        if f.actor and (actor := d.actor_filter(f.actor, indexed=not in_order)):
            sql.append(actor[0])
            args += actor[1]
        if f.places:  # each column's sort index finds its matches
            marks = ", ".join("?" * len(f.places))
            sql.append(f"(country IN ({marks}) OR location IN ({marks}))")
            args += [*f.places, *f.places]
        if f.since:
            sql.append("COALESCE(date_latest, date) >= ?")
            args.append(f.since)
        if f.until:
            sql.append("COALESCE(date_earliest, date) <= ?")
            args.append(f.until)
        if f.bbox:
            box_sql, box_args = d.bbox_filter(f.bbox, box_indexed)
            sql.append(box_sql)
            args += box_args
        if f.q:
            q_sql, q_args = d.words_filter(f.q, indexed=not in_order)
            sql.append(q_sql)
            args += q_args
        for c in f.conditions:
            c_sql, c_args = self._condition(c)
            sql.append(c_sql)
            args += c_args
        return " AND ".join(sql), args

    def _condition(self, c: Condition) -> tuple[str, list[Any]]:
        col, values = c.column, list(c.values)
        if not values:
            return "1=0", []  # any of no values
        if c.op == "BETWEEN":
            return f"{col} BETWEEN ? AND ?", values
        if c.op not in ("=", "LIKE"):
            return f"{col} {c.op} ?", values[:1]
        if col in NUMBER_COLUMNS:
            return f"{col} IN ({', '.join('?' * len(values))})", values
        if c.op == "LIKE":
            like = ["%" + re.sub(r"([\\%_])", r"\\\1", str(v)) + "%" for v in values]  # wildcards in a value are literal
            return "(" + " OR ".join(f"lower({col}) LIKE lower(?) ESCAPE '\\'" for _ in like) + ")", like
        return "(" + " OR ".join(self.dialect.ci_eq(col) for _ in values) + ")", values

    def _order(self, sort: str) -> str:
        return ", ".join(f"{col}{' DESC' if desc else ''}{self.dialect.nulls(desc)}" for col, desc in SORTS[sort])

    def events(self, sort: str = "date", limit: int | None = None, offset: int = 0, sources: bool = True,
               matching: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Events matching the filters (see EventFilter), in the given order; ``sources``: with the articles
        and outlets of each (a query an event: leave them out when counting); ``matching``: how many events
        the filters match, where the caller has counted them already."""
        f = EventFilter(**filters)
        where, args = self.event_filter(f, box_indexed=self._box_first(f, limit, offset, matching),
                                        in_order=not self._few_words(f, limit, offset, matching))
        sql = f"SELECT {COLUMNS} FROM events WHERE {where} ORDER BY {self._order(sort)}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        for row in self.execute(sql, args):
            yield self._with_sources(dict(row)) if sources else dict(row)

    def _box_first(self, f: EventFilter, limit: int | None, offset: int, inside: int | None) -> bool:
        """Whether a page of the events in an area is found by the map's index (every event in the area read,
        then sorted) rather than read in the page's order, each tested: the latter reads about (offset +
        limit) x all / in the area events, each looked up in the table, where the index gathers those in the
        area at about half the cost each, so a page among the first of an area holding a large share of all
        events is read in order (at 215,000 events, an area of 9 %: 44 -> 6 ms). Asked of an area alone, in
        SQLite, whose planner keeps no statistics to know."""
        if limit is None or f.bbox is None or replace(f, bbox=None) != EventFilter() or self.dialect.name != "sqlite":
            return True
        if inside is None:
            inside = self.count_in_view(None, bbox=f.bbox)
        return inside * inside <= 2 * (offset + limit) * self._rowids()

    def _few_words(self, f: EventFilter, limit: int | None, offset: int, matching: int | None) -> bool:
        """Whether the events a filter of words or an actor matches, where the caller counted them, are few
        enough to be looked up one by one and sorted rather than tested as the page's order reads every
        event: the latter reads about (offset + limit) x all / matching entries of the order's index, at
        about a quarter of the cost of looking an event up (at 215,000 events, 127 matches: 16 -> 6 ms)."""
        if limit is None or matching is None or not (f.q or f.actor) or self.dialect.name != "sqlite":
            return False
        return 4 * matching * matching <= (offset + limit) * self._rowids()

    def _rowids(self) -> int:
        """About how many events there are (those deleted counted too), from the table's largest rowid."""
        return int(self.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0)

    def _in_view(self, view: Box | None, where: str, args: list[Any]) -> tuple[str, list[Any]]:
        """Add a map's view to a filter: the events placed inside it, and those with no point at all (a map
        draws them at their country)."""
        if view is None:
            return where, args
        box_sql, box_args = self.dialect.bbox_filter(view)
        return f"{where} AND (latitude IS NULL OR ({box_sql}))", [*args, *box_args]

    def geo_events(self, limit: int, offset: int, view: Box | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Events, newest first, with the fields a map needs (those without coordinates too: a map can draw
        them at their country)."""
        where, args = self._in_view(view, *self.event_filter(EventFilter(**filters)))
        sql = ("SELECT id, latitude, longitude, sub_event_type, event_type, date, location, country, iso3, actor1, "
               f"actor2, fatalities, geo_precision, updated_at AS timestamp FROM events WHERE {where} "
               f"ORDER BY {self._order('-date')} LIMIT ? OFFSET ?")
        return [dict(r) for r in self.execute(sql, [*args, limit, offset])]

    def _map_view(self, view: Box | None, filters: dict[str, Any]) -> summaries.MapView | None:
        """The summary tables' answer for the view, when no filter narrows it and they can give one."""
        return summaries.MapView.of(self.execute, self.dialect, view) if _whole(filters) else None

    def count_in_view(self, view: Box | None, **filters: Any) -> int:
        if (summed := self._map_view(view, filters)) is not None:
            return summed.count()
        where, args = self._in_view(view, *self.event_filter(EventFilter(**filters)))
        return int(self.execute(f"SELECT COUNT(*) FROM events WHERE {where}", args).fetchone()[0])

    def map_cells(self, cell: float, view: Box | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Events with coordinates gathered into square cells ``cell`` degrees wide, one row per cell and type:
        a map at any scale draws from these, never from every event."""
        if (summed := self._map_view(view, filters)) is not None and (cells := summed.cells(cell)) is not None:
            return cells
        where, args = self._in_view(view, *self.event_filter(EventFilter(**filters)))
        cx, cy = self.dialect.cell("(longitude + 180) / ?"), self.dialect.cell("(latitude + 90) / ?")
        sql = (f"SELECT {cx} AS cx, {cy} AS cy, sub_event_type, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) AS deaths, "
               f"AVG(latitude) AS lat, AVG(longitude) AS lon FROM events WHERE {where} AND latitude IS NOT NULL "
               "GROUP BY cx, cy, sub_event_type")
        return [dict(r) for r in self.execute(sql, [cell, cell, *args])]

    def country_counts(self, **filters: Any) -> list[dict[str, Any]]:
        """Events without coordinates, by country and type."""
        if _whole(filters):
            return summaries.unplaced(self.execute)
        where, args = self.event_filter(EventFilter(**filters))
        sql = ("SELECT iso3, country, sub_event_type, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) AS deaths FROM events "
               f"WHERE {where} AND latitude IS NULL GROUP BY iso3, country, sub_event_type")
        return [dict(r) for r in self.execute(sql, args)]

    def deletions(self, since: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events deleted at or after ``since`` (see utc_time), oldest first."""
        sql = "SELECT event_id, deleted_at FROM deletions WHERE deleted_at >= ? ORDER BY deleted_at, event_id"
        args: list[Any] = [since or ""]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [dict(r) for r in self.execute(sql, args)]

    def count_deletions(self, since: str | None = None) -> int:
        return int(self.execute("SELECT COUNT(*) FROM deletions WHERE deleted_at >= ?", (since or "",)).fetchone()[0])

    def day_counts(self, **filters: Any) -> list[dict[str, Any]]:
        """Events and deaths by date, sub-event type and whether the day is known (``exact``; undated events
        under None): what a timeline and totals are summed from, one row a day and type, not one an event."""
        if _whole(filters):
            rows = summaries.day_counts(self.execute)
        else:
            where, args = self.event_filter(EventFilter(**filters))
            rows = self.execute(  # grouped in the order of the events_day index, which holds every column read
                "SELECT date, sub_event_type, date_precision, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) AS deaths "
                f"FROM events WHERE {where} GROUP BY date, sub_event_type, date_precision", args)
        return [{"date": r[0], "sub_event_type": r[1], "exact": r[2] in (None, "day"), "n": r[3], "deaths": r[4]}
                for r in rows]

    def vague_dates(self, limit: int, **filters: Any) -> list[dict[str, Any]]:
        """Events dated only to a week, month or year, by interval and type: a timeline draws them as spans."""
        if _whole(filters):
            return summaries.vague_dates(self.execute, limit)
        where, args = self.event_filter(EventFilter(**filters))
        return [dict(r) for r in self.execute(
            "SELECT date_earliest, date_latest, sub_event_type, COUNT(*) AS n FROM events "
            f"WHERE {where} AND date_precision <> 'day' AND date_earliest IS NOT NULL AND date_latest IS NOT NULL "
            "GROUP BY date_earliest, date_latest, sub_event_type ORDER BY n DESC, date_earliest, date_latest, sub_event_type "
            "LIMIT ?", [*args, limit])]

    def country_totals(self, **filters: Any) -> list[dict[str, Any]]:
        """Events and deaths by country, most events first (a map shades countries by these)."""
        if _whole(filters):
            return summaries.country_totals(self.execute)
        where, args = self.event_filter(EventFilter(**filters))
        return [dict(r) for r in self.execute(
            "SELECT iso3, country, COUNT(*) AS events, COALESCE(SUM(fatalities), 0) AS fatalities FROM events "
            f"WHERE {where} AND iso3 IS NOT NULL GROUP BY iso3, country ORDER BY events DESC, country", args)]

    def top_actors(self, limit: int, **filters: Any) -> list[tuple[str, int]]:
        """The actors in most of the filtered events, as first or second actor."""
        if _whole(filters):
            return summaries.top_actors(self.execute, limit)
        where, args = self.event_filter(EventFilter(**filters))
        return [(r[0], int(r[1])) for r in self.execute(
            f"SELECT a, COUNT(*) AS n FROM (SELECT actor1 AS a FROM events WHERE {where} UNION ALL "
            f"SELECT actor2 FROM events WHERE {where}) t WHERE a IS NOT NULL GROUP BY a ORDER BY n DESC, a LIMIT ?",
            [*args, *args, limit])]

    def facets(self, limit: int = 500) -> dict[str, list[str]]:
        """The countries and actors the database holds, most events first: what a filter can usefully ask."""
        return {"countries": summaries.top_countries(self.execute, limit),
                "actors": [a for a, _ in summaries.top_actors(self.execute, limit)]}

    def count_events(self, **filters: Any) -> int:
        return self.count_in_view(None, **filters)

    def generation(self) -> str | None:
        """A value every committed write transaction changes (None before the first): whether anything
        changed since it was last read."""
        row = self.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return row[0] if row else None

    def last_change(self) -> str | None:
        """When an event last changed (ISO 8601 UTC), or None for an empty database."""
        return self.execute("SELECT MAX(updated_at) FROM events").fetchone()[0]  # type: ignore[no-any-return]

    def _with_sources(self, row: dict[str, Any]) -> dict[str, Any]:
        """The event's article ids (``sources``) and the outlets that published them (``outlets``)."""
        found = list(self.execute(
            "SELECT s.article_id, a.outlet FROM event_sources s LEFT JOIN articles a ON a.id = s.article_id "
            "WHERE s.event_id=? ORDER BY s.article_id", (row["id"],)))
        row["sources"] = [r[0] for r in found]
        row["outlets"] = sorted({r[1] for r in found if r[1]})
        return row

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.execute(f"SELECT {COLUMNS} FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            return None
        out = self._with_sources(dict(row))
        out["evidence"] = self.evidence_for(event_id)
        # read afresh: the blocks a writer holds are checked against other writers only in its transactions
        out["reports"] = [event_to_dict(r) for r in self._stored_reports(event_id)]
        return out

    def source_articles(self, event_id: str) -> dict[str, dict[str, Any]]:
        """The articles that tell the event: title, outlet, publication date, URL and text, by id."""
        return {r["id"]: dict(r) for r in self.execute(
            "SELECT id, title, outlet, published, url, text FROM articles "
            "WHERE id IN (SELECT article_id FROM event_sources WHERE event_id=?) ORDER BY id", (event_id,))}

    def evidence_for(self, event_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.execute(
            'SELECT e.article_id, e.field, e.value, e.sentence, e.sentence_text, e.start, e."end", e.quote '
            "FROM evidence e JOIN reports r ON r.id = e.report_id WHERE r.event_id=? ORDER BY e.article_id, e.start, e.id",
            (event_id,))]

    def claims(self) -> Iterator[dict[str, Any]]:
        for row in self.execute("SELECT * FROM claims ORDER BY article_id, start, id"):
            d = dict(row)
            d["where"] = json.loads(d.pop("where_json") or "[]")
            yield d

    def counts(self) -> dict[str, int]:
        return {t: self.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "reports", "evidence", "claims")}


def _first_line(exc: BaseException) -> str:
    return (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [exc.__class__.__name__])[0]
