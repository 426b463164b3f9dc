"""Paths in the dependency tree."""

from __future__ import annotations

from spacy.tokens import Token


def tree_path(a: Token, b: Token) -> list[Token]:
    """From a up to the lowest common ancestor, then down to b (b excluded when it is the ancestor)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return up_a + up_b
    return up_a[: up_a.index(common) + 1] + up_b[: up_b.index(common)]


def dep_distance(a: Token, b: Token) -> int:
    return len(tree_path(a, b)) - 1


def prep_objects(tok: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """The objects of a token's prepositions, or of those among ``preps``: "clashes between X" -> X."""
    return [g for c in tok.children if c.dep_ == "prep" and (not preps or c.lower_ in preps)
            for g in c.children if g.dep_ == "pobj"]


def hung_on(noun: Token) -> Token | None:
    """The word a prepositional object hangs on: "died in the attack" -> died."""
    return noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
