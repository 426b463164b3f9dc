"""Cross-article merging: rules on pairs written for the test, incremental attach across runs, and
manual decisions that survive later runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from test_extract import run_text

from sitrep.link.attach import split_event
from sitrep.link.merge import MERGE_THRESHOLD, similarity
from sitrep.models import Actor, DateInterval, Event, Place
from sitrep.runner import run
from sitrep.store import Store

US = Actor("Military Forces of the United States", 8, "United States", True)
MILITANTS = Actor("Iran-backed militants", 3, None, True, generic=True, side="Iran-axis")
KH = Actor("Kataib Hezbollah", 3, "Iraq", True, side="Iran-axis")
BASE = Place("Ain al-Asad Air Base", "Iraq", "IRQ", "Al Anbar", 33.7856, 42.4411, 1, "facility")
ERBIL = Place("Erbil", "Iraq", "IRQ", "Arbil", 36.19, 44.01, 1, "city")


def day(d: dt.date) -> DateInterval:
    return DateInterval(d, d, d, "day")


def report(id: str, when: dt.date, place: Place, actor1: Actor | None = MILITANTS, actor2: Actor | None = US,
           fatalities: int | None = None, sub: str = "Air/drone strike") -> Event:
    return Event(id, "Explosions/Remote violence", sub, None, actor1, actor2, None, place, day(when), fatalities, None, [id])


def merges(a: Event, b: Event) -> bool:
    score = similarity(a, b)
    return score is not None and score >= MERGE_THRESHOLD


def test_same_base_different_day_stays_two() -> None:
    assert not merges(report("a", dt.date(2024, 1, 20), BASE), report("b", dt.date(2024, 1, 23), BASE))


def test_same_day_different_province_stays_two() -> None:
    assert not merges(report("a", dt.date(2024, 1, 20), BASE), report("b", dt.date(2024, 1, 20), ERBIL))


def test_same_event_different_tolls_merges() -> None:
    a = report("a", dt.date(2024, 1, 20), BASE, fatalities=4)
    b = report("b", dt.date(2024, 1, 21), BASE, fatalities=5)  # a day apart: time zones, late reports
    assert merges(a, b)


def test_generic_actor_fits_named_militia_of_its_side() -> None:
    assert merges(report("a", dt.date(2024, 1, 20), BASE, actor1=MILITANTS),
                  report("b", dt.date(2024, 1, 20), BASE, actor1=KH))


def test_reversed_roles_do_not_merge() -> None:
    assert similarity(report("a", dt.date(2024, 1, 20), BASE, actor1=US, actor2=MILITANTS),
                      report("b", dt.date(2024, 1, 20), BASE, actor1=MILITANTS, actor2=US)) is None


def test_state_force_is_not_an_unidentified_group() -> None:
    uag = Actor("Unidentified Armed Group", 3, None, True, generic=True)
    assert not merges(report("a", dt.date(2024, 1, 20), BASE, actor1=US),
                      report("b", dt.date(2024, 1, 20), BASE, actor1=uag))


def test_one_strike_told_by_its_dead_civilians_and_by_its_target_merges() -> None:
    """One outlet counts the civilians the strike killed, another names the state force it aimed at: the same
    named attacker, site, day and weapon make it one event (a point less for the victims told apart); an
    attacker described, not named, does not; a crowd's counterpart is no victim told apart."""
    civilians = Actor("Civilians", 7, None, True, generic=True)
    police = Actor("Police Forces of Iraq", 1, "Iraq", True)
    on_police = report("a", dt.date(2024, 1, 20), ERBIL, actor1=KH, actor2=police)
    assert merges(on_police, report("b", dt.date(2024, 1, 20), ERBIL, actor1=KH, actor2=civilians))
    assert not merges(report("c", dt.date(2024, 1, 20), ERBIL, actor1=MILITANTS, actor2=police),
                      report("d", dt.date(2024, 1, 20), ERBIL, actor1=MILITANTS, actor2=civilians))
    protest = replace(on_police, event_type="Protests", sub_event_type="Protest with intervention",
                      actor1=Actor("Protesters (Iraq)", 6, "Iraq", True))
    assert not merges(protest, replace(protest, id="e", actor2=civilians))


