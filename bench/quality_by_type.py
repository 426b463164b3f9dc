"""Recall and precision per sub-event type, and the most frequent type confusions, over the sets that
bench/quality scored. The matching is the scorer's own (../shared/eval/score.py, loaded by path), so a
prediction counts for a type exactly when the scorer pairs it with a gold event of that set.

    .venv/bin/python bench/quality_by_type.py GOLD.json EVENTS.jsonl [GOLD.json EVENTS.jsonl ...]
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections import Counter
from pathlib import Path


def load_scorer():  # type: ignore[no-untyped-def]
    shared = Path(os.environ.get("SITREP_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    sc = load_scorer()
    gold_n, found, pred_n, right = Counter(), Counter(), Counter(), Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for gold_path, pred_path in zip(argv[::2], argv[1::2], strict=True):
        with open(gold_path, encoding="utf-8") as fh:
            gold = sc.Gold(sc.json.load(fh))
        preds = [p for p in sc.load_preds(pred_path) if sc.pred_kind(p) == "event"]
        pairs = [(sc.pair_score(gold, g, p), gi, pi) for gi, g in enumerate(gold.events)
                 for pi, p in enumerate(preds) if sc.admissible(gold, g, p)]
        g_to_p, p_to_g = sc.match(gold, pairs)
        admissible_for = {pi for _, _, pi in pairs}
        for gi, g in enumerate(gold.events):
            if g.get("optional"):
                continue
            truth = sc.as_list(g.get("sub_event_type"))[0]
            gold_n[truth] += 1
            if gi in g_to_p:
                found[truth] += 1
                p = preds[g_to_p[gi]]
                if not sc.type_ok(p, g):
                    confusions[(truth, p.get("sub_event_type") or "")] += 1
        for pi, p in enumerate(preds):
            gi = p_to_g.get(pi)
            if gi is not None and gold.events[gi].get("optional"):
                continue
            if gi is None and pi in admissible_for:
                continue                   # a repeat of an event: counted by the scorer as a duplicate
            sub = p.get("sub_event_type") or ""
            pred_n[sub] += 1
            right[sub] += gi is not None and sc.type_ok(p, gold.events[gi])
    print(f"\n{'sub-event type':42} {'gold':>5} {'recall':>7} {'pred':>5} {'precision':>9}")
    for sub in sorted(set(gold_n) | set(pred_n), key=lambda s: (-gold_n[s], s)):
        rec = f"{found[sub] / gold_n[sub]:.2f}" if gold_n[sub] else "-"
        prec = f"{right[sub] / pred_n[sub]:.2f}" if pred_n[sub] else "-"
        print(f"{sub:42} {gold_n[sub]:5} {rec:>7} {pred_n[sub]:5} {prec:>9}")
    if confusions:
        print("\nmost frequent confusions (gold -> predicted):")
        for (g, p), n in confusions.most_common(8):
            print(f"  {n:3}  {g} -> {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
