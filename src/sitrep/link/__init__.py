"""Link stage: group an article's resolved mentions into reports (its account of each event), then
attach reports to events across articles (merge.py, attach.py).

An event is told in several sentences (a raid named in one, its dead counted two sentences on); a mention
joins the compatible event the story last added to (rules.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import replace

from sitrep.extract.lexicon import lexicon
from sitrep.link.rules import (
    DATE_TOLERANCE,
    STATE_FORCES,
    actors_compatible,
    dates_compatible,
    places_compatible,
    types_compatible,
)
from sitrep.models import CIVILIANS, Actor, DateInterval, Event, Evidence, Place
from sitrep.resolve import Resolved, ResolvedMention
from sitrep.resolve.actors import actor_dictionary, resolve_actor
from sitrep.resolve.places import most_specific

__all__ = ["link_article", "report_id"]

STRATEGIC = "Strategic developments"
DESTRUCTION = "Looting/property destruction"
REMOTE = "Explosions/Remote violence"
BATTLES = "Battles"
PROTESTS = "Protests"
# What attackers take or wreck in an attack, told without a day or place of its own, is part of it: ACLED codes
# the attack, not looting or a seizure of weapons besides
SPOILS = {DESTRUCTION, "Disrupted weapons use"}
VIOLENT = {BATTLES, "Violence against civilians"}
INTERVENTION = "Protest with intervention"  # arrests at a demonstration are its dispersal, as ACLED codes them
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def report_id(published: dt.date | None, key: str) -> str:
    """A report's id: a digest of ``key`` (what makes it one in its article) after the article's publication
    day, so that ids grow as the news does. A store's indexes on report and event ids (an event takes its first
    report's) are then written at their end rather than all over: at 300,000 synthetic reports, 10 % more
    reports/s (bench/merge.py)."""
    return f"ev_{published.strftime('%Y%m%d') if published else 'undated'}_{hashlib.sha1(key.encode()).hexdigest()[:12]}"


class _Cluster:
    """The mentions of one article that tell one event."""

    def __init__(self, first: ResolvedMention) -> None:
        self.members = [first]
        self.claimant: Actor | None = None  # from a later sentence that claims responsibility
        self.claim_evidence: Evidence | None = None
        # who did it, by other sentences: those a later sentence blames, or the author of the story's other
        # strikes (story_attacker)
        self.attacker: tuple[Actor, Evidence] | None = None
        self.like: _Cluster | None = None  # the event a "similar" act is likened to

    def own_time(self) -> DateInterval | None:
        """The narrowest time the mentions give themselves."""
        times = [m.own_time for m in self.members if m.own_time is not None]
        return min(times, key=lambda t: (t.latest - t.earliest) if t.earliest and t.latest else 0, default=None)

    def headline_only(self) -> bool:
        """Only a headline named the event, without a day (the story's, or a brief's in a roundup): the text
        below it tells when."""
        return all(m.mention.sentence.headline and m.own_time is None for m in self.members)

    def time(self) -> DateInterval | None:
        """When the event was, as far as the story has told it (not yet, for what only the headline named)."""
        return None if self.headline_only() else self.own_time() or self.members[0].context_time

    def place(self) -> Place | None:
        places = [m.place for m in self.members if m.place is not None]
        return most_specific(places)

    def actor(self, role: str) -> Actor | None:
        """The first the mentions name: a name before a description ("US troops" or "Abu Khadija"
        before "soldiers" or "civilians"), a description before other words ("people in the area")."""
        told = [a for m in self.members if (a := getattr(m, role)) is not None]
        return min(told, key=_naming, default=None)

    def typed(self) -> bool:
        """A mention's words or the sentence classifier gave a sub-event type."""
        return any(m.mention.sub_event_type or m.mention.suggested_type for m in self.members)

    def met_by_force(self, sub: str) -> bool:
        """A state force acted in the event otherwise than as the ``sub`` it is (police that fired at a march, not
        a force whose members marched) or suffered it."""
        return any((x.actor1 is not None and x.actor1.inter in STATE_FORCES and x.mention.sub_event_type != sub)
                   or (x.actor2 is not None and x.actor2.inter in STATE_FORCES) for x in self.members)

    def likened(self, role: str) -> Actor | None:
        """The actor of the event a "similar" act is likened to."""
        return self.like.actor(role) if self.like is not None else None

    def event_type(self) -> str:
        types = [m.mention.event_type for m in self.members if m.mention.event_type]
        return types[0] if types else ""

    def tolerance(self, m: ResolvedMention) -> dt.timedelta:
        """Days one story tells apart are different: counted from another event ("a day earlier"), or
        given the same way ("yesterday" and "Tuesday", "November 22" and "November 23"). Only a calendar
        date and a weekday from one story may disagree by a day (a lead written against another clock)."""
        kinds = {x.time_kind for x in self.members}
        if "narrative" in kinds | {m.time_kind} or (m.time_kind is not None and m.time_kind in kinds):
            return dt.timedelta(0)
        return DATE_TOLERANCE

    def other_weapon(self, m: ResolvedMention) -> bool:
        """The mention names a different weapon than the event (a missile, where the event was a drone):
        it joins only where it names the same place itself. Not police action at a protest (tear gas fired at
        a march): the protest's kind, not another weapon."""
        if m.mention.event_type == PROTESTS == self.event_type():
            return False
        subs = {x.mention.sub_event_type for x in self.members if x.mention.sub_event_type}
        return bool(m.mention.sub_event_type and subs and m.mention.sub_event_type not in subs)

    def other_act(self, m: ResolvedMention) -> bool:
        """The mention's own word names another kind of act than the event's words did ("marched" after
        "detained", "arrested" after "bombed"): another event, wherever it happened. An act its word
        decides (an arrest, a protest) and one of another event type are two events whichever came first;
        a peaceful protest and the police's dispersal of it after are one."""
        decided = {x.mention.sub_event_type for x in self.members if x.mention.typed_by == "trigger"}
        # a march and its dispersal after are one protest (not a march after a dispersal: another crowd's)
        crowd = m.mention.event_type == self.event_type() == PROTESTS and decided <= set(lexicon().no_counterpart) \
            and m.mention.sub_event_type not in lexicon().no_counterpart
        if m.mention.typed_by == "trigger" and bool(decided) and m.mention.sub_event_type not in decided and not crowd:
            return True
        mine = m.mention.event_type
        if m.mention.typed_by == "trigger":
            return any(x.mention.event_type not in ("", mine) for x in self.members)
        return bool(mine) and any(x.mention.typed_by == "trigger" and x.mention.event_type != mine for x in self.members)

    def not_the_crowd(self, m: ResolvedMention) -> bool:
        """A word that points back ("the raid", "the attack") to no demonstration: a crowd's event is told
        again only in words of a crowd's acts (triggers.yaml trigger_types of the crowd's types)."""
        lex = lexicon()
        if not m.mention.anaphoric or m.mention.event_type or self.event_type() not in lex.crowd:
            return False
        word = m.mention.trigger.text.lower()
        return not any(lex.event_type.get(lex.trigger_types.get(w, "")) in lex.crowd for w in (word, word.removesuffix("s")))

    def joined(self, m: ResolvedMention) -> ResolvedMention | None:
        """The mention as it joins this event, or None where it tells another. In a battle each side acts
        on the other ("X attacked the base ... the army said it killed 30 X fighters"): a mention that names
        the sides the other way round, and gives no time of its own, joins with its roles turned; civilians
        killed in a battle's fighting by no one named ("12 civilians were killed in the fighting") are its
        toll, not one of its sides."""
        if m.counted_on and all(x.mention.sentence.index < m.mention.sentence.index for x in self.members):
            return None  # "days later": another act than those told before
        if m.own_time is not None and m.mention.typed_by == "trigger" and m.mention.later:
            return None  # "Later on Sunday, the guard detained two suspects": an act after the one told
        same_sentence = any(x.mention.sentence.index == m.mention.sentence.index for x in self.members)
        if (m.own_time is None and not m.own_place) or same_sentence:
            # a part of the act told before: with no day or place of its own, or in the sentence that told it
            if m.mention.sub_event_type in SPOILS and self.event_type() in VIOLENT:  # "the attackers also looted shops"
                m = replace(m, mention=replace(m.mention, event_type="", sub_event_type="", weapon=None,
                                               typed_by="fallback"))
            elif m.mention.sub_event_type == "Arrests" and self.event_type() == PROTESTS:  # "police detained 40"
                m = replace(m, mention=replace(m.mention, event_type=PROTESTS, sub_event_type=INTERVENTION, typed_by="cue"))
        kinds = {self.event_type(), m.mention.event_type}  # an act told untyped, then as a clash: a battle
        battle = BATTLES in kinds and kinds <= {"", BATTLES}
        toll = battle and m.actor1 is None and m.actor2 is not None and m.actor2.inter == CIVILIANS
        # another weapon joins where it names a place of the event's own, not a place in the event's country
        specific = self.place()
        if (m.mention.anaphoric or m.claimed_by is not None) and not m.own_place and not places_compatible(m.place, specific):
            # "the October 7 attack" in a paragraph on Gaza: the act told before, not placed by that paragraph; so
            # the act a claim tells again ("X claimed it on a radio station in Somalia, saying its fighters had
            # destroyed a vehicle")
            m = replace(m, place=None, evidence=[e for e in m.evidence if e.field != "place"])
        placed = m.own_place and m.place is not None and m.place.kind != "country" and (
            m.mention.event_type != REMOTE or (specific is not None and specific.kind != "country"))
        if m.unplaced and m.own_time is not None and not same_sentence and specific is not None \
                and specific.kind not in ("country", "sea") and any(x.own_place for x in self.members):
            return None  # "Also last week, rebels burned a school in Kiwirok": a village the gazetteer lacks, another day
        if self.other_act(m) or self.not_the_crowd(m) or not types_compatible(m.mention.event_type, self.event_type()) \
                or (self.other_weapon(m) and not toll and not placed and not m.mention.anaphoric) \
                or not dates_compatible(m.own_time or m.context_time, self.time(), tolerance=self.tolerance(m)) \
                or not places_compatible(m.place, specific):
            return None
        if toll:
            m = replace(m, actor2=None, evidence=[e for e in m.evidence if e.field != "actor2"])
        a1, a2 = self.actor("actor1"), self.actor("actor2")
        if self._sides(m.actor1, m.actor2, a1, a2):
            return m
        return _turned(m) if battle and m.own_time is None and self._sides(m.actor2, m.actor1, a1, a2) else None

    @staticmethod
    def _sides(mine1: Actor | None, mine2: Actor | None, a1: Actor | None, a2: Actor | None) -> bool:
        """Each side compatible with the event's, and neither known side in the other's place."""
        swapped = any(mine is not None and mine.known and theirs is not None and mine.name == theirs.name
                      for mine, theirs in ((mine1, a2), (mine2, a1)))
        return not swapped and actors_compatible(mine1, a1) and actors_compatible(mine2, a2)


