"""Event mentions at clause level: group a sentence's triggers into clauses, then fill each clause's
slots (actors, places, time, casualties, weapon) from the parse."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitrep.data import site_list
from sitrep.extract.affiliation import tied_group
from sitrep.extract.casualties import (
    SUM,
    casualties,
    num_slot,
    parsed_casualties,
    resultative,
    running_toll,
    zero_slot,
)
from sitrep.extract.lexicon import Lexicon, lexicon
from sitrep.extract.timing import (
    EARLIER,
    REPORTING,
    bounds_period,
    came_before,
    compared_within,
    earlier_by,
    relative_to,
    reported,
    time_rank,
)
from sitrep.extract.tree import dep_distance, hung_on, prep_objects, tree_path
from sitrep.extract.triggers import (
    GRENADE,
    anaphoric,
    gunfire,
    held_since,
    intended,
    interception,
    lemma,
    negated,
    other_sense,
    performer,
    reference_point,
)
from sitrep.models import EventMention, Slot
from sitrep.nlp.pipeline import PLACE_LABELS, as_sentence

NAME_LABELS = {"ACTOR", "ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}  # a rare
# place name is often read as one of these
TIME_LABELS = {"DATE", "TIME"}
DISRUPTED = "Disrupted weapons use"
ABDUCTION = "Abduction/forced disappearance"
TARGET_PREPS = {"against", "on", "at", "targeting", "toward", "towards"}
SITE_NAMES = {"ORG", "PERSON", "GPE", "FAC", "LOC"}  # what the model calls a proper name a site is named by
COUNT_NOUNS = {"dozen", "score", "hundred", "thousand", "number", "handful", "some", "several", "many"}  # "dozens of X"
NOT_PARTY = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "PERCENT", "MONEY"}
LATER = re.compile(r"\blater\s+(?:on|that|in|the)?\s*$", re.I)  # "Later on Sunday", "later that day": after what was told
LOCATIVE = {"in", "at", "near", "outside", "around", "toward", "towards", "across", "into", "inside", "over", "through",
             "throughout", "along", "within", "off", "above", "beyond"}
NAME_PARTICLES = {"de", "del", "da", "do", "al", "el"}  # lower-case words inside a place's name ("Rio de Janeiro")
DESTINATION = {"to", "towards", "toward", "for", "into"}  # after a verb of travel (triggers.yaml motion)
SCENE_MARKS = {"after", "when", "as", "while", "before"}  # a clause of time beside another: one scene
SETTING_PREPS = {"during", "amid", "in"}  # "arrested during raids in X", "killed in attacks across X": one scene
RELATIONAL = {"to", "with", "for", "about", "between", "like", "than"}  # "links to Israel", "support for Ukraine"
PLACE_NOUNS = {"province", "governorate", "region", "district", "oblast", "state", "county", "city", "town",
               "village", "camp", "neighbourhood", "neighborhood", "area", "desert", "lga", "municipality", "regency",
               "commune", "hamlet", "settlement", "township", "locality", "suburb"}
PART_NOUNS = {"coast", "outskirts", "edge", "centre", "center", "suburbs", "port", "shores", "heart", "streets", "part",
              # "north of Gao", "20 km southeast of Kidal"
              "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# after a name, what makes it a modifier ("Iran-backed", "a Panama-flagged tanker", "US-made missiles"), not a place
MODIFIER_SUFFIX = r"-(backed|aligned|linked|allied|affiliated|flagged|owned|operated|registered|based|made|bound)\b"
BOUNDARY_DEPS = {
"relcl", "ccomp", "acl", "parataxis", "csubj"}


def slot(span: Span | Token, sent_index: int) -> Slot:
    if isinstance(span, Token):
        return Slot(span.text, span.idx, span.idx + len(span.text), sent_index, span.ent_type_)
    return Slot(span.text, span.start_char, span.end_char, sent_index, span.root.ent_type_)


def group_triggers(triggers: list[Token]) -> list[list[Token]]:
    """Triggers joined by a dependency path that crosses no clause boundary and no non-trigger verb."""
    ids = {t.i for t in triggers}
    groups: list[list[Token]] = []
    for tok in triggers:
        for group in groups:
            if any(_same_clause(tok, other, ids) for other in group):
                group.append(tok)
                break
        else:
            groups.append([tok])
    return groups


def _same_clause(a: Token, b: Token, trigger_ids: set[int]) -> bool:
    path = tree_path(a, b)

    on_path = {t.i for t in path}
    if _own_clause(a, b) or _own_clause(b, a):
        return False
    for t in path:
        if t.head.i in on_path and t.head.i != t.i and any(c.dep_ == "mark" for c in t.children):
            return False  # a subordinate clause ("a day after rockets were launched") tells its own event
        if t.i in trigger_ids:
            continue

        if t.pos_ in ("VERB", "AUX") and lemma(t) not in ("be", "have", "do"):
            return False
    lower = [t for t in path if t is not path[-1]]
    return not any(t.dep_ in BOUNDARY_DEPS and t.i not in trigger_ids for t in lower) and not any(
        t.dep_ in ("relcl", "acl") for t in (a, b) if t.head.i not in trigger_ids and t.head not in (a, b))


def _own_clause(conj: Token, head: Token) -> bool:
    """A clause joined to another with a subject and a place of its own, as the other has ("a thousand
    marched in X on Saturday, and in Y hundreds rallied on Sunday"): another act, elsewhere. Not a toll told
    in two clauses ("four soldiers were killed and 11 people were injured")."""
    return conj.dep_ == "conj" and conj.head == head and conj.pos_ == "VERB" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
        and _names_place(conj, set()) and _names_place(head, {conj.i})


def _names_place(verb: Token, skip: set[int]) -> bool:
    """A place name in a phrase hung on the verb ("in Kutaisi", "outside Batumi"), not in the clauses in ``skip``."""
    return any(c.dep_ == "prep" and c.i not in skip and any(o.ent_type_ in PLACE_LABELS for o in c.subtree)
               for c in verb.children)


def nearest_group(tok: Token, groups: list[list[Token]]) -> int:
    best, best_d = 0, 10**6
    for gi, group in enumerate(groups):
        for t in group:
            d = dep_distance(tok, t) * 100 + abs(tok.i - t.i)
            if d < best_d:
                best, best_d = gi, d
    return best


def _one_scene(group: list[Token], other: list[Token]) -> bool:
    """One clause is a time clause of the other ("after", "when", "as"): what they tell happened in one place."""
    return any(t.dep_ == "advcl" and t.head in b and any(c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in t.children)
               for a, b in ((group, other), (other, group)) for t in a)


def clause_tokens(group: list[Token], groups: list[list[Token]], sent: Span) -> list[Token]:
    """Tokens of the sentence closer to this group than to any other."""
    gi = groups.index(group)
    if len(groups) == 1:
        return list(sent)
    return [t for t in sent if nearest_group(t, groups) == gi]


def sub_event(tokens: list[Token], text: str, lex: Lexicon, kept: list[Token]
              ) -> tuple[str | None, str | None, str]:
    """The clause's sub-event type, the word that gave it and what kind of word that was ("trigger" or
    "cue"): the type its trigger decides ("arrested", "protested"), else its best cue by ACLED priority;
    then refined by what else the clause tells (a protest dispersed with tear gas is a protest with
    intervention)."""
    found: list[tuple[int, str, str]] = []
    low = text.lower()
    in_phrases: set[str] = set()  # the words of a matched phrase cue no longer count alone ("tear gas shells")
    for phrase, sub in lex.cue_phrases.items():
        if (said := re.search(rf"\b{re.escape(phrase)}s?\b", low)) \
                and not _carried_by_weapon(phrase, low[: said.start()], low[said.end() :], lex) \
                and not any(_seized(t, lex) for t in tokens if t.lower_.removesuffix("s") == phrase.split()[-1]):
            found.append((lex.rank(sub), sub, phrase))
            in_phrases.update(phrase.split())
    for t in tokens:
        if _no_cue(t, lex):
            continue
        for key in (lemma(t), t.lower_, t.lower_.removesuffix("s")):
            sub = lex.cue_words.get(key)
            if sub and key not in in_phrases and not _qualified(t, lex, in_phrases):
                found.append((lex.rank(sub), sub, key))
    if gunfire(tokens, lex):  # "opened fire with rifles and grenades": a gun attack
        found = [f for f in found if f[1] != GRENADE]
    disrupted = any(interception(t, lex) for t in tokens) or any(p in low for p in lex.disrupted if " " in p)
    if disrupted:
        found.append((lex.rank(DISRUPTED), DISRUPTED, "interception"))
    decided = [(lex.rank(lex.trigger_types[lemma(t)]), lex.trigger_types[lemma(t)], t.lower_) for t in kept
               if lemma(t) in lex.trigger_types and not _led_away(t, lex)]
    decided += [(lex.rank(ABDUCTION), ABDUCTION, t.lower_) for t in tokens if _led_away(t, lex)]
    verbs, ground = lex.territory  # "captured a hilltop outpost": taking ground
    decided += [(lex.rank(TAKEN), TAKEN, t.lower_) for t in kept if lemma(t) in verbs and any(
        c.dep_ == "dobj" and lemma(c) in ground for c in t.children)]
    # a trigger that is itself the interception ("shot down two drones") decides, whatever it stopped, as does a
    # weapon found or seized before use ("found a roadside bomb")
    decided += [(lex.rank(DISRUPTED), DISRUPTED, t.lower_) for t in kept if interception(t, lex) or _seized(t, lex)]
    if not (decided or found):
        return None, None, "cue"
    _, sub, cue = min(decided or found)
    return refine(sub, tokens, low, lex), cue, "trigger" if decided else "cue"


def _led_away(tok: Token, lex: Lexicon) -> bool:
    """A crowd's verb done to people: "marched the captives into the forest" took them away (triggers.yaml
    led_away), no one marched in protest."""
    return tok.pos_ == "VERB" and lemma(tok) in lex.led_away and any(
        c.dep_ == "dobj" and lemma(_counted(c)) in lex.persons for c in tok.children)


def _carried_by_weapon(phrase: str, before: str, after: str, lex: Lexicon) -> bool:
    """A payload (triggers.yaml payloads, carried) on a weapon that is a cue of its own ("drones"): the weapon says
    what the act was (an explosive-laden drone, a drone loaded with explosives, is a drone strike; an
    explosive-laden car, a car packed with explosives, a car bomb)."""
    if phrase in lex.payloads:
        words = after.split()[:1]
    elif phrase in lex.carried:
        words = before.split()[-1:]
    else:
        return False
    word = words[0].strip(".,;:") if words else ""
    return bool(word) and (word in lex.cue_words or word.removesuffix("s") in lex.cue_words)


def _qualified(tok: Token, lex: Lexicon, in_phrases: set[str]) -> bool:
    """A weapon word whose modifier is itself a cue: the modifier says what it was ("teargas shells",
    "drone missile": the shells were tear gas, the missile came from a drone)."""
    return any(c.dep_ in ("compound", "amod") and (lemma(c) in lex.cue_words or c.lower_ in lex.cue_words
                                                   or c.lower_ in in_phrases) for c in tok.children)


def _no_cue(tok: Token, lex: Lexicon) -> bool:
    """A word that says nothing of the act: one of a time ("March 3" names no march), of who people are, of
    an act not done yet ("a planned march", "ahead of a rally"), or of the support a side had ("fighters
    advanced, backed by artillery and drones": a ground assault, not a drone strike)."""
    return tok.ent_type_ in TIME_LABELS or _describes_people(tok, lex) or _not_yet(tok, lex) or _support(tok, lex) \
        or other_sense(tok, lex) or _left_alone(tok, lex) or _seized(tok, lex) \
        or _led_away(tok, lex)  # "an unlicensed gold mine" is no landmine


def _seized(tok: Token, lex: Lexicon) -> bool:
    """A thing found or taken ("recovered rifles and a drone kit"; triggers.yaml seizure), not
    what the act was done with."""
    while tok.dep_ in ("compound", "amod", "nmod", "conj", "appos", "punct") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and lemma(tok.head) in lex.seizure


def _left_alone(tok: Token, lex: Lexicon) -> bool:
    """A verb of intervention told of the crowd alone ("the march dispersed without incident"): it left."""
    return tok.pos_ == "VERB" and lemma(tok) in lex.done_to \
        and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children)


