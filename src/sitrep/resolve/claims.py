"""Tallies (claims) -> quantities, bounds, periods, places and targets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from sitrep.models import Article, Claim, ClaimMention
from sitrep.resolve.actors import resolve_actor
from sitrep.resolve.dates import resolve_time
from sitrep.resolve.evidence import evidence
from sitrep.resolve.numbers import parse_count, plausible
from sitrep.resolve.places import main_country, resolve_place

ATTACK_COUNTS = {"attack", "time", "incident"}
SINCE = re.compile(r"\bsince\b", re.I)  # a period of its own, even one we cannot date
BACK = re.compile(r"^\W*(?:these|those)\b", re.I)  # "These raids left 25 dead": the acts counted before
PART = re.compile(r"^\s+of\s+(?:the|these|those|them)\b", re.I)  # "45 of the cases": a part of those counted before


def resolve_claims(claims: list[ClaimMention], article: Article, context: dict[str, float]) -> list[Claim]:
    """Tallies in text order; one that names no period or place of its own, after a tally of the same
    kind, shares that tally's ("76 times since October 17 ... 36 attacks in Iraq and another 40 in
    Syria"), as does one of any kind that points back to the tally before it ("These raids left 25 dead",
    "45 of the cases"); else one that names no place counts in the country the story is about, if there
    is one."""
    out: list[Claim] = []
    previous: tuple[ClaimMention, Claim] | None = None
    main = main_country(context)
    for c in claims:
        claim = resolve_claim(c, article, context)
        if previous is not None and c.counted in ATTACK_COUNTS and previous[0].counted in ATTACK_COUNTS:
            if c.period_from is None and not SINCE.search(c.sentence.text) and previous[1].date_from is not None:
                claim = replace(claim, date_from=previous[1].date_from)
            if not claim.where:
                claim = replace(claim, where=previous[1].where)
            if claim.target is None:
                claim = replace(claim, target=previous[1].target)
        if previous is not None and c.period_from is None and c.period_to is None and _points_back(c):
            claim = replace(claim, date_from=previous[1].date_from, date_to=previous[1].date_to,
                            where=claim.where or previous[1].where)
        if not claim.where and main is not None:  # counted in the country the story is about
            claim = replace(claim, where=[main])
        if not any(_retold(claim, earlier) for earlier in out):
            out.append(claim)
        previous = (c, claim)
    return out


def _retold(claim: Claim, earlier: Claim) -> bool:
    """The same tally told again, as a subheading and then the text do: the same count of the same thing
    in the same places over the same period."""
    return (claim.quantity, claim.counted, claim.where, claim.date_from, claim.date_to) == (
        earlier.quantity, earlier.counted, earlier.where, earlier.date_from, earlier.date_to)


def _points_back(c: ClaimMention) -> bool:
    """The tally's sentence opens on the acts counted before, or it counts a part of them."""
    after = c.sentence.text[c.quantity.end - c.sentence.start :]
    return bool(BACK.match(c.sentence.text) or PART.match(after))


def resolve_claim(c: ClaimMention, article: Article, context: dict[str, float]) -> Claim:
    pub = article.published
    quantity = plausible(parse_count(c.quantity.text), "largest_tally")
    start = resolve_time(c.period_from.text, pub) if c.period_from else None
    end_text = c.period_to.text if c.period_to else None
    if end_text and re.fullmatch(r"\d{1,2}", end_text.strip()) and start is not None and start.earliest is not None:
        end_text = f"{start.earliest:%B} {end_text.strip()}, {start.earliest.year}"  # "from November 17 to 21"
    end = resolve_time(end_text, pub, start.earliest if start else None) if end_text else None
    where: list[str] = []
    for s in c.places:
        place = resolve_place(s.text, context)
        if place is not None:
            name = place.country if place.kind != "sea" else place.name
            if name and name not in where:
                where.append(name)
    target = resolve_actor(c.target.text) if c.target else None
    key = f"{article.id}:{c.quantity.start}"
    return Claim(
        id="cl_" + hashlib.sha1(key.encode()).hexdigest()[:12],
        article_id=article.id,
        quantity=quantity if quantity is not None else 0,
        bound=c.bound,
        what=c.what,
        where=where,
        date_from=start.earliest if start else None,
        date_to=(end.latest if end else pub),
        source=c.source.text if c.source else None,
        evidence=evidence("quantity", quantity, c.quantity, article, c.sentence.text),
        target=target.name if target else None,
        counted=c.counted,

    )
