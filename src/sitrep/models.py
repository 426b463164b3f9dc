"""Plain records passed between pipeline stages. Offsets are character offsets into ``Article.text``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

CIVILIANS = 7  # ACLED inter code of civilians: the victims of political violence, not its agents


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    published: dt.date | None
    published_from: str | None  # where the date came from: meta, cli, page, text
    url: str | None
    outlet: str | None
    path: str
    content_hash: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    headline: bool = False  # a line of its own without a full stop (nlp.pipeline.as_sentence)


@dataclass(frozen=True)
class Slot:
    """A piece of text that fills an event field, with where it stands in the article."""

    text: str
    start: int
    end: int
    sentence: int
    label: str = ""  # the named-entity label of its head word ("GPE"), if the parser gave one; ONE, SUM: a casualty
    # slot that names one person, or counts its victims in parts (extract.casualties)


@dataclass
class EventMention:
    """One clause that reports an event, with its slots still as text."""

    article_id: str
    sentence: Sentence
    trigger: Slot
    event_type: str
    sub_event_type: str
    weapon: str | None = None
    actor1: Slot | None = None
    actor2: Slot | None = None
    claimed_by: Slot | None = None
    places: list[Slot] = field(default_factory=list)
    sentence_places: list[Slot] = field(default_factory=list)  # places the sentence names for other clauses
    places_listed: bool = False  # the clause's places are a coordinated list ("Sanaa, Hodeidah and Taiz")

    times: list[Slot] = field(default_factory=list)  # candidate time expressions, best first
    reported_times: list[Slot] = field(default_factory=list)  # those that date a statement about the event

    fatalities: Slot | None = None
    injuries: Slot | None = None
    anaphoric: bool = False  # "the strike", "the attack": refers back to an event told before
    another: bool = False  # "another strike", "a strike on another school": never an event told before
    similar: bool = False  # "a similar attack": another act of the kind the story told last
    plural: bool = False  # "their attacks": refers to several events, never makes one
    main_clause: bool = False  # the trigger is the sentence's main verb or one of its arguments
    later: bool = False  # its own time is said to come later ("Later on Sunday, the guard detained two")
    doubted: bool = False  # the classifier is sure its sentence reports no event: it may add to an event, not start one
    typed_by: str = "cue"  # what gave the sub-event type: trigger, cue, fallback (the trigger's usual sense), classifier
    suggested_type: str | None = None  # the classifier's sub-event type, where the rules' came from no cue



@dataclass
class ClaimMention:
    """An aggregate tally sentence ("at least 78 attacks since October 17")."""

    article_id: str
    sentence: Sentence
    quantity: Slot
    bound: str
    what: str
    places: list[Slot] = field(default_factory=list)
    period_from: Slot | None = None
    period_to: Slot | None = None
    source: Slot | None = None
    target: Slot | None = None  # at whom the counted acts were aimed
    counted: str = "attack"  # the noun counted (attack, time, occasion, operation ...)
    counted_at: int = -1  # where the counting word (noun, or verb of a toll to date) stands, if a period bounds it


@dataclass(frozen=True)
class Evidence:
    field: str
    value: str
    article_id: str
    sentence: int
    sentence_text: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    iso3: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: int  # ACLED geo_precision: 1 the place itself, 2 a nearby/part-of region, 3 a larger region
    kind: str  # facility, city, admin1, admin2, region, country, sea
    admin2: str | None = None  # the district, where the gazetteer knows it


@dataclass(frozen=True)
class DateInterval:
    date: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str  # day, week, month, year, unknown


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int | None
    country: str | None
    known: bool  # False: kept verbatim, not in the dictionary
    generic: bool = False
    side: str | None = None


@dataclass
class Event:
    """A resolved event as stored: one real-world event with its sources and per-field evidence."""

    id: str
    event_type: str
    sub_event_type: str
    weapon: str | None
    actor1: Actor | None
    actor2: Actor | None
    claimed_by: Actor | None
    place: Place | None
    when: DateInterval
    fatalities: int | None
    injuries: int | None
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Claim:
    id: str
    article_id: str
    quantity: int
    bound: str
    what: str
    where: list[str]
    date_from: dt.date | None
    date_to: dt.date | None
    source: str | None
    evidence: Evidence
    target: str | None = None  # canonical actor the counted acts were aimed at
    counted: str = "attack"  # what is counted: attack, time, occasion, operation, ... or kill/wound (a toll)




def _plain(obj: Any) -> dict[str, Any] | None:
    return None if obj is None else dict(vars(obj))  # the fields of a dataclass without slots, copied


def event_to_dict(ev: Event, evidence: bool = True) -> dict[str, Any]:
    """A JSON-ready copy of an event (dates as ISO strings), with or without its evidence. Written out by
    hand: dataclasses.asdict deep-copies, which dominated merging time."""
    w = ev.when
    return {
        "id": ev.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type, "weapon": ev.weapon,
        "actor1": _plain(ev.actor1), "actor2": _plain(ev.actor2), "claimed_by": _plain(ev.claimed_by),
        "place": _plain(ev.place),
        "when": {"date": _iso(w.date), "earliest": _iso(w.earliest), "latest": _iso(w.latest), "precision": w.precision},
        "fatalities": ev.fatalities, "injuries": ev.injuries, "sources": list(ev.sources),
        "evidence": [_plain(e) for e in ev.evidence] if evidence else [],
    }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def event_from_dict(d: dict[str, Any]) -> Event:
    def date(v: str | None) -> dt.date | None:
        return dt.date.fromisoformat(v) if v else None

    w = d["when"]
    return Event(
        id=d["id"], event_type=d["event_type"], sub_event_type=d["sub_event_type"], weapon=d.get("weapon"),
        actor1=Actor(**d["actor1"]) if d.get("actor1") else None,
        actor2=Actor(**d["actor2"]) if d.get("actor2") else None,
        claimed_by=Actor(**d["claimed_by"]) if d.get("claimed_by") else None,
        place=Place(**d["place"]) if d.get("place") else None,
        when=DateInterval(date(w["date"]), date(w["earliest"]), date(w["latest"]), w["precision"]),
        fatalities=d.get("fatalities"), injuries=d.get("injuries"), sources=list(d.get("sources", [])),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
    )