def _support(tok: Token, lex: Lexicon) -> bool:
    """Named as a side's support: "backed by drones", or "under cover of drones", "with the support of
    helicopters" (the noun of a support verb)."""
    return any(a.dep_ == "agent" and a.head.tag_ == "VBN" and lemma(a.head) in lex.support for a in tok.ancestors) or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from") and lemma(tok.head.head) in lex.support)


def _not_yet(tok: Token, lex: Lexicon) -> bool:
    """Modified by a word of intent ("a planned march") or governed by one ("ahead of a rally", "an attempt to
    overrun the base")."""
    return any(c.dep_ == "amod" and lemma(c) in lex.intent for c in tok.children) or (
        tok.pos_ in ("NOUN", "VERB") and intended(tok, lex))


def _describes_people(tok: Token, lex: Lexicon) -> bool:
    """A cue word that only says what kind of people someone is: "riot police", "drone operators", or names
    people by what was done to them: "free those abducted", "treat the wounded", "fighters killed in earlier
    attacks"."""
    named_by_act = (tok.dep_ == "acl" and tok.head.lower_ in ("those", "anyone", "everyone")) or (
        tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(c.lower_ == "the" for c in tok.children))
    described = tok.dep_ == "acl" and lemma(tok.head) in lex.persons and lemma(tok.head) not in lex.demonstrators
    if tok.tag_ == "VBN" and (named_by_act or described):  # "portraits of fighters killed in earlier attacks"
        return True
    return tok.dep_ in ("compound", "amod") and lemma(tok.head) in lex.persons


def refine(sub: str, tokens: list[Token], low: str, lex: Lexicon) -> str:
    """Follow taxonomy.yaml's refinements while the clause holds their cues; a type met twice ends the
    walk, so a user's data file that makes a cycle cannot loop. A demonstration's cause is no cue."""
    cause = _grievance(tokens, lex)
    if cause:
        tokens = [t for t in tokens if t.i not in cause]
        low = "".join(t.text_with_ws for t in tokens).lower()
    words = {w for t in tokens if not _no_cue(t, lex) or _crowd_described(t, lex) for w in (lemma(t), t.lower_)}
    seen = {sub}
    while True:
        to = next((to for to, cue_words, cue_phrases in lex.refinements.get(sub, ())
                   if words & cue_words or any(re.search(rf"\b{re.escape(p)}\b", low) for p in cue_phrases)), None)
        if to is None or to in seen:
            return sub
        sub = to
        seen.add(sub)


def _crowd_described(tok: Token, lex: Lexicon) -> bool:
    """People described by a crowd's act ("youths protesting against power cuts clashed with police"): who they
    are says nothing of the clause's act, but that a crowd did it."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and lex.event_type.get(lex.trigger_types.get(lemma(tok), "")) in lex.crowd


def _grievance(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Token indices of what demonstrators protest: "against the arrest of their leader" after a
    demonstration word, "demanding the release of detainees", "demanding justice for a student killed"."""
    out: set[int] = set()
    for t in tokens:
        verb = t.pos_ == "VERB" and lemma(t) in lex.grievance
        cause = verb or (t.dep_ == "prep" and t.lower_ in lex.grievance
                         and lex.cue_words.get(lemma(t.head)) == "Peaceful protest")
        if cause:
            parts = ("pobj", "dobj", "ccomp", "xcomp", *(("prep",) if verb else ()))
            out.update(c.i for child in t.children if child.dep_ in parts for c in child.subtree)
    return out


