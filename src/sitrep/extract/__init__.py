"""Extract stage: event mentions (with their slots as text spans) and tally claims from parsed articles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from sitrep.extract.affiliation import affiliations, ties
from sitrep.extract.claims import claims_in
from sitrep.extract.classifier import classifier
from sitrep.extract.judge import event_head, judged, typed, verdicts, wants_new
from sitrep.extract.lexicon import lexicon
from sitrep.extract.mentions import (
    as_place,
    bounds_period,
    described_as_place,
    in_dateline,
    locative,
    mentions_in,
    place_in_name,
    with_particles,
    with_position,
)
from sitrep.extract.responsibility import blamed, claimants
from sitrep.extract.timing import reported, yet_to_come
from sitrep.extract.triggers import in_reference, keep, other_sense, triggers_in
from sitrep.models import Article, ClaimMention, EventMention, Sentence, Slot
from sitrep.nlp import Processed
from sitrep.nlp.pipeline import as_sentence, heading, heading_words

SECTION = "SECTION"  # the label of a section's head among the story's places
# the label of a name in a place's position that the NER took for another kind of name ("taken to hospital in
# Bamenda" as an organisation), or of a place an organisation is named after ("the Military Police of Rio de
# Janeiro"): a place only to say which country a story that names no other is about
GUESSED = "GUESSED"
# the label of a place a wire story's dateline names ("PEMBA, Mozambique (AP) -"): where the reporter filed from,
# which says which country the story is about, not where its acts were
DATELINE = "DATELINE"


@dataclass
class Extracted:
    article: Article
    mentions: list[EventMention]
    claims: list[ClaimMention]
    times: list[Slot]  # time expressions, but a period's bounds, in text order: the story's timeline
    places: list[Slot]  # places named as objects of a preposition outside dropped acts, in text order: where the story is
    # claimants in sentences that tell no event of their own, and those blamed (label BLAMED) in sentences
    # whose acts name no doer or day
    responsibility: list[tuple[Slot, Sentence]]
    affiliations: dict[str, Slot] = field(default_factory=dict)  # person (affiliation.person_key) -> their group
    ties: list[Slot] = field(default_factory=list)  # groups the story ties its descriptions to, in text order
    statement_times: set[int] = field(default_factory=set)  # starts of the timeline's times that date a statement



def extract(processed: Processed) -> Extracted:
    doc, article = processed.doc, processed.article
    mentions: list[EventMention] = []
    claims: list[ClaimMention] = []
    times: list[Slot] = []
    statement_times: set[int] = set()
    places: list[Slot] = []
    responsibility: list[tuple[Slot, Sentence]] = []
    affiliated: dict[str, Slot] = {}
    tied: list[Slot] = []
    villages: set[str] = set()  # names the story called places ("Maraban, a farming community in ...")
    other_senses: set[str] = set()  # trigger words the story used in another sense than violence
    lex = lexicon()
    doc_ents = doc.ents  # once: spaCy builds the entities of the whole doc again on each doc.ents and sent.ents
    sents = list(doc.sents)
    model = classifier()
    said = verdicts(model, sents) if model is not None else None
    for i, sent in enumerate(sents):
        ents = [e for e in doc_ents if e.start >= sent.start and e.end <= sent.end]  # = sent.ents
        triggers = triggers_in(sent, lex)
        affiliated.update(affiliations(sent, ents, i, lex))
        tied.extend(ties(sent, ents, i))
        kept_ids = {t.i for t in triggers if keep(t, lex)}
        told = [e for e in ents if e.label_ in ("DATE", "TIME") and not bounds_period(e) and not in_reference(e.root)
                and not in_dateline(e.root) and not yet_to_come(e)]
        times.extend(Slot(e.text, e.start_char, e.end_char, i) for e in told)
        statement_times.update(e.start_char for e in told if reported(e))
        dropped = [t for t in triggers if t.i not in kept_ids]
        if (section := _section_head(sent) or _entry_head(sent, doc_ents)) is not None:
            # "NIGER" over a roundup's section, a live blog's "09:50 - Car bomb in northern Syria": where what follows is
            places.append(Slot(section, sent.start_char, sent.start_char + len(sent.text.strip()), i, label=SECTION))
        places.extend(Slot(e.text, e.start_char, e.end_char, i) for e in (with_particles(with_position(e)) for e in ents)
                      if e.label_ in ("GPE", "LOC", "FAC") and e.root.dep_ == "pobj" and not in_reference(e.root)
                      and locative(e, kept_ids)
                      and not any(e.root in set(t.subtree) for t in dropped))
        places.extend(Slot(e.text, e.start_char, e.end_char, i, label=DATELINE) for e in ents
                      if e.label_ == "GPE" and in_dateline(e.root))
        places.extend(Slot(e.text, e.start_char, e.end_char, i, label=GUESSED) for e in ents
                      if e.label_ != "GPE" and as_place(e).label_ == "GPE" and not in_reference(e.root))
        places.extend(Slot(p.text, p.start_char, p.end_char, i, label=GUESSED) for e in ents
                      if (p := place_in_name(e)) is not None)
        villages.update(e.text for e in ents if described_as_place(e.root))
        found = mentions_in(doc, article.id, sent, i, triggers, kept_ids, ents)
        if said is not None and found:
            found = judged(found, said[i], sent)
        elif said is not None and not triggers and wants_new(said[i]) and (head := event_head(sent, lex)) is not None:
            found = typed(mentions_in(doc, article.id, sent, i, [head], {head.i}, ents), said[i], lex)
        if sent.text.strip().rstrip("\"'”’ ").endswith("?"):  # "Who is it fighting?": a question tells no act
            found = []
        for m in found:  # "the Maraban attack", the story having called Maraban a farming community: no party
            m.actor1, m.actor2 = (None if s is not None and s.text in villages else s for s in (m.actor1, m.actor2))
        tallies = claims_in(doc, article.id, sent, i)
        counting = {c.counted_at for c in tallies}
        found = [m for m in found if m.trigger.start not in counting]  # "199 were killed in the six months"
        # "86 civilian deaths since January, most of them in bombardment": a count over a period, no act's toll
        # (a count made with a verb, "killed 18 last month", is also the toll of the act it tells)
        periods = [c.quantity for c in tallies if c.period_from is not None and c.counted not in lex.toll_verbs]
        for m in found:
            m.fatalities, m.injuries = (None if s is not None and any(_within(q, s) for q in periods) else s
                                        for s in (m.fatalities, m.injuries))
        claimed = claimants(sent, i)
        if claimed and found:
            for m in found:
                m.claimed_by = m.claimed_by or claimed
        elif claimed:  # "Al-Shabaab claimed responsibility": for the event the story last told
            responsibility.append((claimed, as_sentence(sent, i)))
        elif (blame := blamed(sent, i)) is not None:
            if not any(m.actor1 or m.times for m in found):
                # "officials blamed the RSF, saying the drone was launched from ...": likewise (not where the
                # sentence dates the act anew: "Washington blames X for much of the January 28 attack" is
                # background)
                responsibility.append((blame, as_sentence(sent, i)))
            elif (told := [m for m in found if m.trigger.end <= blame.start]) and told[-1].actor1 is None:
                told[-1].actor1 = blame  # "a day after a drone strike which residents blamed on X"
        # "a national strike ... the strike will go on": the word keeps the sense the story gave it
        found = [m for m in found if not (m.anaphoric and m.trigger.text.lower() in other_senses)]
        other_senses.update(t.lower_ for t in triggers if other_sense(t, lex))
        mentions.extend(found)
        claims.extend(tallies)
    return Extracted(article, mentions, claims, times, places, responsibility, affiliated, tied, statement_times)


def _section_head(sent: Span) -> str | None:
    """A line of a few upper-case words and no verb, the head of a section of a roundup or briefs: the place
    it names, as "Amhara, ETHIOPIA" where it names a region in brackets ("ETHIOPIA (Amhara) —")."""
    words = [t for t in sent if not ((t.is_punct and t.text not in "()") or t.is_space)]
    if not heading(words) or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    bare = heading_words(words) or []
    region = " ".join(t.text for t in words if t not in bare and t.text not in "()")
    country = " ".join(t.text for t in bare)
    return f"{region}, {country}" if region else country


ENTRY_TIME = re.compile(r"\s*\d{1,2}[:.]\d{2}\b")  # "09:50 —", "14.05 Kharkiv toll rises"


def _entry_head(sent: Span, ents: Sequence[Span]) -> str | None:
    """The head of a live blog's entry, a line opening on the time it was posted: a story of its own, where the
    place its line names is (or none: "" starts it afresh)."""
    text = sent.doc.text
    if not (sent.start_char == 0 or text[sent.start_char - 1] == "\n") or not ENTRY_TIME.match(sent.text):
        return None
    end = text.find("\n", sent.start_char)
    line = range(sent.start_char, len(text) if end < 0 else end)
    return next((e.text for e in ents if e.label_ in ("GPE", "LOC") and e.start_char in line), "")


def _within(inner: Slot, outer: Slot) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
