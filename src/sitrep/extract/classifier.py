"""A sentence classifier: does this sentence report an event, and of which ACLED sub-event type?

Word and word-pair TF-IDF features beside a WordLlama sentence embedding (the model ships inside the
``wordllama`` wheel and is loaded from the package folder, never from a hub), then one multinomial logistic
regression over the 25 sub-event types and "none". The weights are a versioned data file
(``data/event_classifier.npz``) written by ``training/train_classifier.py``, which also says how it scores;
inference is plain NumPy, so no scikit-learn is needed at run time and no pickle is ever loaded.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

NONE = "none"
MODEL_FILE = "event_classifier.npz"
MAX_CHARS = 2_000  # a "sentence" longer than this is no sentence (a table, a run-on list): read its start only
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")


def analyzer(text: str) -> list[str]:
    """Lower-cased words, digits folded to one symbol, and adjacent word pairs."""
    words = ["0" if w.isdigit() else w for w in WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@lru_cache(maxsize=1)
def _wordllama():  # type: ignore[no-untyped-def]
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length WordLlama embeddings (256 dimensions). The tokenizer works on one thread: a story's
    few dozen sentences cost more to share out than to encode, and sitrep's parallelism is by process."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    vecs = np.asarray(_wordllama().embed([t[:MAX_CHARS] for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms == 0, 1, norms)


@dataclass(frozen=True)
class EventClassifier:
    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (labels, vocabulary + embedding dimensions)
    intercept: np.ndarray
    embedding_weight: float  # how the embedding block is scaled against the TF-IDF block

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """The linear scores: each text's TF-IDF terms (sparse: only the columns of its own terms are
        read) plus its scaled embedding, times the weights."""
        n_terms = len(self.vocabulary)
        out = self.embedding_weight * embed(texts) @ self.coef[:, n_terms:].T + self.intercept
        for row, text in enumerate(texts):
            counts = Counter(t for t in analyzer(text[:MAX_CHARS]) if t in self.vocabulary)
            if not counts:
                continue
            cols = [self.vocabulary[t] for t in counts]
            weights = np.array([1 + math.log(n) for n in counts.values()], dtype=np.float32) * self.idf[cols]
            weights /= np.linalg.norm(weights)
            out[row] += self.coef[:, cols] @ weights
        return out

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per label (``labels``), each row summing to 1."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        scores = self.scores(texts)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path, card: dict[str, object]) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, labels=np.array(self.labels), terms=np.array(terms), idf=self.idf,
                            coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32),
                            embedding_weight=np.array(self.embedding_weight), card=np.array(json.dumps(card)))


def load(path: Path) -> EventClassifier:
    with np.load(path, allow_pickle=False) as z:
        terms = [str(t) for t in z["terms"]]
        return EventClassifier(tuple(str(x) for x in z["labels"]), {t: i for i, t in enumerate(terms)},
                               z["idf"].astype(np.float32), z["coef"].astype(np.float32),
                               z["intercept"].astype(np.float32), float(z["embedding_weight"]))


@lru_cache(maxsize=1)
def classifier() -> EventClassifier | None:
    """The shipped model, or one a user put in a SITREP_DATA_DIRS directory (the last one wins); None when
    ``SITREP_CLASSIFIER=off`` (rules alone)."""
    if os.environ.get("SITREP_CLASSIFIER", "on") == "off":
        return None
    from sitrep.data import search_path

    found = [d / MODEL_FILE for d in search_path() if (d / MODEL_FILE).is_file()]
    return load(found[-1]) if found else None