def actor_span(tok: Token, doc: Doc) -> Span:
    """The noun phrase of a token, trimmed of relative clauses and appositions; the whole name when the
    token is part of one that the parser split ("al-Shabab" as three subjects)."""
    if tok.pos_ != "PROPN":  # "Al Qaeda's Sahel affiliate, JNIM, claimed", "the militant group Jaish al-Adl said":
        named = next((e for c in tok.children if c.dep_ == "appos" for e in doc.ents  # the name in apposition
                      if e.label_ == "ACTOR" and e.root == c and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    owner = next((e for c in tok.children if c.dep_ == "poss" for e in doc.ents
                  if e.label_ == "ACTOR" and e.start <= c.i < e.end), None)
    if tok.ent_type_ == "ACTOR" and owner is not None and tok.i >= owner.end:
        return owner  # "the group's naval forces", "the army's 3rd Division": a force is its owner's
    if tok.ent_type_ == "ACTOR" and tok.head.ent_type_ != "ACTOR":
        name = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if name is not None and len(name) > 1 and (name.start == tok.i  # a dictionary name the parser split:
                                                   or all(t.head == tok.head or t.head in name for t in name)):
            owner = doc[name.start - 1] if name.start > 0 else None  # "Houthi naval forces": whose forces
            if owner is not None and owner.head == tok and owner.ent_type_ in ("ACTOR", "NORP", "GPE"):
                start = next((e.start for e in doc.ents if e.start <= owner.i < e.end), owner.i)
                return doc[start : name.end]
            return name  # "al-Shabab" as three subjects, "the Group for the Support of ..." with "for" on the verb
    keep_deps = {"compound", "amod", "det", "poss", "nmod", "case", "cc", "conj", "punct", "prep", "pobj",
                 "nummod", "quantmod", "advmod", "npadvmod"}  # npadvmod: "State" in "Islamic State-linked"
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ in keep_deps]
    while stack:
        c = stack.pop()
        if (c.dep_ == "prep" and c.lower_ not in ("of", "in", "from")) or resultative(c):
            continue
        toks.append(c)
        stack.extend(g for g in c.children if g.dep_ in keep_deps or _bracketed(g))
    held = {t.i for t in toks}
    lo = hi = tok.i  # the unbroken run of the phrase around its head: not an aside it skipped ("X, including Y,")
    while lo - 1 in held:
        lo -= 1
    while hi + 1 in held:
        hi += 1
    if not any(doc[i].ent_type_ == "ACTOR" for i in range(lo, hi + 1)):
        named = [e for e in doc.ents if e.label_ == "ACTOR" and e.root in set(tok.subtree) and e.root.pos_ == "PROPN"]
        if named:  # "forces assigned to CJTF-OIR": the name is in a modifier (a name, not "a local soldier")
            return named[0]
    while lo < hi and doc[lo].dep_ in ("det", "punct", "cc"):
        lo += 1
    while hi > lo and doc[hi].dep_ in ("punct", "cc"):
        hi -= 1
    return _affiliated(doc, hi) or tied_group(tok) or doc[lo : hi + 1]


def _affiliated(doc: Doc, end: int) -> Span | None:
    """The group named after "linked with", "loyal to" (triggers.yaml affiliation) that ends or follows a
    phrase: "militants linked with the banned X" are X, read from the words, as the parser often hangs
    "linked" as the sentence's verb."""
    words = lexicon().affiliation
    i = end if lemma(doc[end]) in words else end + 1
    if i + 1 >= len(doc) or lemma(doc[i]) not in words or doc[i + 1].lower_ not in ("to", "with"):
        return None
    return next((e for e in doc.ents if e.label_ == "ACTOR" and i + 2 <= e.start <= i + 4
                 and all(t.pos_ in ("DET", "ADJ", "VERB") for t in doc[i + 2 : e.start])), None)


def _bracketed(tok: Token) -> bool:
    """An acronym in brackets after a name ("Army (MNDAA) fighters"): part of the phrase, not an aside."""
    doc = tok.doc
    return tok.dep_ == "appos" and 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def actors(group: list[Token], doc: Doc, lex: Lexicon) -> tuple[Span | None, Span | None]:
    """actor1: who acts (subject, passive agent, 'X strike' modifier); actor2: the target (object,
    'against/on/targeting X'). Weapons ('a drone targeted...') are not actors; their owners are."""
    sides = next((pair for tok in group if lemma(tok) in lex.reciprocal and (pair := _between(tok, doc, lex))), None)
    if sides is not None:
        return sides
    a1 = a2 = None
    for tok in group:
        for c in tok.children:
            if in_dateline(c):
                continue
            obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ in ("agent", "prep") else None
            if c.dep_ == "nsubj" and a1 is None and _pronoun(c) and (said := _speaker(tok, c, lex)):
                a1 = said  # "the army said it had killed eight militants", "... its troops had fired"
            elif c.dep_ == "nsubj" and a2 is None and lemma(tok) in lex.set_off:
                a2 = actor_span(c, doc) if _is_party(c, lex) else _owner(c)  # "a police truck ran over an IED"
            elif c.dep_ == "nsubj" and a2 is None and _headline_passive(tok) and lemma(tok) not in lex.reciprocal \
                    and _is_party(c, lex):  # no one is "clashed": "youths clashed with police" is the past tense
                a2 = actor_span(c, doc)  # "Chad: seven soldiers killed as ...": those it was done to
            elif c.dep_ == "nsubj" and a1 is None and _is_weapon(c, lex):
                a1 = _owner(c)  # "Israeli warplanes struck", "a Houthi drone hit"
            elif c.dep_ == "nsubj" and a1 is None and _is_party(c, lex):
                a1 = actor_span(c, doc)
                if a2 is None and lemma(tok) in lex.reciprocal and (pair := _two_sides(c, a1, tok, doc, lex)):
                    a1, a2 = pair
            elif (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ == "NOUN")) and a1 is None \
                    and obj is not None and _is_party(obj, lex):
                a1 = actor_span(obj, doc)
            elif c.dep_ == "agent" and a1 is None and (owner := next(
                    (o for g in c.children if g.dep_ in ("pobj", "pcomp") and (o := _owner(g)) is not None), None)):
                a1 = owner  # "killed by Israeli gunfire", "wounded by Russian shelling"
            elif c.dep_ in ("dobj", "nsubjpass") and a2 is None and _is_party(c, lex):
                a2 = actor_span(c, doc)
            elif c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or (c.lower_ == "with" and lemma(tok) in lex.reciprocal)) \
                    and a2 is None and obj is not None and _is_party(obj, lex) and not _destination(tok, c, lex):
                a2 = actor_span(obj, doc)  # "fired on X", "clashed with X"
            elif a2 is None and (held := _holder(_struck(c, obj), lex)) is not None:
                a2 = held  # "struck Houthi positions", "fired at a rebel camp"
            elif c.dep_ in ("amod", "compound", "poss", "nmod") and tok.pos_ in ("NOUN", "PROPN") \
                    and a1 is None and c.ent_type_ in ("ACTOR", "NORP", "GPE", "ORG"):
                a1 = _modifier_name(c, tok)
            elif c.dep_ == "compound" and tok.pos_ == "NOUN" and a1 is None and (owner := _owner(c)) is not None:
                a1 = owner  # "a Ukrainian missile strike", "a Russian drone attack": whose weapon
        if a1 is None and tok.dep_ in ("advcl", "xcomp", "conj", "acl") and tok.head.i != tok.i:
            head = tok.head
            subj = _subject(head)
            while subj is None and head.dep_ == "conj" and tok.dep_ == "conj":  # "stopped buses, checked cards and
                head = head.head  # shot dead seven men": the subject of the first of the verbs
                subj = _subject(head)
            if subj is not None and subj.dep_ == "agent":
                subj = next((g for g in subj.children if g.dep_ == "pobj"), None)
            if tok.dep_ == "acl" and subj is None and (tok.tag_ == "VBD" or any(c.dep_ == "dobj" for c in tok.children)):
                # a past tense, or a participle with an object, is the sentence's verb the parser hung on a noun:
                # its subject is that noun's phrase ("Boko Haram insurgents abducted ...", "strikes on the camp killed 27")
                subj = head
                while subj.dep_ == "pobj" and subj.head.dep_ == "prep" and subj.head.head.pos_ == "NOUN":
                    subj = subj.head.head
            if lemma(head) == "die" and subj is not None:  # "two soldiers died and four were hurt": victims
                a2 = a2 or (actor_span(subj, doc) if _is_party(subj, lex) else None)
            else:
                a1 = _agent(subj, doc, lex)
    if a2 is None:
        a2 = _held(group, doc, lex) or _died_in(group, doc, lex)
    if a1 is None:  # "MOGADISHU, Somalia (AP) — Al-Shabaab fighters stormed": the city parsed as the subject
        a1 = _agent(next((s for tok in group if (s := _past_dateline(tok)) is not None), None), doc, lex)
    if a1 is None:
        a1 = _fought_with(group, doc, lex)
    if a1 is None:  # "soldiers found a roadside bomb": who found it
        a1 = next((actor_span(s, doc) for tok in group if tok.dep_ == "dobj" and _seized(tok, lex)
                   for s in tok.head.children if s.dep_ == "nsubj" and _is_party(s, lex)), None)
    if a1 is None:  # "troops conducted a wave of airstrikes"
        a1 = _agent(next((s for tok in group if (s := performer(tok, lex)) is not None), None), doc, lex)
    if a1 is None:
        found = next((x for tok in group if (x := _attributed(tok, lex) or _by_after(tok, lex)) is not None), None)
        a1 = actor_span(found, doc) if found is not None else None
    return a1, a2


def _subject(verb: Token) -> Token | None:
    """A verb's subject or passive agent, behind a dateline the parser took for the subject."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    return _past_dateline(verb) if subj is not None and in_dateline(subj) else subj


def _past_dateline(verb: Token) -> Token | None:
    """The subject a dateline hides, which the parser hung on it as an apposition: "MOGADISHU, Somalia
    (AP) — Al-Shabaab fighters stormed" (the city parsed as the subject)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and in_dateline(c)), None)
    return next((a for a in subj.children if a.dep_ == "appos" and not in_dateline(a)), None) if subj else None


def _headline_passive(verb: Token) -> bool:
    """A participle with neither auxiliary nor object heading its clause, as headlines write the passive
    ("seven soldiers killed in ambush"): its subject is what the act was done to."""
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass", "dobj", "agent") for c in verb.children)


