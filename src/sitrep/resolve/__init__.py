"""Resolve stage: turn each mention's text slots into canonical actors, gazetteer places, calendar
intervals and integers, keeping for every value the span of text it came from."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sitrep.data import site_list
from sitrep.extract import DATELINE, GUESSED, SECTION, Extracted
from sitrep.extract.affiliation import person_key
from sitrep.extract.lexicon import lexicon
from sitrep.extract.responsibility import BLAMED
from sitrep.extract.timing import EARLIER
from sitrep.models import CIVILIANS, Actor, Article, Claim, DateInterval, EventMention, Evidence, Place, Slot
from sitrep.nlp.pipeline import PLACE_LABELS
from sitrep.resolve.actors import StoryActors, defined_acronyms, force_named_in, resolve_actor
from sitrep.resolve.claims import resolve_claims
from sitrep.resolve.dates import resolve_time, time_kind
from sitrep.resolve.evidence import evidence
from sitrep.resolve.numbers import count_of, plausible
from sitrep.resolve.placekey import place_key
from sitrep.resolve.places import (
    article_context,
    capital_city,
    country_place,
    is_capital,
    is_place,
    main_country,
    most_specific,
    off_shore,
    province_of,
    resolve_place,
    shares,
)

__all__ = ["Resolved", "ResolvedMention", "resolve"]


SCENE = re.compile(r"(?:^|[.!?]\s+|\n)In (?:the )?$")  # a sentence that opens on a place
OWNER = re.compile(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*)*)['’]s\s+$")  # "Kherson's " before a part of it
TOWNS_PART = re.compile(r"\b(?:the|this) (?:city|town|capital)['’]s\s+(?:[a-z-]+\s+)?$", re.I)
UNNAMED_CAPITAL = re.compile(r"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Aa]round|[Nn]ear) the (?:country's |nation's )?capital\b(?!,? [A-Z])")
# the place the story told last, named again by its kind: "the village", "in the same area"
TOLD_PLACE = re.compile(r"\b(?:the|that|this) (?:village|town|city|locality|hamlet|settlement|camp|neighbou?rhood)\b"
                        r"|\bthe same (?:area|place|spot)\b", re.I)
CITY_PART = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb)\b", re.I)  # after a part of a city's name
STATE_AT_HOME = 1  # ACLED inter code of a state's forces in their own country
REPORT_LAG = dt.timedelta(days=6)  # a statement's date bounds the event it reports from above


@dataclass
class ResolvedMention:
    mention: EventMention
    actor1: Actor | None
    actor2: Actor | None
    claimed_by: Actor | None
    place: Place | None
    own_time: DateInterval | None  # from the mention's own words
    context_time: DateInterval | None  # what the story had established before it
    fatalities: int | None
    injuries: int | None
    time_kind: str | None = None  # narrative, absolute or deictic (dates.time_kind); None: no own time
    own_place: bool = False  # the place is named in the mention's own clause, not inherited
    unplaced: bool = False  # the mention's clause names a place the gazetteer does not know
    counted_on: bool = False  # its sentence dates it from an act told before ("days later"): not that act

    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Resolved:
    article: Article
    mentions: list[ResolvedMention]
    claims: list[Claim]
    # (sentence, claimant or one blamed, words: field claimed_by for a claim, actor1 for blame)
    responsibility: list[tuple[int, Actor, Evidence]] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)  # figures the text states and the record does not believe
    site: tuple[int, Place] | None = None  # the one town or site the whole story names, and where first (_sole_site)
    province: tuple[int, Place] | None = None  # the one province all its places lie in (_sole_province)


def _on_or_before(said: DateInterval) -> DateInterval:
    """The time of an act a statement of that time reports: on or before it (REPORT_LAG)."""
    return DateInterval(said.latest, said.earliest - REPORT_LAG, said.latest,  # type: ignore[operator]
                        "week" if said.precision == "day" else said.precision)


def _speaker_day(said: Sequence[Slot], published: dt.date | None, anchor: dt.date | None,
                 since: DateInterval | None) -> dt.date | None:
    """The day the sentence's words are counted from: the day of the statement it reports, where it names
    one before publication ("struck overnight, the governor said on Saturday": the night before that
    Saturday), else publication."""
    for slot in said:
        told = resolve_time(slot.text, published, anchor, since)
        if told is not None and told.precision == "day" and told.date is not None and published and told.date < published:
            return told.date
    return published


TITLE_LEAD = re.compile(r"^\s*([^:—–]{2,40}?)\s*(?::|\s[—–-]{1,2}\s)")


def _title_lead(title: str) -> list[str]:
    """The words a title opens on before a colon or dash, as relief agencies and briefs name the country their
    report is about ("MALI: Flash Update No. 1 - ..."; "Sudan — ..."): a vote for where the story is, as a
    name in the text would be."""
    lead = TITLE_LEAD.match(title)
    return [lead.group(1)] if lead else []


def _default_window(published: dt.date | None) -> DateInterval | None:
    """No date in the story: reported events are recent; the honest interval is the week before publication."""
    if published is None:
        return None
    lo = published - dt.timedelta(days=6)
    return DateInterval(published, lo, published, "week")


def resolve(extracted: Extracted) -> Resolved:
    article = extracted.article
    pub = article.published
    names = [p.text for m in extracted.mentions for p in m.places if not _across_border(p, article.text)] + [
        p.text for c in extracted.claims for p in c.places] + [p.text for p in extracted.places if p.label in (SECTION, DATELINE)]
    # a story whose acts name no place: the places their sentences name ("the Guinean state") say where it is
    context = article_context([*names, article.title, *_title_lead(article.title)]) \
        or article_context([s.text for m in extracted.mentions for s in m.sentence_places]) or _story_countries(extracted)
    told_places = [p for p in extracted.places if p.label not in (GUESSED, DATELINE)]
    shore_context: dict[str, float] | None = None  # computed at the first sea the story names
    out: list[ResolvedMention] = []
    doubts: list[str] = []
    anchor: dt.date | None = None
    acted_in = -1  # the sentence whose act's own day is the anchor
    since: DateInterval | None = None  # the time the story last told, at whatever precision ("last month")
    story_time: DateInterval | None = None
    story_kind: str | None = None  # how the story's current date was given (dates.time_kind)

    story_place: Place | None = None  # where the story last was
    scene: tuple[int, Place, Slot] | None = None  # a sentence that opens on a place and tells no act ("In X, ...")
    acts = {m.sentence.index for m in extracted.mentions}
    aside: tuple[int, Place | None] = (-1, None)  # (sentence, place) of a clause aside
    named_before = StoryActors()
    members = {key: actor for key, group in extracted.affiliations.items()
               if (actor := resolve_actor(group.text)) is not None and actor.known} | defined_acronyms(article.text)
    story_places = list(told_places)
    ties = list(extracted.ties)
    named = sorted([*told_places, *(p for m in extracted.mentions for p in m.places)], key=lambda s: s.start)
    place_of = {s: _resolve_named(s, context, article) for s in named}  # each named place read once
    sentence_time: dict[int, tuple[DateInterval, str]] = {}

    timeline = iter(extracted.times)
    pending = next(timeline, None)
    for m in extracted.mentions:
        text = m.sentence.text
        while pending is not None and pending.sentence < m.sentence.index:  # dates the story set meanwhile
            told = resolve_time(pending.text, pub, anchor, since)
            if told is not None and told.earliest is not None:
                since = told
            # the day a statement was made does not move the story off the day of the act its sentence told
            # ("ambushed a convoy on Wednesday, sources said on Thursday. A day earlier, ..." is Tuesday)
            stated = pending.start in extracted.statement_times
            if told is not None and told.precision == "day" and pending.sentence != acted_in:
                story_time, anchor = told, told.date
                story_kind = time_kind(pending.text)
                if stated:  # "announced on Monday": what it tells came on or before
                    story_time = _on_or_before(told)
            pending = next(timeline, None)
        own, time_slot = None, None
        now = _speaker_day(m.reported_times, pub, anchor, since)
        for candidate in m.times:  # the best-ranked expression that names a time
            reported = candidate in m.reported_times
            # "came four days after X": X that long before the day the story is at, if it is at one
            said = f"{candidate.text} earlier" if candidate.label == EARLIER and anchor is not None else candidate.text
            own = resolve_time(said, pub if reported else now, anchor, since)
            if own is not None and reported and own.earliest is not None and own.latest:
                own = _on_or_before(own)
            if own is not None:
                time_slot = candidate
                break
        own_kind = time_kind(time_slot.text) if time_slot and time_slot not in m.reported_times else None

        if own is not None and own.precision == "unknown":
            own = None
        ev: list[Evidence] = []
        if own is not None and time_slot is not None:
            ev.append(evidence("date", own.date, time_slot, article, text))
        places = []
        for s in m.places:
            place = place_of[s]
            if story_place is not None and story_place.kind == "city" and (TOWNS_PART.search(
                    article.text[max(0, s.start - 20) : s.start]) or (
                    place is not None and place.kind == "city" and place.admin1 != story_place.admin1
                    and CITY_PART.match(article.text, s.end))):
                # "the city's Shevchenkivskyi district", or "the Kyivskyi district" of a story in Kharkiv (the
                # gazetteer knows only Donetsk's): a part of the town the story is in
                place = story_place
            elif (owner := _owning_town(s, context, article)) is not None and (
                    place is None or place.admin1 != owner.admin1):
                place = owner  # "Kherson's Dniprovskyi district", which the gazetteer has only in another city
            if place is not None and not (place.kind == "country" and _across_border(s, article.text)):
                places.append((place, s))
        target, struck_place = m.actor2, False
        if not places and target is not None and target.label not in PLACE_LABELS and is_place(target.text) \
                and not _known_actor(target.text) and (aimed_at := _resolve_named(target, context, article)) is not None:
            places.append((aimed_at, target))  # "a drone attack on Kharkiv", the city read as a name: where it struck
            struck_place = True
        while story_places and (story_places[0].sentence < m.sentence.index or (  # a section's head is in it
                story_places[0].sentence == m.sentence.index and story_places[0].label == SECTION)):
            told = story_places.pop(0)
            told_place = place_of[told]
            story_place = told_place or story_place
            if told.label == SECTION:  # a roundup's next country, a live blog's next entry: another story
                story_place, named_before = told_place, StoryActors()
            if told_place is not None and told.sentence not in acts and SCENE.search(
                    article.text[max(0, told.start - 12) : told.start]):
                scene = (told.sentence, told_place, told)
        while ties and ties[0].sentence <= m.sentence.index:  # "the insurgents, affiliated to IS": IS, from then on
            named_before.name(resolve_actor(ties.pop(0).text), None)
        named_place = bool(places)  # resolved from the mention's own words, not inherited
        in_town = _in_town(m.places, article.text)  # the names the gazetteer lacks are parts of a town
        if not places and scene is not None and scene[0] == m.sentence.index - 1:
            places = [(scene[1], scene[2])]  # "In Nasiriyah, the mood was angrier. Late on Monday, protesters ..."
        if not places and m.places and in_town and story_place is not None and story_place.kind == "city":
            places = [(story_place, None)]  # "gathered on Rustaveli Avenue", a street of the town the story is in
        if not places:
            forces = [a.country for s in (m.actor1, m.actor2) if (a := _party(s, members, text)) is not None
                      and a.inter == STATE_AT_HOME and a.country]
            places = _fallback_place(m, context, text, aside[1] if aside[0] == m.sentence.index else story_place,
                                     forces[0] if forces else None,
                                     _last_site([place_of[s] for s in named if s.sentence < m.sentence.index]))
        elif m.main_clause:  # the story moves there ("the Ukrainian city of Zaporizhzhia": to the city)
            story_place = most_specific([p for p, _ in places])
        else:  # a place in a clause aside holds for the rest of its sentence only
            aside = (m.sentence.index, most_specific([p for p, _ in places]))
        country = next((p.country for p, _ in places if p is not None and p.country), None)
        a1 = _story_party(named_before, m.actor1, members, text, country)
        a2 = _story_party(named_before, m.actor2, members, text, country, other=a1)
        if a2 is not None and not a2.known and m.actor2 is not None and m.actor2.label == "PERSON":
            a2 = _named_victim(m.actor2, text, article.text) or a2
        if a1 is not None and not a1.known and m.actor1 is not None and m.actor1.label == "PERSON":
            a1 = None  # a person no group is known for ("Constable X"): ACLED codes groups, never a name as is
        if a2 is None and struck_place:  # "raided Gajiram, killing four villagers": the villagers suffered it
            a2 = _victims(m, article.text)
        claimed = _story_party(named_before, m.claimed_by, members, text, country)
        if a1 is None and claimed is not None:
            a1 = claimed
        if a1 is not None and a1.inter == CIVILIANS:  # victims read as the subject ("people were wounded"), not
            # those who march ("thousands of teachers marched"): the crowd, whom link names as ACLED does
            a1, a2 = None, a2 if m.event_type in lexicon().crowd else a2 or a1

        said_fatal, said_hurt = count_of(m.fatalities), count_of(m.injuries)
        fatal, hurt = plausible(said_fatal, "largest_event_toll"), plausible(said_hurt, "largest_event_toll")
        for name, actor, s in (("actor1", a1, m.actor1 or m.claimed_by), ("actor2", a2, m.actor2),
                               ("claimed_by", claimed, m.claimed_by)):
            if actor is not None and s is not None:
                ev.append(evidence(name, actor.name, s, article, text))
        for name, said, value, s in (("fatalities", said_fatal, fatal, m.fatalities),
                                     ("injuries", said_hurt, hurt, m.injuries)):
            if said is not None and s is not None:
                doubt = None if value is not None else (f"{name} of {said:,} in sentence {m.sentence.index + 1} is beyond "
                                                        "belief for one event (largest_event_toll in limits.yaml); left unknown")
                shown = value if doubt is None else f"unknown ({said:,} stated, above largest_event_toll)"
                ev.append(evidence(name, shown, s, article, text))
                if doubt and doubt not in doubts:
                    doubts.append(doubt)
        ev.append(evidence("event_type", m.sub_event_type or "event", m.trigger, article, text))
        counted_on = own is not None and own_kind == "narrative"
        if own is None and m.sentence.index in sentence_time:  # a clause of a sentence dated by another clause
            context_time, context_kind = sentence_time[m.sentence.index]
            counted_on = context_kind == "narrative"
        else:
            context_time, context_kind = story_time or _default_window(pub), story_kind
        if own is not None and time_slot is not None:
            sentence_time.setdefault(m.sentence.index, (own, own_kind))
            if m.main_clause and time_slot not in m.reported_times:
                since = own
            if m.main_clause and own.precision == "day":  # the story moves on to this event's day
                story_time, story_kind, anchor = own, own_kind, own.date
                acted_in = m.sentence.index

        for place, s in _split_places(places, m.places_listed):
            if place is not None and place.kind == "sea":  # which side of the sea: all the places the story names
                if shore_context is None:
                    shore_context = article_context([*names, *(p.text for p in told_places)])
                place = off_shore(place, shore_context)
            said_in = text if s is None or s.sentence == m.sentence.index else _sentence_around(article.text, s)
            place_ev = [evidence("location", place.name, s, article, said_in)] if s else []
            kind = own_kind if time_slot and own else context_kind
            out.append(ResolvedMention(m, a1, a2, claimed, place, own, context_time, fatal, hurt, kind,
                                       own_place=named_place, unplaced=not named_place and not in_town,
                                       counted_on=counted_on,
                                       evidence=ev + place_ev))



    claimed = [(s.sentence, actor, evidence("actor1" if s.label == BLAMED else "claimed_by", actor.name, s, article,
                                            sentence.text))
               for s, sentence in extracted.responsibility if (actor := _party(s, members, sentence.text)) is not None]
    placed = [(s.sentence, p) for s in named if (p := place_of[s]) is not None]
    return Resolved(article, out, resolve_claims(extracted.claims, article, context), claimed, doubts,
                    _sole_site(placed), _sole_province(placed))




def _victims(m: EventMention, text: str) -> Actor | None:
    """Civilians, where the people the clause's toll counts are civilian ("killing four villagers")."""
    counted = m.fatalities or m.injuries
    if counted is None:
        return None
    return _civilians((re.findall(r"[a-z]+", text[counted.end : counted.end + 30].lower()) or [""])[0])