def test_an_assault_told_as_its_car_bomb_and_as_its_fighting_merges() -> None:
    """One outlet tells the suicide car bomb that opened an assault on a province's base, another the fighting that
    followed: by the same named attacker, in one province on one day, one event; unnamed attackers, two."""
    province = Place("Shabeellaha Dhexe", "Somalia", "SOM", "Shabeellaha Dhexe", 2.78, 45.5, 3, "admin1")
    shabaab, army = Actor("Al Shabaab", 2, "Somalia", True), Actor("Military Forces of Somalia", 1, "Somalia", True)
    bomb = replace(report("a", dt.date(2026, 2, 18), province, actor1=shabaab, actor2=None, sub="Suicide bomb"))
    fight = replace(report("b", dt.date(2026, 2, 18), province, actor1=shabaab, actor2=army),
                    event_type="Battles", sub_event_type="Armed clash")
    assert merges(bomb, fight)
    assert not merges(replace(bomb, actor1=MILITANTS), replace(fight, actor1=MILITANTS))


FIRST = """Drone strike hits air base in western Iraq

A drone struck Ain al-Asad air base in western Iraq on Tuesday, wounding two US service members, a US
official said. The Islamic Resistance in Iraq claimed the attack.
"""
SECOND = """Militia claims attack on Ain al-Asad

The Islamic Resistance in Iraq said its fighters hit Ain al-Asad airbase with a drone on Tuesday. Three
American soldiers were wounded in the attack, according to a statement from the Pentagon.
"""
OTHER_DAY = """New attack on Ain al-Asad

Two rockets struck Ain al-Asad air base on Thursday, causing no casualties, officials said.
"""


def write(dir: Path, name: str, text: str) -> Path:
    path = dir / f"{name}.txt"
    path.write_text(text)
    return path


def test_incremental_attach_across_runs(tmp_path: Path, db: str) -> None:
    store = Store(db)
    published = dt.date(2024, 2, 1)  # a Thursday: "Tuesday" is 30 January
    run([str(write(tmp_path, "wire_a", FIRST))], store, published=published, progress=False)
    assert store.counts()["events"] == 1
    run([str(write(tmp_path, "daily_b", SECOND)), str(write(tmp_path, "daily_c", OTHER_DAY))], store,
        published=published, progress=False)
    events = list(store.events())
    by_sources = {tuple(e["sources"]): e for e in events}
    assert ("daily_b", "wire_a") in by_sources, [e["sources"] for e in events]
    merged = by_sources[("daily_b", "wire_a")]
    assert merged["date"] == "2024-01-30" and merged["location"] == "Ain al-Asad Air Base"
    assert (merged["injuries"], merged["injuries_low"], merged["injuries_high"]) == (2, 2, 3)  # lowest, with range
    assert ("daily_c",) in by_sources  # the rocket attack two days later is another event
    assert len(events) == 2
    store.close()


def test_ids_grow_with_the_news_and_are_the_same_on_a_rerun(tmp_path: Path) -> None:
    """A store's id indexes are written at their end when ids follow publication (link.report_id)."""
    store = Store(tmp_path / "ids.db")
    run([str(write(tmp_path, "wire_a", FIRST))], store, published=dt.date(2024, 2, 1), progress=False)
    run([str(write(tmp_path, "daily_c", OTHER_DAY))], store, published=dt.date(2024, 2, 3), progress=False)
    ids = {e["sources"][0]: e["id"] for e in store.events()}
    assert ids["wire_a"].startswith("ev_20240201_") and ids["daily_c"].startswith("ev_20240203_")
    assert ids["wire_a"] < ids["daily_c"]
    changed = write(tmp_path, "daily_c", OTHER_DAY + "\nThe base hosts coalition troops.\n")  # read again
    assert run([str(changed)], store, published=dt.date(2024, 2, 3), progress=False).stored == 1
    assert {e["sources"][0]: e["id"] for e in store.events()} == ids
    store.close()


def test_manual_split_survives_a_rerun(tmp_path: Path, db: str) -> None:
    store = Store(db)
    published = dt.date(2024, 2, 1)
    paths = [str(write(tmp_path, "wire_a", FIRST)), str(write(tmp_path, "daily_b", SECOND))]
    run(paths, store, published=published, progress=False)
    (event,) = list(store.events())
    with store.transaction():
        new_id = split_event(store, event["id"], "daily_b")
    assert {tuple(e["sources"]) for e in store.events()} == {("wire_a",), ("daily_b",)}
    # the second outlet updates its story: it is read again, and stays apart
    write(tmp_path, "daily_b", SECOND + "\nThe Pentagon later said the wounded were in stable condition.\n")
    report = run(paths, store, published=published, progress=False)
    assert report.stored == 1
    assert {tuple(e["sources"]) for e in store.events()} == {("wire_a",), ("daily_b",)}
    assert new_id
    store.close()


