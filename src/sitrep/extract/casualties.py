"""Casualty figures in a clause: regular expressions for the usual phrasings ("killing at least four",
"five people were killed"), the parse for the rest, and "no casualties"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.extract.lexicon import lexicon
from sitrep.extract.tree import hung_on
from sitrep.extract.triggers import lemma
from sitrep.models import Sentence, Slot

NUM = r"(?:(?<!:)\d+(?:,\d{3})*(?![\d,]\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
      r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|" \
      r"hundred|a dozen|dozens|scores|hundreds|several|a few|many)(?:[- ](?:one|two|three|four|five|six|seven|" \
      r"eight|nine|hundred|thousand))*"


QUAL = r"(?:(?:at least|more than|over|nearly|almost|around|about|some|roughly|up to|as many as|all|" \
       r"an estimated|approximately|fewer than|less than|at most)\s+)?"


# the victims' words: no other figure nor toll ("55 dead and 146 wounded", "two died and four were injured"), nor a span
# of time ("three days after gunmen shot dead two men" counts no three)
WHO = r"(?:(?!\d|(?:died|dead|killed|wounded|injured|minutes?|hours?|days?|weeks?|months?|years?|after|before)\b)" \
      r"[\w'-]+\s+){0,4}?"


KILLED = r"(?:killed|dead|died|deaths?|fatalities|fatality|lives|were killed|was killed|have died|eliminated|lynched|martyred)"


HURT = r"(?:injur(?:ed|ies|y)|wound(?:ed|s)?|hurt|casualties)"


FATAL_PATTERNS = [
    re.compile(rf"\b(?:kill(?:ing|ed|s)?|lynch(?:ing|ed|es)?)\s+(?P<n>{QUAL}{NUM})\b", re.I),
    re.compile(rf"\bleft\s+(?P<n>{QUAL}{NUM})\s+{WHO}dead\b", re.I),  # "left 12 dead", not "left many homes"
    re.compile(rf"\b(?P<n>{QUAL}{NUM})\s+{WHO}(?:(?:were|was|have been|had been|are|being)\s+(?:reported\s+)?)?"
               rf"(?:to have been\s+)?{KILLED}\b", re.I),
    re.compile(rf"\b(?:death|deaths) of (?P<n>{QUAL}{NUM})\b", re.I),
    re.compile(rf"\bdeath toll\b(?:\s+[\w'-]+){{0,6}}?\s+(?:rose|risen|climbed|reached|jumped|increased|stands at|"
               rf"stood at|is|was)\s+(?:to\s+)?(?P<n>{QUAL}{NUM})\b", re.I),
]


INJURED_PATTERNS = [
    re.compile(rf"\b(?:injur(?:ing|ed)|wound(?:ing|ed))\s+(?P<n>{QUAL}{NUM})\b", re.I),
    re.compile(rf"\b(?P<n>{QUAL}{NUM})\s+{WHO}(?:(?:were|was|have been|had been|are)\s+)?{HURT}\b", re.I),
]


NONE_HURT = re.compile(r"\bno\s+(?:casualties|injuries|deaths|fatalities|one was (?:hurt|killed|injured))"
                       r"|without casualties|no one was (?:hurt|killed|injured)", re.I)


def casualties(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None, bool]:
    fatal = next((m for p in FATAL_PATTERNS if (m := p.search(text))), None)
    hurt = next((m for p in INJURED_PATTERNS if (m := p.search(text))), None)
    return fatal, hurt, bool(NONE_HURT.search(text))


KILL = {"kill", "die", "slay", "eliminate", "lynch", "martyr"}


HURT_LEMMAS = {"wound", "injure", "hurt", "maim"}


def parsed_casualties(group: list[Token], sent_index: int, individuals: frozenset[str]
                      ) -> tuple[Slot | None, Slot | None]:
    """Counts the regular expressions miss because words stand between number and verb: "More than 90
    other people, including displaced civilians in nearby tents, were killed"; one person killed or hurt,
    named or described ("the commander was killed", "shot dead a police officer"), a count of one (a Slot
    labelled ONE); and victims counted in parts ("two soldiers and a civilian", labelled SUM)."""
    found: dict[str, Slot] = {}
    told = [v for t in group if (v := hung_on(t)) is not None]  # "died in the attack"
    for tok in [*group, *told]:
        shot_dead = lemma(tok) == "shoot" and any(c.lower_ == "dead" or any(map(resultative, c.children))
                                                  for c in tok.children)
        to_death = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                       for c in tok.children)  # "stabbed to death", "beaten to death"
        key = "fatal" if lemma(tok) in KILL or shot_dead or to_death else "hurt" if lemma(tok) in HURT_LEMMAS else None
        if key is None or key in found:
            continue
        doc = tok.doc
        subject = tok.tag_ == "VBN" or lemma(tok) == "die"  # "were killed", "died": the subject is the victim
        victims = [c for c in tok.children if c.dep_ in (("nsubjpass", "nsubj") if subject else ("dobj",))]
        for v in victims:
            listed = next((a for a in v.children if a.dep_ == "appos" and a.conjuncts), None)  # "X, his wife and Y"
            members = (v, *v.conjuncts, *((listed, *listed.conjuncts) if listed is not None else ()))
            parts = [_count_start(x, individuals) for x in members]
            if len(parts) > 1 and None not in parts:
                last = max(members, key=lambda x: x.i)
                span = doc[min(p for p in parts if p is not None) : last.i + 1]
                found[key] = Slot(span.text, span.start_char, span.end_char, sent_index, label=SUM)
            elif len(parts) == 1 and parts[0] is not None:
                num = next((c for c in v.children if c.dep_ == "nummod" and c.like_num), None)
                span = doc[parts[0] : num.i + 1] if num is not None else doc[v.i : v.i + 1]
                found[key] = Slot(span.text, span.start_char, span.end_char, sent_index, label="" if num else ONE)
    return found.get("fatal"), found.get("hurt")


def resultative(tok: Token) -> bool:
    """The 'dead' of "shot dead two soldiers" where the parser hangs it on the victims: how the act ended,
    right after its verb, not a word of the victims' name."""
    return tok.dep_ == "amod" and tok.lower_ == "dead" and tok.i > 0 and tok.doc[tok.i - 1] == tok.head.head \
        and tok.head.head.pos_ == "VERB"