def _turned(m: ResolvedMention) -> ResolvedMention:
    """The mention with its two sides (and the evidence for them) exchanged."""
    other = {"actor1": "actor2", "actor2": "actor1"}
    return replace(m, actor1=m.actor2, actor2=m.actor1,
                   evidence=[replace(e, field=other.get(e.field, e.field)) for e in m.evidence])


def _has_anchor(m: ResolvedMention) -> bool:
    """A back-reference ("the strike") starts an event of its own only with its own date, toll or town
    (no event told before was there: "led to the arrest of another five people in Irbil")."""
    return m.own_time is not None or m.fatalities is not None or m.injuries is not None or (
        m.own_place and m.place is not None and m.place.kind in ("city", "facility"))


def link_article(resolved: Resolved) -> list[Event]:
    clusters: list[_Cluster] = []  # the one the story last added to comes last
    for m in resolved.mentions:
        target, joining = None, m
        if not m.mention.another:
            target, joining = next(((c, j) for c in reversed(clusters) if (j := c.joined(m)) is not None), (None, m))
        if target is not None:
            target.members.append(joining)
            clusters.remove(target)
            clusters.append(target)
        elif not m.mention.doubted and (not m.mention.anaphoric or (_has_anchor(m) and not m.mention.plural)):
            new = _Cluster(m)
            if m.mention.similar and clusters:  # "a similar attack": of the kind, and by the author, told last
                new.like = clusters[-1]
            clusters.append(new)
    clusters.sort(key=lambda c: c.members[0].mention.trigger.start)

    for sentence, actor, words in resolved.responsibility:  # for the event told last before the claim or blame
        told = [(max(m.mention.sentence.index for m in c.members if m.mention.sentence.index <= sentence), i)
                for i, c in enumerate(clusters) if c.members[0].mention.sentence.index <= sentence]
        if not told:
            continue
        target = clusters[max(told)[1]]
        if words.field == "claimed_by":
            target.claimant, target.claim_evidence = actor, words
        elif target.actor("actor1") is None:  # blame names the doer only where the story named none
            target.attacker = actor, words

    for c in clusters:
        if c.actor("actor1") is None and c.claimant is None and c.attacker is None:
            c.attacker = _story_attacker(c, clusters)
    crowds = any(c.event_type() in lexicon().crowd for c in clusters)
    kept = [c for c in clusters if _codable(c)]
    events = [_event(c, resolved, crowds) for c in kept]
    told = [(c, e) for c, e in zip(kept, events, strict=True) if not _bare(c, e)]
    kept, events = [c for c, _ in told], [e for _, e in told]
    summaries = _summaries(events)
    for i, j in summaries.items():  # a battle's summary may name the sides the other way round
        doer = kept[j].actor("actor1")
        kept[j].members.extend(_turned(m) if doer is not None and m.actor2 is not None and m.actor2.name == doer.name
                               else m for m in kept[i].members)
    grown = set(summaries.values())  # only the events that took in a summary are told anew
    return [_event(c, resolved, crowds) if i in grown else events[i] for i, c in enumerate(kept) if i not in summaries]