def test_manual_merge_survives_a_rerun(tmp_path: Path, db: str) -> None:
    from sitrep.link.attach import merge_events

    store = Store(db)
    published = dt.date(2024, 2, 1)
    paths = [str(write(tmp_path, "wire_a", FIRST)), str(write(tmp_path, "daily_c", OTHER_DAY))]
    run(paths, store, published=published, progress=False)
    ids = {e["sources"][0]: e["id"] for e in store.events()}
    with store.transaction():
        merge_events(store, ids["wire_a"], ids["daily_c"])
    assert [tuple(e["sources"]) for e in store.events()] == [("daily_c", "wire_a")]
    write(tmp_path, "daily_c", OTHER_DAY + "\nThe base hosts US-led coalition troops.\n")
    run(paths, store, published=published, progress=False)
    assert [tuple(e["sources"]) for e in store.events()] == [("daily_c", "wire_a")]
    store.close()


def test_an_events_blocks_follow_its_merged_dates(db: str) -> None:
    """Candidates are looked up by (country, week): when a second source narrows an event from a week to
    a day, the event is filed under the weeks of its new dates only, and a new event under its own."""
    from dataclasses import replace

    from sitrep.link.attach import attach, refresh
    from sitrep.models import Article
    from sitrep.store.database import _weeks

    vague = replace(report("w", dt.date(2024, 1, 23), BASE),
                    when=DateInterval(None, dt.date(2024, 1, 17), dt.date(2024, 1, 23), "week"))
    reports = [vague, report("d", dt.date(2024, 1, 23), BASE), report("e", dt.date(2024, 1, 30), ERBIL)]
    store = Store(db)
    with store.transaction():
        for r in reports:
            store.replace_article(Article(r.id, "", "", None, None, None, None, "", r.id))
            refresh(store, attach(store, [r]))
    stored = {r["id"]: r for r in store.execute("SELECT id, country, date_earliest, date_latest FROM events")}
    blocks: dict[str, set[tuple[str, int]]] = {}
    for country, week, event_id in store.execute("SELECT country, week, event_id FROM event_blocks"):
        blocks.setdefault(event_id, set()).add((country, week))
    store.close()
    assert len(stored) == 2  # the week and the day told one strike; Erbil a week later is another
    for event_id, e in stored.items():
        lo, hi = _weeks(dt.date.fromisoformat(e["date_earliest"]), dt.date.fromisoformat(e["date_latest"]))  # type: ignore[misc]
        assert blocks[event_id] == {(e["country"], w) for w in range(lo, hi + 1)}


def _attach(store: Store, r: Event) -> None:
    """Store a report with its article, as a run does, inside the caller's transaction."""
    from sitrep.link.attach import attach, refresh
    from sitrep.models import Article

    refresh(store, store.replace_article(Article(r.sources[0], "", "", None, None, None, None, "", r.id))
            | attach(store, [r]))


def _link(store: Store, reports: list[Event]) -> None:
    with store.transaction():
        for r in reports:
            _attach(store, r)


def _assigned(store: Store) -> dict[str, str]:
    return dict(store.execute("SELECT id, event_id FROM reports").fetchall())


def _events(store: Store) -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple(r[1:]) for r in store.execute(
        "SELECT id, data, fatalities_low, fatalities_high, date_earliest, date_latest FROM events")}


def test_a_writer_holds_its_blocks_and_links_as_a_fresh_connection_would(tmp_path: Path) -> None:
    """The blocks a run has read stay in memory between its transactions: every report must land where a
    connection reading everything from the database would put it, an article read again included."""
    import random

    rng = random.Random(3)
    sites = [BASE, ERBIL, Place("Kirkuk", "Iraq", "IRQ", "Kirkuk", 35.47, 44.39, 1, "city")]
    sides = [(MILITANTS, US), (KH, US), (None, US)]
    reports = []
    for i in range(240):
        when = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(40))
        a1, a2 = rng.choice(sides)
        reports.append(report(f"r{i:03d}", when, rng.choice(sites), a1, a2, rng.choice((None, 1, 3)),
                              rng.choice(("Air/drone strike", "Shelling/artillery/missile attack"))))
    reports += [report(r.id, r.when.latest + dt.timedelta(days=1), r.place) for r in reports[::25]]  # retold
    warm = Store(tmp_path / "warm.db")
    for r in reports:
        _link(warm, [r])
    cold = []
    for r in reports:
        store = Store(tmp_path / "cold.db")  # nothing held: every candidate read from the database
        _link(store, [r])
        cold.append(store)
    assert _assigned(warm) == _assigned(cold[-1])
    assert _events(warm) == _events(cold[-1])
    assert len(set(_assigned(warm).values())) < len(reports) - 40  # many retellings merged
    for store in (warm, *cold):
        store.close()