ONE = "ONE"  # the label of a casualty slot that names one person instead of a number
SUM = "SUM"  # the label of one that counts its victims in parts ("three soldiers and a civilian")


def _count_start(victim: Token, individuals: frozenset[str]) -> int | None:
    """Where the count of one victim phrase starts: its number ("at least five civilians"), or the person
    itself when it is one ("a soldier", "the commander", "Jean Mbeki"); None when it gives no count."""
    num = next((c for c in victim.children if c.dep_ == "nummod" and c.like_num), None)
    if num is not None:
        return num.left_edge.i  # with its qualifier: "at least five"
    if victim.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in victim.children):
        return victim.left_edge.i  # "three of their children"
    if victim.ent_type_ == "PERSON" and victim.pos_ == "PROPN":
        return victim.left_edge.i if victim.left_edge.ent_type_ == "PERSON" else victim.i
    det = next((c for c in victim.children if c.dep_ in ("det", "poss")
                and c.lower_ not in ("no", "every", "each", "any")), None)
    return det.i if victim.tag_ == "NN" and lemma(victim) in individuals and det is not None else None


def running_toll(kept: list[Token]) -> bool:
    """ "More than 150 people have been killed on the Lebanese side": a toll to date (present perfect, no
    date, no strike or attack named with it), not one event."""
    return all(lemma(t) in KILL | HURT_LEMMAS and t.tag_ == "VBN" and not one_act_in_perfect(t)
               and any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in t.children) for t in kept)


def one_act_in_perfect(verb: Token) -> bool:
    """The perfect of one act, as news leads tell it: "have been killed in a clash", "have killed six people
    at a bar" (one act or one site, with "a"), not "have been killed in the fighting" or "in the region"."""
    lex = lexicon()
    return any(t.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
               and (lemma(t) in lex.nouns or lemma(t) in lex.cue_words or t.head.lower_ == "at")
               for t in verb.subtree if t.dep_ == "pobj" and t.head.head.i == verb.i)


def num_slot(m: re.Match[str] | None, offset: int, sent_index: int) -> Slot | None:
    """The number phrase itself ("at least six"), not the words around it."""
    if m is None:
        return None
    return Slot(m.group("n"), offset + m.start("n"), offset + m.end("n"), sent_index)


def zero_slot(flag: bool, sentence: Sentence) -> Slot | None:
    if not flag:
        return None
    m = NONE_HURT.search(sentence.text)
    assert m is not None
    return Slot(m.group(0), sentence.start + m.start(), sentence.start + m.end(), sentence.index)