def _summaries(events: list[Event]) -> dict[int, int]:
    """Events the story told only at country level that are another of its events told in full (a headline
    whose sides the body names the other way round; "the army said it repelled an attack" after the attack on
    a town's post): index of the summary -> index of the one event it can tell. Not demonstrations, which
    happen in many towns the same day."""
    def placed(e: Event) -> bool:
        return e.place is not None and e.place.kind != "country"

    out: dict[int, int] = {}
    for i, e in enumerate(events):
        fits = [] if placed(e) else [j for j, f in enumerate(events) if placed(f) and _tells(e, f)]
        if len(fits) == 1:
            out[i] = fits[0]
    return out


def _tells(e: Event, f: Event) -> bool:
    """``e`` can be ``f`` told more vaguely: the same event type, on days ``f`` gives at least as precisely,
    the same sides (either way round in a battle)."""
    if e.event_type != f.event_type or e.event_type in lexicon().crowd or _width(f.when) > _width(e.when) \
            or not (dates_compatible(e.when, f.when, dt.timedelta(0)) and places_compatible(e.place, f.place)):
        return False
    sides = _Cluster._sides(e.actor1, e.actor2, f.actor1, f.actor2)
    return sides or (e.event_type == BATTLES and _Cluster._sides(e.actor2, e.actor1, f.actor1, f.actor2))


