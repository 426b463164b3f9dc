"""``sitrep backfill``: the per-article stages (nlp -> extract -> resolve -> an article's own reports) as
Dask tasks, linking and storage on the client, where the database is.

Ingest and the content-hash check stay on the client (they need the store). New articles go out in
batches of ``BATCH`` (so spaCy's batching works on the worker) with a bounded number of batches in flight,
and the results are stored in input order, as ``run`` stores them: the events are exactly those of
``run`` on the same articles. Each worker process loads the spaCy pipeline once (``build_pipeline`` is
cached per process) and keeps it for every batch it is given.

Memory on the client stays flat: at most ``2 x worker threads`` batches are out at a time, and the
generator of new articles is pulled only as results come back."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import dask
from distributed import Client, Future, LocalCluster

from sitrep.models import Article
from sitrep.nlp import DEFAULT_MODEL
from sitrep.runner import BATCH, Analysis, OnProblem, RunReport, analyse_all, batches, new_articles, store_all
from sitrep.store import Store

FIRST_WORKER_S = 60  # how long a scheduler may have no worker before the backfill gives up
BATCHES_PER_THREAD = 2  # one being computed, one waiting, so a worker never idles while the client stores

# Dask's statistical profiler samples every worker thread's stack 100 times a second, taking the GIL from
# spaCy each time, for a dashboard nobody is looking at (300 articles on 2 workers: 45 CPU-s of tasks
# without it, 49 to 58 with it).
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}

_pipeline_lock = threading.Lock()  # a worker started with several threads shares one spaCy pipeline


def analyse_batch(articles: list[Article], model: str) -> list[Analysis]:
    """The task a worker runs."""
    with _pipeline_lock:
        return list(analyse_all(articles, model))


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the scheduler given, or of a local cluster of ``workers`` processes (one thread each)
    that lives as long as the block."""
    if scheduler:
        with Client(scheduler) as client:
            try:
                client.wait_for_workers(1, timeout=FIRST_WORKER_S)  # else the tasks would wait for ever
            except TimeoutError:
                raise TimeoutError(f"{scheduler}: no worker joined within {FIRST_WORKER_S} s "
                                   f"(start some with 'dask worker {scheduler}')") from None
            yield client
        return
    with dask.config.set(LOCAL_WORKER_CONFIG), \
            LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def analysed_on(client: Client, articles: Iterable[Article], model: str, batch: int) -> Iterator[Analysis]:
    """Analyses of ``articles`` computed on the cluster, in input order, with a bounded window of batches
    in flight."""
    pending: deque[Future] = deque()
    for chunk in batches(articles, batch):
        pending.append(client.submit(analyse_batch, chunk, model, pure=False))
        while len(pending) >= BATCHES_PER_THREAD * max(1, sum(client.nthreads().values())):
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def backfill(
    paths: list[str],
    store: Store,
    meta: dict[str, dict[str, Any]] | None = None,
    published: dt.date | None = None,
    model: str = DEFAULT_MODEL,
    workers: int | None = None,
    scheduler: str | None = None,
    on_problem: OnProblem = lambda msg: None,
    progress: bool | None = None,
    batch: int | None = None,
) -> RunReport:
    """``run`` with the analysis on a Dask cluster: a local one of ``workers`` processes (default: one per
    CPU), or the scheduler at ``scheduler`` (tcp://HOST:8786); ``batch`` articles a task (default ``BATCH``).
    Local workers are spawned processes: a script that calls this needs the ``if __name__ == "__main__"`` guard."""
    report = RunReport()
    with connect(workers, scheduler) as client:
        articles = new_articles(paths, store, meta, published, report, on_problem)
        store_all(store, analysed_on(client, articles, model, batch or BATCH), report, on_problem, progress)
    return report