def _reported_act(act: Token) -> bool:
    """The act is what a passive reporting verb reports ("clashes were reported between X and Y near Z")."""
    return act.dep_ == "nsubjpass" and lemma(act.head) in REPORTING


def _destination(act: Token, prep: Token, lex: Lexicon) -> bool:
    """Where a march goes ("marched towards the Raj Bhavan"), not whom an act struck ("fired towards X")."""
    return prep.lower_ in ("toward", "towards") and lex.event_type.get(lex.trigger_types.get(lemma(act), "")) == "Protests"


def _pronoun(subj: Token) -> bool:
    """A subject that points back: "it", "they", "its troops", "their fighters"."""
    return subj.lower_ in ("it", "they") or any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children)


def _speaker(act: Token, pronoun: Token, lex: Lexicon) -> Span | None:
    """Who says "it" or "they" did the act, in the statement the act is told by: that party ("the army said
    it had killed"; not "they killed three, officials said", where the speaker comes after)."""
    if act.dep_ != "ccomp" or lemma(act.head) not in REPORTING or act.head.i > pronoun.i:
        return None
    subj = next((c for c in act.head.children if c.dep_ == "nsubj"), None)
    return actor_span(subj, act.doc) if subj is not None and _is_party(subj, lex) else None


def _between(act: Token, doc: Doc, lex: Lexicon) -> tuple[Span, Span] | None:
    """"clashes between the army and militiamen", "fighting broke out between X and Y": the two sides; "fighting
    between rival militias": one description for both."""
    holders = [act, act.head] if act.dep_ == "nsubj" or _reported_act(act) else [act]  # "fighting broke out
    # between", "clashes were reported between": on the verb
    obj = next((g for t in holders for g in prep_objects(t, ("between",))), None)
    if obj is None or not _is_party(obj, lex):
        return None
    phrase = actor_span(obj, doc)
    paired = _two_sides(obj, phrase, act, doc, lex)
    split = next((m for m in obj.children if m.dep_ in ("nmod", "compound") and m.conjuncts), None)
    if paired is None and split is not None:  # "the army and Fulani militiamen" parsed as one phrase
        cc = next((c for c in split.children if c.dep_ == "cc"), None)
        start = next(t.i for t in split.subtree if t.dep_ != "det")
        if cc is not None and start < cc.i:
            paired = doc[start : cc.i], doc[min(c.i for c in split.conjuncts) : obj.i + 1]
    return paired or ((phrase, phrase) if obj.tag_ in ("NNS", "NNPS") else None)


def _two_sides(subj: Token, phrase: Span, act: Token, doc: Doc, lex: Lexicon) -> tuple[Span, Span] | None:
    """"Troops and rebels clashed": the two sides of a reciprocal act named together as its subject, unless
    the act names the other side ("troops and allied militias fought with rebels": one side)."""
    other = next((c for c in subj.conjuncts if c.i > subj.i and _is_party(c, lex)), None)
    cc = next((c for c in subj.children if c.dep_ == "cc"), None)
    if other is None or cc is None or any(c.dep_ == "prep" and c.lower_ == "with" for c in act.children):
        return None
    first = doc[phrase.start : cc.i] if phrase.start < cc.i < phrase.end else phrase
    while len(first) > 1 and first[-1].is_punct:
        first = first[:-1]
    return first, actor_span(other, doc)


def _fought_with(group: list[Token], doc: Doc, lex: Lexicon) -> Span | None:
    """The other side of the fight a victim fell in ("a soldier was killed in an exchange of fire with
    militants"): the militants."""
    for tok in group:
        for fight in (g for g in prep_objects(tok, tuple(SETTING_PREPS)) if lemma(g) in lex.reciprocal):
            side = next(iter(prep_objects(fight, ("with",))), None)
            if side is not None and _is_party(side, lex):
                return actor_span(side, doc)
    return None


def _died_in(group: list[Token], doc: Doc, lex: Lexicon) -> Span | None:
    """Who died in the act ("six people died in an attack on a church"): its victims."""
    for verb in (v for tok in group if (v := hung_on(tok)) is not None and lemma(v) == "die"):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and _is_party(subj, lex):
            return actor_span(subj, doc)
    return None


def _held(group: list[Token], doc: Doc, lex: Lexicon) -> Span | None:
    """Who is held since a day: "the reporter has been in custody since March 3"."""
    since = next((s for tok in group if (s := held_since(tok, lex)) is not None), None)
    held = next((c for c in since.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if since else None
    return actor_span(held, doc) if held is not None and _is_party(held, lex) else None


def _by_after(tok: Token, lex: Lexicon) -> Token | None:
    """'died in Tuesday's bombing by militants', 'were hurt in last week's ambush by rebels': the parser
    hangs the act's "by" on the verb; after the act's noun, it names who did the act."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return None
    for c in tok.head.head.children:
        if c.i > tok.i and (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            return obj if obj is not None and _is_party(obj, lex) else None
    return None


def _part_of_date(ent: Span) -> bool:
    """A part of a day told with its date after "of" ("the morning of 11 June", "the night of March 3")."""
    doc = ent.doc
    of = ent.end - 1 if doc[ent.end - 1].lower_ == "of" else ent.end
    return of + 1 < len(doc) and doc[of].lower_ == "of" and doc[of + 1].ent_type_ == "DATE"


def _agent(subj: Token | None, doc: Doc, lex: Lexicon) -> Span | None:
    """The actor a subject names: a party, or the owner of a weapon ("Israeli jets")."""
    if subj is None:
        return None
    if lemma(subj) in COUNT_NOUNS:  # "dozens of settlers attacked": the settlers (not "one of its leaders")
        subj = _counted(subj)
    if _is_weapon(subj, lex):
        return _owner(subj)
    return actor_span(subj, doc) if _is_party(subj, lex) else None


def _attributed(tok: Token, lex: Lexicon) -> Token | None:
    """Who the text holds to have done the act it names without a subject: "the massacre attributed to X",
    "an attack carried out by X", "the bombing was blamed on X", "officials attributed the strikes to X",
    "accused X of kidnapping the crew", "X was blamed for the bombing"."""
    verbs = [c for c in tok.children if c.dep_ == "acl"] + ([tok.head] if tok.dep_ in ("nsubjpass", "dobj") else [])
    for c in verbs:  # "the massacre attributed to X", "the bombing was blamed on X", "attributed the strikes to X"
        for p in c.children:
            if lemma(c) in lex.attribution and (p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("to", "on"))):
                obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                if obj is not None and _is_party(obj, lex):
                    return obj
    prep = tok.head
    if tok.dep_ in ("pobj", "pcomp") and prep.lower_ in ("of", "for") and lemma(prep.head) in lex.attribution:
        held = next((g for g in prep.head.children if g.dep_ in ("dobj", "nsubjpass")), None)
        if held is not None and _is_party(held, lex):
            return held
    return None


TAKEN = "Non-state actor overtakes territory"  # by whom is decided at the link stage
DATELINE_MARKS = {":", "—", "–", "-", "--"}
DATELINE_TOKENS = 16  # "GOMA, Democratic Republic of Congo, March 18 (Reuters) -"
AGENCY_END = re.compile(r"\)\.?[-–—]$")  # "Bogotá, Oct 6 (EFE).- ...", which the tokenizer keeps as "EFE).-"


def in_dateline(tok: Token) -> bool:
    """In a wire story's dateline ("KATHMANDU, Nepal: Police opened fire", "Kyiv, October 6, 2023 — A
    missile..."), which the parser may take for the subject: a verbless run that a colon or dash ends."""
    sent = tok.sent
    end = next((t.i for t in sent[:DATELINE_TOKENS] if (t.text in DATELINE_MARKS or AGENCY_END.search(t.text))
                and t.whitespace_),
               None)  # not "al-Shabab"
    return end is not None and tok.i < end and not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[sent.start : end])


def _is_party(tok: Token, lex: Lexicon) -> bool:
    """A person, group or state: a named actor, a nationality, or a noun for people; not a date, number,
    pronoun, weapon or thing."""
    if tok.pos_ == "PRON" or tok.like_num or tok.ent_type_ in NOT_PARTY or _is_weapon(tok, lex) or described_as_place(tok):
        return False
    if tok.ent_type_ in ("ACTOR", "NORP", "ORG", "PERSON", "GPE"):
        return True
    return lemma(tok) in lex.persons


def _struck(child: Token, obj: Token | None) -> Token | None:
    """What a trigger's child says was struck: its object, or the object of a target preposition; through a
    count of them ("dozens of Houthi sites", "60 of its positions")."""
    struck = child if child.dep_ in ("dobj", "nsubjpass") else (
        obj if child.dep_ == "prep" and child.lower_ in TARGET_PREPS else None)
    return None if struck is None else _counted(struck)


def _counted(tok: Token) -> Token:
    """What a count counts ("dozens of Houthi sites", "60 of its positions", "hundreds of settlers"), else
    the word itself."""
    if not (tok.like_num or tok.pos_ == "NUM" or lemma(tok) in COUNT_NOUNS):
        return tok
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), tok)


