"""The sentence classifier's say beside the trigger rules: doubt what it is sure reports no event (it may
add to an event, not start one), type what no cue typed, and find events the trigger lexicon has no word
for. Thresholds in data/classifier.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.tokens import Span, Token

from sitrep.data import read_yaml
from sitrep.extract.classifier import NONE, EventClassifier
from sitrep.extract.lexicon import Lexicon, lexicon
from sitrep.extract.timing import REPORTING
from sitrep.extract.triggers import GRENADE, gunfire, keep, lemma
from sitrep.models import EventMention


@dataclass(frozen=True)
class Thresholds:
    doubt_when_none_above: float
    retype_when_above: float
    add_when_event_above: float


@lru_cache(maxsize=1)
def thresholds() -> Thresholds:
    cfg = read_yaml("classifier.yaml")
    return Thresholds(*(float(cfg[k]) for k in Thresholds.__dataclass_fields__))


@dataclass(frozen=True)
class Verdict:
    none: float  # probability that the sentence reports no event
    label: str  # the most likely sub-event type
    p: float  # its probability


def verdicts(model: EventClassifier, sents: list[Span]) -> list[Verdict]:
    probs = model.probabilities([s.text for s in sents])
    none_col = model.labels.index(NONE)
    events = np.array([i for i in range(len(model.labels)) if i != none_col])
    out = []
    for row in probs:
        best = int(events[np.argmax(row[events])])
        out.append(Verdict(float(row[none_col]), model.labels[best], float(row[best])))
    return out


def judged(found: list[EventMention], verdict: Verdict, sent: Span) -> list[EventMention]:
    """The rules' mentions of one sentence, doubted or typed by the classifier's verdict on it."""
    limits = thresholds()
    for m in found:  # a toll of its own, or an act told outright, is the text's word against the classifier's
        m.doubted = verdict.none > limits.doubt_when_none_above and m.fatalities is None and m.injuries is None \
            and not _told_outright(m, sent)
    if verdict.p >= limits.retype_when_above and not (verdict.label == GRENADE and gunfire(sent, lexicon())):
        for m in found:
            if (m.typed_by == "fallback" or not m.sub_event_type) and not _whose(m, sent):
                m.suggested_type = verdict.label  # taken by the event if no mention of it has a cue (link stage)
    return found


def _whose(m: EventMention, sent: Span) -> bool:
    """"Its fighters had carried out the attack", "blamed X for the attack": a sentence on who did an act told
    before says nothing of what it was (the classifier reads such claims as suicide bombings)."""
    if not m.anaphoric:
        return False
    lex = lexicon()
    tok = next((t for t in sent if t.idx == m.trigger.start), None)
    heads = [tok.head, tok.head.head] if tok is not None else []  # "for the attack": through its preposition
    whose = lex.performing | lex.attribution | lex.claiming
    return any(lemma(h) in whose for h in heads)


def _told_outright(m: EventMention, sent: Span) -> bool:
    """The sentence's main verb is the act, with its doer and a time of its own ("The US and Britain struck
    Houthi sites on Friday, retaliating for ..."): the plainest report of an event, whatever the clauses
    around it that make the classifier read background."""
    root = sent.root
    return root.idx == m.trigger.start and root.pos_ == "VERB" and m.actor1 is not None \
        and any(t not in m.reported_times for t in m.times)


def event_head(sent: Span, lex: Lexicon) -> Token | None:
    """The verb that tells what happened in a sentence the classifier finds an event in: its main verb, or
    the reported clause's ("police said gunmen stormed ..."), if it is neither negated nor intended."""
    head = sent.root
    if lemma(head) in REPORTING:
        head = next((c for c in head.children if c.dep_ in ("ccomp", "xcomp")), head)
    if head.pos_ != "VERB" or lemma(head) in ("be", "have", "do") or not keep(head, lex):
        return None  # "two-thirds were girls": a copula tells no act
    return head


def wants_new(verdict: Verdict) -> bool:
    return verdict.p >= thresholds().add_when_event_above


def typed(found: list[EventMention], verdict: Verdict, lex: Lexicon) -> list[EventMention]:
    """Mentions made from the classifier's verdict take its type."""
    for m in found:
        m.sub_event_type, m.event_type, m.typed_by = verdict.label, lex.event_type[verdict.label], "classifier"
    return found