def _width(when: DateInterval) -> dt.timedelta:
    return when.latest - when.earliest if when.earliest and when.latest else dt.timedelta.max


def _story_attacker(c: _Cluster, clusters: list[_Cluster]) -> tuple[Actor, Evidence] | None:
    """A strike the story tells without its author, in a story whose every act names one and the same
    author ("Israeli strikes on schools ... a strike on a school in central Gaza"): that author, with the
    words that named it. Not where anyone else acts in the story, nor where that author is the target."""
    if c.event_type() != REMOTE:
        return None
    authors: set[str] = set()
    told: dict[str, tuple[Actor, Evidence]] = {}  # an author of strikes, with the words that named them
    for other in clusters:
        a1 = other.actor("actor1") or other.claimant
        if other is c or a1 is None or not a1.known or a1.generic:
            continue
        authors.add(a1.name)
        ev = next((e for m in other.members for e in m.evidence if e.field == "actor1"), None)
        if ev is not None and other.event_type() == REMOTE:
            told.setdefault(a1.name, (a1, ev))
    if len(authors) != 1 or not told:
        return None
    author, ev = next(iter(told.values()))
    target = c.actor("actor2")
    return None if target is not None and actors_compatible(author, target) else (author, ev)


def _naming(actor: Actor) -> int:
    """How well a mention names an actor, best first: a dictionary name, a proper name the dictionary
    lacks, a description, other words."""
    if actor.known:
        return 2 if actor.generic else 0
    return 1 if actor.name[:1].isupper() else 3


def _codable(c: _Cluster) -> bool:
    """What an ACLED coder could code. Not an act dated only by its year ("returned in 2014 to fight IS");
    not one that names no weapon or kind of violence (in its words or to the sentence classifier), no
    place below a country and no party by name (background such as "fighting" in a country, where
    nothing tells what, where or who)."""
    t = c.own_time()
    if t is not None and t.precision == "year":
        return False
    typed = c.like is not None or c.typed()
    place = c.place()
    located = place is not None and place.kind != "country"
    named = any(a is not None and a.known and not a.generic and a.inter != CIVILIANS
                for m in c.members for a in (m.actor1, m.actor2))
    if c.event_type() == STRATEGIC:  # "remains in custody", "detention": a state, unless someone or somewhere is named
        return located or any(a is not None for m in c.members for a in (m.actor1, m.actor2))
    # an act on a named day that killed or wounded people it counts is one event, however vaguely told
    told = t is not None and t.precision == "day" and any(
        m.fatalities is not None or m.injuries is not None for m in c.members)
    return typed or located or named or told