def _named_victim(slot: Slot, sentence: str, text: str) -> Actor | None:
    """A person the act was done to ("community leader Ana Quintero", "Constable Ahmed Khan"): of the force a
    rank before the name names; else a civilian, as ACLED codes a named victim, unless the story gives them a
    title in an armed body ("X, the leader of the Village de Dieu gang": a member of a group the dictionary
    lacks, kept by name)."""
    lex = lexicon()
    words = set(re.findall(r"[a-z]+", slot.text.lower()))
    if words & lex.officers:
        return resolve_actor(force_named_in(f"{slot.text} {sentence}"))
    surname = slot.text.split()[-1]
    told = [text[m.start() : m.start() + 120].split(".")[0] for m in re.finditer(re.escape(surname), text)]
    said = {w.removesuffix("s") for w in re.findall(r"[a-z]+", " ".join([slot.text, *told]).lower())}
    if said & lex.titles and said & lex.armed_bodies:
        return None
    return resolve_actor("civilians")


def _civilians(noun: str) -> Actor | None:
    """Civilians, for a noun (singular or plural) of civilian people or ships ("villagers", "a vessel")."""
    return resolve_actor("civilians") if {noun, noun.removesuffix("s")} & lexicon().civilian else None


def _owning_town(s: Slot, context: dict[str, float], article: Article) -> Place | None:
    """The town a place is named as part of ("Kherson's" in "Kherson's Dniprovskyi district")."""
    owner = OWNER.search(article.text[max(0, s.start - 40) : s.start])
    town = resolve_place(owner.group(1), context) if owner is not None else None
    return town if town is not None and town.kind == "city" else None


