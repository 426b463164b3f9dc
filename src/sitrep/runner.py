"""Drive the stages over a set of inputs: ingest -> nlp -> extract -> resolve -> link -> store.

The work comes in two halves that ``run`` and ``backfill`` share: ``analyse`` takes one parsed article as
far as it goes without the database (its own reports and claims: plain, picklable data, so a Dask worker
can compute it), and ``store_analysis`` links those reports to the stored events and writes the article
in one transaction, where the database is.

Articles whose text is already stored unchanged are skipped before the NLP runs, so a rerun is cheap and
changes nothing. Problems with single inputs are reported and counted, never fatal to the run.

Memory does not grow with the number of articles, by construction: articles flow one at a time from
ingest through generators; spaCy holds one batch (``BATCH``) of them and forgets the words it met when the
batch is done; each analysis is stored and dropped before the next is taken; the articles met (for the
duplicate-id check) are kept in a temporary SQLite file, not in memory. Ingest reads one input file at a
time, a JSON Lines file a line at a time."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.extract import extract
from sitrep.ingest import IngestError, iter_articles
from sitrep.link import link_article
from sitrep.link.attach import attach, refresh
from sitrep.models import Article, Claim, Event
from sitrep.nlp import DEFAULT_MODEL, Processed, build_pipeline, process
from sitrep.resolve import resolve
from sitrep.store import Store

BATCH = 32  # articles spaCy parses together (nlp.pipe); also what a backfill task carries

OnProblem = Callable[[str], None]
T = TypeVar("T")


@dataclass
class RunReport:
    read: int = 0
    skipped: int = 0
    stored: int = 0
    reports: int = 0  # event reports (one article's account each); several may be one event
    claims: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problem(self, msg: str, on_problem: OnProblem) -> None:
        self.problems.append(msg)
        on_problem(msg)


@dataclass
class Analysis:
    """One article analysed as far as it can be without the database: the events as this article tells
    them (its reports) and its claims, or why it could not be analysed."""

    article: Article
    reports: list[Event]
    claims: list[Claim]
    problem: str | None = None
    doubts: list[str] = field(default_factory=list)  # values read but not believed (an absurd toll)


class _Seen:
    """The articles met in this run (id -> content hash, path), in a private temporary SQLite file (the
    empty file name) rather than a dict, so memory stays flat however many articles a run meets."""

    def __init__(self) -> None:
        self.con = sqlite3.connect("")
        self.con.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, hash TEXT, path TEXT)")

    def get(self, article_id: str) -> tuple[str, str] | None:
        return self.con.execute("SELECT hash, path FROM seen WHERE id=?", (article_id,)).fetchone()

    def add(self, article: Article) -> None:
        self.con.execute("INSERT INTO seen VALUES (?,?,?)", (article.id, article.content_hash, article.path))


def new_articles(
    paths: list[str],
    store: Store,
    meta: dict[str, dict[str, Any]] | None,
    published: dt.date | None,
    report: RunReport,
    on_problem: OnProblem,
) -> Iterator[Article]:
    """The articles to analyse, in input order: ingest problems reported, unchanged articles skipped, a
    second article with an id already met and another text refused."""
    seen = _Seen()
    try:
        for chunk in batches(iter_articles(paths, meta, published)):  # the store asked once per chunk
            stored = store.known_hashes([item.id for item in chunk if isinstance(item, Article)])
            for item in chunk:
                if isinstance(item, IngestError):
                    if item.problem.startswith("warning:"):
                        report.warnings.append(str(item))
                        on_problem(str(item))
                    else:
                        report.problem(str(item), on_problem)
                    continue
                report.read += 1
                met = seen.get(item.id)
                if met is not None and met[0] != item.content_hash:
                    report.problem(f"{item.path}: duplicate article id {item.id!r} with different text "
                                   f"(also in {met[1]})", on_problem)
                    continue
                if met is not None or stored.get(item.id) == item.content_hash:
                    report.skipped += 1
                    continue
                seen.add(item)
                yield item
    finally:
        seen.con.close()


def _not_processed(article: Article, exc: Exception) -> str:
    return f"{article.path}: not processed ({exc.__class__.__name__}: {exc}); please report it"


def analyse(processed: Processed) -> Analysis:
    try:
        resolved = resolve(extract(processed))
        return Analysis(processed.article, link_article(resolved), resolved.claims, doubts=resolved.doubts)
    except Exception as exc:  # a bug met on one article must not cost the others
        return Analysis(processed.article, [], [], _not_processed(processed.article, exc))


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def analyse_all(articles: Iterable[Article], model: str = DEFAULT_MODEL) -> Iterator[Analysis]:
    """Each batch is parsed in a spaCy memory zone: the strings its texts added to the vocabulary are
    freed when the batch is done (the analyses are plain data), else the vocabulary grows with the corpus."""
    nlp = build_pipeline(model)
    for batch in batches(articles):
        with nlp.memory_zone():
            for processed in process(batch, model=model, batch_size=BATCH):
                yield analyse(processed)


def store_analysis(store: Store, analysis: Analysis, report: RunReport, on_problem: OnProblem) -> None:
    """Link the article's reports to the stored events and write it all in one transaction."""
    if analysis.problem is not None:
        report.problem(analysis.problem, on_problem)
        return
    for attempt in (1, 2):
        try:
            with store.transaction():
                touched = store.replace_article(analysis.article)
                refresh(store, touched | attach(store, analysis.reports))
                store.add_claims(analysis.claims)
            break
        except store.conflicts:  # another writer stored the article since it was found absent: undone
            if attempt == 2:
                raise
            if store.known_hash(analysis.article.id) == analysis.article.content_hash:
                report.skipped += 1  # the same text: nothing to do
                return
        except store.errors:
            raise  # the database itself is in trouble: stop, what is stored stays whole
        except Exception as exc:  # a bug met on one article must not cost the others
            report.problem(_not_processed(analysis.article, exc), on_problem)
            return
    for doubt in analysis.doubts:
        msg = f"{analysis.article.path}: warning: {doubt}"
        report.warnings.append(msg)
        on_problem(msg)
    report.stored += 1
    report.reports += len(analysis.reports)
    report.claims += len(analysis.claims)


def store_all(store: Store, analyses: Iterable[Analysis], report: RunReport, on_problem: OnProblem,
              progress: bool | None) -> None:
    """Store analyses in the order they come, with a running count on a terminal (the total is not known
    without reading every input twice)."""
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  TextColumn("{task.completed} articles"), TimeElapsedColumn(), disable=not show, transient=True) as bar:
        task = bar.add_task("analysed", total=None)
        for analysis in analyses:
            store_analysis(store, analysis, report, on_problem)
            bar.advance(task)


def run(
    paths: list[str],
    store: Store,
    meta: dict[str, dict[str, Any]] | None = None,
    published: dt.date | None = None,
    model: str = DEFAULT_MODEL,
    on_problem: OnProblem = lambda msg: None,
    progress: bool | None = None,
) -> RunReport:
    report = RunReport()
    articles = new_articles(paths, store, meta, published, report, on_problem)
    store_all(store, analyse_all(articles, model), report, on_problem, progress)
    return report
