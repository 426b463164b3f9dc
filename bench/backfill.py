"""Throughput of ``sitrep run`` against ``sitrep backfill`` on 1 and 2 local Dask workers.

    .venv/bin/python bench/backfill.py --copies 10              # the bundled sample, 10 copies, unique ids
    .venv/bin/python bench/backfill.py CORPUS --meta META.jsonl  # a corpus of your own

Each mode runs as its own ``python -m sitrep`` process into a fresh database, so times are wall clock with
start-up included (interpreter, cluster, the model loaded by every worker): what a user waits for. Peak
RSS is polled every 0.2 s, for the sitrep process (the client) and for it with all its workers. CPU is
the user + system time of the whole process tree: on a shared machine, the figure that does not depend on
what else runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLE, SAMPLE_META = ROOT / "examples" / "articles", ROOT / "examples" / "articles.meta.jsonl"
SUMMARY = re.compile(r"(\d+) articles read, (\d+) stored, \d+ unchanged, (\d+) events")
TIMEOUT_S = 3600  # one mode; bounded like every load loop


def replicate(copies: int, out: Path) -> tuple[Path, Path]:
    """The sample ``copies`` times over, each copy's articles with their own ids (and metadata rows)."""
    corpus, meta = out / "corpus", out / "corpus.meta.jsonl"
    corpus.mkdir()
    rows = [json.loads(line) for line in SAMPLE_META.read_text().splitlines() if line.strip()]
    with meta.open("w") as fh:
        for i in range(copies):
            for path in sorted(SAMPLE.glob("*.txt")):
                shutil.copy(path, corpus / f"c{i:04d}_{path.name}")
            for row in rows:
                fh.write(json.dumps({**row, "article_id": f"c{i:04d}_{row['article_id']}"}) + "\n")
    return corpus, meta


def measure(args: list[str], db: Path) -> dict[str, float]:
    """Run one sitrep command; wall time, what its summary line says and peak RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers' time reaches it through their parents
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", *args, "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    main, peak_main, peak_all = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None and time.perf_counter() - start < TIMEOUT_S:
        try:
            rss = [main.memory_info().rss] + [c.memory_info().rss for c in main.children(recursive=True)]
        except psutil.Error:  # a process ended between listing and reading
            rss = [0]
        peak_main, peak_all = max(peak_main, rss[0]), max(peak_all, sum(rss))
        time.sleep(0.2)
    if proc.poll() is None:
        proc.kill()
        sys.exit(f"bench/backfill: {' '.join(args[:1])} took more than {TIMEOUT_S} s")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    found = SUMMARY.search(proc.stderr.read() if proc.stderr else "")
    if not found:
        sys.exit(f"bench/backfill: {' '.join(args[:1])} printed no summary (exit {proc.returncode})")
    return {"seconds": seconds, "cpu": cpu, "stored": int(found[2]), "events": int(found[3]),
            "rss_main": peak_main / 2**20, "rss_all": peak_all / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", help="Directory of articles (default: the sample, replicated).")
    ap.add_argument("--meta", help="Metadata side file for CORPUS.")
    ap.add_argument("--copies", type=int, default=10, help="Copies of the sample when no corpus is given.")
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2],
                    help="Local worker counts to try (none: time run alone, e.g. to watch its memory).")
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, meta = (Path(opts.corpus), opts.meta and Path(opts.meta)) if opts.corpus else replicate(opts.copies, work)
        common = [str(corpus), *(["--meta", str(meta)] if meta else [])]
        modes = [("run", ["run", *common])] + [
            (f"backfill --workers {n}", ["backfill", *common, "--workers", str(n)]) for n in opts.workers]
        print(f"{corpus}: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
        print(f"{'mode':<22} {'articles':>8} {'events':>7} {'seconds':>8} {'articles/s':>10} {'vs run':>7} "
              f"{'CPU s':>6} {'RSS client':>10} {'RSS all':>8}")
        base = None
        for i, (name, args) in enumerate(modes):
            r = measure(args, work / f"{i}.db")
            base = base or r["seconds"]
            print(f"{name:<22} {r['stored']:>8} {r['events']:>7} {r['seconds']:>8.1f} {r['stored'] / r['seconds']:>10.2f} "
                  f"{base / r['seconds']:>6.2f}x {r['cpu']:>6.0f} {r['rss_main']:>8.0f}MB {r['rss_all']:>6.0f}MB", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
