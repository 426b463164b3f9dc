"""Toponym resolution on real conflict news: the place names of the hand-coded events in ../shared's sets
(seeds, news-dev, voa-dev), each looked up as sitrep looks it up, with the article's other place names as
context, and compared with the event's coordinates in the gold file.

A test item is a part of a gold event's location ("Munzenze prison, Goma" gives "Munzenze prison" and
"Goma") that stands word for word in an article of that event; the truth is the event's point, so a name
of the town the event was in, or of its district, counts as found within 161 km (100 miles, the usual
geoparsing threshold) of it. The gold files are read at run time and nothing of them is kept; sitrep's
data never saw them. Prints, per set and overall, the share within 161 km, the share the gazetteer found
nothing for, and with -v each miss.

    .venv/bin/python bench/geoparse.py [-v] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from sitrep.models import Article
from sitrep.nlp import process
from sitrep.resolve.places import article_context, off_shore, resolve_place

SETS = ("seeds", "news-dev", "voa-dev")
WITHIN_KM = 161
PLACE_LABELS = {"GPE", "LOC", "FAC"}
FILLER = re.compile(r"^(?:the |near |outside |outskirts of |north of |south of |east of |west of )+", re.I)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def names(location: str) -> list[str]:
    """The parts of a gold location: "Baisaran meadow, Pahalgam (Anantnag)" -> its three names."""
    parts = re.split(r"[,;()/]| near | outside | in ", location)
    return [p for part in parts if (p := FILLER.sub("", part.strip()).strip(" .'\"")) and p[:1].isupper()]


def items(shared: Path, name: str) -> list[tuple[str, str, float, float]]:
    """(article id, place name, gold latitude, gold longitude), one per name and article."""
    gold = json.loads((shared / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
    corpus = shared / "corpus" / name
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.iterdir() if p.is_file()}
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for ev in gold["events"]:
        if ev.get("lat") is None or ev.get("lon") is None or not ev.get("location"):
            continue
        for article in ev["articles"]:
            text = texts.get(article, "")
            for place in names(ev["location"]):
                if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text):
                    out.setdefault((article, place), (ev["lat"], ev["lon"]))
    return [(a, p, lat, lon) for (a, p), (lat, lon) in sorted(out.items())]


def contexts(shared: Path, name: str, wanted: set[str]) -> dict[str, tuple[str, dict[str, float], list[str]]]:
    """Per article: its text, the country weights of the place names its entities give, and its sentences."""
    corpus = shared / "corpus" / name
    articles = [Article(p.stem, "", p.read_text(encoding="utf-8"), None, name, None, None, str(p), p.stem)
                for p in sorted(corpus.iterdir()) if p.is_file() and p.stem in wanted]
    out = {}
    for processed in process(articles):
        doc = processed.doc
        found = [e.text for e in doc.ents if e.label_ in PLACE_LABELS]
        out[processed.article.id] = (doc.text, article_context(found), [s.text for s in doc.sents])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("-v", action="store_true", help="list every name not placed within 161 km")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "gold").is_dir():
        print(f"bench/geoparse.py: {shared / 'gold'} not found (give --shared)", file=sys.stderr)
        return 2
    total = [0, 0, 0, 0]  # names, within, none found, within without context
    for name in SETS:
        found = items(shared, name)
        ctx = contexts(shared, name, {a for a, *_ in found})
        counts = [0, 0, 0, 0]
        for article, place, lat, lon in found:
            _, context, sentences = ctx[article]
            sentence = next((s for s in sentences if place in s), "")
            counts[0] += 1
            for use, slot in ((context, 1), ({}, 3)):
                p = resolve_place(place, use, sentence)
                if p is not None and p.kind == "sea":  # which shore, as the pipeline places it
                    p = off_shore(p, use)
                near = p is not None and p.latitude is not None and km((p.latitude, p.longitude), (lat, lon)) <= WITHIN_KM
                counts[slot] += near
                if slot == 1 and p is None:
                    counts[2] += 1
                if slot == 1 and not near and args.v:
                    where = "nothing" if p is None else f"{p.name}, {p.country} ({p.kind})"
                    print(f"  {name} {article} {place!r}: {where}")
        total = [t + c for t, c in zip(total, counts, strict=True)]
        _line(name, counts)
    _line("all", total)
    return 0


def _line(name: str, c: list[int]) -> None:
    n = max(c[0], 1)
    print(f"{name:9} {c[0]:4} names: {c[1] / n:6.1%} within {WITHIN_KM} km with the article's context "
          f"({c[3] / n:.1%} without), none found {c[2] / n:.1%}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
