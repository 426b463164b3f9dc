"""Tallies: sentences that count events ("at least 78 attacks since October 17 against its forces in Iraq
and Syria", "No attacks were recorded ... from November 24 – November 28"). They are claims, not events."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sitrep.extract.lexicon import lexicon
from sitrep.extract.triggers import lemma
from sitrep.models import ClaimMention, Sentence, Slot

BOUNDS = [
    ("at_least", ("at least", "more than", "over", "no fewer than", "upwards of", "in excess of")),
    ("at_most", ("at most", "up to", "fewer than", "less than", "no more than")),
    ("approx", ("about", "around", "some", "nearly", "almost", "roughly", "approximately", "an estimated")),
]
PERIOD_FROM_TO = re.compile(r"\b[Ff]rom\s+(?P<a>[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\s*(?:to|–|-|—|until|through)"
                            r"\s*(?P<b>[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}(?:\s+[A-Z][a-z]+)?)")
PERIOD_SINCE = re.compile(r"\bsince\s+(?P<a>(?:early |late |mid-)?[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)")


def _bound(sent: Span, num: Token) -> str:
    before = sent.doc[max(sent.start, num.i - 4) : num.i].text.lower()
    for bound, words in BOUNDS:
        if any(before.endswith(w) or f"{w} " in before[-len(w) - 2:] for w in words):
            return bound
    return "exact"


TOLL_VERBS = {"kill": "killed", "wound": "wounded", "injure": "injured"}


def _quantities(sent: Span) -> list[tuple[Token, Token, int | None]]:
    """(countable noun, number token or 'no', value) for each count in the sentence."""
    lex = lexicon()
    out = []
    tokens = list(sent)  # three passes over one list: spaCy makes a new Token object per token and pass
    for tok in tokens:
        if tok.pos_ not in ("NOUN", "PROPN") or lemma(tok) not in lex.countable:
            continue
        for c in tok.children:
            if c.dep_ == "nummod" and c.like_num:
                out.append((tok, c, None))
            elif c.dep_ == "det" and c.lower_ == "no":
                out.append((tok, c, 0))
        for c in tok.conjuncts:
            if c.like_num:
                out.append((tok, c, None))
        for c in tok.subtree:
            if c.like_num and c.dep_ in ("conj", "appos") and c.head.i != tok.i and c.head.head.i == tok.i:
                out.append((tok, c, None))
    for tok in tokens:  # a toll to date: "more than 38,000 Palestinians have been killed in Gaza since ..."
        if lemma(tok) in TOLL_VERBS and tok.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("have", "has") for c in tok.children):
            victims = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            num = next((c for c in victims.children if c.dep_ == "nummod" and c.like_num), None) if victims else None
            if num is not None:
                out.append((tok, num, None))
    for tok in tokens:  # "36 attacks in Iraq and another 40 in Syria": the noun is elided
        if tok.like_num and tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "another":
            noun = next((t for t in reversed(sent.doc[sent.start : tok.i]) if lemma(t) in lex.countable), None)
            if noun is not None and not any(q[1].i == tok.i for q in out):
                out.append((noun, tok, None))
    return out


def claims_in(doc: Doc, article_id: str, sent: Span, sent_index: int) -> list[ClaimMention]:
    sentence = Sentence(sent_index, sent.start_char, sent.end_char, sent.text)
    out = []
    for noun, num, value in _quantities(sent):
        if value is None and num.lower_ in ("one", "1", "a", "an"):
            continue
        bound = "exact" if value == 0 else _bound(sent, num)
        places = _places_near(num, sent, sent_index)
        period_from, period_to = _period(sent, sent_index)
        if period_from is None and (day := _day_of(noun)) is not None:  # "Monday's four attacks"
            period_from = period_to = Slot(day.text, day.start_char, day.end_char, sent_index)
        target = _target(noun, sent)
        what = TOLL_VERBS[lemma(noun)] if lemma(noun) in TOLL_VERBS else lemma(noun) + "s"
        what += f" on {target.text}" if target is not None else ""

        q = Slot(doc[num.i : num.i + 1].text, num.idx, num.idx + len(num.text), sent_index)
        out.append(ClaimMention(article_id, sentence, q, bound, what, places, period_from, period_to, None,
                                target=Slot(target.text, target.start_char, target.end_char, sent_index) if target else None,
                                counted=lemma(noun)))
    return out


def _day_of(noun: Token) -> Span | None:
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ == "DATE":
            return next((e for e in noun.doc.ents if e.start <= c.i < e.end), None)
    return None


def _target(noun: Token, sent: Span) -> Span | None:
    """Who the counted acts were aimed at: "attacks on US troops", "targeted US troops ... 76 times",
    "attacks ... against its forces" (its: the subject's)."""
    obj = None
    for tok in (noun, noun.head):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif tok.i == noun.head.i and c.dep_ == "dobj" and c.i != noun.i:
                obj = c
            if obj is not None:
                break
        if obj is not None:
            break
    if obj is None:
        return None
    if any(c.lower_ in ("its", "their") for c in obj.children):  # "its forces": the counting subject's
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.ent_type_:
            return next((e for e in sent.doc.ents if e.start <= subj.i < e.end), None)
    lo = min(t.i for t in obj.subtree if t.dep_ in ("compound", "amod", "nmod", "det") or t is obj)
    return sent.doc[lo : obj.i + 1]


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
    m = PERIOD_FROM_TO.search(sent.text)
    if m:
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