def _holder(target: Token | None, lex: Lexicon) -> Span | None:
    """The party that holds what was struck ("Houthi positions", "a rebel camp", "Hezbollah's depots"), if
    no word of civilian life comes with it ("a Palestinian refugee camp")."""
    if target is None or lemma(target) not in lex.holdings:
        return None
    mods = [c for c in target.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if any(lemma(c) in lex.civilian_sites or c.lower_ in lex.civilian_sites for c in mods):
        return None
    doc = target.doc
    if target.i > 0 and lemma(doc[target.i - 1]) in lex.persons and doc[target.i - 1] in mods:
        start = target.i - 1  # "Kurdish militant targets": the militants, with what describes them
        while start > 0 and doc[start - 1] in mods:
            start -= 1
        return doc[start : target.i]
    # a name the dictionary does not hold is the site's own ("the Rhoe site", "the Kakuma camp"), not its holder's
    party = next((c for c in mods if _is_party(c, lex) and not (c.pos_ == "PROPN" and c.ent_type_ in SITE_NAMES)), None)
    return _modifier_name(party, target) if party is not None else None


def _modifier_name(mod: Token, head: Token) -> Span:
    """The name a modifier belongs to ("Boko Haram" in "a Boko Haram camp"), or the word alone."""
    ent = next((e for e in head.doc.ents if e.start <= mod.i < e.end), None)
    return ent if ent is not None and head not in ent else head.doc[mod.i : mod.i + 1]


def _owner(weapon: Token) -> Span | None:
    """Who a weapon belongs to, from its modifiers ("Russian missiles", "Hezbollah's rockets") or from who
    works it ("an aircraft operated by the SSPDF", "a drone flown by the rebels"); a modifier of the kind of
    weapon too ("a military fighter jet")."""
    kinds = [g for c in weapon.children if c.dep_ == "compound" for g in c.children]
    for c in (*weapon.children, *kinds):
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("ACTOR", "NORP", "GPE", "ORG"):
            ent = next((e for e in weapon.doc.ents if e.start <= c.i < e.end), None)
            return ent if ent is not None else weapon.doc[c.i : c.i + 1]
    lex = lexicon()
    for c in weapon.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in lex.operate:
            who = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if who is not None and _is_party(who, lex):
                return actor_span(who, weapon.doc)
    return None


def _is_weapon(tok: Token, lex: Lexicon) -> bool:
    """A weapon or an act ("a drone", "the strike"), not people a cue word names ("protesters", "rioters")."""
    if lemma(tok) in lex.persons:
        return False
    return lemma(tok) in lex.cue_words or lemma(tok) in lex.nouns or tok.lower_ in ("it", "they", "which", "that")


def mentions_in(doc: Doc, article_id: str, sent: Span, sent_index: int, triggers: list[Token], kept_ids: set[int],
                ents: list[Span]) -> list[EventMention]:
    """The sentence's event mentions, from its triggers (``kept_ids``: those that pass ``keep``) and its
    entities (``sent.ents``)."""
    lex = lexicon()
    if not triggers:
        return []
    sentence_ents = ents
    groups = [g for g in group_triggers(triggers) if any(t.i in kept_ids for t in g)]
    if not groups:
        return []
    dropped = [t for t in triggers if t.i not in kept_ids]
    aimed = [d for d in dropped if not _setting_of_kept(d, kept_ids, lex)]
    ents_by_group: dict[int, list[Span]] = {}
    all_places: list[Slot] = []
    stray: list[Span] = []  # times of the sentence that no clause reaches
    preceded: set[int] = set()  # times a clause's act came before (came_before)
    references = [d for d in dropped if reference_point(d)]
    began = [s for t in triggers if t.i in kept_ids and (s := held_since(t, lex)) is not None]  # a detention's day
    day_words = {s.i for s in began}
    trigger_ids = {t.i for t in triggers} | {s.head.i for s in began}  # "held in custody since": one act
    described = _who_they_were(sent, kept_ids, lex)
    # "clashes were reported near X": the reporting verb's words tell the act it reports
    told_acts = {t.head.i for t in triggers if t.i in kept_ids and _reported_act(t)}
    unlabelled = _unlabelled_places(sent)
    for ent in [*ents, *unlabelled]:
        if ent.root.i in described or (ent.label_ in TIME_LABELS and in_dateline(ent.root)) or _part_of_place(ent, unlabelled):
            continue  # "ADEN, April 10 (Gulf Wire) — ... attacked on Thursday": the day filed, not the act's
        ent = with_region(with_particles(with_position(as_place(ent))))

        if ent.label_ in PLACE_LABELS:
            if ent.text.lower() in lex.cue_words or ent.text.islower() or _inside_name(ent):
                continue  # "Katyusha rockets": a weapon's name; "in the bush" (read as a person): no name at all;
                # "the Free Georgia Alliance": a party's
            if _sponsor_only(ent) or not locative(ent, kept_ids | told_acts):
                continue
            if _inside_dropped(ent.root, aimed, kept_ids):  # where an intended or denied act was aimed
                continue
            all_places.append(slot(ent, sent_index))
        if all(any(t in group for group in groups) for t in ent):
            continue
        if ent.label_ == "TIME" and _part_of_date(ent):
            continue  # "on the morning of 11 June": the date dates the act
        if _dated_name(ent):
            continue  # "in Mahaday district": a name the NER took for a date tells no time
        if ent.label_ in TIME_LABELS and ((bounds_period(ent) and ent.start - 1 not in day_words
                                            and not _when_of(ent, kept_ids))
                                           or _inside_dropped(ent.root, references, kept_ids) or compared_within(ent)):
            continue  # a period's bound; the time of a past act the sentence measures by ("since the raid in 2019");
            # the period a superlative compares with ("the deadliest blast this year")
        # a clause a time reaches, unless measured from each of its acts ("on Monday after heavy fighting" dates "seized")
        candidates = [g for g in groups if any(_reachable(ent.root, t, trigger_ids) for t in g)
                      and (ent.label_ not in TIME_LABELS or not all(relative_to(ent, t) for t in g))]
        if not candidates and ent.label_ in TIME_LABELS:  # "left in September after an assault": on or before it
            candidates = [g for g in groups if any(came_before(ent, t) for t in g)]
            if candidates:
                preceded.add(ent.start)
        if not candidates:
            if ent.label_ in TIME_LABELS and not reported(ent) and not any(relative_to(ent, t) for g in groups for t in g):
                stray.append(ent)  # "violence that began March 6 in the region, where forces clashed"
            continue
        gi = groups.index(candidates[nearest_group(ent.root, candidates)])
        ents_by_group.setdefault(gi, []).append(ent)
    out: list[EventMention] = []
    sentence = as_sentence(sent, sent_index)
    background = _background(dropped, kept_ids) | described
    # places another clause of the sentence names as its own are not shared with clauses that name none,
    # unless one clause is the other's time ("killed 19 after they were attacked in X": one scene)
    own_places = {gi: {slot(e, sent_index) for e in ents if e.label_ in PLACE_LABELS} for gi, ents in ents_by_group.items()}

    for gi, group in enumerate(groups):
        kept = [t for t in group if t.i in kept_ids]
        if not kept or (running_toll(kept) and not any(e.label_ in TIME_LABELS for e in ents_by_group.get(gi, []))):
            continue
        tokens = [t for t in clause_tokens(group, groups, sent) if t.i not in background]
        clause_text = "".join(t.text_with_ws for t in tokens)  # as written: "sit-in" stays one word
        sub, cue, typed_by = sub_event(tokens, clause_text, lex, kept)
        if sub is None:
            sub, typed_by = next((fell for t in kept if (fell := _fallback(t, lex)) is not None
                                  and not anaphoric(t)), None), "fallback"  # "the strike" is what was told before

        a1, a2 = actors(group, doc, lex)
        ents = ents_by_group.get(gi, [])
        places = [slot(e, sent_index) for e in sorted(
            (e for e in ents if e.label_ in PLACE_LABELS), key=lambda e: min(dep_distance(e.root, t) for t in group))]
        times = [e for e in ents if e.label_ in TIME_LABELS] or _setting(stray, group)
        # "came four days after it": counted from another act, unless the clause names its own day ("retook the
        # town on 4 March, two days after clashes")
        before = [e for e in sentence_ents if any(earlier_by(e, t) for t in group)]
        times = [e for e in times if e not in before] or before
        rank = {e.start: time_rank(e, group) for e in times}
        # a time the act came before ("agreed late on Wednesday after clashes") only bounds it: a time of its own first
        times = sorted(times, key=lambda e: (rank[e.start][0], e.start in preceded, rank[e.start]))
        if times and rank[times[0].start][0] and all(anaphoric(t) for t in kept):
            times = []  # "In a statement Thursday, ... eliminated in the strike": the date of the statement
        # casualties: the whole sentence when it tells one event, else this clause's stretch of it
        text, offset = (sent.text, sent.start_char) if len(groups) == 1 else (clause_text_span(tokens, doc), tokens[0].idx)
        fatal, hurt, none_hurt = casualties(text)
        parsed_fatal, parsed_hurt = parsed_casualties(group, sent_index, lex.individuals)
        main = kept[0]
        out.append(EventMention(
            article_id=article_id,
            sentence=sentence,
            trigger=slot(main, sent_index),
            event_type=lex.event_type.get(sub, "") if sub else "",
            sub_event_type=sub or "",
            weapon=cue,
            actor1=slot(a1, sent_index) if a1 is not None else None,
            actor2=slot(a2, sent_index) if a2 is not None else None,
            places=places,
            places_listed=sum(1 for e in ents if e.label_ in PLACE_LABELS and e.root.dep_ == "conj") >= 1,
            sentence_places=sorted((p for p in all_places if not any(
                p in found and not _one_scene(group, groups[gj]) for gj, found in own_places.items())), key=lambda p: min(
                dep_distance(doc.char_span(p.start, p.end, alignment_mode="expand").root, t) for t in group)),
            times=[replace(slot(t, sent_index), label=EARLIER) if t in before else slot(t, sent_index) for t in times],
            reported_times=[slot(t, sent_index) for t in times if (reported(t) and not _described_statement(t, group))
                            or t.start in preceded],
            fatalities=_in_parts(parsed_fatal) or num_slot(fatal, offset, sent_index) or parsed_fatal
            or zero_slot(none_hurt, sentence),
            injuries=_in_parts(parsed_hurt) or num_slot(hurt, offset, sent_index) or parsed_hurt
            or zero_slot(none_hurt, sentence),
            anaphoric=all(anaphoric(t) for t in kept),
            another=any(_another(t) or _similar(t) or (bool(places) and _separate(t)) for t in kept),
            similar=any(_similar(t) for t in kept),
            plural=all(t.tag_ in ("NNS", "NNPS") for t in kept),
            main_clause=any(t.dep_ == "ROOT" or t.head.dep_ == "ROOT" for t in kept),
            later=bool(times) and bool(LATER.search(doc.text[sent.start_char : times[0].start_char])),
            typed_by=typed_by,
        ))
    return out


def _in_parts(parsed: Slot | None) -> Slot | None:
    """A count in parts ("two soldiers and a civilian") before the regular expressions' figure ("two")."""
    return parsed if parsed is not None and parsed.label == SUM else None


def _another(tok: Token) -> bool:
    """'another strike', 'a strike on another school', 'a second attack the same night': an act the story sets
    beside one told before."""
    heads = [tok, *prep_objects(tok)]
    return any(c.dep_ == "det" and c.lower_ == "another" for h in heads for c in h.children) or (
        any(c.dep_ == "amod" and c.lower_ in lexicon().ordinals for c in tok.children)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children))  # not "the second strike"