def test_a_writer_looks_for_a_local_place_in_every_cell_where_a_place_of_its_event_can_lie() -> None:
    """Points 75 km away in every direction, from the equator to high latitudes and across cell edges,
    are each in one of the cells searched for the other (or every cell is searched)."""
    import math

    from sitrep.link.rules import MAX_KM, places_compatible
    from sitrep.store.blocks import near_cells, place_cell

    reach = MAX_KM[2] / 6371.0 - 1e-9
    checked = 0
    for lat in [x * 0.37 - 79 for x in range(428)]:
        for lon in (-178.93, -0.5, 0.02, 33.7, 179.2):
            a = Place("A", "Somewhere", "SMW", None, lat, lon, 2, "city")
            near = near_cells(a)
            for bearing in map(math.radians, range(0, 360, 15)):
                la1, lo1 = math.radians(lat), math.radians(lon)
                la2 = math.asin(math.sin(la1) * math.cos(reach) + math.cos(la1) * math.sin(reach) * math.cos(bearing))
                lo2 = lo1 + math.atan2(math.sin(bearing) * math.sin(reach) * math.cos(la1),
                                       math.cos(reach) - math.sin(la1) * math.sin(la2))
                b = Place("B", "Somewhere", "SMW", None, math.degrees(la2), math.degrees(lo2), 1, "facility")
                assert places_compatible(a, b)
                if near is not None:
                    checked += 1
                    assert place_cell(b) in near, (lat, lon, bearing)
    assert checked > 30_000  # most of the sweep is searched by cells, not by every cell


def test_a_writer_sees_what_another_connection_linked_meanwhile(db: str) -> None:
    first, other = Store(db), Store(db)
    _link(first, [report("a1", dt.date(2024, 1, 28), BASE)])  # reads (and holds) Iraq's weeks
    _link(other, [report("b1", dt.date(2024, 1, 28), ERBIL, KH)])
    _link(first, [report("b2", dt.date(2024, 1, 28), ERBIL, KH)])  # the same strike as b1, from another outlet
    assert _assigned(first) == {"a1": "a1", "b1": "b1", "b2": "b1"}
    first.close(), other.close()


def test_an_event_card_shows_the_reports_another_connection_added(db: str) -> None:
    """A server's Store is no writer: what it reads of an event is read afresh, not a copy held from before."""
    reader, writer = Store(db), Store(db)
    _link(writer, [report("a1", dt.date(2024, 1, 28), BASE)])
    assert [r["id"] for r in reader.event("a1")["reports"]] == ["a1"]
    _link(writer, [report("b1", dt.date(2024, 1, 28), BASE)])  # the same strike, from another outlet
    assert _assigned(writer) == {"a1": "a1", "b1": "a1"}
    assert [r["id"] for r in reader.event("a1")["reports"]] == ["a1", "b1"]
    reader.close(), writer.close()


def test_a_rolled_back_report_is_not_held(db: str) -> None:
    store = Store(db)
    _link(store, [report("a1", dt.date(2024, 1, 28), BASE)])
    with pytest.raises(RuntimeError), store.transaction():
        _attach(store, report("b1", dt.date(2024, 1, 28), ERBIL, KH))
        raise RuntimeError("interrupted")
    _link(store, [report("b2", dt.date(2024, 1, 28), ERBIL, KH)])
    assert _assigned(store) == {"a1": "a1", "b2": "b2"}
    assert sorted(r[0] for r in store.execute("SELECT id FROM events")) == ["a1", "b2"]
    store.close()


RED_SEA = Place("Red Sea", None, None, None, 20.0, 38.5, 3, "sea")
PORT = Place("Hodeidah", "Yemen", "YEM", "Al Hudaydah", 14.8, 42.95, 1, "city")  # 600 km from the sea's point


