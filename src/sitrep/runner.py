"""Drive the stages over a set of inputs: ingest -> nlp -> extract -> resolve -> link -> store.

Articles whose text is already stored unchanged are skipped before the NLP runs, so a rerun is cheap and
changes nothing. Problems with single inputs are reported and counted, never fatal to the run."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.extract import extract
from sitrep.ingest import IngestError, iter_articles
from sitrep.link import link_article
from sitrep.link.attach import attach, refresh
from sitrep.models import Article
from sitrep.nlp import DEFAULT_MODEL, process
from sitrep.resolve import resolve
from sitrep.store import Store


@dataclass
class RunReport:
    read: int = 0
    skipped: int = 0
    stored: int = 0
    events: int = 0
    claims: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def run(
    paths: list[str],
    store: Store,
    meta: dict[str, dict[str, Any]] | None = None,
    published: dt.date | None = None,
    model: str = DEFAULT_MODEL,
    on_problem: Callable[[str], None] = lambda msg: None,
    progress: bool | None = None,
) -> RunReport:
    report = RunReport()

    show = sys.stderr.isatty() if progress is None else progress
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), disable=not show, transient=True) as bar:
        task = bar.add_task("articles", total=None)  # streamed: the count is known at the end
        for processed in process(_new_articles(paths, store, meta, published, report, on_problem), model=model):
            bar.advance(task)
            try:
                resolved = resolve(extract(processed))
                events = link_article(resolved)
                with store.transaction():
                    touched = store.replace_article(processed.article)
                    refresh(store, touched | attach(store, events))
                    store.add_claims(resolved.claims)
            except store.errors:
                raise  # the database itself is in trouble: stop, what is stored stays whole
            except Exception as exc:  # a bug met on one article must not cost the others
                msg = f"{processed.article.path}: not processed ({exc.__class__.__name__}: {exc}); please report it"
                report.problems.append(msg)
                on_problem(msg)
                continue
            for doubt in resolved.doubts:
                msg = f"{processed.article.path}: warning: {doubt}"
                report.warnings.append(msg)
                on_problem(msg)
            report.stored += 1
            report.events += len(events)
            report.claims += len(resolved.claims)
    return report


def _new_articles(paths: list[str], store: Store, meta: dict[str, dict[str, Any]] | None, published: dt.date | None,
                  report: RunReport, on_problem: Callable[[str], None]) -> Iterator[Article]:
    """The articles not stored unchanged, as ingest reads them: a corpus of any size is never held whole."""
    seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, where it was read)
    for item in iter_articles(paths, meta, published):
        if isinstance(item, IngestError):
            (report.warnings if item.problem.startswith("warning:") else report.problems).append(str(item))
            on_problem(str(item))
            continue
        report.read += 1
        if item.id in seen and seen[item.id][0] != item.content_hash:
            msg = f"{item.path}: duplicate article id {item.id!r} with different text (also in {seen[item.id][1]})"
            report.problems.append(msg)
            on_problem(msg)
            continue
        if store.known_hash(item.id) == item.content_hash or item.id in seen:
            report.skipped += 1
            continue
        seen[item.id] = (item.content_hash, item.path)
        yield item
