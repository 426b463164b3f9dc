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
