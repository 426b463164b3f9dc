"""Extract stage: event mentions (with their slots as text spans) and tally claims from parsed articles."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from sitrep.extract.claims import claims_in
from sitrep.extract.mentions import mentions_in
from sitrep.extract.responsibility import claimants
from sitrep.models import Article, ClaimMention, EventMention, Slot
from sitrep.nlp import Processed


@dataclass
class Extracted:
    article: Article
    mentions: list[EventMention]
    claims: list[ClaimMention]
    times: list[Slot]  # every time expression, in text order: the story's timeline


def _main_clause(ent: Span) -> bool:
    """A date that moves the story on dates its main verb ("The US then responded on November 21"); one
    deep in a subordinate phrase ("the war that followed the attack on Oct. 7") is background."""
    head = ent.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.dep_ == "ROOT" or (head.dep_ in ("ccomp", "conj") and head.head.dep_ == "ROOT")


def _bounds_a_period(ent: Span) -> bool:

    """'since October 17', 'from November 24 to 28': the edge of a counted period, not a story date."""
    prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return prev in ("since", "from", "until", "till", "between", "to", "through")


def extract(processed: Processed) -> Extracted:
    doc, article = processed.doc, processed.article
    mentions: list[EventMention] = []
    claims: list[ClaimMention] = []
    times: list[Slot] = []
    for i, sent in enumerate(doc.sents):
        times.extend(Slot(e.text, e.start_char, e.end_char, i) for e in sent.ents
                     if e.label_ in ("DATE", "TIME") and not _bounds_a_period(e) and _main_clause(e))
        found = mentions_in(doc, article.id, sent, i)
        claimed = claimants(sent, i)
        for m in found:
            if claimed and m.claimed_by is None:
                m.claimed_by = claimed
        mentions.extend(found)
        claims.extend(claims_in(doc, article.id, sent, i))
    return Extracted(article, mentions, claims, times)