BORDER_WITH = re.compile(r"\bborders? with (?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)* and )?(?:the )?$")
BORDER_AFTER = re.compile(r"[\s-]+border\b")


def _across_border(s: Slot, text: str) -> bool:
    """A country named as the one across a border ("along the border with Niger and Benin", "the Benin border"):
    the act was on this side of it, and the story is not about that country."""
    return bool(BORDER_WITH.search(text, max(0, s.start - 60), s.start) or BORDER_AFTER.match(text, s.end))


def _sentence_around(text: str, s: Slot) -> str:
    """The sentence of the article's text a slot of another sentence stands in ("In Nasiriyah, ...")."""
    start = max(text.rfind(". ", 0, s.start) + 2, text.rfind("\n", 0, s.start) + 1, 0)
    ends = [i for i in (text.find(". ", s.end), text.find("\n", s.end)) if i >= 0]
    return text[start : min(ends) + 1 if ends else len(text)].strip()


def _in_town(places: list[Slot], text: str) -> bool:
    """Names the gazetteer lacks that are all parts of a town ("along Moi Avenue") or sites in one ("out of
    Munzenze prison", the NER's name ending before "prison"): the act is no farther from the story's town than
    its streets. None at all is in town too."""
    streets = site_list("street_words")
    parts = streets | site_list("site_words")

    def within(s: Slot) -> bool:
        after = text[s.end : s.end + 30].split()
        return s.text.split()[-1].lower() in streets or (bool(after) and after[0].lower().strip(".,;") in parts)

    return all(within(s) for s in places if s.text.split())


