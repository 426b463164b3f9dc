"""The article's language, by py3langid (its model ships in the package): the NLP stage reads English, so
an article in another language would be mis-coded, not coded. Short or mixed texts decide nothing."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.data import limits

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 2_000  # the opening paragraphs tell an article's language; the cost stays small and bounded


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy and a model: only when articles are read

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str) -> tuple[str, float] | None:
    """(language, probability) when the text is surely in a language limits.yaml does not list; None when
    it is in one of them, or too short or too mixed to tell (such texts are kept)."""
    lim = limits()
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < lim["language_min_characters"]:
        return None
    lang, prob = _identifier().classify(sample)
    if lang in lim["languages"] or prob < lim["language_min_probability"]:
        return None
    return lang, prob