def _separate(tok: Token) -> bool:
    """'a separate strike': another act, where its clause names a place of its own (``mentions_in``)."""
    return any(c.dep_ == "amod" and c.lower_ in lexicon().separate for c in tok.children)


def _similar(tok: Token) -> bool:
    """'a similar attack on another ship': a new act of the kind told before."""
    return any(c.dep_ == "amod" and c.lower_ == "similar" for c in tok.children)


def locative(ent: Span, trigger_ids: set[int]) -> bool:
    """Where something happened, not who acted nor what it relates to: "in Iraq", "Iraq's Babylon
    province", "hit Kharkiv" - not "The United States carried out", "Israel said", "Syria's
    authorities" or "ties to Iran"."""
    root = ent.root
    possessive = root.dep_ == "poss" or (root.dep_ == "nmod" and any(c.dep_ == "case" for c in root.children))
    if possessive and lemma(root.head) in lexicon().persons:
        return False  # "Syria's authorities", "Israel's army": whose they are, not where
    passive = root.dep_ == "nsubjpass" or (root.dep_ == "nsubj" and root.head.tag_ == "VBN")  # "base targeted"
    if passive:
        return root.head.i in trigger_ids
    prep = root.head
    # "to the garrison city of Rawalpindi" goes by "to"; "fought for control of X" by "of": there they fought
    while prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.lower_ != "control":
        prep = prep.head.head
    if root.dep_ == "pobj" and _on_road_between(root):
        return True  # "on the road between Mora and Kolofata": near the first
    if root.dep_ in ("nsubj", "agent") or (root.dep_ == "pobj" and prep.lower_ in RELATIONAL | {"by"}):
        return False
    if root.dep_ == "pobj" and _journey_end(prep):
        return False  # "as it sailed towards the Suez Canal", "jets flying from Cyprus": where it was going or came from
    if root.dep_ == "pobj" and _cared_for(root):
        return False  # "receiving treatment at a military hospital in Mogadishu": where the hurt are cared for
    people = prep.head  # "in solidarity with Palestinians in Gaza", "support for Kurds in Syria": where they live
    if _origin(root):
        return False  # "shot dead seven men from Punjab province": where they came from
    if people.dep_ == "pobj" and people.head.lower_ in RELATIONAL and people.head.head.i not in trigger_ids \
            and (people.ent_type_ == "NORP" or lemma(people) in lexicon().persons):
        return False
    if root.dep_ == "pobj" and prep.lower_ in ("in", "at") and _source(prep.head):
        return False  # "according to the health ministry in Gaza", "medics at X hospital said": where the source is
    if root.dep_ == "pobj" and prep.lower_ in ("in", "at", "from") and lemma(prep.head) in REPORTING \
            and not _fronted(prep, trigger_ids):
        return False  # "police said in Abuja", "told reporters in Geneva": where it was said
    if root.dep_ == "dobj":
        return root.head.i in trigger_ids or _entered(root)
    return True


def _cared_for(root: Token) -> bool:
    """A place where the hurt are cared for (triggers.yaml care): "treated in X", "receiving treatment at a
    hospital in X", "admitted to a clinic in X"."""
    care = lexicon().care
    return any(lemma(a) in care or any(c.dep_ == "dobj" and lemma(c) in care for c in a.children)
               for a in list(root.ancestors)[:4])


def _origin(root: Token) -> bool:
    """A place people are said to come from ("seven men from Punjab province", "villagers from the north"),
    whatever word the parse hangs "from" on."""
    obj = root.head if root.dep_ in ("amod", "compound") else root
    of = obj.head
    persons = lexicon().persons
    return obj.dep_ == "pobj" and of.lower_ == "from" and (
        lemma(of.head) in persons or (of.i > 0 and lemma(of.doc[of.i - 1]) in persons))


def _described_statement(time: Span, group: list[Token]) -> bool:
    """The time of a statement told in a relative clause of the act ("arrested a journalist from a station
    which had reported on Tuesday that ..."): the day of what the station said, not of words reporting the act."""
    for node in time.root.ancestors:
        if node in group:
            return False
        if node.dep_ == "relcl" and any(t in node.ancestors for t in group):
            return True
    return False


def _journey_end(prep: Token) -> bool:
    """The preposition of where a verb of travel went or came from ("sailed towards the Suez Canal"), or of a
    place within that phrase or beside it ("was taken to the army hospital in Srinagar"); where people were
    carried from is not ("taking them from a school in Zaria")."""
    lex = lexicon()
    for _ in range(3):
        verb = prep.head
        travel, carried = lemma(verb) in lex.motion, lemma(verb) in lex.transport
        if (travel or carried) and (prep.lower_ in (DESTINATION | {"from"} if travel else DESTINATION) or (
                prep.lower_ != "from" and any(c.dep_ == "prep" and c.lower_ in DESTINATION for c in verb.children))):
            return True
        if verb.dep_ != "pobj":
            return False
        prep = verb.head
    return False


def _source(tok: Token) -> bool:
    """Who tells the news: the subject of a reporting verb, what it is "according to", or one whose word
    says so ("a military source")."""
    if (tok.dep_ == "nsubj" and lemma(tok.head) in REPORTING) or lemma(tok) in lexicon().informants:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _setting(stray: list[Span], group: list[Token]) -> list[Span]:
    """The time no clause reaches that sets this one: the sentence's only such time, or the one told of the
    nearest clause this one is part of ("violence that began on March 3 in the region, where forces
    clashed", beside "was ousted in January")."""
    if len(stray) <= 1:
        return stray
    ranked = sorted((n, e.start, e) for e in stray if (n := _steps_below(e, group)) is not None)
    return [ranked[0][2]] if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]) else []


