"""Tallies: sentences that count events ("at least 78 attacks since October 17 against its forces in Iraq
and Syria", "No attacks were recorded ... from November 24 – November 28"). They are claims, not events."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sitrep.extract.casualties import one_act_in_perfect
from sitrep.extract.lexicon import Lexicon, lexicon
from sitrep.extract.timing import compared_within
from sitrep.extract.triggers import lemma
from sitrep.models import ClaimMention, Slot
from sitrep.nlp.pipeline import as_sentence

BOUNDS = [
    ("at_least", ("at least", "more than", "over", "no fewer than", "upwards of", "in excess of")),
    ("at_most", ("at most", "up to", "fewer than", "less than", "no more than")),
    ("approx", ("about", "around", "some", "nearly", "almost", "roughly", "approximately", "an estimated")),
]
PERIOD_FROM_TO = re.compile(r"\b[Ff]rom\s+(?P<a>[A-Z][a-z]+\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+)\s*(?:to|–|-|—|until|through)"
                            r"\s*(?P<b>[A-Z][a-z]+\.?\s+\d{1,2}\b|\d{1,2}(?:\s+[A-Z][a-z]+)?)")
PERIOD_SINCE = re.compile(r"\b[Ss]ince\s+(?P<a>(?:early |late |mid-)?[A-Z][a-z]+\.?(?:\s+\d{1,2}\b)?(?:,?\s+\d{4})?)")
DAY = r"(?:[A-Z][a-z]+\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PERIOD_BETWEEN = re.compile(rf"\bbetween\s+(?P<a>{DAY}|{MONTHS}(?:,? \d{{4}})?)\s+and\s+(?P<b>{DAY}|{MONTHS}(?:,? \d{{4}})?)")
MONTH = re.compile(rf"^{MONTHS}(?:,? \d{{4}})?$")


def _bound(sent: Span, number: Span) -> str:
    """From the words before the number's first word ("more than two million")."""
    before = sent.doc[max(sent.start, number.start - 4) : number.start].text.lower()
    for bound, words in BOUNDS:
        if any(before.endswith(w) or f"{w} " in before[-len(w) - 2:] for w in words):
            return bound
    return "exact"


PERIOD_ENT = re.compile(rf"^(?:the )?\d{{4}}$|\b(?:year|years|month|months|week|weeks|decade)\b|^between {MONTHS}", re.I)
LONG_PERIOD = re.compile(rf"\b(?:year|years|months|decade)\b|^(?:the )?(?:last|past) month\b|^between {MONTHS}",
                         re.I)  # not a bare year
POINT = re.compile(r"\bago\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                   r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b", re.I)  # not "last 12"
SCALE = {"million", "billion", "thousand"}


def _period_ent(sent: Span) -> Span | None:
    """A date expression that spans a period, not a day: "last year", "in 2024", "the last 12 months"; not one
    that describes a thing ("a months-long curfew", "a decade-old dispute")."""
    return next((e for e in sent.ents if e.label_ == "DATE" and PERIOD_ENT.search(e.text) and not POINT.search(e.text)
                 and not compared_within(e) and e.root.dep_ not in ("amod", "compound")), None)


def _month_ent(sent: Span) -> Span | None:
    """A month named as a whole, as when ("in April", "during May 2024", not "a November ceasefire"): the
    period of a count in its sentence."""
    return next((e for e in sent.ents if e.label_ == "DATE" and MONTH.match(e.text) and e.root.dep_ == "pobj"
                 and e.root.head.lower_ in ("in", "during", "throughout")), None)


def _perfect(verb: Token) -> bool:
    """The present perfect ("have been killed"), not a perfect infinitive ("reported to have killed": a past act)."""
    return any(c.dep_ == "aux" and c.lower_ in ("have", "has") and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _counts_of(noun: Token) -> list[Token]:
    """The numbers that count a noun or stand for it: "400 people", "199 (have been killed)", and those
    of the nouns joined to it ("900 militants ... along with 40 policemen")."""
    nouns = [noun, *noun.conjuncts]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "including"):
            nouns.extend(g for g in c.children if g.dep_ == "pobj")
    out = []
    for n in nouns:
        if n.like_num:
            out.append(n)
        else:
            out.extend(c for c in n.children if c.dep_ == "nummod" and c.like_num)
    return out


