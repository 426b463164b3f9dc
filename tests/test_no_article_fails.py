"""No article fails: extraction, resolution and linking raise on no sentence, whether drawn by hypothesis
from event-report parts or taken from every story of the dev sets in ../shared (skipped where absent)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from sitrep.extract import extract
from sitrep.extract.lexicon import lexicon
from sitrep.link import link_article
from sitrep.models import Article
from sitrep.nlp import build_pipeline
from sitrep.nlp.pipeline import Processed
from sitrep.resolve import resolve
from sitrep.resolve.places import is_place

SUBJECTS = ["Gunmen", "Russian forces", "The army", "Protesters", "Police", "Al-Shabaab fighters", "A mob", "They",
            "Israeli warplanes", "Unidentified assailants", "Hundreds of students", "Troops and militiamen", ""]
VERBS = ["attacked", "killed", "shelled", "struck", "clashed with", "abducted", "arrested", "stormed", "torched",
         "rallied against", "ambushed", "fired rockets at", "did not attack", "planned to strike", "would bomb",
         "seized", "dispersed", "detonated a bomb near", "lobbed a grenade at", "shot down a drone over"]
OBJECTS = ["a village", "civilians", "the base", "police", "Kharkiv", "a convoy", "demonstrators", "76 times",
           "at least 78 attacks", "its positions", "the town of Goma", "", "them", "Iraq and Syria"]
TAILS = ["", " on Tuesday", " last week", " a day earlier", ", killing at least four", ", wounding 12 people",
         " since October 17", " in 2019", ", officials said", " near the border with Sudan", " overnight", ";", " —",
         ", killing all five", " in Borno state", " early on March 3, 2024"]
SENTENCES = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}.".strip(), st.sampled_from(SUBJECTS),
                      st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS))
TEXTS = st.lists(st.one_of(SENTENCES, st.text(max_size=80)), min_size=1, max_size=6).map(" ".join)
DATE_WORDS = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))


def analyse(doc: Doc, published: dt.date | None) -> None:
    """Every stage after the parse, without the runner's guard that turns an exception into a problem."""
    article = Article("prop", "", doc.text, published, "cli" if published else None, None, None, "prop.txt", "h")
    link_article(resolve(extract(Processed(article, doc))))


@given(TEXTS, PUBLISHED)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_reports_never_raise(text: str, published: dt.date | None) -> None:
    analyse(build_pipeline()(text), published)


def _dev_stories() -> list[Path]:
    return sorted(p for name in ("seeds", "news-dev", "voa-dev") for p in (SHARED / "corpus" / name).glob("*.txt"))


@pytest.fixture(scope="module")
def dev_stories() -> list[tuple[Path, Doc]]:
    """Every story of the dev sets, parsed once for this module's tests."""
    paths = _dev_stories()
    return list(zip(paths, build_pipeline().pipe(p.read_text(encoding="utf-8") for p in paths), strict=True))


@pytest.mark.skipif(not _dev_stories(), reason="../shared (the dev sets) is not beside the project")
def test_every_sentence_of_the_dev_sets_goes_through(dev_stories: list[tuple[Path, Doc]]) -> None:
    """Each sentence alone (no context to lean on) and each story whole."""
    nlp = build_pipeline()
    stories = [doc for _, doc in dev_stories]
    sentences = nlp.pipe(sent.text for doc in stories for sent in doc.sents)
    for doc in [*stories, *sentences]:
        analyse(doc, dt.date(2025, 1, 1))


@pytest.mark.skipif(not _dev_stories(), reason="../shared (the dev sets) is not beside the project")
def test_no_actor_of_the_dev_sets_is_a_place_thing_number_or_date(dev_stories: list[tuple[Path, Doc]]) -> None:
    """Every actor a dev-set story yields that the dictionary does not know (kept in the story's words) is
    a person or an organisation: not a place the gazetteer knows, an object or weapon word, a number or a
    date (issue 15). Dictionary names are actors by definition."""
    lex = lexicon()
    things = (lex.objects | set(lex.cue_words)) - lex.persons
    verbatim = set()
    for path, doc in dev_stories:
        article = Article(path.stem, "", doc.text, dt.date(2025, 1, 1), "cli", None, None, path.name, "h")
        for event in link_article(resolve(extract(Processed(article, doc)))):
            verbatim |= {a.name for a in (event.actor1, event.actor2, event.claimed_by) if a is not None and not a.known}
    for name in verbatim:
        last = (re.findall(r"[a-z]+", name.lower()) or [""])[-1]
        assert not (re.search(r"\d", name) or last in things or last.removesuffix("s") in things or is_place(name)
                    or DATE_WORDS.search(name)), name