def _story_countries(extracted: Extracted) -> dict[str, float]:
    """Where a story is set whose acts name no place known well enough to say: any place it names ("taken to
    hospital in Bamenda") and, at half their weight, the home countries of the known parties it tells acting
    ("Houthi rebels attacked a tanker off Mokha" is about Yemen, not Moka in Mauritius; a Turkish drone strike
    near a town the story sets in northern Syria is in Syria)."""
    named = article_context([p.text for p in extracted.places])
    parties = [resolve_actor(s.text) for m in extracted.mentions for s in (m.actor1, m.actor2) if s is not None]
    home = shares(Counter(a.country for a in parties if a is not None and a.known and a.country))
    votes = {c: named.get(c, 0.0) + home.get(c, 0.0) / 2 for c in named.keys() | home.keys()}
    total = sum(votes.values())
    return {c: v / total for c, v in votes.items()} if total else {}


def _resolve_named(slot: Slot, context: dict[str, float], article: Article) -> Place | None:
    """The place a slot names, read with the words around it ("150 km from ..."); a part of a name with "and"
    in it that the NER cut in two ("Jammu and Kashmir", "Bosnia and Herzegovina") is the whole."""
    around = article.text[max(0, slot.start - 60) : slot.end + 40]
    after = JOINED_AFTER.match(article.text, slot.end)
    before = JOINED_BEFORE.search(article.text, max(0, slot.start - 40), slot.start)
    nexts = after.group(1).split() if after else []
    wholes = [f"{slot.text} and {' '.join(nexts[:n])}" for n in (2, 1) if len(nexts) >= n]
    for whole in wholes + ([f"{before.group(1)} and {slot.text}"] if before else []):
        place = resolve_place(whole, context, around)
        if place is not None and place.kind in ("admin1", "admin2", "country", "region") \
                and place_key(place.name) == place_key(whole):
            return place
    return resolve_place(slot.text, context, around, (_sentence_around(article.text, slot), f"{article.title}\n{article.text}"))


