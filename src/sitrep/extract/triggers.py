"""Find the words that report a violent event and decide whether each reports a real, specific event.

A trigger is dropped when its clause is negated ("no attacks were recorded", "did not confirm any
launch"), states an intention ("preparing to launch a drone"), is hypothetical ("would strike"), or is a
generic or counted reference ("rocket and drone attacks", "many attacks", "76 times"): those are not
events (the counted ones become claims).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon, lexicon
from sitrep.extract.tree import prep_objects
from sitrep.nlp.pipeline import is_headline

NON_SPECIFIC_DETS = {"no", "any", "every", "each", "many", "several", "most", "these", "those", "such",
                     "numerous", "various", "further", "more", "few", "other", "frequent", "repeated",
                     "sporadic", "all", "dozens", "hundreds", "countless", "some", "much", "less", "fewer"}
DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our"}
MODALS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll"}
DURATIONS = {"year", "month", "decade", "week"}
SERIES = ("series", "wave", "string", "spate", "round", "salvo")  # "a series of strikes": one act told in parts
DAY_NAMES = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
                       r"january|february|march|april|may|june|july|august|september|october|november|december)$", re.I)
NEGATORS = {
"not", "never", "n't", "no"}
DENIAL_VERBS = {"deny", "refute", "reject", "dismiss"}
UNTRUE = {"falsely", "wrongly", "untruthfully"}  # "falsely claimed that the rebels seized the base": no act told

GRENADE = "Grenade"  # a sub-event type a gun attack's clause does not take (gunfire)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def interception(tok: Token, lex: Lexicon) -> bool:
    """A word that stops a weapon ("intercept", "downed"), or a verb that does with its particle ("shot
    down", "brought down", "shot all of them down")."""
    phrasal = {f"{lemma(tok)}_{c.lower_}" for c in tok.children
               if c.dep_ in ("prt", "advmod") and c.pos_ in ("ADP", "ADV") and c.i > tok.i}
    return not lex.disrupted.isdisjoint({tok.lower_, lemma(tok), *phrasal})


def is_trigger(tok: Token, lex: Lexicon) -> bool:
    low, lem = tok.lower_, lemma(tok)
    if lem in lex.verb_objects and tok.pos_ == "VERB":  # "opened fire", "set fire to", "was set on fire", "set ablaze"
        said = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "acomp", "advmod", "xcomp", "advcl", "prt", "prep")]
        said += prep_objects(tok)
        return any(lemma(c) in lex.verb_objects[lem] or c.lower_ in lex.verb_objects[lem] for c in said)
    if lem not in lex.verbs and lem not in lex.nouns and low not in lex.nouns and lem != "shoot":
        return False  # most words: no need to look at the part of speech
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lem not in lex.verbs and not (lem == "shoot" and any(c.lower_ == "down" for c in tok.children)):
            return False
        if lem in lex.needs_weapon:
            return has_weapon(tok, lex)
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        return lem in lex.nouns or low in lex.nouns
    return False


def gunfire(tokens: Iterable[Token], lex: Lexicon) -> bool:
    """Words of gunfire among the tokens (triggers.yaml gunfire): a grenade thrown with them is part of a gun
    attack, not a grenade event."""
    words = list(tokens)
    low = " ".join(t.lower_ for t in words)
    return any(lemma(t) in lex.gunfire or t.lower_ in lex.gunfire for t in words) or any(
        " " in w and f" {w} " in f" {low} " for w in lex.gunfire)