@pytest.mark.parametrize("first", ["sea", "shore"])
def test_a_strike_at_sea_and_the_same_strike_off_a_shore_town_are_one_event(db: str, first: str) -> None:
    """Blocking must not keep apart what the merge rules join: a sea's events are looked for from every
    country on its shores, and a sea's point says nothing of how far the act was from a town."""
    houthis = Actor("Ansar Allah", 2, "Yemen", True)
    at_sea, ashore = (report(f"{where}", dt.date(2025, 3, 2), place, houthis, None)
                      for where, place in (("sea", RED_SEA), ("shore", PORT)))
    store = Store(db)
    for r in (at_sea, ashore) if first == "sea" else (ashore, at_sea):
        _link(store, [r])
    assert len(set(_assigned(store).values())) == 1, _assigned(store)
    store.close()


def test_another_strike_the_same_day_in_the_same_city_is_another_event() -> None:
    from test_extract import run_text

    events, _ = run_text("An Israeli strike on a school in Gaza City killed seven people on Sunday. Another strike "
                         "on a clinic in Gaza City on Sunday killed three, medics said.", dt.date(2024, 9, 23))
    assert sorted(e.fatalities for e in events) == [3, 7], [(e.fatalities, e.place) for e in events]


def test_an_act_dated_days_after_the_one_told_before_is_another_event() -> None:
    """"Days later" counts from the ambush told before: the attack it dates is not the ambush, though both
    are dated only to last month and have the same sides."""
    from test_extract import run_text

    events, _ = run_text("Last month, CMA rebels ambushed an army convoy near Kidal, killing nine soldiers. Days later, "
                         "CMA fighters attacked an army base in the town, wounding four soldiers.")
    assert sorted((e.fatalities or 0, e.injuries or 0) for e in events) == [(0, 4), (9, 0)], [
        (e.sub_event_type, e.when, e.fatalities, e.injuries) for e in events]


def _article(store: Store, article_id: str, reports: list[Event]) -> None:
    """One article's reports, linked as a run links them."""
    from sitrep.link.attach import attach, refresh
    from sitrep.models import Article

    with store.transaction():
        touched = store.replace_article(Article(article_id, "", "", None, None, None, None, "", article_id))
        refresh(store, touched | attach(store, reports))


def _of_article(r: Event, article_id: str) -> Event:
    from dataclasses import replace

    return replace(r, sources=[article_id])


HOSTAGES = Actor("Civilians", 7, None, True, generic=True)
IRAQ = Place("Iraq", "Iraq", "IRQ", None, None, None, 3, "country")


def test_what_two_stories_of_one_attack_also_tell_alike_is_one_event(db: str) -> None:
    """Two outlets tell one raid on a base, and that crew were taken, the one by its day, the other within
    the week. On its own the kidnapping agrees too little (same type, country only); told by stories that
    already share the raid, it is one event."""
    from dataclasses import replace

    def taken(id: str, when: dt.date) -> Event:
        r = report(id, when, IRAQ, actor1=None, actor2=HOSTAGES, sub="Abduction/forced disappearance")
        return replace(r, event_type="Violence against civilians")

    first = [report("a1", dt.date(2024, 1, 22), BASE), taken("a2", dt.date(2024, 1, 22))]
    vague = replace_when(taken("b2", dt.date(2024, 1, 24)), dt.date(2024, 1, 18), dt.date(2024, 1, 24))
    second = [vague, report("b1", dt.date(2024, 1, 22), BASE)]  # the kidnapping told first
    assert not merges(first[1], vague)
    store = Store(db)
    _article(store, "a", [_of_article(r, "a") for r in first])
    _article(store, "b", [_of_article(r, "b") for r in second])
    assigned = _assigned(store)
    store.close()
    assert assigned["a1"] == assigned["b1"] and assigned["a2"] == assigned["b2"] and assigned["a1"] != assigned["a2"]


def test_an_article_that_told_two_days_apart_never_puts_both_in_one_event(db: str) -> None:
    """One story dates a strike on the base to Monday and another to Tuesday; a second story tells one
    strike there that week. At most one of the first story's strikes joins it."""
    week = replace_when(report("w", dt.date(2024, 1, 23), BASE), dt.date(2024, 1, 17), dt.date(2024, 1, 23))
    store = Store(db)
    _article(store, "w", [_of_article(week, "w")])
    _article(store, "d", [_of_article(report("mon", dt.date(2024, 1, 22), BASE), "d"),
                          _of_article(report("tue", dt.date(2024, 1, 23), BASE), "d")])
    assigned = _assigned(store)
    store.close()
    assert assigned["mon"] != assigned["tue"]