JOINED_AFTER = re.compile(r" and ([A-Z][\w-]*(?: [A-Z][\w-]*)?)")
JOINED_BEFORE = re.compile(r"([A-Z][\w'-]*) and $")


def _known_actor(text: str) -> bool:
    actor = resolve_actor(text)
    return actor is not None and actor.known


def _story_party(named_before: StoryActors, slot: Slot | None, members: dict[str, Actor], sentence: str,
                 country: str | None, other: Actor | None = None) -> Actor | None:
    """The actor a slot names, by the name the story gave it before ("al-Shabaab ... the militants"), unless
    the words say who it was is not known ("unidentified gunmen"; triggers.yaml unknown_doers)."""
    actor = _party(slot, members, sentence)
    unknown = slot is not None and not lexicon().unknown_doers.isdisjoint(re.findall(r"[a-z]+", slot.text.lower()))
    return actor if unknown else named_before.name(actor, country, other)


def _party(slot: Slot | None, members: dict[str, Actor], sentence: str) -> Actor | None:
    """The actor a slot names, for words the dictionary lacks by their head noun: none for a place
    ("Goma", or a name the parser reads as a place), a site, thing or weapon ("a school in Gaza", "drones"):
    only people and organisations act or suffer acts; civilians for civilian people and ships ("a
    Greek-owned vessel"); the force the ``sentence`` names for members of one it does not ("two officers");
    none for other descriptions ("a security worker"): an unknown actor is a name; a person the story tied
    to a group by a title, or an acronym it spelled out (``members``: person key or acronym -> group), is
    that group."""
    text = slot.text if slot is not None else None
    actor = resolve_actor(text)
    if actor is None or actor.known or text is None:
        return actor
    if person_key(actor.name) in members:  # "al-Rufay'i was killed", named before as "IS deputy caliph ..."
        return members[person_key(actor.name)]
    if (spelled := next((members[w] for w in re.findall(r"\b[A-Z]{2,6}\b", text) if w in members), None)) is not None:
        return spelled  # "the SNA", spelled out before as "the Somali National Army (SNA)"
    if slot is not None and slot.label in PLACE_LABELS:
        return None
    lex = lexicon()
    phrase = re.split(r"\s(?:in|at|near|of|on|from|with)\s", text.lower())[0]  # "a school in central Gaza"
    head = (re.findall(r"[a-z]+", phrase) or [""])[-1]
    heads = {head, head.removesuffix("s")}
    if (civilians := _civilians(head)) is not None:
        return civilians
    if heads & lex.officers:  # "two officers": of the force the sentence names
        return resolve_actor(force_named_in(sentence))
    if heads & (lex.objects | set(lex.cue_words) | site_list("site_words")) - lex.persons:  # "Kabul University"
        return None
    words = re.findall(r"[^\W\d_][\w'-]*", re.split(r"\s(?:in|at|near|of|on|from|with)\s", actor.name)[0])
    if not words or not any(ch.isupper() for ch in words[-1]):  # "several Tehran-backed factions" (not "al-Rufai")
        return None
    return None if is_place(text) else actor