def has_weapon(tok: Token, lex: Lexicon) -> bool:
    """A cue word (drone, missile, strike...) among the verb's object, subject or prepositional phrases."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj", "prep", "obj", "attr", "oprd"):
            for t in child.subtree:
                if lemma(t) in lex.cue_words or lemma(t) in lex.nouns or lemma(t) in lex.objects \
                        or t.lower_ in lex.cue_words:
                    return True
    return False


def negated(tok: Token) -> bool:
    """Negation on the trigger or on the verb that governs it, or a quantifier 'no'/'none of'."""
    for t in (tok, tok.head):
        if any(c.dep_ == "neg" or (c.lower_ in ("no", "none") and c.dep_ in ("det", "nsubj", "nsubjpass"))
               for c in t.children):
            return True
        if lemma(t) in DENIAL_VERBS:
            return True
    for anc in tok.ancestors:
        if lemma(anc) in DENIAL_VERBS or (any(c.dep_ == "neg" or c.lower_ in UNTRUE for c in anc.children) \
                and anc.pos_ == "VERB" and anc.dep_ in ("ROOT", "ccomp", "conj") and anc.i < tok.i and _reports(anc)):
            return True
        if anc.dep_ in ("ROOT",):
            break
    return False


def _reports(verb: Token) -> bool:
    return lemma(verb) in {"confirm", "say", "report", "claim", "record", "acknowledge", "comment"}


def intended(tok: Token, lex: Lexicon) -> bool:
    """Under an intention or modal: 'preparing to launch', 'about to conduct', 'would strike'."""
    if any(c.lower_ in MODALS and c.dep_ == "aux" for c in tok.children):
        return True
    if _purpose(tok, lex):
        return True  # "troops returned in 2014 to fight Islamic State": a purpose

    node = tok
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "conj" and lemma(head) not in lex.intent:  # "intention of killing ... and looting":
            node = head  # the second of two acts is governed as the first is
            if _purpose(node, lex):  # "deployed to rescue the victims and arrest the perpetrators"
                return True
            continue
        infinitive = node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if (infinitive or node.dep_ in ("xcomp", "dobj", "pobj", "pcomp", "prep", "acomp", "advcl", "ccomp")) \
                and lemma(head) in lex.intent:  # "in a bid to kill"
            return True
        if any(c.lower_ in MODALS and c.dep_ == "aux" for c in head.children) \
                and node.dep_ in ("xcomp", "dobj", "ccomp", "prep", "pcomp"):  # "can focus on detaining"
            return True
        if node.dep_ not in ("xcomp", "dobj", "pobj", "pcomp", "prep", "aux", "compound", "amod", "acomp") \
                and not infinitive:  # "preparing an offensive to retake the city"
            break
        node = head
    return False


def _purpose(tok: Token, lex: Lexicon) -> bool:
    """A "to"-infinitive after a verb of going or sending (triggers.yaml purpose_heads)."""
    return tok.dep_ in ("advcl", "xcomp") and lemma(tok.head) in lex.purpose_heads and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)


RECENT = re.compile(r"\b(?:in|over|during) (?:the )?(?:recent|past|last) (?:few |several )?(?:days|weeks|months)\b", re.I)


def _present_perfect(tok: Token) -> Token | None:
    """The verb in the present perfect whose act the token tells, the first of a chain ("have killed civilians,
    raped women and detained officials"); None where it is in no such tense."""
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    perfect = verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children)
    return verb if perfect else None


def _summed_up(tok: Token) -> bool:
    """Acts told in the present perfect over recent days or weeks: a summary of what the story tells one by one
    (or a tally), not one act."""
    return _present_perfect(tok) is not None and RECENT.search(tok.sent.text) is not None


VAGUE_MANY = {"hundreds", "thousands", "scores"}


def _in_general(tok: Token) -> bool:
    """Acts told in the present perfect, with no time, of people counted by no figure or by hundreds ("security
    forces have arrested hundreds of suspects", "gangs have attacked transport workers"): what has been done over
    a while, not one act."""
    verb = _present_perfect(tok)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if tok.pos_ != "VERB" or verb is None or not objects or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    return all((o.lower_ in VAGUE_MANY or o.tag_ == "NNS") and not any(
        c.dep_ in ("nummod", "det", "quantmod", "amod") and (c.like_num or c.lower_ in ("the", "these", "those", "all"))
        for c in o.children) for o in objects)