def _steps_below(time: Span, group: list[Token]) -> int | None:
    """How far up the tree from the clause the verb a time is told of lies, if it governs the clause."""
    verb = time.root.head.head if time.root.head.dep_ == "prep" else time.root.head
    found = [n for t in group for n, a in enumerate([t, *t.ancestors]) if a == verb]
    return min(found) if found else None


def _setting_of_kept(trigger: Token, kept_ids: set[int], lex: Lexicon) -> bool:
    """Acts told in general ("raids", "clashes") that a told act happened during or amid: their places are
    its places ("detained 15 during raids across the West Bank"), unless they were only intended or denied.
    So are the places of a toll told in a gapped clause of the act ("were shot dead and 14 injured in Juliaca")
    and of what happened when it did ("wounded when a device detonated on the outskirts of X")."""
    prep = trigger.head
    if trigger.dep_ == "acl" and prep.dep_ == "conj" and prep.head.i in kept_ids:
        return True
    if any(c.lower_ in SCENE_MARKS & {"when", "as"} and c.dep_ in ("advmod", "mark")
           for c in (*trigger.children, *trigger.head.children)) \
            and any(a.i in kept_ids for a in trigger.ancestors):
        return True  # "were wounded when a device detonated on the outskirts of X": the act's scene
    return (trigger.dep_ == "pobj" and prep.lower_ in SETTING_PREPS and prep.head.i in kept_ids
            and not negated(trigger) and not intended(trigger, lex))


def _inside_dropped(tok: Token, dropped: list[Token], kept_ids: set[int]) -> bool:
    """In the clause of a dropped trigger and not in a kept clause nested inside it."""
    for d in dropped:
        sub = set(d.subtree)
        if tok in sub and not any(tok in set(k.subtree) for k in sub if k.i in kept_ids):
            return True
    return False


def _background(dropped: list[Token], kept_ids: set[int]) -> set[int]:
    """What dropped triggers tell outside the kept clauses ("in Gaza, where fighting has raged for a year",
    "a series of strikes"): background, whose words do not type the sentence's event. Not a trigger that
    says what the people acted on were doing (a participle, "teachers protesting over pay"): that is the
    event's setting."""
    out: set[int] = set()
    for d in dropped:
        if d.dep_ != "acl":  # each dropped clause once, less the kept clauses nested in it (as _inside_dropped)
            out |= {t.i for t in d.subtree} - {t.i for k in d.subtree if k.i in kept_ids for t in k.subtree}
    return out


