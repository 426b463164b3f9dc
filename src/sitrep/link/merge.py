"""Cross-article merging: is a newly read report the same real-world event as one already stored, and
what does an event told by several sources say?

Candidates come from the store by blocking (country x overlapping dates); each is scored here with the
rules of rules.py. A report joins the best-scoring event at or above MERGE_THRESHOLD. Manual decisions
(``sitrep merge`` / ``sitrep split``) override the score and are never undone by a later run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.extract.lexicon import lexicon
from sitrep.link.rules import (
    MAX_KM,
    actors_compatible,
    dates_compatible,
    places_compatible,
    types_compatible,
)
from sitrep.models import CIVILIANS, Actor, DateInterval, Event
from sitrep.resolve.places import km, most_specific

# Points of agreement needed to call two reports one event. Compatibility alone (nothing contradicts)
# is not enough across sources: two strikes in one country on one day are common. Agreement comes from
# the same site (+2) or region (+1), the same named actors (+1 each), the same sub-event type (+1) and
# the same day (+1). Same site and same type (3) merges; same region, type and attacker (3) merges.
# Another kind of act costs a point: one outlet's "mortar attack" on a base is another's battle for it, the
# same event where sides, place and day agree (4 points before the cost).
MERGE_THRESHOLD = 3.0
BATTLES = "Battles"
SITE_KINDS = ("facility", "city")
# An assault a car bomb opens: one outlet tells the suicide bombing, another the fighting that followed; by one named
# attacker at one place on one day, one event
ASSAULT = {"Suicide bomb", "Armed clash"}


@dataclass
class Decisions:
    """Manual links between reports: pairs that must be in one event, and pairs that must not."""

    together: set[frozenset[str]] = field(default_factory=set)
    apart: set[frozenset[str]] = field(default_factory=set)


def similarity(a: Event, b: Event) -> float | None:
    """Points of agreement between two reports or events; None when anything contradicts."""
    if not dates_compatible(a.when, b.when):
        return None
    if not places_compatible(a.place, b.place):
        return None
    if not actors_compatible(a.actor1, b.actor1):
        return None
    # one outlet counts the civilians an attacker killed, another the armed side it aimed at: the same act where
    # the attacker is the same one, named (a point less), else two; a crowd's counterpart is no victim
    victims_apart = not actors_compatible(a.actor2, b.actor2)
    if victims_apart and not (_same_named(a.actor1, b.actor1)
                              and CIVILIANS in (_inter(a.actor2), _inter(b.actor2))
                              and not {a.event_type, b.event_type} & lexicon().crowd.keys()):
        return None
    if _same_known(a.actor1, b.actor2) or _same_known(a.actor2, b.actor1):
        return None  # who attacked whom is reversed
    score = 0.0
    if a.place and b.place:
        d = km(a.place, b.place)
        if a.place.kind in SITE_KINDS and b.place.kind in SITE_KINDS and d is not None \
                and d <= MAX_KM[max(a.place.precision, b.place.precision)]:
            score += 2
        elif a.place.admin1 and a.place.admin1 == b.place.admin1:
            score += 1
    score += sum(_same_known(x, y) for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)))
    score += a.sub_event_type == b.sub_event_type
    score += (a.when.precision == b.when.precision == "day" and a.when.date == b.when.date)
    assault = {a.sub_event_type, b.sub_event_type} == ASSAULT and _same_named(a.actor1, b.actor1)
    return score - (not types_compatible(a.event_type, b.event_type) and not assault) - victims_apart


def _inter(actor: Actor | None) -> int | None:
    return actor.inter if actor is not None else None


def _same_known(x: Actor | None, y: Actor | None) -> bool:
    return x is not None and y is not None and x.known and x.name == y.name


def _same_named(x: Actor | None, y: Actor | None) -> bool:
    """The same actor, named rather than described ("Al Shabaab", not "militants")."""
    return _same_known(x, y) and x is not None and not x.generic


def choose(report: Event, candidates: dict[str, tuple[Event, list[str]]], decisions: Decisions,
           partners: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The event (id) a report belongs to, among candidate events (merged values and report ids).
    ``partners``: articles that already share an event with the report's (one more point of agreement)."""
    for event_id, (_, report_ids) in candidates.items():
        if any(frozenset((report.id, r)) in decisions.together for r in report_ids):
            return event_id
    best: tuple[float, str] | None = None
    for event_id, (event, report_ids) in sorted(candidates.items()):
        if any(frozenset((report.id, r)) in decisions.apart for r in report_ids):
            continue
        score = similarity(report, event)
        if score is not None and partners and not partners.isdisjoint(event.sources):
            score += 1

        if score is not None and score >= MERGE_THRESHOLD and (best is None or score > best[0]):
            best = (score, event_id)
    return best[1] if best else None


def combine(event_id: str, reports: Iterable[Event]) -> Event:
    """One event from the reports of several sources: the most precise place and date, the type and
    actors most sources give, and ACLED's conservative choice of the lowest reported toll."""
    reports = sorted(reports, key=lambda r: r.id)
    lex = lexicon()
    # one source's strike that another tells as a battle: both sides fought, so the battle (as ACLED codes an
    # ambush that opened with a bomb)
    fought = len({r.event_type for r in reports}) > 1 and any(r.event_type == BATTLES for r in reports)
    subs = Counter(r.sub_event_type for r in reports if r.event_type == BATTLES or not fought)
    sub = min(subs, key=lambda s: (-subs[s], lex.rank(s)))
    return Event(
        id=event_id,
        event_type=lex.event_type.get(sub, reports[0].event_type),
        sub_event_type=sub,
        weapon=next((r.weapon for r in reports if r.sub_event_type == sub and r.weapon), None),
        actor1=_actor([r.actor1 for r in reports]),
        actor2=_actor([r.actor2 for r in reports]),
        claimed_by=_actor([r.claimed_by for r in reports]),
        place=most_specific([r.place for r in reports if r.place]),
        when=_when([r.when for r in reports]),
        fatalities=min((r.fatalities for r in reports if r.fatalities is not None), default=None),
        injuries=min((r.injuries for r in reports if r.injuries is not None), default=None),
        sources=sorted({s for r in reports for s in r.sources}),
        evidence=[e for r in reports for e in r.evidence],
    )


def _actor(actors: list[Actor | None]) -> Actor | None:
    """Named over generic over verbatim; then the one most sources name."""
    present = [a for a in actors if a is not None]
    if not present:
        return None
    counts = Counter(a.name for a in present)
    return min(present, key=lambda a: (not a.known, a.generic, -counts[a.name], a.name))


def _when(intervals: list[DateInterval]) -> DateInterval:
    """The narrowest interval; among equally narrow ones the earliest."""
    known = [w for w in intervals if w.earliest and w.latest]
    if not known:
        return intervals[0]
    return min(known, key=lambda w: (w.latest - w.earliest, w.earliest))  # type: ignore[operator]


def toll_ranges(reports: list[Event]) -> dict[str, tuple[int, int] | None]:
    """The spread of reported tolls, kept beside the chosen figure."""
    out: dict[str, tuple[int, int] | None] = {}
    for name in ("fatalities", "injuries"):
        values = [getattr(r, name) for r in reports if getattr(r, name) is not None]
        out[name] = (min(values), max(values)) if values else None
    return out