def non_specific(tok: Token, lex: Lexicon) -> bool:
    """Generic, habitual or counted: 'attacks on US troops', 'many attacks', 'the first time'."""
    nominal = tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and tok.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass"))
    if nominal:
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "quantmod", "nummod", "predet")}
        if dets & NON_SPECIFIC_DETS:
            return True
        if any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in tok.children):
            return True  # counted: a claim
        plural = tok.tag_ in ("NNS", "NNPS", "VBG")  # a bare gerund ("increased targeting of") is generic too
        governed_by_event_verb = (tok.head.pos_ == "VERB" and tok.dep_ in ("dobj", "nsubjpass", "nsubj")
                                  and is_trigger(tok.head, lex))
        if plural and not governed_by_event_verb and not _definite(tok) and not _dated_subject(tok) \
                and not _performed(tok, lex):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma(tok.head.head) in ("dozen", *SERIES) \
                and not _performed(tok, lex):
            return True
    if (nominal or tok.tag_ == "VBG") and tok.dep_ in ("dobj", "xcomp") and tok.head.tag_ in ("VBZ", "VBP") \
            and not is_headline(tok.sent) and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return True  # "a network that tracks cross-border bombardment", "which monitors shelling": a kind of act,
        # not one (a headline tells the past in the present: "police break up Sunday rally")
    if reference_point(tok):
        return True
    prep = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
    if prep is not None and prep.lower_ in ("with", "of", "for") and lemma(prep.head) in lex.charges:
        return True  # "charged with kidnapping and attacking motorists": an accusation
    if held_since(tok, lex) is not None:
        return False  # "has been in custody since March 3": arrested that day
    if lemma(_state_verb(tok)) in ("be", "remain", "stay"):
        return True  # "1,500 prisoners were in detention", "remains under arrest", "are back in custody": a state
    if any(c.dep_ == "advmod" and c.lower_ in lex.habitual for c in tok.children):
        return True  # "has been targeted repeatedly"
    if _summed_up(tok) or _in_general(tok):
        return True  # "forces have killed civilians, raped women and detained officials in recent days"
    scope = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [tok]  # "fighting has raged since May"
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(lemma(g) in DURATIONS for g in c.subtree)
           for t in scope for c in t.children):
        return True  # "has fought the government for more than 17 years": a long activity, not one event
    if any((c.dep_ == "prep" and c.lower_ == "since") or (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in c.children)) for t in scope for c in t.children):
        return True  # "have been engaged in drone operations since the start of the war": ongoing
    if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "nsubjpass") and interception(tok.head.head, lex):
        return True  # "downed a drone launched from Lebanon": the launch of what was stopped
    # a participle takes no object, and demonstrating none at all: in "Hundreds of students protested" and
    # "strikes on the camp killed 27 people" the parser misread the sentence's verb as one
    finite = tok.tag_ == "VBN" and (any(c.dep_ == "dobj" for c in tok.children)
                                    or lex.event_type.get(lex.trigger_types.get(lemma(tok), "")) in ("Protests", "Riots"))
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and lemma(tok.head) not in lex.cue_words and not finite:
        return True  # "troops being targeted", "militants spotted attacking": a description of people
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and not finite:
        return non_specific(tok.head, lex)  # "missiles fired by ..." is as specific as "missiles"
    if tok.tag_ in ("VBZ", "VBP"):
        return True  # present tense: habitual or ongoing, not a dated event
    head = tok.head
    if tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
            head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "advmod" and c.lower_ in lex.habitual for c in head.children)):
        return True  # "gangs often burn buses to protest against raids": the purpose of a habit
    if any(lemma(t) in ("occasion", "time") and any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in t.children)
           for t in tok.subtree):
        return True  # "bombed sites on three occasions", "targeted ... 76 times": a tally
    return bool(tok.pos_ == "VERB" and any(lemma(a) in ("continue", "keep") for a in tok.ancestors))


def held_since(tok: Token, lex: Lexicon) -> Token | None:
    """'has been detained since March 3', 'in custody since March 3': held from a day on, so taken that day.
    The 'since' that names the day, if any."""
    if lex.trigger_types.get(lemma(tok)) != "Arrests":
        return None
    return next((c for c in _state_verb(tok).children if c.dep_ == "prep" and c.lower_ == "since" and _names_day(c)), None)