def replace_when(r: Event, earliest: dt.date, latest: dt.date) -> Event:
    from dataclasses import replace

    return replace(r, when=DateInterval(latest, earliest, latest, "week"))


def test_an_act_in_a_village_the_gazetteer_lacks_told_with_its_own_time_is_another_event() -> None:
    """"Last week, rebels set fire to a school in Kwatbero": a place of its own that the gazetteer does not
    know, and a time of its own that does not exclude the killing told before; another event all the same."""
    events, _ = run_text("Rebels killed four miners in Yahukimo regency earlier this month, the Indonesian military "
                         "said. Last week, rebels set fire to a primary school in Kwatbero, according to the local "
                         "government.", dt.date(2026, 5, 14))
    assert len(events) == 2 and "Looting/property destruction" in {e.sub_event_type for e in events}


def test_an_act_told_as_coming_later_the_same_day_is_another_event() -> None:
    """'Later on Sunday, the guard detained two suspects': the arrest came after the killing, an event of its own."""
    events, _ = run_text("Gunmen shot dead a community leader near Toribio, Colombia, on Sunday. Later on Sunday, the "
                         "Indigenous Guard detained two suspects near the village.", dt.date(2026, 3, 11))
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Attack"]


def test_one_outlets_strike_on_a_base_and_anothers_battle_for_it_are_one_event_coded_as_the_battle(db: str) -> None:
    kh_strike = report("a", dt.date(2024, 1, 20), BASE, actor1=KH, sub="Shelling/artillery/missile attack")
    battle = replace(report("b", dt.date(2024, 1, 20), BASE, actor1=KH, sub="Armed clash"), event_type="Battles")
    assert merges(kh_strike, battle)
    store = Store(db)
    _link(store, [kh_strike, battle])
    assert [(e["sub_event_type"], e["sources"]) for e in store.events()] == [("Armed clash", ["a", "b"])]
    store.close()


def test_a_strike_on_a_base_and_a_battle_told_only_in_its_province_the_same_day_stay_two() -> None:
    anbar = Place("Al Anbar", "Iraq", "IRQ", "Al Anbar", 33.0, 42.0, 3, "admin1")
    strike = report("a", dt.date(2024, 1, 20), BASE, actor1=KH, sub="Shelling/artillery/missile attack")
    battle = replace(report("b", dt.date(2024, 1, 20), anbar, actor1=KH, actor2=None, sub="Armed clash"),
                     event_type="Battles")
    assert merges(strike, replace(battle, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"))
    assert not merges(strike, battle)  # of one kind they would be one event; of two, too little agrees


def test_a_separate_strike_on_a_town_of_the_region_told_before_is_another_event() -> None:
    """'In a separate strike the same night, drones hit Izmail': not the strike told before in the Odesa
    region, though the region holds the town."""
    events, _ = run_text("Russian drones struck port facilities in the Odesa region early on Tuesday, wounding three "
                         "dockworkers. In a separate strike the same night, drones hit a grain warehouse in the "
                         "Danube port of Izmail, injuring a guard.", dt.date(2025, 10, 15))
    assert sorted((e.place.name, e.injuries) for e in events if e.place) == [("Izmayil", 1), ("Odeska oblast", 3)]


def test_a_headline_naming_a_battles_sides_the_other_way_round_is_the_battle_the_body_places() -> None:
    """The headline counts the police's dead as if the police had attacked; the body tells the raid on a post
    in Bannu. One battle, in Bannu, with the attackers first and the headline's toll."""
    events, _ = run_text("Two policemen martyred as police repel attack, three attackers killed\n\n"
                         "Gunmen of the Tehrik-i-Taliban Pakistan attacked a police post in Bannu early on Sunday, "
                         "officials said. Policemen on duty returned fire and the exchange lasted for an hour.",
                         dt.date(2025, 3, 10))
    assert [(e.event_type, e.place and e.place.name, e.actor1 and e.actor1.name, e.fatalities) for e in events] == [
        ("Battles", "Bannu", "Tehrik-i-Taliban Pakistan", 2)]