def _who_they_were(sent: Span, kept_ids: set[int], lex: Lexicon) -> set[int]:
    """Relative clauses that give a person's record (triggers.yaml record: "an operative who was involved
    in rocket launches against X"), telling no act of their own: the person's past, whose words neither
    type the act nor place it."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ == "relcl" and (lemma(t.head) in lex.titles | lex.persons or t.head.ent_type_ == "PERSON") \
                and any(lemma(k) in lex.record for k in t.subtree) and not any(k.i in kept_ids for k in t.subtree):
            out |= {k.i for k in t.subtree}
    return out


def _fallback(trigger: Token, lex: Lexicon) -> str | None:
    """The sub-event type a trigger word gives by itself (triggers.yaml fallback), for its part of speech
    first; none where its doer is one the sense does not fit ("armed groups struck a camp": no air strike)."""
    word = lemma(trigger)
    sense = lex.fallback.get(f"{word}:{trigger.pos_.lower()}") or lex.fallback.get(word)
    doers = {lemma(c) for c in trigger.children if c.dep_ == "nsubj"} | {
        lemma(p) for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"}
    return None if sense is None or doers & lex.fallback_unless_by.get(sense, frozenset()) else sense


def _sponsor_only(ent: Span) -> bool:
    """A name used as a modifier of alignment, flag or make ("pro-Iran", "Iran-backed", "a Panama-flagged
    tanker", "US-made missiles") is not where anything happened.

    The characters around the name are read from the tokens next to it (every token has at least one
    character), not from ``doc.text``, which spaCy rebuilds from all the tokens of the article each time."""
    doc = ent.doc
    before = doc[max(0, ent.start - 5) : ent.start].text_with_ws[-5:].lower()
    last = doc[ent.end - 1]
    after = doc[ent.end - 1 : ent.end + 12].text_with_ws[len(last.text) :][:12].lower()
    return before.endswith(("pro-", "anti-", "pro ")) or bool(re.match(MODIFIER_SUFFIX, after))


def _fronted(prep: Token, trigger_ids: set[int]) -> bool:
    """A phrase that opens the sentence before the act it sets, its verb of saying coming after the act
    ("In Khan Younis, a strike on a tent killed three, medics said"), whatever the parser hung it on."""
    sent = prep.sent
    acts = [i for i in trigger_ids if sent.start <= i < sent.end]
    return bool(acts) and prep.i == sent.start and prep.i < min(acts) and prep.head.i > max(acts)


def _reachable(tok: Token, trigger: Token, trigger_ids: set[int]) -> bool:
    """The entity belongs to the trigger's clause: the path between them passes no other verb but a
    reporting one ("said on Sunday it launched"), or one that describes the trigger itself ("the mutiny
    which occurred in X") or goes on from it ("was arrested and jailed in 2011"). "attending a summit in
    Spain" and "since Russia launched its invasion in February 2022" are other clauses."""
    path = tree_path(tok, trigger)
    for before, t in pairwise(path[:-1]):
        if t.dep_ == "relcl" and t.head.i in trigger_ids:
            continue
        if t.dep_ == "conj" and t.head.i in trigger_ids and not any(c.dep_.startswith("nsubj") for c in t.children):
            continue  # "had been arrested and sentenced in 2011": one subject, one time
        # from a word of its own clause ("said Wednesday the operation rescued 190 and killed 30" is the day said):
        own = before.head == t
        if own and t == trigger.head and trigger.dep_ == "conj" and _after_subject(tok, t) \
                and not any(c.dep_.startswith(("nsubj", "aux")) for c in trigger.children):
            continue  # "entered Debre Markos on Sunday and fought troops": the one subject's scene and time
        if own and trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "during") and trigger.head.head == t:
            continue  # "lost their lives in the hijacking by militants in X": what the act did, one scene
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_HEADS and t.i not in trigger_ids \
                and lemma(t) not in REPORTING | {"be", "have", "do"} \
                and not any(c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark") for c in t.children):
            return False  # ("when a drone slammed into Tower 22" is the same event told again)
    return True


def _after_subject(tok: Token, verb: Token) -> bool:
    """Said after the verb's subject: "said Wednesday the operation rescued" (before it) is the day said."""
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    return subject is None or tok.i > subject.i


CLAUSE_HEADS = {"ROOT", "relcl", "advcl", "ccomp", "csubj", "parataxis", "conj"}  # a participle ("headed") is not one


def _named_place(tok: Token) -> bool:
    """A name where a place goes: "in Tehran", "near Erbil", "the village of Jangebe", "control of Kidal",
    "off the coast of Mokha", "north of Gao", "the road between Mora and Kolofata"."""
    return tok.head.lower_ in LOCATIVE or _on_road_between(tok) or _of_place(tok)


def _of_place(tok: Token) -> bool:
    """A name a place word is of: "the town of Kidal", "residential districts of Dilling", "control of Gao", "the
    main market of Kadugli" (a site or street of the town, sites.yaml)."""
    nouns = PLACE_NOUNS | PART_NOUNS | {"control"} | site_list("site_words") | site_list("street_words")
    return tok.head.lower_ == "of" and (tok.head.head.lower_ in nouns or lemma(tok.head.head) in nouns)


def _on_road_between(tok: Token) -> bool:
    """The first of the towns a road runs between ("the road between Bria and Ippy"; sites.yaml route_words)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "between" and tok.head.head.lower_ in site_list("route_words")


def _unlabelled_places(sent: Span) -> list[Span]:
    """Proper nouns after a locative preposition that the NER left unlabelled ("fired at Kharkiv"):
    candidates the gazetteer will accept or drop."""
    out = []
    for tok in sent:
        proper = tok.pos_ == "PROPN" or (tok.is_title and tok.i > sent.start and tok.nbor(-1).text == "-")
        named = tok.ent_type_ in ("", "PERSON") or (tok.ent_type_ == "ORG" and _of_place(tok))  # the NER's ORG
        if proper and named and tok.dep_ in ("pobj", "dobj") and (
                tok.dep_ == "dobj" or _named_place(tok)):
            out.append(Span(sent.doc, _name_start(tok), tok.i + 1, label="LOC"))
        elif tok.lower_ in site_list("route_words") and tok.dep_ == "pobj" and (town := _route_start(tok)) is not None:
            out.append(town)  # "on the Maiduguri-Damboa road": near its first town
        elif tok.lower_ in PLACE_NOUNS | {"capital"}:
            # the word says the name is a place whatever else the NER took it for ("Tillaberi region" as a product)
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and c.ent_type_ not in PLACE_LABELS | NOT_PARTY | {"ACTOR"}]
            if names and tok.dep_ == "pobj":  # "in Iraq's Babylon province"
                out.append(Span(sent.doc, min(c.i for c in names), tok.i + 1, label="LOC"))
            # "the Nigerien town of Tillaberi": the demonym says the town is in Niger; "the Afghan capital"
            out.extend(Span(sent.doc, c.i, c.i + 1, label="LOC") for c in tok.children
                       if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "PERSON") and c.i == tok.i - 1)
    return out


CALENDAR_NAMES = {n.lower() for n in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if n}


def _part_of_place(ent: Span, unlabelled: list[Span]) -> bool:
    """A place the NER cut short ("Fada" of "Fada N'Gourma"), which the words around it name whole."""
    return ent.label_ in PLACE_LABELS and any(o.start <= ent.start and ent.end <= o.end and len(o) > len(ent)
                                              for o in unlabelled)


def _dated_name(ent: Span) -> bool:
    """A proper name the NER tagged as a date that names no month, weekday or number ("Toribío")."""
    return ent.label_ == "DATE" and all(t.pos_ == "PROPN" and t.is_alpha for t in ent) \
        and not any(t.lower_ in CALENDAR_NAMES for t in ent)


def _inside_name(ent: Span) -> bool:
    """A place's name between capitalised words of a longer name ("the Free Georgia Alliance")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    after = doc[ent.end] if ent.end < ent.sent.end else None
    return before is not None and after is not None and before.is_title and after.is_title \
        and not before.is_sent_start and before.ent_type_ not in PLACE_LABELS and after.ent_type_ not in PLACE_LABELS


def as_place(ent: Span) -> Span:
    """A name where a place goes, read as a place whatever kind of name the NER took it for: "in Tehran",
    "near Erbil", "the capital Abuja", "the second-largest city, Kharkiv", "entered Debre Markos" (the small
    model tags many towns as organisations or people; not "into the bush"); the gazetteer decides."""
    doc = ent.doc
    if _dated_name(ent) and ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE:
        return Span(doc, ent.start, ent.end, label="GPE")  # "In Toribío, ...", which the small model took for a date
    if ent.label_ == "ORG" and len(ent) > 1 and ent.root.lower_ in site_list("site_words") and ent.root.dep_ == "pobj" \
            and _named_place(ent.root):  # a site the NER read as an organisation, where a place goes: "at the University
        # of Maiduguri" is in Maiduguri; "on the campus of Isfahan University" (resolve reads the town from the name)
        return place_in_name(ent) or Span(doc, ent.start, ent.end, label="GPE")
    if ent.label_ in NAME_LABELS and ent.text[:1].isupper() and ((ent.root.dep_ == "pobj" and _named_place(ent.root)) or (
            ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_NOUNS | {"capital"}) or _entered(ent.root)
            or (ent.root.dep_ == "appos" and ent.root.head.lower_ in PLACE_NOUNS | {"capital"}) or _names_site(ent.root)
            or described_as_place(ent.root)):
        return Span(doc, ent.start, ent.end, label="GPE")
    return ent


def described_as_place(tok: Token) -> bool:
    """A name the text goes on to call a place: "Morne Vilbrun, a farming hamlet above Kenscoff", "Tourou, the border
    village in Mayo-Tsanaga" (read from the words too, where the parser hung the description elsewhere)."""
    nouns = PLACE_NOUNS | {"capital"} | site_list("settlement_words")
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in tok.children):
        return True
    doc, i = tok.doc, tok.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    for t in doc[i + 2 : i + 6]:
        if t.lower_ in nouns:
            return True
        if t.is_punct or t.pos_ in ("ADP", "VERB"):
            return False
    return False


def place_in_name(ent: Span) -> Span | None:
    """The place an organisation or facility is named after: the capitalised words after its last "of"
    ("the Military Police of the State of Rio de Janeiro", "the University of Maiduguri"); the gazetteer decides."""
    if ent.label_ not in ("ORG", "FAC"):
        return None
    of = next((t for t in reversed(ent) if t.lower_ == "of"), None)
    if of is None:
        return None
    start = of.i + 1 + (of.i + 1 < ent.end and ent.doc[of.i + 1].lower_ == "the")
    words = ent.doc[start : ent.end]
    return Span(ent.doc, start, ent.end, label="GPE") if len(words) and all(
        t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words) else None


def _names_site(tok: Token) -> bool:
    """The town a site where something happened is named after or belongs to: "at the Gusau central motor park",
    "in the Kadugli market", "in Izeh's central square" (sites.yaml site and street words; not a road between
    towns, "the Gusau-Funtua road")."""
    site = tok.head
    return tok.dep_ in ("nmod", "compound", "poss") and site.dep_ == "pobj" and site.head.lower_ in LOCATIVE \
        and site.lower_ in (site_list("site_words") | site_list("street_words")) - site_list("route_words")


def _entered(tok: Token) -> bool:
    """The object of a verb of entering or taking a place ("entered Debre Markos"; sites.yaml entry_verbs)."""
    return tok.dep_ == "dobj" and lemma(tok.head) in site_list("entry_verbs")


def with_position(ent: Span) -> Span:
    """A place's name with the capitalised word of position before it that the NER left out ("North" of
    "North Darfur", "Middle" of "Middle Shabelle"): part of the name (resolve falls back to the rest)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ not in PLACE_LABELS or before is None or not before.is_title \
            or before.lower_ not in site_list("position_words"):
        return ent
    return Span(ent.doc, ent.start - 1, ent.end, label=ent.label_)


def with_particles(ent: Span) -> Span:
    """A place's name with the words after a particle that the NER left out ("Valle" of "Valle del Cauca",
    which alone is a namesake elsewhere; "Santander de Quilichao")."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].is_title \
            and doc[end + 1].pos_ == "PROPN":
        end += 2
    return ent if end == ent.end or ent.label_ not in PLACE_LABELS else Span(doc, ent.start, end, label=ent.label_)


def with_region(ent: Span) -> Span:
    """A place's name with the name set after it by a comma that says where it is ("Djibo, Burkina Faso",
    whatever the NER took the second for): one name, which resolve reads as the first in the second."""
    doc = ent.doc
    if ent.label_ not in PLACE_LABELS or ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return ent
    first = doc[ent.end + 1]  # read from the tokens: doc.ents builds every entity of the doc again
    if first.ent_iob_ != "B" or first.ent_type_ in NOT_PARTY | {"ACTOR"}:
        return ent
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    root = doc[first.i : end].root
    return Span(doc, ent.start, end, label=ent.label_) if root.dep_ == "appos" and ent.start <= root.head.i < ent.end \
        else ent


def _when_of(time: Span, kept_ids: set[int]) -> bool:
    """The time a "when" clause hangs on, told of its act: "since 2018, when demonstrators set fire to ..."
    dates the fire, though it also begins a period."""
    return any(c.dep_ == "relcl" and c.i in kept_ids and any(g.lower_ == "when" for g in c.children)
               for c in time.root.children)


def _route_start(road: Token) -> Span | None:
    """The first of the towns a road is named after ("Maiduguri" in "the Maiduguri-Damboa road"), if its
    name joins two with a hyphen."""
    words = [t for t in road.doc[road.left_edge.i : road.i] if t.pos_ == "PROPN" or t.text == "-"]
    dash = next((i for i, t in enumerate(words) if t.text == "-" and not t.whitespace_), None)
    if dash is None or dash == 0 or dash + 1 >= len(words) or words[dash + 1].pos_ != "PROPN":
        return None
    return Span(road.doc, _name_start(words[dash - 1]), words[dash - 1].i + 1, label="LOC")


def _name_start(tok: Token) -> int:
    """Where a multi-word proper name ends by ``tok`` begins: "Croix-des-Bouquets", "Dera Ismail Khan"."""
    start = tok.i
    for t in reversed(list(tok.doc[tok.left_edge.i : tok.i])):
        if t.i + 1 != start or not (t.pos_ == "PROPN" or (t.text == "-" and not t.whitespace_)):
            break
        start = t.i
    return start


def clause_text_span(tokens: list[Token], doc: Doc) -> str:
    lo, hi = tokens[0].i, tokens[-1].i
    return doc[lo : hi + 1].text