def _state_verb(tok: Token) -> Token:
    """What holds a state named 'in X' or 'under X' (the verb of "were in detention", "are back in
    custody"); the word itself otherwise."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "under"):
        return tok
    holder = tok.head.head
    while holder.dep_ == "advmod" and holder.head.i != holder.i:
        holder = holder.head
    return holder


def _names_day(since: Token) -> bool:
    """'since March 3', not 'since 2019' or 'since January'."""
    return any(g.ent_type_ == "DATE" and g.text.isdigit() and 1 <= int(g.text) <= 31 for g in since.subtree)


def reference_point(tok: Token) -> bool:
    """'the deadliest attack since the 2019 bombing', 'in response to the killing of ...', 'the anniversary of
    the 2024 protests': an act named as a point of reference, what came before the act the story tells
    (triggers.yaml reprisal, commemoration)."""
    lex = lexicon()
    return tok.dep_ == "pobj" and (tok.head.lower_ == "since" or (
        tok.head.lower_ in ("to", "for") and lemma(tok.head.head) in lex.reprisal) or (
        tok.head.lower_ == "of" and lemma(tok.head.head) in lex.commemoration))


def in_reference(tok: Token) -> bool:
    """Inside a point of reference at any depth ('since the start of the war that followed the attack of
    October 7', 'in response to the killing of X in Beirut'): what it dates or places is background, not
    where the story is."""
    return any(reference_point(a) for a in (tok, *tok.ancestors))


def _dated_subject(tok: Token) -> bool:
    """'Twin car bombings rocked the ministry on Saturday': plural acts that did something on a named day
    are one incident told in parts, not a generic reference."""
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and verb.tag_ in ("VBD", "VBN") and any(
        c.ent_type_ in ("DATE", "TIME") and DAY_NAMES.search(c.text) for c in verb.subtree)


def performer(tok: Token, lex: Lexicon) -> Token | None:
    """Who performed the acts: the subject of the verb of performing whose object they are ("troops
    conducted airstrikes", "the rebels launched a wave of attacks"; "dozens of bombings" is a count)."""
    obj = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        obj = tok.head.head if lemma(tok.head.head) in SERIES else tok.head
    verb = obj.head
    if obj.dep_ != "dobj" or lemma(verb) not in lex.performing:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _performed(tok: Token, lex: Lexicon) -> bool:
    """Plural acts a named agent performed, in the past: an event told in parts."""
    subject = performer(tok, lex)
    if subject is None:
        return False
    verb = subject.head
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("since", "for") for c in verb.children)
    return verb.tag_ == "VBD" or perfect  # "has carried out strikes" (not "... since May": ongoing)


def _definite(tok: Token) -> bool:
    return any((c.lower_ in DEFINITE and c.dep_ in ("det", "poss")) or c.dep_ == "poss" for c in tok.children)


def anaphoric(tok: Token) -> bool:
    """'the strike', 'Tuesday's action', 'the first such airstrike', 'the missile struck': a reference back to
    an event told before; it adds to that event and makes a new one only with a date or toll of its own."""
    if tok.pos_ == "VERB":
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return subject is not None and lemma(subject) in lexicon().cue_words and _definite(subject)
    return tok.pos_ in ("NOUN", "PROPN") and _definite(tok)


def triggers_in(sent: Span, lex: Lexicon) -> list[Token]:
    """Trigger words, except inside names ("Operation Inherent Resolve") and as modifiers of a weapon
    ("a one-way attack drone")."""
    return [t for t in sent if is_trigger(t, lex) and t.ent_type_ not in ("ACTOR", "ORG", "FAC", "WORK_OF_ART", "EVENT")
            and t.dep_ != "compound" and not _hyphenated(t) and not _people_so_called(t)]


def _people_so_called(tok: Token) -> bool:
    """A participle that names people ("two of the injured had died", "the wounded were flown out"): those the
    act was done to, told again, not another act."""
    return tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children)


def _hyphenated(tok: Token) -> bool:
    """Part of a hyphenated modifier: "battle-hardened", "tit-for-tat", "counter-attack" is kept."""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_) or (
        tok.i > 0 and doc[tok.i - 1].text == "-" and doc[tok.i - 1].whitespace_ == "" and tok.i > 1
        and doc[tok.i - 2].lower_ not in ("counter",) and tok.pos_ != "NOUN")


def keep(tok: Token, lex: Lexicon) -> bool:
    return not (negated(tok) or intended(tok, lex) or non_specific(tok, lex) or other_sense(tok, lex))


def other_sense(tok: Token, lex: Lexicon) -> bool:
    """A trigger noun in another sense than violence: "a national strike", "the teachers' strike" (words
    beside it, triggers.yaml other_senses), "workers went on strike"."""
    words = lex.other_senses.get(lemma(tok))
    if words is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.n_lefts + tok.n_rights == 0:
        return True  # "went on strike", "doctors on strike"
    return any(c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and (c.lower_ in words or lemma(c) in words)
               for c in tok.children)
