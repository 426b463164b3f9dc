"""Casualty and tally figures from text: "at least four" -> 4, "killing all five" -> 5, "dozens" -> 12.

ACLED codes the lowest credible figure: vague words take the codebook's conservative values
(several 3, a few 3, dozens 12, scores 20, hundreds 100, thousands 1000)."""

from __future__ import annotations

import re

from text_to_num import text2num

from sitrep.data import limits
from sitrep.extract.casualties import ONE, SUM
from sitrep.models import Slot

VAGUE = {"several": 3, "a few": 3, "few": 3, "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20,
         "hundreds": 100, "thousands": 1000, "many": 3, "multiple": 2, "a couple": 2, "couple": 2,
         "no": 0, "none": 0, "no one": 0, "nobody": 0, "a": 1, "an": 1}
QUALIFIERS = re.compile(r"^(?:at least|more than|over|nearly|almost|around|about|some|roughly|up to|as many as|"
                        r"all|an estimated|approximately|fewer than|less than|at most|another|the|his|her|their|its|our)\s+",
                        re.I)
ORDINALS = {w: i for i, w in enumerate([
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)}
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def parse_count(text: str | None) -> int | None:
    """The integer a casualty or count phrase states, or None when it states none. Whether the figure is
    believable is for the caller (plausible): the words stay evidence either way."""
    if not text:
        return None
    low = text.strip().lower()
    while True:
        stripped = QUALIFIERS.sub("", low)
        if stripped == low:
            break
        low = stripped
    if low.startswith(("no ", "without ")) or low in ("no", "none"):
        return 0
    m = NUMBER.search(low)
    if m:
        value = float(m.group(0).replace(",", ""))
        rest = low[m.end():]
        if rest.lstrip().startswith("million"):
            value *= 1_000_000
        elif rest.lstrip().startswith("thousand"):
            value *= 1000
        return int(value)
    if low in ORDINALS:  # "the fourth such attack": the count so far
        return ORDINALS[low]
    for phrase, value in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
        if low == phrase or low.startswith(phrase + " "):
            return value
    words = re.match(r"[a-z -]+", low)
    if not words:
        return None
    tokens = words.group(0).replace("-", " ").split()
    for n in range(len(tokens), 0, -1):  # the longest run of number words that parses
        try:
            return int(text2num(" ".join(tokens[:n]), "en"))
        except ValueError:
            continue
    return None


def count_of(slot: Slot | None) -> int | None:
    """A casualty slot's figure: its words'; one for a slot that names one person (extract's ONE); the sum
    of its parts for one that counts its victims in parts (SUM: "two soldiers and a civilian" is 3)."""
    if slot is None:
        return None
    if slot.label == ONE:
        return 1
    if slot.label == SUM:
        parts = [parse_count(p) for p in re.split(r",|\band\b", slot.text) if p.strip()]
        return sum(1 if n is None else n for n in parts)  # a part without a number is one person
    return parse_count(slot.text)


def plausible(value: int | None, limit: str) -> int | None:
    """The figure, or None when it is beyond belief by limits.yaml's ``limit`` (largest_event_toll,
    largest_tally): "killed 500,000" in one strike is a misreading, not a toll to store."""
    return value if value is None or value <= limits()[limit] else None
