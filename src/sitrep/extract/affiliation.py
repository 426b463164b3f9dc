"""Whose side a named person is on, from the title the text gives them beside the name: "Hezbollah
commander Ali Hassan", "IS deputy caliph X", "X, the head of al-Shabaab's intelligence wing", or the kind
of people an apposition makes them ("X, a nurse"). ACLED codes a person by the group they lead or belong
to, so a later "X was killed" names that group."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon, lexicon
from sitrep.extract.triggers import lemma
from sitrep.models import Slot

TITLE_REACH = 6  # tokens between a name and the title phrase that names its group
BOUNDARY = {",", ".", ";", ":", "(", ")", "\"", "“", "”"}


def person_key(name: str) -> str:
    """A person as the story refers to them again: the last word of the name ("al-Rufay'i")."""
    words = name.replace("’", "'").split()
    return words[-1].lower() if words else ""


def affiliations(sent: Span, ents: list[Span], sent_index: int, lex: Lexicon) -> dict[str, Slot]:
    """Person key -> the group the title beside the name names (an ACTOR entity)."""
    doc = sent.doc
    groups = [e for e in ents if e.label_ == "ACTOR"]
    out: dict[str, Slot] = {}
    for person in (e for e in ents if e.label_ == "PERSON"):
        before = _run(doc[max(sent.start, person.start - TITLE_REACH) : person.start], backwards=True)
        after: list[int] = []
        if person.end < sent.end and doc[person.end].text == ",":
            after = _run(doc[person.end + 1 : min(sent.end, person.end + 1 + TITLE_REACH)], backwards=False)
        for run in (before, after):
            titled = any(lemma(doc[i]) in lex.titles for i in run)
            group = next((g for g in groups if g.start in run and (titled or _is_one(g, person))), None)
            if group is not None:
                out[person_key(person.text)] = Slot(group.text, group.start_char, group.end_char, sent_index)
                break
    return out


def tied_group(tok: Token) -> Span | None:
    """The group an aside ties a description's men to: "the insurgents, known locally as X and affiliated
    to the Islamic State group," are that group."""
    clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    verbs = [v for c in clauses for v in (c, *c.conjuncts) if lemma(v) in lexicon().affiliation]
    objs = [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
            for o in p.children if o.dep_ == "pobj"]
    return next((e for o in objs for e in tok.doc.ents if e.label_ == "ACTOR" and e.start <= o.i < e.end), None)


def ties(sent: Span, ents: list[Span], sent_index: int) -> list[Slot]:
    """The groups a sentence ties the story's descriptions to, named even where it tells no act."""
    out = []
    for e in ents:
        if e.label_ == "ACTOR" and e.root.pos_ == "NOUN" and (group := tied_group(e.root)) is not None:
            out.append(Slot(group.text, group.start_char, group.end_char, sent_index))
    return out


def _is_one(group: Span, person: Span) -> bool:
    """'X, a journalist with a local paper': the person is one of the kind of people the group names."""
    return group.root.dep_ == "appos" and person.start <= group.root.head.i < person.end


def _run(span: Span, backwards: bool) -> list[int]:
    """The token indices of ``span`` next to the name, up to the first boundary or verb."""
    toks = list(reversed(span)) if backwards else list(span)
    out = []
    for t in toks:
        if t.text in BOUNDARY or (t.pos_ == "VERB" and not t.ent_type_):
            break
        out.append(t.i)
    return out
