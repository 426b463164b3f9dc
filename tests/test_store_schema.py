"""Migrations: a database migrated to the newest revision has exactly the tables of store/schema.py, on
both back-ends; a SQLite database made before migrations is stamped and kept, not rebuilt."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import downgrade

from sitrep.models import Actor, DateInterval, Event, Place
from sitrep.store import EventFilter, Store, StoreError, migrate
from sitrep.store.database import EVENT_COLUMNS
from sitrep.store.schema import NOCASE_INDEXES, SORT_INDEXES, events, metadata

LEGACY = Path(__file__).parent / "data" / "schema_v5.sql"
# What only one back-end has, made by the migrations beside the shared schema.
EXTRAS = {"search", "actor_search", "geom", "events_search", "events_actor_search", "events_geom", *NOCASE_INDEXES,
          *SORT_INDEXES}


def _shared_only(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    return not (reflected and compare_to is None and name in EXTRAS)


@pytest.mark.filterwarnings("ignore:Did not recognize type .geometry.")  # PostGIS column, not in the shared schema
def test_migrated_database_matches_the_schema(db: str) -> None:
    Store(db).close()
    store = Store(db)
    engine = store.dialect.engine()
    store.close()
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: type_ != "table" or name in metadata.tables,
            "include_object": _shared_only})
        assert ctx.get_current_revision() == migrate.head()
        assert compare_metadata(ctx, metadata) == []
    engine.dispose()


def test_the_store_reads_what_alembic_and_the_schema_say() -> None:
    """The Store imports neither (start-up): its head revision and its events columns are checked here."""
    assert migrate.head() == ScriptDirectory.from_config(migrate._config()).get_current_head()
    assert tuple(c.name for c in events.columns) == EVENT_COLUMNS


def test_every_order_the_table_offers_is_read_from_an_index(db: str) -> None:
    """A page of a million events in any order the page offers must not sort them all: the plan reads an
    index in order (at most sorting by id events that tie on column and date)."""
    from sitrep.store import SORTS

    store = Store(db)
    postgresql = store.dialect.name == "postgresql"
    if postgresql:
        store.execute("SET enable_seqscan = off")  # an empty table is cheaper to scan: ask what it would do at scale
        store.execute("SET enable_sort = off")
    for sort in SORTS:
        sql = f"SELECT id FROM events WHERE 1=1 ORDER BY {store._order(sort)} LIMIT 100 OFFSET 1000"
        plan = [str(row[-1]) for row in store.execute(("EXPLAIN " if postgresql else "EXPLAIN QUERY PLAN ") + sql)]
        full_sorts = [line for line in plan if re.match(r"\s*(->\s*)?Sort\s+\(", line)  # not an Incremental Sort
                      or line == "USE TEMP B-TREE FOR ORDER BY"]  # not FOR RIGHT PART OF ORDER BY
        assert not full_sorts, (sort, plan)
    store.close()


@pytest.mark.parametrize("filters", [{"country": "Iraq"}, {"country": "irq"}, {"event_type": "Battles"},
                                     {"event_type": "air/drone strike"}, {"country": "Iraq", "event_type": "Riots"}])
def test_a_filtered_page_is_read_in_order_from_one_index(tmp_path: Path, filters: dict[str, str]) -> None:
    """A country or a type names one column, so that its index gives the newest events first instead of every
    match being gathered and sorted (a type is then not looked up by index beside a country, the narrower)."""
    store = Store(tmp_path / "plan.db")
    where, args = store.event_filter(EventFilter(**filters))
    sql = f"SELECT id FROM events WHERE {where} ORDER BY {store._order('-date')} LIMIT 100"
    plan = [str(row[-1]) for row in store.execute("EXPLAIN QUERY PLAN " + sql, args)]
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan and "MULTI-INDEX OR" not in plan, plan
    store.close()


def test_a_page_of_an_area_holding_most_events_is_read_in_order(tmp_path: Path) -> None:
    """An area alone: found by the map's index when it holds few events, read in the page's order (each
    tested) when it holds many; the page is the same either way."""
    store = Store(tmp_path / "area.db")
    day = dt.date(2024, 1, 2)
    with store.transaction():
        for i in range(60):
            lat, lon = (10.0 + i / 100, 20.0) if i % 6 else (40.0, 60.0)  # one in six far from the others
            place = Place(f"Town {i}", "Iraq", "IRQ", None, lat, lon, 1, "city")
            store.save_event(Event(f"e{i:02d}", "Battles", "Armed clash", None, None, None, None, place,
                                   DateInterval(day, day, day, "day"), i % 7, None, [f"a{i}"]), {})
    crowded, sparse = (19.0, 9.0, 21.0, 11.0), (59.0, 39.0, 61.0, 41.0)
    assert not store._box_first(EventFilter(bbox=crowded), 5, 0, None)
    assert store._box_first(EventFilter(bbox=sparse), 5, 0, None)
    assert store._box_first(EventFilter(bbox=crowded), 5, 0, 10)  # a count the caller gives is taken
    for box in (crowded, sparse):
        for sort in ("-date", "-fatalities", "location"):
            where, args = store.event_filter(EventFilter(bbox=box))
            gathered = [r[0] for r in store.execute(
                f"SELECT id FROM events WHERE {where} ORDER BY {store._order(sort)} LIMIT 5 OFFSET 2", args)]
            assert [e["id"] for e in store.events(sort=sort, limit=5, offset=2, sources=False, bbox=box)] == gathered
    store.close()


def test_a_page_of_matched_words_is_read_in_order_and_is_the_same_page(tmp_path: Path) -> None:
    """Words and actors: the page is read in its order, each event tested against the set the text index
    matched, and holds the events the matches looked up one by one would give."""
    store = Store(tmp_path / "words.db")
    day = dt.date(2024, 1, 2)
    with store.transaction():
        for i in range(40):
            place = Place(f"{'Upper' if i % 3 else 'Lower'} Town {i}", "Iraq", "IRQ", None, 33.0, 44.0, 1, "city")
            actor = Actor(f"Brigade {i % 4}", 2, None, True)
            store.save_event(Event(f"e{i:02d}", "Battles", "Armed clash", None, actor, None, None, place,
                                   DateInterval(day, day, day, "day"), i % 5, None, [f"a{i}"]), {})
    for filters in ({"actor": "Brigade 2"}, {"q": "upper"}, {"q": "nowhere"}, {"q": "lower town 3"}):
        for sort in ("-date", "-fatalities", "location"):
            where, args = store.event_filter(EventFilter(**filters))
            looked_up = [r[0] for r in store.execute(
                f"SELECT id FROM events WHERE {where} ORDER BY {store._order(sort)} LIMIT 4 OFFSET 3", args)]
            counted = store.count_events(**filters)  # few matches (Lower Town 3, 30 ... 39) are looked up and sorted
            for matching in (None, counted):
                page = [e["id"] for e in store.events(sort=sort, limit=4, offset=3, sources=False, matching=matching,
                                                      **filters)]
                assert page == looked_up and (page or filters["q"] == "nowhere")
    assert store._few_words(EventFilter(q="lower town 3"), 4, 3, 5) and not store._few_words(EventFilter(q="upper"), 4, 3, 26)
    where, args = store.event_filter(EventFilter(actor="Brigade 2"), in_order=True)
    plan = [str(row[-1]) for row in store.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM events WHERE {where} ORDER BY {store._order('-date')} LIMIT 4", args)]
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    store.close()


def test_only_the_last_word_of_a_search_matches_as_a_prefix(db: str) -> None:
    """The last word may be still being typed; the words before it are whole words, on both back-ends."""
    store = Store(db)
    day = dt.date(2024, 1, 2)
    with store.transaction():
        for i, name in enumerate(("Upper Town", "Upperville Town", "Lower Town")):
            store.save_event(Event(f"e{i}", "Battles", "Armed clash", None, None, None, None,
                                   Place(name, "Iraq", "IRQ", None, 33.0, 44.0, 1, "city"),
                                   DateInterval(day, day, day, "day"), None, None, [f"a{i}"]), {})
    found = {q: sorted(e["id"] for e in store.events(q=q, sources=False)) for q in ("upper tow", "upp town", "town", "upp")}
    assert found == {"upper tow": ["e0"], "upp town": [], "town": ["e0", "e1", "e2"], "upp": ["e0", "e1"]}
    store.close()


def test_the_text_index_keeps_short_prefixes_and_the_words_of_a_database_made_before(tmp_path: Path) -> None:
    """Revision 0008: a search's last word is a prefix, looked up in the index's own prefixes of one and two
    characters; a database made before it finds the same events after it."""
    db = str(tmp_path / "words.db")
    store = Store(db)
    day = dt.date(2024, 1, 2)
    with store.transaction():
        for i in range(30):
            place = Place(f"Camp {i}-{i * 7}", "Iraq", "IRQ", None, 33.0, 44.0, 1, "camp")
            store.save_event(Event(f"e{i:02d}", "Battles", "Armed clash", None, Actor(f"Unit {i % 4}", 1, None, True),
                                   None, None, place, DateInterval(day, day, day, "day"), None, None, [f"a{i}"]), {})
    questions = [store.event_filter(EventFilter(**q)) for q in ({"q": "Camp 1"}, {"q": "camp 2-1"}, {"actor": "Unit 3"})]
    store.close()
    downgrade(db, "0007")
    con = sqlite3.connect(db)  # as the older sitrep found them
    before = [[r[0] for r in con.execute(f"SELECT id FROM events WHERE {where} ORDER BY id", args)] for where, args in questions]
    con.close()
    store = Store(db)
    assert "prefix = '1 2'" in store.execute("SELECT sql FROM sqlite_master WHERE name = 'events_fts'").fetchone()[0]
    assert [[r[0] for r in store.execute(f"SELECT id FROM events WHERE {where} ORDER BY id", args)]
            for where, args in questions] == before
    assert before[1] == ["e02"] and len(before[0]) == 24  # Camp 2-14; a word beginning with 1 in place or actor
    store.close()


def _legacy(path: Path, version: str) -> None:
    con = sqlite3.connect(path)
    con.executescript(LEGACY.read_text())
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (version,))
    con.execute("INSERT INTO articles VALUES ('a1', 'T', NULL, NULL, '2024-01-02', NULL, 'a1.txt', 'h1', 'text', 'now')")
    con.commit()
    con.close()


def test_a_database_from_before_migrations_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _legacy(path, "5")
    store = Store(path)
    assert store.known_hash("a1") == "h1"  # the data is still there
    assert store.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head()
    assert store.execute("SELECT COUNT(*) FROM deletions").fetchone()[0] == 0
    day = dt.date(2024, 1, 2)
    place = Place("Erbil", "Iraq", "IRQ", "Arbil", 36.19, 44.01, 1, "city")
    with store.transaction():  # its text index keeps working
        store.save_event(Event("e1", "Battles", "Armed clash", None, Actor("Group 1", 2, None, True), None, None, place,
                               DateInterval(day, day, day, "day"), None, None, ["a1"]), {})
    assert [e["id"] for e in store.events(q="Erbil")] == ["e1"]
    assert [e["id"] for e in store.events(actor="group")] == ["e1"]
    store.close()


def test_an_older_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    _legacy(path, "4")
    with pytest.raises(StoreError, match="schema version 4"):
        Store(path)



def test_events_at_sea_filed_under_no_country_are_filed_under_its_shores(db: str) -> None:
    """Revision 0006: a database whose sea events were filed for linking under no country files them under
    every country on the sea's shores, for the same weeks; other events keep their blocks."""
    day = dt.date(2025, 3, 2)
    sea = Place("Red Sea", None, None, None, 20.0, 38.5, 3, "sea")
    town = Place("Erbil", "Iraq", "IRQ", "Arbil", 36.19, 44.01, 1, "city")
    store = Store(db)
    with store.transaction():
        for event_id, place in (("at_sea", sea), ("on_land", town)):
            store.save_event(Event(event_id, "Battles", "Armed clash", None, None, None, None, place,
                                   DateInterval(day, day, day, "day"), None, None, ["a1"]), {})
        weeks = {w for (w,) in store.execute("SELECT week FROM event_blocks WHERE event_id = 'at_sea'")}
    store.close()
    downgrade(db, "0005")  # filed as revision 0005 did: under no country
    store = Store(db)
    blocks = {(c, w, e) for c, w, e in store.execute("SELECT country, week, event_id FROM event_blocks")}
    store.close()
    assert {(c, w) for c, w, e in blocks if e == "at_sea"} == {(c, w) for c in ("Djibouti", "Egypt", "Eritrea", "Israel",
                                                                                "Jordan", "Saudi Arabia", "Sudan", "Yemen")
                                                                for w in weeks}
    assert {c for c, _, e in blocks if e == "on_land"} == {"Iraq"}


def test_a_new_database_is_copied_from_the_first_one_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up: a new SQLite file is a copy of an empty database at the newest schema, kept in the cache
    when the first one was migrated, not migrated again; its schema is the same."""
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    Store(tmp_path / "first.db").close()
    assert (tmp_path / "cache" / f"schema-{migrate.digest()}.sqlite").is_file()

    def no_migration(*args: object) -> None:
        raise AssertionError("migrated")

    monkeypatch.setattr(migrate, "upgrade", no_migration)
    store = Store(tmp_path / "second.db")
    day = dt.date(2024, 1, 2)
    with store.transaction():
        store.save_event(Event("e1", "Battles", "Armed clash", None, Actor("Group 1", 2, None, True), None, None,
                               Place("Erbil", "Iraq", "IRQ", "Arbil", 36.19, 44.01, 1, "city"),
                               DateInterval(day, day, day, "day"), None, None, ["a1"]), {})
    assert [e["id"] for e in store.events(q="Erbil")] == ["e1"]
    assert store.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head()
    store.close()
    schemas = [sorted(sqlite3.connect(tmp_path / name).execute("SELECT type, name, sql FROM sqlite_master"))
               for name in ("first.db", "second.db")]
    assert schemas[0] == schemas[1]
