"""The trigger lexicon and ACLED taxonomy, loaded from the data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitrep.data import read_yaml


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]
    needs_weapon: frozenset[str]
    objects: frozenset[str]  # besides weapons, what makes a needs_weapon verb an event (seized a town)
    verb_objects: dict[str, frozenset[str]]  # verbs that are triggers only with these objects ("opened fire")
    set_off: frozenset[str]  # of those, verbs whose subject set off a hidden charge: the act's target
    trigger_types: dict[str, str]  # trigger lemma -> sub-event type it decides over the clause's weapons
    refinements: dict[str, tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]]  # type -> (to, words, phrases)
    cue_words: dict[str, str]  # single-word cue lemma -> sub-event type
    cue_phrases: dict[str, str]  # multi-word lower-cased cue -> sub-event type
    disrupted: frozenset[str]
    intent: frozenset[str]
    countable: frozenset[str]
    toll_nouns: frozenset[str]  # countable nouns that are a tally only within a period
    toll_verbs: dict[str, str]  # verb lemma -> what its counts count, as a tally only within a period
    tally_verbs: dict[str, str]  # verb lemma -> what its counts count, always a tally
    civilian: frozenset[str]
    officers: frozenset[str]  # members of a state force that do not say which ("two officers")
    armed_bodies: frozenset[str]  # groups a titled person can lead or serve ("the leader of the gang")
    persons: frozenset[str]
    demonstrators: frozenset[str]  # people at a demonstration: their deaths there are its event
    ordinals: frozenset[str]  # "a second attack": an act besides one told before
    payloads: frozenset[str]  # cue phrases of what a weapon set after them carries ("explosive-laden")
    carried: frozenset[str]  # cue phrases of what a weapon set before them carries ("loaded with explosives")
    unknown_doers: frozenset[str]  # "unidentified gunmen": not the group the story named before
    gunfire: frozenset[str]  # words of gunfire: a grenade among them decides no sub-event type
    separate: frozenset[str]  # "a separate strike" on a place of its own: an act besides one told before
    individuals: frozenset[str]  # words for one person at a time ("a soldier was killed": one death)
    titles: frozenset[str]  # a person's title that ties them to the group named beside it
    affiliation: frozenset[str]  # "loyal", "link": fighters tied to the group named after the word are that group
    fallback: dict[str, str]  # trigger lemma -> sub-event type when the clause names no weapon
    fallback_unless_by: dict[str, frozenset[str]]  # fallback sub-event type -> doers whose act it is not
    purpose_heads: frozenset[str]
    reprisal: frozenset[str]  # what an act answers ("a response to X"): X is a point of reference
    commemoration: frozenset[str]  # what marks an act ("the anniversary of X"): X is a point of reference
    done_to: frozenset[str]  # cue verbs that tell an intervention only with an object or in the passive ("dispersed")
    motion: frozenset[str]  # verbs whose "to"/"towards" place is a destination, not where the act was
    transport: frozenset[str]  # verbs of carrying people: their "to" place is a destination, their "from" place is not
    care: frozenset[str]  # words of caring for the hurt: where they are treated is no place of the act
    operate: frozenset[str]  # verbs of working a weapon: "an aircraft operated by X" is X's
    support: frozenset[str]  # verbs of a side's support: "backed by drones" does not make a drone strike
    seizure: frozenset[str]  # verbs of finding or taking things: "recovered a drone kit" makes no drone strike
    informants: frozenset[str]  # who tells news from where they are: "a military source in Mokolo said"
    claiming: frozenset[str]  # verb lemmas, or "lemma object", that claim an act ("claim", "take credit")
    blaming: frozenset[str]  # verb lemmas, or "lemma word", that blame someone for an act ("blame", "hold responsible")
    attribution: frozenset[str]  # verbs that say who did an act ("attributed to X", "accused X of")
    record: frozenset[str]  # words of a person's record ("who was involved in attacks")
    reciprocal: frozenset[str]  # acts of two sides: "clashed with X" names the other side
    performing: frozenset[str]  # verbs whose agent performed the plural acts they take ("conducted airstrikes")
    habitual: frozenset[str]
    other_senses: dict[str, frozenset[str]]  # trigger lemma -> words beside it that make it no act ("hunger strike")
    led_away: frozenset[str]  # crowd verbs done to people ("marched the captives into the forest"): no protest
    grievance: frozenset[str]  # "protested against", "demanding": what follows is the demonstration's cause
    holdings: frozenset[str]  # what an armed party holds ("Houthi positions"): its holder is the target
    territory: tuple[frozenset[str], frozenset[str]]  # (verbs, objects) that take ground ("captured an outpost")
    civilian_sites: frozenset[str]  # words that make a holding civilian ("a refugee camp")
    charges: frozenset[str]  # "charged with", "convicted of": what follows is an accusation, not an act told
    event_type: dict[str, str]  # sub-event type -> event type
    crowd: dict[str, tuple[str, int]]  # event type -> (ACLED actor name of its crowd, inter code)
    force_first: frozenset[str]  # sub-event types of demonstrations whose first actor is the force
    crowd_only: frozenset[str]  # event types whose first actor is always the crowd
    no_counterpart: dict[str, str]  # sub-event type with no second actor -> its type when a state force met it
    default_doer: dict[str, str]  # sub-event type -> who did it when the text names no one
    default_target: dict[str, tuple[str, frozenset[int] | None, bool]]  # event type -> (the actor its acts are
    # done to when the text names none, the inter codes of the first actor it needs or None: any, whether only
    # when the act killed or wounded someone)
    armed_target: dict[str, tuple[str, frozenset[int]]]  # sub-event type -> (its type when done to an actor of
    # these inter codes)
    armed_agent: dict[str, tuple[str, frozenset[int]]]  # sub-event type -> (its type when done by an actor of these)
    priority: tuple[str, ...]

    def rank(self, sub_event_type: str) -> int:
        return self.priority.index(sub_event_type) if sub_event_type in self.priority else len(self.priority)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    trig = read_yaml("triggers.yaml")
    tax = read_yaml("taxonomy.yaml")
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for sub, cues in trig["cues"].items():
        for cue in cues:
            (phrases if _phrase(cue) else words).setdefault(cue.lower(), sub)
    return Lexicon(
        verbs=frozenset(trig["verbs"]),
        nouns=frozenset(trig["nouns"]),
        needs_weapon=frozenset(trig["needs_weapon"]),
        objects=frozenset(trig.get("objects") or []),
        verb_objects={v: frozenset(o) for v, o in (trig.get("verb_objects") or {}).items()},
        set_off=frozenset(trig.get("set_off") or []),
        trigger_types=dict(trig.get("trigger_types") or {}),
        refinements={sub: tuple(_refinement(r) for r in rules) for sub, rules in (tax.get("refinements") or {}).items()},
        cue_words=words,
        cue_phrases=phrases,
        disrupted=frozenset(trig["disrupted"]),
        intent=frozenset(trig["intent"]),
        countable=frozenset(trig["countable"]),
        toll_nouns=frozenset(trig.get("toll_nouns") or []),
        toll_verbs=dict(trig.get("toll_verbs") or {}),
        tally_verbs=dict(trig.get("tally_verbs") or {}),
        civilian=frozenset(trig["civilian"]),
        officers=frozenset(trig.get("officers") or []),
        armed_bodies=frozenset(trig.get("armed_bodies") or []),
        persons=frozenset(trig["persons"]),
        demonstrators=frozenset(trig.get("demonstrators") or []),
        ordinals=frozenset(trig.get("ordinals") or []),
        payloads=frozenset(trig.get("payloads") or []),
        carried=frozenset(trig.get("carried") or []),
        unknown_doers=frozenset(trig.get("unknown_doers") or []),
        gunfire=frozenset(trig.get("gunfire") or []),
        separate=frozenset(trig.get("separate") or []),
        individuals=frozenset(trig.get("individuals") or []),
        titles=frozenset(trig.get("titles") or []),
        affiliation=frozenset(trig.get("affiliation") or []),
        fallback=dict(trig.get("fallback") or {}),
        fallback_unless_by={t: frozenset(words) for t, words in (trig.get("fallback_unless_by") or {}).items()},
        purpose_heads=frozenset(trig.get("purpose_heads") or []),
        reprisal=frozenset(trig.get("reprisal") or []),
        commemoration=frozenset(trig.get("commemoration") or []),
        done_to=frozenset(trig.get("done_to") or []),
        motion=frozenset(trig.get("motion") or []),
        transport=frozenset(trig.get("transport") or []),
        care=frozenset(trig.get("care") or []),
        operate=frozenset(trig.get("operate") or []),
        support=frozenset(trig.get("support") or []),
        seizure=frozenset(trig.get("seizure") or []),
        informants=frozenset(trig.get("informants") or []),
        claiming=frozenset(trig.get("claiming") or []),
        blaming=frozenset(trig.get("blaming") or []),
        attribution=frozenset(trig.get("attribution") or []),
        record=frozenset(trig.get("record") or []),
        reciprocal=frozenset(trig.get("reciprocal") or []),
        performing=frozenset(trig.get("performing") or []),
        habitual=frozenset(trig.get("habitual") or []),
        other_senses={k: frozenset(v) for k, v in (trig.get("other_senses") or {}).items()},
        led_away=frozenset(trig.get("led_away") or []),
        charges=frozenset(trig.get("charges") or []),
        grievance=frozenset(trig.get("grievance") or []),
        holdings=frozenset(trig.get("holdings") or []),
        territory=(frozenset((trig.get("territory") or {}).get("verbs") or []),
                   frozenset((trig.get("territory") or {}).get("objects") or [])),
        civilian_sites=frozenset(trig.get("civilian_sites") or []),
        event_type={k: v["event_type"] for k, v in tax["sub_event_types"].items()},
        priority=tuple(tax["priority"]),
        crowd={t: (c["actor"], int(c["inter"])) for t, c in (tax.get("crowd") or {}).items()},
        force_first=frozenset(tax.get("force_first") or []),
        crowd_only=frozenset(tax.get("crowd_only") or []),
        no_counterpart=dict(tax.get("no_counterpart") or {}),
        default_target={t: (str(d["target"]), frozenset(d["when_first_is"]) if d.get("when_first_is") else None,
                            bool(d.get("when_casualties")))
                        for t, d in (tax.get("default_target") or {}).items()},
        default_doer={t: str(d) for t, d in (tax.get("default_doer") or {}).items()},
        armed_target={t: (str(d["to"]), frozenset(d["when_second_is"])) for t, d in (tax.get("armed_target") or {}).items()},
        armed_agent={t: (str(d["to"]), frozenset(d["when_first_is"])) for t, d in (tax.get("armed_agent") or {}).items()},
    )


def _refinement(rule: dict[str, object]) -> tuple[str, frozenset[str], tuple[str, ...]]:
    cues = [str(c).lower() for c in rule["cues"]]  # type: ignore[attr-defined]
    return str(rule["to"]), frozenset(c for c in cues if not _phrase(c)), tuple(c for c in cues if _phrase(c))


def _phrase(cue: str) -> bool:
    """Matched in the text, not word by word: several words, or one the tokenizer splits ("sit-in")."""
    return " " in cue or "-" in cue
