"""Claims of responsibility: "X claimed (responsibility for) the attack", "an attack claimed by X", "X took
credit for the attack"; and blame: "officials blamed X"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import lexicon
from sitrep.extract.mentions import actor_span
from sitrep.extract.triggers import lemma, negated
from sitrep.models import Slot


def claimants(sent: Span, sent_index: int) -> Slot | None:
    doc = sent.doc
    for tok in sent:
        if not _claiming(tok):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
        about_event = any(lemma(t) in ("attack", "responsibility", "strike", "bombing", "operation", "assault")
                          for o in objs for t in o.subtree) or tok.dep_ == "acl" \
            or any(c.dep_ == "nsubjpass" for c in tok.children)  # "the killings were claimed by X"
        if not about_event:
            continue
        who = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if who is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            who = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if who is not None:
            span = actor_span(who, doc)
            return Slot(span.text, span.start_char, span.end_char, sent_index)
    return None


BLAMED = "BLAMED"  # the label of a slot naming who a sentence blames for an act


def blamed(sent: Span, sent_index: int) -> Slot | None:
    """Who a sentence blames ("local officials blamed the RSF", "held the militia responsible", "which
    residents blamed on the army"): the doer of the act told before, where the sentence tells no act with a
    doer or day of its own (``extract``); so is whose a weapon was said to be ("the drone was Turkish"). Not a
    country ("officials blamed India"): a state said to stand behind the doers, not a force that acted."""
    lex = lexicon()
    for tok in sent:
        if (whose := _owner_told(tok)) is not None:
            return Slot(whose.text, whose.idx, whose.idx + len(whose), sent_index, label=BLAMED)
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
            continue  # its own negation only: "police blamed X; the group did not comment" is parsed as one clause
        who = None
        if _said(tok, {"dobj", "oprd", "acomp"}) & lex.blaming:
            who = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if who is None and lemma(tok) in lex.blaming | lex.attribution:  # "(a strike) which residents blamed on X"
            who = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
                        for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("ACTOR", "ORG", "NORP")), None)
        if who is not None and who.ent_type_ != "GPE":
            span = actor_span(who, sent.doc)
            return Slot(span.text, span.start_char, span.end_char, sent_index, label=BLAMED)
    return None


def _owner_told(tok: Token) -> Token | None:
    """Whose a weapon was, told after the act ("residents said the drone was Turkish"): that people's forces."""
    lex = lexicon()
    if lemma(tok) != "be" or any(c.dep_ == "neg" for c in tok.children) or not any(
            c.dep_ == "nsubj" and (lemma(c) in lex.cue_words or lemma(c) in lex.nouns) for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ in ("acomp", "attr") and c.ent_type_ == "NORP"), None)


def _said(tok: Token, deps: set[str]) -> set[str]:
    """A verb's lemma, and the lemma with each word it governs by one of ``deps`` ("take credit")."""
    return {lemma(tok)} | {f"{lemma(tok)} {c.lower_}" for c in tok.children if c.dep_ in deps}


def _claiming(tok: Token) -> bool:
    """A verb of claiming, alone or with its object: "claimed", "took credit" (triggers.yaml claiming)."""
    return tok.pos_ == "VERB" and not negated(tok) and bool(_said(tok, {"dobj"}) & lexicon().claiming)