def _bare(c: _Cluster, e: Event) -> bool:
    """An act told without who, where or how many ("families had fled fighting"): nothing to code. A place
    its words name counts, even one the gazetteer does not know."""
    return e.actor1 is None and e.actor2 is None and e.claimed_by is None and e.fatalities is None \
        and e.injuries is None and (e.place is None or e.place.kind == "country") \
        and not any(m.mention.places for m in c.members)


def _event(c: _Cluster, resolved: Resolved, crowds: bool = False) -> Event:
    """The event a cluster tells. In a story of demonstrations (``crowds``), property destroyed by no one
    named is the crowd's doing: a violent demonstration, as ACLED codes destruction during a riot."""
    lex = lexicon()
    a2 = c.actor("actor2") or c.likened("actor2")  # "a similar attack": on the like of the other's target
    default = "Attack" if a2 is not None and a2.name == "Civilians" else "Armed clash"
    sub = _sub_event_type(c, default)
    a1 = c.actor("actor1")
    if crowds and sub == DESTRUCTION and a1 is None:  # looting in a day of protests, though someone was shot
        sub = "Violent demonstration"
    if sub in SPOILS and any(m.fatalities for m in c.members) and not any(
            m.mention.weapon == "interception" or m.mention.weapon in lex.disrupted for m in c.members):  # not stopped
        sub = default  # houses burned or arms seized in a raid that killed: the raid, as ACLED codes them within it
    if sub in TERRITORY and a1 is not None and a1.inter:  # whose forces took the place decides (ACLED)
        sub = TERRITORY[0] if a1.inter in STATE_FORCES else TERRITORY[1]
    by_armed, agents = lex.armed_agent.get(sub, ("", frozenset()))
    if a1 is not None and a1.inter in agents:  # "settlers raided the village": no mob, an armed group's attack
        sub = by_armed
    armed, inters = lex.armed_target.get(sub, ("", frozenset()))
    if a2 is not None and a2.inter in inters:
        sub = armed
    elif sub == "Armed clash" and a2 is not None and a2.inter == CIVILIANS and not any(
            m.mention.sub_event_type for m in c.members):
        sub = "Attack"  # a clash only the classifier read, on civilians: no second armed side, an attack on them
    if c.like is not None and not c.typed():
        sub = _sub_event_type(c.like, sub)

    weapon = next((m.mention.weapon for m in c.members if m.mention.sub_event_type == sub and m.mention.weapon), None)
    first = c.members[0].mention
    place = c.place()
    when = c.own_time() or c.members[0].context_time or UNKNOWN_TIME
    # A story about one town, or in one province: what it tells of its news at country level once it named
    # the town or a place of the province happened there (not its background: "the 2021 massacre in the
    # north"), unless the act names a village of its own that the gazetteer lacks.
    for setting in (resolved.site, resolved.province) if _recent(when, resolved) else ():
        if setting is not None and place is not None and place.kind == "country" \
                and not any(m.unplaced for m in c.members):
            named, there = setting
            if there.country == place.country and first.sentence.index >= named:
                place = there
    key = f"{resolved.article.id}:{first.trigger.start}:{place.name if place else ''}"  # one clause, several sites

    fatal = [m.fatalities for m in c.members if m.fatalities is not None]
    hurt = [m.injuries for m in c.members if m.injuries is not None]
    attacker = c.attacker[0] if c.attacker else c.likened("actor1")
    if a1 is not None and a1.generic and c.claimant is not None and c.claimant.known and not c.claimant.generic:
        a1 = c.claimant  # "insurgents beheaded four men ... claimed by the Islamic State": the group that claimed it
    actor1, actor2 = _crowd(lex.event_type[sub], sub, a1 or c.claimant or attacker, a2)
    if sub in lex.no_counterpart and actor2 is not None:  # a peaceful protest that police met was no peaceful one
        sub, actor2 = (lex.no_counterpart[sub], actor2) if c.met_by_force(sub) else (sub, None)
    actor2 = actor2 or _default_target(lex.event_type[sub], actor1, any((*fatal, *hurt)))
    if actor1 is None and sub in lex.default_doer:  # "three villagers were shot dead": by unidentified gunmen
        actor1 = resolve_actor(lex.default_doer[sub])
    return Event(
        id=report_id(resolved.article.published, key),
        event_type=lex.event_type[sub],
        sub_event_type=sub,
        weapon=weapon,
        actor1=_with_country(actor1, place),
        actor2=_with_country(actor2, place),
        claimed_by=c.actor("claimed_by") or c.claimant,
        place=place,
        when=when,
        # one story gives partial and total figures in different sentences: the largest is its total
        fatalities=max(fatal) if fatal else None,
        injuries=max(hurt) if hurt else None,
        sources=[resolved.article.id],
        evidence=[e for m in c.members for e in m.evidence] + ([c.claim_evidence] if c.claim_evidence else [])
        + ([c.attacker[1]] if c.attacker and a1 is None and c.claimant is None else []),
    )