def _sole_site(placed: list[tuple[int, Place]]) -> tuple[int, Place] | None:
    """The one town or site a story names (its places in text order, by sentence), if it names only one ("the
    town of Bunia" ... "the Bunia market"), with the sentence that first names it: where what the story tells
    from there on happened, near enough (ACLED geo precision 2). A capital counts only in a story that names
    no other site: beside one it is the seat of those who speak ("militias loyal to Tehran") or a landmark
    ("north of Baghdad")."""
    sites: dict[tuple[str, str | None], tuple[int, Place]] = {}
    for sentence, p in placed:
        if p.kind in ("city", "facility"):
            sites.setdefault((p.name, p.country), (sentence, replace(p, precision=2)))
    if len(sites) > 1:
        sites = {key: site for key, site in sites.items() if not is_capital(site[1])} or sites
    return next(iter(sites.values())) if len(sites) == 1 else None


def _sole_province(placed: list[tuple[int, Place]]) -> tuple[int, Place] | None:
    """The one province every place below a country that the story names lies in (its capital aside, the
    seat of those who speak), with the sentence that first names one: where what it tells at country level
    happened (ACLED geo precision 3, the province's point), or, when the story names one region within it
    ("the Tierra Caliente region of Michoacán"), that region's point, nearer."""
    provinces: dict[tuple[str | None, str], tuple[int, Place]] = {}
    regions: set[Place] = set()  # the story's named regions in its provinces
    for sentence, p in placed:
        if p.kind in ("country", "sea") or not p.admin1 or is_capital(p):
            continue
        provinces.setdefault((p.country, p.admin1), (sentence, p))
        if p.kind == "region":
            regions.add(replace(p, precision=3))
    if len(provinces) != 1:
        return None
    sentence, place = next(iter(provinces.values()))
    province = regions.pop() if len(regions) == 1 else province_of(place)
    return (sentence, province) if province is not None else None


