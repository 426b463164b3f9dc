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
    cue_words: dict[str, str]  # single-word cue lemma -> sub-event type
    cue_phrases: dict[str, str]  # multi-word lower-cased cue -> sub-event type
    disrupted: frozenset[str]
    intent: frozenset[str]
    countable: frozenset[str]
    civilian: frozenset[str]
    persons: frozenset[str]
    fallback: dict[str, str]  # trigger lemma -> sub-event type when the clause names no weapon
    purpose_heads: frozenset[str]
    habitual: frozenset[str]
    event_type: dict[str, str]  # sub-event type -> event type
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
            (phrases if " " in cue else words).setdefault(cue.lower(), sub)
    return Lexicon(
        verbs=frozenset(trig["verbs"]),
        nouns=frozenset(trig["nouns"]),
        needs_weapon=frozenset(trig["needs_weapon"]),
        cue_words=words,
        cue_phrases=phrases,
        disrupted=frozenset(trig["disrupted"]),
        intent=frozenset(trig["intent"]),
        countable=frozenset(trig["countable"]),
        civilian=frozenset(trig["civilian"]),
        persons=frozenset(trig["persons"]),
        fallback=dict(trig.get("fallback") or {}),
        purpose_heads=frozenset(trig.get("purpose_heads") or []),
        habitual=frozenset(trig.get("habitual") or []),



        event_type={k: v["event_type"] for k, v in tax["sub_event_types"].items()},
        priority=tuple(tax["priority"]),
    )
