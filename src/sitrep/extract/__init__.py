"""Extract stage: event mentions (with their slots as text spans) and tally claims from parsed articles."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.claims import claims_in
from sitrep.extract.mentions import mentions_in
from sitrep.extract.responsibility import claimants
from sitrep.models import Article, ClaimMention, EventMention
from sitrep.nlp import Processed


@dataclass
class Extracted:
    article: Article
    mentions: list[EventMention]
    claims: list[ClaimMention]


def extract(processed: Processed) -> Extracted:
    doc, article = processed.doc, processed.article
    mentions: list[EventMention] = []
    claims: list[ClaimMention] = []
    for i, sent in enumerate(doc.sents):
        found = mentions_in(doc, article.id, sent, i)
        claimed = claimants(sent, i)
        for m in found:
            if claimed and m.claimed_by is None:
                m.claimed_by = claimed
        mentions.extend(found)
        claims.extend(claims_in(doc, article.id, sent, i))
    return Extracted(article, mentions, claims)
