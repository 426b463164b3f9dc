"""Coverage-guided fuzzing (atheris, i.e. libFuzzer) of what ingest does with the bytes of a file: decoding,
text articles with their date lines, HTML extraction, JSON Lines articles and metadata side files (JSON
Lines and CSV, then applied to an article), each through the public entry points a run uses (iter_articles,
read_meta). The seed corpus
is built from examples/articles. Any exception other than IngestError is a finding: printed once per place
it is raised, with the input saved to a file. Bounded by --seconds.

    .venv/bin/python bench/fuzz_ingest.py --seconds 120
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
META = ROOT / "examples" / "articles.meta.jsonl"
KINDS = ("article.txt", "article.html", "articles.jsonl", "meta.jsonl", "meta.csv")  # chosen by the first byte
# libFuzzer dictionary: the field names and JSON values a mutation can splice in (a number where a string goes)
TOKENS = [b'"id"', b'"article_id"', b'"title"', b'"text"', b'"published"', b'"url"', b'"source"', b'"outlet"', b"null",
          b"true", b"0", b"-1e999", b"[]", b"{}", b'"2024-02-30"', b'"0000-00-00"', b",", b":", b"\r\n", b"\\u0000",
          b"\\ud800", b'<meta name="date" content="', b"<html>", b"</p>", b"&#0;", b"\xef\xbb\xbf", b"\xff\xfe",
          "KYIV, March 3, 2024 \u2014".encode()]
STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.M)
COVERAGE = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)", re.M)


def seeds() -> list[bytes]:
    """One input per article in each form, and the metadata file in both forms."""
    out = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        page = (f"<html><head><title>{html.escape(title)}</title><meta name='date' content='2024-02-01'></head><body>"
                f"<article><h1>{html.escape(title)}</h1>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip()) + "</article></body></html>")
        line = json.dumps({"id": path.stem, "title": title, "text": text, "published": "2024-02-01", "source": "x"})
        out += [b"\x00" + text.encode(), b"\x01" + page.encode(), b"\x02" + line.encode() + b"\n{broken\n"]
    rows = [json.loads(line) for line in META.read_text().splitlines() if line.strip()]
    out.append(b"\x03" + META.read_bytes())
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=sorted({k for r in rows for k in r}))
    writer.writeheader()
    writer.writerows(rows)
    out.append(b"\x04" + buf.getvalue().encode())
    return out


def child(work: Path, findings: Path, fuzzer_args: list[str]) -> None:
    """Runs inside the fuzzing process: libFuzzer ends it (and prints its figures) when time is up."""
    import atheris

    with atheris.instrument_imports(include=["sitrep.ingest"]):
        from sitrep.ingest import IngestError, iter_articles, read_meta
    seen: set[str] = set()
    article = next(iter(sorted(ARTICLES.glob("*.txt"))))  # what a fuzzed metadata row is applied to

    def one_input(data: bytes) -> None:
        if not data:
            return
        path = work / KINDS[data[0] % len(KINDS)]
        path.write_bytes(data[1:])
        try:
            if path.name.startswith("meta"):
                row = next(iter(read_meta(str(path)).values()))
                for _ in iter_articles([str(article)], {article.stem: row}):
                    pass
            else:
                for _ in iter_articles([str(path)]):
                    pass
        except IngestError:
            pass
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if where not in seen:
                seen.add(where)
                name = findings / f"finding-{hashlib.sha1(data).hexdigest()[:12]}"
                name.with_suffix(".input").write_bytes(data)
                name.with_suffix(".txt").write_text(f"{where} ({path.name}): {exc!r}\n" + traceback.format_exc())
                print(f"FINDING {where} ({path.name}): {exc!r} -> {name}.input", file=sys.stderr, flush=True)

    atheris.Setup([sys.argv[0], *fuzzer_args], one_input)
    atheris.Fuzz()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=60, help="fuzzing time")
    ap.add_argument("--findings", default=str(ROOT / "test-artifacts" / "fuzz"), help="where inputs that fail go")
    ap.add_argument("--child", nargs=2, metavar=("WORK", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    findings = Path(args.findings)
    if args.child:
        work, corpus = map(Path, args.child)
        words = work / "tokens.dict"
        words.write_text("".join('"' + "".join(chr(c) if 32 <= c < 127 and c not in b'"\\' else f"\\x{c:02x}" for c in t)
                                 + '"\n' for t in TOKENS))
        child(work, findings, [str(corpus), f"-max_total_time={args.seconds}", "-print_final_stats=1", "-timeout=60",
                               "-rss_limit_mb=3072", f"-artifact_prefix={findings}/", "-max_len=16384", f"-dict={words}"])
        return 0
    findings.mkdir(parents=True, exist_ok=True)
    before = set(findings.iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        corpus, work = Path(tmp) / "corpus", Path(tmp) / "work"
        corpus.mkdir()
        work.mkdir()
        for i, seed in enumerate(seeds()):
            (corpus / f"seed{i:03d}").write_bytes(seed)
        n_seeds = len(list(corpus.iterdir()))
        res = subprocess.run([sys.executable, __file__, "--seconds", str(args.seconds), "--findings", str(findings),
                              "--child", str(work), str(corpus)], capture_output=True, text=True, errors="replace",
                             timeout=args.seconds + 600)
        corpus_after = len(list(corpus.iterdir()))
    stats = {k: int(v) for k, v in STAT.findall(res.stderr)}
    cov = COVERAGE.findall(res.stderr)
    found = [line for line in res.stderr.splitlines() if line.startswith("FINDING")]
    artifacts = sorted(p.name for p in set(findings.iterdir()) - before if not p.name.startswith("finding-"))
    executions, seconds = stats.get("number_of_executed_units", 0), max(stats.get("total_time_sec", args.seconds), 1)
    print(f"{executions:,} executions in {seconds} s ({executions / seconds:.0f} exec/s; libFuzzer's average "
          f"{stats.get('average_exec_per_sec', 0)}), seed corpus {n_seeds} -> {corpus_after} inputs, "
          f"coverage: cov {cov[-1][1] if cov else '?'} edges, ft {cov[-1][2] if cov else '?'} features, "
          f"peak RSS {stats.get('peak_rss_mb', '?')} MB")
    print(f"{len(found)} findings, {len(artifacts)} libFuzzer crash/timeout artifacts (in {findings})")
    for line in found:
        print("  " + line)
    for name in artifacts:
        print(f"  {name}")
    if not stats:
        print(res.stderr[-3000:], file=sys.stderr)
        return 2
    return 1 if found or artifacts else 0


if __name__ == "__main__":
    sys.exit(main())
