"""Which time expressions date an event: not the date of a statement about it, not the edge of a
counted period, not a time measured from it ("a day before the strike")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sitrep.data import lasting_verbs
from sitrep.extract.lexicon import lexicon
from sitrep.extract.tree import dep_distance
from sitrep.extract.triggers import intended, lemma

DAY_WORDS = re.compile(r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                       r"june|july|august|september|october|november|december|yesterday|today|tonight|week|month|year|"
                       r"day|\bjan\b|\bfeb\b|\bmar\b|\bapr\b|\bjun\b|\bjul\b|\baug\b|\bsept?\b|\boct\b|\bnov\b|\bdec\b",
                       re.I)


SPEAKERS_NOW = re.compile(r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|last night)\b", re.I)
QUOTES = re.compile(r"[\"“”]")


def reported(ent: Span) -> bool:
    """The date of a statement ("said on Monday", "in a statement released on Monday"), or a day counted
    from when someone quoted spoke ("“Today the commander was killed,” he wrote"), which is not known
    beyond being on or before publication."""
    if SPEAKERS_NOW.search(ent.text) and len(QUOTES.findall(ent.doc[ent.sent.start : ent.start].text)) % 2 == 1:
        return True
    node = ent.root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if lemma(node) in REPORTING:
            return not (_act_reported(node) or _before_own_time(ent, node))
        if node.pos_ == "VERB" and lemma(node) in lexicon().verbs:
            return False  # "strikes killed 27 on Saturday, officials said", "killed" parsed as the subject's clause
        if node.dep_ not in ("prep", "pobj", "acl", "npadvmod", "nsubj", "dobj"):
            return False
    return False


def _act_reported(said: Token) -> bool:
    """"On 28 May, clashes were reported near Sangha": the passive's subject is the act, its time the act's
    (no one is said to have spoken that day)."""
    return any(c.dep_ == "nsubjpass" and lemma(c) in lexicon().nouns for c in said.children)


def _before_own_time(ent: Span, said: Token) -> bool:
    """"... attacked a post on Sunday night, the army said on Monday": the parser hangs both times on "said",
    but a statement has one day, the one after the verb; a time before its speaker dates what was said. So
    does a time inside what was said, told before its speaker ("drones struck the station at 5:30 am on
    Wednesday, the police said"), wherever the parser hung it."""
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    return speaker is not None and ent.end <= speaker.left_edge.i and (any(
        t.ent_type_ in ("DATE", "TIME") for t in said.doc[said.i + 1 : said.sent.end])
        or any(c.dep_ == "ccomp" and c.i < ent.start for c in said.children))  # "X struck ... on Wednesday, Y said"


REPORTING = {
"say", "tell", "announce", "report", "confirm", "add", "state", "claim", "disclose", "reveal",
             "statement", "announcement", "interview", "briefing", "remark", "conference", "comment", "release",
             "publish", "issue"}


YEAR_ONLY = re.compile(r"(?:the )?(?:1[89]|20)\d{2}", re.I)


def time_rank(ent: Span, group: list[Token]) -> tuple[bool, bool, bool, int]:
    """Prefer a time that dates the act over the date it was reported ("said Tuesday that it struck ...
    yesterday"), then one that names a day ("Thursday", not "afternoon"), then a calendar date, then the
    one nearest the trigger."""
    is_report = reported(ent)
    names_day = bool(DAY_WORDS.search(ent.text)) and not YEAR_ONLY.fullmatch(ent.text)  # "2024" names no day
    return (is_report, not names_day, not any(ch.isdigit() for ch in ent.text), min(dep_distance(ent.root, t) for t in group))


def yet_to_come(ent: Span) -> bool:
    """The time of something not yet done: "will appear in court on Monday", "are to be arraigned on
    Friday", "plans to march on Sunday". It moves the story's clock nowhere."""
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    to_be = verb.dep_ == "xcomp" and lemma(verb.head) == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "are to be arraigned"
    return to_be or intended(verb, lexicon())


def bounds_period(ent: Span) -> bool:
    """'since October 17', 'from November 24 to 28', 'by 4 September' (the toll had risen to 23): the edge of
    a counted period, not an event date."""
    prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if prev in PERIOD_EDGES:
        return True
    if ent.root.head.lower_ == "into" and lemma(ent.root.head.head) in lasting_verbs():
        return True  # "fighting continued into Wednesday": how long the act told before went on
    node = ent.root  # "until the early hours of Sunday": through the phrase the day is part of
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head
        if node.head.lower_ in PERIOD_EDGES:
            return True
    return False


def compared_within(ent: Span) -> bool:
    """The period of a superlative ("one of the deadliest attacks this year", "the worst in years"): what an
    act is compared with, neither when it happened nor the time over which a toll was counted."""
    head = ent.root.head  # the word the period hangs on, through its preposition ("in years"), not further:
    while head.pos_ == "ADP" and head.head.i != head.i:  # "the deadliest since attacks on August 25" dates the attacks
        head = head.head
    return (head.i != ent.root.i and head.pos_ not in ("VERB", "AUX") and (
        head.tag_ == "JJS" or any(c.tag_ == "JJS" for c in head.children))) or _after_superlative(ent)


def _after_superlative(ent: Span) -> bool:
    """The period ends a phrase a superlative opens, however the parser hung it ("..., in the deadliest attack in
    the district since the start of the year"): no verb nor clause break between them."""
    for tok in reversed(ent.doc[ent.sent.start : ent.start]):
        if tok.tag_ == "JJS" and tok.lower_ not in ("least", "most"):  # not a bound ("at least 60 attacks since")
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":", "(", "—", "–"):
            return False
    return False


