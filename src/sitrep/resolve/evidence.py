"""Evidence records: the words a value came from, with their place in the article."""

from __future__ import annotations

from sitrep.models import Article, Evidence, Slot


def evidence(field_name: str, value: object, s: Slot, article: Article, sentence_text: str) -> Evidence:
    return Evidence(field_name, str(value), article.id, s.sentence, sentence_text, s.start, s.end, s.text)