def _last_site(told: list[Place | None]) -> Place | None:
    """The town or site the story named last, past the regions that say where it is ("Tsafe, a town in Zamfara
    state"); none where the last name was one the gazetteer lacks (the village "the village" is then)."""
    for place in reversed(told):
        if place is None or place.kind in ("city", "facility"):
            return place
    return None


def _fallback_place(m: EventMention, context: dict[str, float], text: str, story_place: Place | None,
                    forces_home: str | None = None, last: Place | None = None) -> list[tuple[Place, Slot | None]]:
    """A clause that names no place happened where its sentence says ("Police in Kathmandu opened fire
    ..., killing eight", "attacked and sank a cargo ship in the Red Sea"), else at the town or site the story
    named ``last`` where the clause names it by its kind ("on the edge of the town"), else in the country where
    the story last was (or its sea), else in the country whose own state forces it names ("killed nine Malian
    soldiers"), else in the country the story is about: country level (ACLED geo precision 3)."""
    for s in m.sentence_places:
        place = resolve_place(s.text, context, text)
        if place is not None:
            return [(place, s)]
    country = story_place.country if story_place is not None else forces_home or main_country(context)
    if country and UNNAMED_CAPITAL.search(text) and (capital := capital_city(country)) is not None:
        return [(capital, None)]  # "detained at his home in the capital": the capital of the story's country
    if last is not None and TOLD_PLACE.search(text):
        return [(last, None)]  # "fighting resumed in the same area", "on the western edge of the village"
    if story_place is not None:
        return [(story_place if story_place.kind == "sea" or not story_place.country
                 else country_place(story_place.country), None)]
    if forces_home is not None:
        return [(country_place(forces_home), None)]
    main = main_country(context)
    return [(country_place(main), None)] if main is not None else []


def _split_places(places: list[tuple[Place, Slot]], listed: bool) -> list[tuple[Place | None, Slot | None]]:
    """One mention per distinct site when a clause names several sites, or lists towns ("at Ain al-Asad
    and the Erbil airbase", "in Sanaa, Hodeidah and Taiz"): ACLED codes one event per location.
    Otherwise the most specific place named ("in Musayyib, south of Baghdad" is one place)."""
    sites = [(p, s) for p, s in places if p.kind in ("facility", "city")]
    distinct = {(p.name, p.country) for p, _ in sites}
    if len(distinct) > 1 and (listed or all(p.kind == "facility" for p, _ in sites)):
        return [(p, s) for p, s in {(p.name, p.country): (p, s) for p, s in sites}.values()]
    best = most_specific([p for p, _ in places])
    if best is None:
        return [(None, None)]
    return [(best, next(s for p, s in places if p is best))]