def _quantities(sent: Span) -> list[tuple[Token, Token, int | None]]:
    """(what is counted: a countable noun or a toll verb, number token or 'no', value) for each count."""
    lex = lexicon()
    out: list[tuple[Token, Token, int | None]] = []
    tokens = list(sent)  # several passes over one list: spaCy makes a new Token object per token and pass
    for tok in tokens:
        if tok.pos_ not in ("NOUN", "PROPN") or lemma(tok) not in lex.countable:
            continue
        for c in tok.children:
            if c.dep_ == "nummod" and c.like_num and c.ent_type_ != "DATE":  # not "the 2004 bombing"
                out.append((tok, c, None))
            elif c.dep_ == "det" and c.lower_ == "no":
                out.append((tok, c, 0))
            elif c.dep_ == "amod" and c.ent_type_ == "ORDINAL" and c.lower_ not in ("first", "1st"):
                out.append((tok, c, None))  # "the fourth such incident": four so far
        for c in tok.conjuncts:
            if c.like_num:
                out.append((tok, c, None))
            elif c.i < tok.i and lemma(c) not in lex.countable:  # "300 air and artillery strikes": the strikes
                out.extend((tok, n, None) for n in c.children if n.dep_ == "nummod" and n.like_num and n.ent_type_ != "DATE")
        for c in tok.subtree:
            if c.like_num and c.dep_ in ("conj", "appos") and c.head.i != tok.i and c.head.head.i == tok.i:
                out.append((tok, c, None))
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:  # "45 of the cases"
            out.append((tok, tok.head.head, None))
    period = _period_ent(sent)
    for tok in tokens:  # tolls to date: "38,000 have been killed since ...", "displaced 12 million people"
        verb = lemma(tok)
        if tok.pos_ != "VERB" or not (verb in lex.tally_verbs or (verb in lex.toll_verbs and _over_time(tok, period, lex))):
            continue
        for c in tok.children:
            if c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and verb in ("die", "flee")):
                out.extend((tok, num, None) for num in _counts_of(c))
        if verb in lex.tally_verbs and tok.dep_ in ("acomp", "amod", "acl"):  # "a million remain displaced",
            held = tok.head if tok.dep_ != "acomp" else next(  # "3,000 displaced people", "people displaced from"
                (c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            out.extend((tok, num, None) for num in (_counts_of(held) if held is not None else []))
    for tok in tokens:  # "... have been killed and 491 others injured": the second count of a toll to date
        head = tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and lemma(tok) in lex.toll_verbs and head.dep_ == "conj" \
                and head.head.pos_ == "VERB" and _over_time(head.head, period, lex):
            out.extend((tok, num, None) for num in _counts_of(head))
    for tok in tokens:  # "36 attacks in Iraq and another 40 in Syria", "504 attacks in 2024, compared to 116 in 2023"
        nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        elided = sent.doc[tok.i - 1].lower_ == "another" or (
            nxt is not None and nxt.lower_ == "in" and tok.dep_ in ("pobj", "dobj", "conj", "npadvmod", "nsubj"))
        if tok.like_num and tok.i > sent.start and elided and not any(q[1].i == tok.i for q in out):
            noun = next((t for t in reversed(sent.doc[sent.start : tok.i])
                         if lemma(t) in lex.countable or any(q[0].i == t.i for q in out)), None)
            if noun is not None:
                out.append((noun, tok, None))
    return out


def _over_time(verb: Token, period: Span | None, lex: Lexicon) -> bool:
    """Killed over a span of time, not in one event: in the perfect ("have been killed"), within a period
    longer than a week ("in the last 12 months", "last year"), or within a year by someone, not by one
    named act ("In 2024, the group killed 400 people", not "In 2019, a bomb killed 26 people")."""
    if period is not None and _of_another_clause(period, verb):
        period = None
    if _perfect(verb) or period is None:
        return _perfect(verb) and not one_act_in_perfect(verb)
    if LONG_PERIOD.search(period.text):
        return True
    around = [*verb.subtree, verb.head] if verb.dep_ == "relcl" else list(verb.subtree)  # "a blast in 2017 that killed"
    return re.fullmatch(r"\d{4}", period.text.strip()) is not None and not _one_act(around, lex)


def _of_another_clause(period: Span, verb: Token) -> bool:
    """A period told in a relative clause that does not hold the verb: "killed on Monday in a new episode of
    a war that has kept the region on edge for four years" counts no deaths over four years."""
    rel = next((a for a in period.root.ancestors if a.dep_ == "relcl"), None)
    return rel is not None and rel != verb and rel not in verb.ancestors


def _one_act(tokens: list[Token], lex: Lexicon) -> bool:
    """A single act named among the tokens: "the air strike", "a blast", "the mutiny"."""
    return any(t.tag_ == "NN" and (lemma(t) in lex.nouns or lemma(t) in lex.cue_words) for t in tokens)


def _number_span(num: Token) -> Span:
    """The number's words: "12 million" (its compound and scale), not only the token that modifies the noun."""
    toks = [num, *(c for c in num.children if c.dep_ in ("compound", "quantmod") and (c.like_num or c.lower_ in SCALE))]
    if num.i + 1 < len(num.doc) and num.doc[num.i + 1].lower_ in SCALE:
        toks.append(num.doc[num.i + 1])
    return num.doc[min(t.i for t in toks) : max(t.i for t in toks) + 1]


def claims_in(doc: Doc, article_id: str, sent: Span, sent_index: int) -> list[ClaimMention]:
    lex = lexicon()
    verbs = lex.toll_verbs | lex.tally_verbs
    sentence = as_sentence(sent, sent_index)
    out = []
    seen: set[int] = set()
    period_from, period_to = _period(sent, sent_index)
    ent = _period_ent(sent) if period_from is None else None
    for noun, num, value in _quantities(sent):
        if num.i in seen or (value is None and num.lower_ in ("one", "1", "a", "an")):
            continue
        if lemma(noun) in lex.toll_nouns and period_from is None and ent is None and _own_year(num, sent_index) is None \
                and _one_act(list(sent), lex):
            continue  # "25 deaths as a result of the mutiny": one event's toll
        seen.add(num.i)
        span = _number_span(num)
        bound = "exact" if value == 0 else _bound(sent, span)
        places = _places_near(num, sent, sent_index)
        start, end = period_from, period_to
        if (own := _own_year(num, sent_index)) is not None:  # "116 in 2023"
            start = end = own
        elif start is None and ent is not None:
            start = end = Slot(ent.text, ent.start_char, ent.end_char, sent_index)
        elif start is None and (month := _month_ent(sent)) is not None:  # "60 raids in February alone"
            start = end = Slot(month.text, month.start_char, month.end_char, sent_index)
        elif start is None and (day := _day_of(noun)) is not None:  # "Monday's four attacks"
            start = end = Slot(day.text, day.start_char, day.end_char, sent_index)
        target = _target(noun, sent)
        if noun.pos_ == "VERB" and lemma(noun) in verbs:  # "people killed", "merchant vessels attacked"
            what = f"{target.text} {verbs[lemma(noun)]}" if target is not None else verbs[lemma(noun)]
        else:  # "attacks on US forces"
            what = lemma(noun) + "s" + (f" on {target.text}" if target is not None else "")
        q = Slot(span.text, span.start_char, span.end_char, sent_index)
        out.append(ClaimMention(article_id, sentence, q, bound, what, places, start, end, None,
                                target=Slot(target.text, target.start_char, target.end_char, sent_index) if target else None,
                                counted=lemma(noun), counted_at=noun.idx if start is not None else -1))
    return out


def _own_year(num: Token, sent_index: int) -> Slot | None:
    """A year right after the number ("88 in 2023"): the period of that count alone."""
    doc = num.doc
    if num.i + 2 < len(doc) and doc[num.i + 1].lower_ == "in" and re.fullmatch(r"\d{4}", doc[num.i + 2].text):
        year = doc[num.i + 2]
        return Slot(year.text, year.idx, year.idx + len(year.text), sent_index)
    return None


def _day_of(noun: Token) -> Span | None:
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ == "DATE":
            return next((e for e in noun.doc.ents if e.start <= c.i < e.end), None)
    return None


def _target(noun: Token, sent: Span) -> Span | None:
    """Who the counted acts were aimed at: "attacks on US troops", "targeted US troops ... 76 times",
    "attacks ... against its forces" (its: the subject's); who a toll verb counts ("people killed", "residents
    fled"), from its own words only (not "said on Tuesday" of the verb it hangs on)."""
    verb = noun.pos_ == "VERB"
    if verb and lemma(noun) in ("die", "flee"):  # "fled on foot", "fled the area": no one fled at them
        return _counted_by(noun, ("nsubj",), sent)
    obj = next((o for tok in ((noun,) if verb else (noun, noun.head)) for c in tok.children
                if (o := _aimed_at(c, tok, noun)) is not None), None)
    if obj is None:
        return _counted_by(noun, ("dobj", "nsubjpass"), sent) if verb else None
    if any(c.lower_ in ("its", "their") for c in obj.children):  # "its forces": the counting subject's
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.ent_type_:
            return next((e for e in sent.doc.ents if e.start <= subj.i < e.end), None)
    lo = min(t.i for t in obj.subtree if (t.dep_ in ("compound", "amod", "nmod", "det") and t.head.i == obj.i) or t.i == obj.i)
    return sent.doc[lo : obj.i + 1]


def _aimed_at(c: Token, tok: Token, noun: Token) -> Token | None:
    """The object of "on/against" under ``tok``, or the object of the verb the counted noun hangs on."""
    if c.dep_ == "prep" and c.lower_ in ("on", "against"):
        return next((g for g in c.children if g.dep_ == "pobj"), None)
    return c if tok.i == noun.head.i and c.dep_ == "dobj" and c.i != noun.i else None


def _counted_by(verb: Token, deps: tuple[str, ...], sent: Span) -> Span | None:
    """Who a toll verb counts ("2,400 people were killed", "an estimated 4,000 civilians displaced"), with the
    words right before the noun that describe them ("Maoist cadres"), not their count."""
    who = next((c for c in verb.children if c.dep_ in deps and not c.like_num), None)
    if who is None:
        return None
    lo = who.i
    while lo > sent.start and sent.doc[lo - 1].head.i == who.i and sent.doc[lo - 1].dep_ in ("compound", "amod") \
            and not sent.doc[lo - 1].like_num:
        lo -= 1
    return sent.doc[lo : who.i + 1]


def _places_near(num: Token, sent: Span, sent_index: int) -> list[Slot]:
    """Where the counted acts happened: places in a locative phrase ("in Iraq and Syria"), not others
    the sentence names ("the war between Israel and Hamas", "sites linked to Iran")."""
    gpes = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") and _locative(e)]

    if not gpes:
        return []
    # the places after this number and before the next number, else every place in the sentence
    nums = sorted(t.i for t in sent if t.like_num and t.i > num.i)
    stop = nums[0] if nums else sent.end
    near = [e for e in gpes if num.i < e.start < stop]
    chosen = near or gpes
    return [Slot(e.text, e.start_char, e.end_char, sent_index) for e in chosen]


def _period(sent: Span, i: int) -> tuple[Slot | None, Slot | None]:
    base = sent.start_char
    for pattern in (PERIOD_FROM_TO, PERIOD_BETWEEN):  # "from March 2 to 9", "between Monday and Wednesday"
        if m := pattern.search(sent.text):
            return (Slot(m.group("a"), base + m.start("a"), base + m.end("a"), i),
                    Slot(m.group("b"), base + m.start("b"), base + m.end("b"), i))
    m = PERIOD_SINCE.search(sent.text)
    if m:
        return Slot(m.group("a"), base + m.start("a"), base + m.end("a"), i), None
    return None, None


def _locative(ent: Span) -> bool:
    node = ent.root
    while node.dep_ == "conj":
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in ("in", "inside", "across", "at", "throughout", "within")
