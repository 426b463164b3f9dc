"""When two reports can be the same event. Every rule and threshold lives here, in one place.

Used within an article now (a story tells one strike in several sentences) and, through the same
functions, across articles: the seam for cross-source merging."""

from __future__ import annotations

import datetime as dt

from sitrep.data import coasts
from sitrep.models import Actor, DateInterval, Place
from sitrep.resolve.actors import actor_dictionary
from sitrep.resolve.places import km, off_town

DATE_TOLERANCE = dt.timedelta(days=1)  # reports of one event often differ by a day (time zones, "overnight")
# Largest distance (km) between two places of one event, by the coarser of the two geo precisions.
MAX_KM = {1: 25.0, 2: 75.0, 3: 250.0}
# Remote-violence and interception reports of one attack share a family ("shot down" the drone that struck).
FAMILIES = {
    "Explosions/Remote violence": "remote",
    "Strategic developments": "remote",
    "Battles": "battle",
    "Violence against civilians": "civilians",
}


def types_compatible(a: str, b: str) -> bool:
    """Event types (empty: a trigger with no modality cue, e.g. 'killed')."""
    return not a or not b or FAMILIES.get(a, a) == FAMILIES.get(b, b)


def dates_compatible(a: DateInterval | None, b: DateInterval | None, tolerance: dt.timedelta = DATE_TOLERANCE) -> bool:
    """Intervals that overlap, give or take ``tolerance`` (none within one article: a story that gives two
    different days tells two events)."""
    if a is None or b is None or a.earliest is None or b.earliest is None:
        return True
    assert a.latest is not None and b.latest is not None
    return a.earliest - tolerance <= b.latest and b.earliest - tolerance <= a.latest


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.kind == "sea" or b.kind == "sea":  # "in the Red Sea" and "off Hodeidah": a place on its shores
        named_alone = any(p.kind == "sea" and not off_town(p) for p in (a, b))
        if not named_alone and (km(a, b) or 0.0) > MAX_KM[2]:
            return False  # points told off towns lie as near as two places do
        if a.kind == b.kind:
            return a.name == b.name
        sea, land = (a, b) if a.kind == "sea" else (b, a)
        return land.kind != "country" and land.country in coasts().get(sea.name, ())
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.kind, b.kind):
        return True
    if "admin2" in (a.kind, b.kind) and a.admin2 and b.admin2:  # a district holds its own places only
        return a.admin2 == b.admin2
    regional = any(p.kind in ("admin1", "admin2", "region") for p in (a, b))
    if regional and a.admin1 and b.admin1:  # a region holds the places inside it, and no others
        return a.admin1 == b.admin1
    d = km(a, b)

    if d is None:
        return True
    return d <= MAX_KM[max(a.precision, b.precision)]


STATE_FORCES = {1, 8}  # ACLED inter codes of state forces, at home and abroad


def actors_compatible(a: Actor | None, b: Actor | None) -> bool:
    """Same actor; or a generic description ('militants') and a named non-state group it can stand for
    (not a state's forces, not a group of another side), or unnamed state forces ('soldiers') and one
    state's forces of that kind; or a name the dictionary does not know."""
    if a is None or b is None or a.name == b.name:
        return True
    for unnamed, other in ((a, b), (b, a)):  # "soldiers": any state's military forces, and nothing else
        if unnamed.generic and unnamed.inter in STATE_FORCES:
            return actor_dictionary().force_kind(other) == unnamed.name
    if a.generic or b.generic:
        named = b if a.generic else a
        generic = a if a.generic else b
        if named.generic:
            return named.side == generic.side or not (named.side and generic.side)
        if named.known and named.inter in STATE_FORCES:
            return False
        return not (named.side and generic.side and named.side != generic.side)
    return not (a.known and b.known)
