"""The sentence event classifier: trained on the data in the repository, total on any text, and sound on
plain cases written here (not from any evaluation set)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.data import SHIPPED
from sitrep.extract.classifier import MODEL_FILE, NONE, load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load(SHIPPED / MODEL_FILE)


def test_the_shipped_model_was_trained_on_the_committed_sentences() -> None:
    spec = importlib.util.spec_from_file_location("train_classifier", ROOT / "training" / "train_classifier.py")
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    with np.load(SHIPPED / MODEL_FILE, allow_pickle=False) as z:
        card = json.loads(str(z["card"]))
    assert card["data_sha256"] == train.data_digest(ROOT / "training" / "sentences"), \
        "training/sentences changed: rerun training/train_classifier.py"


@pytest.mark.parametrize("text", ["", "attack", "bomb " * 5000, "Des hommes armés ont attaqué le village hier soir.",
                                  "\x00\ufffd", "12345"])
def test_any_text_gets_a_distribution(model, text: str) -> None:  # type: ignore[no-untyped-def]
    probs = model.probabilities([text])
    assert probs.shape == (1, len(model.labels))
    assert np.isfinite(probs).all() and abs(float(probs.sum()) - 1) < 1e-4


def test_plain_cases(model) -> None:  # type: ignore[no-untyped-def]
    texts = ["Gunmen on motorcycles stormed a market town overnight and shot dead eleven traders, police said.",
             "Thousands of nurses marched to the health ministry on Monday to demand unpaid wages.",
             "The foreign minister said the two governments would meet again next month to discuss trade."]
    best = [model.labels[int(i)] for i in model.probabilities(texts).argmax(axis=1)]
    assert best[0] == "Attack"
    assert best[1] == "Peaceful protest"
    assert best[2] == NONE