PERIOD_EDGES = ("since", "from", "until", "till", "between", "through", "by")


CALENDAR = re.compile(r"\b(?:\d{4}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                      r"april|may|june|july|august|september|october|november|december)\b", re.I)


def came_before(ent: Span, trigger: Token) -> bool:
    """The act is told in an "after" clause of what a calendar time dates ("mediators left in September 2023
    after an assault on an outpost"): it happened on or before that time."""
    if not CALENDAR.search(ent.text):
        return False
    verb = ent.root  # what the time dates
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    node = trigger
    while node.head.i != node.i and node.head != verb:
        node = node.head
    return node.head == verb and node.i > ent.root.i and (
        node.lower_ == "after" or any(c.dep_ == "mark" and c.lower_ == "after" for c in node.children))


EARLIER = "EARLIER"  # the label of a time slot that says how long before the act told beside it this one was
SPAN_OF_TIME = re.compile(r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) )?"
                          r"(?:hours?|days?|weeks?|months?)", re.I)


def earlier_by(ent: Span, trigger: Token) -> bool:
    """'The assault came four days after gunmen killed four herders', '... two days after an attack on X': a span
    of time measured back from the act the sentence tells to the trigger's, which came that long before it."""
    doc = ent.doc
    if ent.label_ != "DATE" or not SPAN_OF_TIME.fullmatch(ent.text) or ent.end >= len(doc) or doc[ent.end].lower_ != "after":
        return False
    after = doc[ent.end]
    clause = after.head if after.dep_ == "mark" else after
    return trigger in clause.subtree


def relative_to(ent: Span, trigger: Token) -> bool:
    """The time expression is measured from the trigger ("a day before the strike"): it dates something
    else, not the trigger."""
    node = trigger
    while node.head.i != node.i and node.head != ent.root:
        if node.lower_ in ("after", "before") or any(c.dep_ == "mark" and c.lower_ in ("after", "before")
                                                     for c in node.children):
            # "a day after rockets were launched"; not a time inside that clause ("after clashes that began on
            # Tuesday night")
            return node.i > ent.root.i and ent.root not in set(node.subtree)
        node = node.head
    return node.head == ent.root and node.dep_ in ("prep", "advcl") and node.i > ent.root.i
