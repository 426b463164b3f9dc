"""Claims of responsibility: "X claimed (responsibility for) the attack", "an attack claimed by X", "X took
credit for the attack"."""

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
                          for o in objs for t in o.subtree) or tok.dep_ == "acl"
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


def _claiming(tok: Token) -> bool:
    """A verb of claiming, alone or with its object: "claimed", "took credit" (triggers.yaml claiming)."""
    if tok.pos_ != "VERB" or negated(tok):
        return False
    said = {lemma(tok)} | {f"{lemma(tok)} {c.lower_}" for c in tok.children if c.dep_ == "dobj"}
    return bool(said & lexicon().claiming)