RECENT = dt.timedelta(days=31)  # a story's news, as against its background


def _recent(when: DateInterval, resolved: Resolved) -> bool:
    """Within a month of publication, or of no date known."""
    published = resolved.article.published
    return published is None or when.latest is None or when.latest >= published - RECENT


def _default_target(event_type: str, actor1: Actor | None, casualties: bool) -> Actor | None:
    """Who the act was done to when the text names no one (taxonomy.yaml's default_target): the civilians
    of an abduction, the state's military in a battle an armed group fought, the civilians a state's strike
    killed."""
    target, first, needs_casualties = lexicon().default_target.get(event_type, (None, None, False))
    if target is None or (first is not None and (actor1 is None or actor1.inter not in first)) \
            or (needs_casualties and not casualties):
        return None
    return resolve_actor(target)


def _crowd(event_type: str, sub: str, a1: Actor | None, a2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """The demonstrators of a protest or riot named and placed as ACLED codes them (taxonomy.yaml's crowd)."""
    lex = lexicon()
    if event_type not in lex.crowd:
        return a1, a2
    name, inter = lex.crowd[event_type]
    crowds = {n for n, _ in lex.crowd.values()}
    crowd = Actor(name, inter, None, known=True, generic=True)
    if a2 is not None and a2.name in crowds:  # "police dispersed protesters"
        a1, a2 = a2, a1
    if a1 is not None and a1.inter in STATE_FORCES and (a2 is None or a2.name in crowds or a2.inter == CIVILIANS):
        a1, a2 = a2, a1  # "police fired tear gas at students": the force is the crowd's counterpart
    if a1 is None or a1.name in crowds or not a1.known or a1.inter == CIVILIANS or event_type in lex.crowd_only:
        a1 = crowd  # the people who demonstrate are the crowd
    return (a2, a1) if sub in lex.force_first else (a1, a2)


def _sub_event_type(c: _Cluster, default: str) -> str:
    """By ACLED priority among the types a cue or trigger gave; else the classifier's reading (the one that
    agrees with a trigger word's usual sense, else its most frequent); else the trigger word's usual sense;
    else the default (no weapon, no kind of violence named)."""
    lex = lexicon()
    cued = [m.mention.sub_event_type for m in c.members if m.mention.sub_event_type and m.mention.typed_by != "fallback"]
    suggested = [m.mention.suggested_type for m in c.members if m.mention.suggested_type]
    usual = [m.mention.sub_event_type for m in c.members if m.mention.sub_event_type]
    if cued:
        return min(cued, key=lex.rank)
    agreed = [x for x in suggested if x in usual]  # the classifier confirms a trigger's usual sense
    if agreed or suggested:
        return Counter(agreed or suggested).most_common(1)[0][0]
    return min(usual, key=lex.rank) if usual else default


def _with_country(actor: Actor | None, place: Place | None) -> Actor | None:
    """ACLED names unnamed groups, demonstrators, rioters and communities' militias by the country they act
    in (actors.yaml country_in_name): 'Unidentified Armed Group (Iraq)', 'Protesters (Kenya)', 'Fulani Ethnic
    Militia (Mali)'."""
    if actor is None or place is None or not place.country:
        return actor
    if actor.name not in actor_dictionary().country_named:
        return actor_dictionary().in_country(actor, place.country)  # "police": Police Forces of <country>
    return replace(actor, name=f"{actor.name} ({place.country})", country=place.country)


UNKNOWN_TIME = DateInterval(None, None, None, "unknown")
