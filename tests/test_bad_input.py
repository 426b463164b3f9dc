"""A corpus of bad input, built here: each bad file gets one line on stderr naming it and its problem, the
good files are stored, what was stored before stays as it was, the exit code says something failed, and
memory stays bounded (a 200 MB file is refused by its size, a 10 MB JSON line is read past)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, SHARED

from sitrep.data import DataError, limits, shores
from sitrep.export import write
from sitrep.ingest import IngestError, iter_articles
from sitrep.models import Article
from sitrep.store import Store

MAX_RSS_MB = 1500  # the model and gazetteer take about 400 MB; a slurped 200 MB text through spaCy, far more
FUTURE = dt.date.today() + dt.timedelta(days=40)
GOOD_1 = """Drone strike hits militia convoy near Kidal

KIDAL, June 8, 2021 — A drone struck a convoy of armed men near Kidal in northern Mali on Monday, killing
four fighters and wounding two others, local officials said. The convoy had left the town at dawn.
"""
GOOD_2 = """Gunmen attack village in Borno

Gunmen attacked the village of Kautikari in Borno state, Nigeria, on Tuesday, killing 10,000,000 people,
residents said, in an attack that also wounded 12 people and burned dozens of homes to the ground.
"""
FRENCH = """Frappes aériennes sur la ville

Des frappes aériennes ont tué au moins douze civils dans la ville mardi, selon le ministère de la Santé, qui a
précisé que la plupart des victimes étaient des enfants et que les secours cherchaient encore des survivants.
"""
SPANISH = """Ataque con drones contra una base

Un ataque con drones contra una base militar en el norte del país mató a tres soldados el domingo, dijo el
ministerio de Defensa, que culpó a los rebeldes y prometió una respuesta firme en los próximos días.
"""


def write_corpus(root: Path) -> tuple[dict[str, str], set[str]]:
    """The corpus under root: {path (or path:line) -> pattern of its one line on stderr}, and the ids of
    the articles that must be stored."""
    root.mkdir()
    bad: dict[str, str] = {}

    def put(name: str, data: bytes | str, problem: str | None = None) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        if problem:
            bad[str(path)] = problem
        return path

    put("good/kidal.txt", GOOD_1)
    put("good/borno.txt", GOOD_2, "warning: fatalities of 10,000,000 .* beyond belief")
    put("good/latin1.txt", GOOD_1.replace("Kidal", "Kidal café").encode("cp1252"), "warning: not UTF-8; read as")
    put("good/utf16.txt", GOOD_1.replace("Kidal", "Gao").encode("utf-16"))
    put("good/future.txt", GOOD_1.replace("Kidal", "Menaka").replace("June 8, 2021", f"{FUTURE:%B} {FUTURE.day}, {FUTURE.year}"),
        "warning: publication date .* is in the future; not used")
    put("empty.txt", b"", "empty file")
    put("blank.html", b" \n\n ", "empty file")
    put("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "not a text file .*PDF")
    put("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file .*PNG")
    put("archive.txt", gzip.compress(GOOD_1.encode()), "not a text file .*gzip")
    put("feed.gz.jsonl", gzip.compress(GOOD_1.encode()), "not a text file .*gzip")
    put("noise.txt", bytes(range(256)) * 40, "not a text file")
    put("fr.txt", FRENCH, r"not English \(detected fr, p=\d\.\d\d\); skipped")
    put("es.html", f"<html><body><article><p>{SPANISH}</p></article></body></html>", r"not English \(detected es")
    put("nobody.html", "<html><head><title>Strike</title></head></html>", "HTML page with no main text")
    put("script.html", "<html><body><script>" + "var x = 'strike';" * 500 + "</script></body></html>",
        "HTML page with no main text")
    put("nested.html", "<html><body>" + "<div>" * 50_000 + "<p>Drones struck.</p>" + "</div>" * 50_000 + "</body></html>",
        "HTML page with no main text")
    long_text = put("long.txt", "Title\n" + "Drones struck the base again. " * 5000, "text too long .*longest_article_text")
    assert long_text.stat().st_size < limits()["largest_article_file"]  # refused by its text, after reading

    huge = root / "huge.txt"  # 200 MB of text: refused by its size, unread
    chunk = (GOOD_1 * (1_000_000 // len(GOOD_1) + 1))[:1_000_000].encode()
    with huge.open("wb") as fh:
        for _ in range(200):
            fh.write(chunk)
    bad[str(huge)] = "too large to be an article .*not read"

    feed = root / "feed.jsonl"
    lines = [
        json.dumps({"id": "j-good", "title": "Clash in Sahel", "text": GOOD_1.replace("Kidal", "Tessalit"),
                    "published": "2021-06-09", "source": "Wire"}),
        '{"id": "j-broken", "text": "unterminated',
        json.dumps({"id": "j-long", "text": "x" * 10_000_000}),  # a 10 MB line
        json.dumps({"title": "no id", "text": "Some text."}),
        json.dumps({"id": "j-notext"}),
        json.dumps({"id": ["a", "list"], "text": "Some text."}),
        json.dumps({"id": "j-int-text", "text": 42}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "j-types", "title": 7, "text": GOOD_2.replace("Kautikari", "Damasak").replace("10,000,000", "three"),
                    "published": 20210608, "url": ["x"], "source": {"name": "y"}}),
        json.dumps({"id": "dup", "text": GOOD_1.replace("Kidal", "Timbuktu")}),
        json.dumps({"id": "dup", "text": GOOD_1.replace("Kidal", "Ansongo")}),
        json.dumps({"id": "j-fr", "text": FRENCH}),
    ]
    feed.write_text("\n".join(lines) + "\n")
    dup_first = re.escape(f"{feed}:11")
    for n, problem in ((2, "not valid JSON .Unterminated string"), (3, "line too long"), (4, "missing 'id'"),
                       (5, "missing or empty 'text'"), (6, "'id' is not a string or a number"),
                       (7, "'text' is not a string"), (8, "not a JSON object"),
                       (12, f"duplicate article id 'dup' with different text \\(also in {dup_first}\\)"),
                       (13, "not English")):
        bad[f"{feed}:{n}"] = problem

    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to("..", target_is_directory=True)  # a directory linked into itself
    (root / "self.txt").symlink_to("self.txt")
    bad[str(root / "self.txt")] = "symbolic link loop"
    (root / "dangling.txt").symlink_to("nowhere.txt")
    bad[str(root / "dangling.txt")] = "symbolic link to nothing"
    os.mkfifo(root / "pipe.txt")  # would block a plain open: root or not
    bad[str(root / "pipe.txt")] = r"not a regular file \(a named pipe\)"
    if os.geteuid() != 0:  # root reads any file
        locked = put("locked.txt", GOOD_1)
        locked.chmod(0)
        bad[str(locked)] = "permission denied"
    good = {"kidal", "borno", "latin1", "utf16", "future", "j-good", "j-types", "dup"}
    return bad, good


def split(items: list[Article | IngestError]) -> tuple[dict[str, Article], list[IngestError]]:
    return {i.id: i for i in items if isinstance(i, Article)}, [i for i in items if isinstance(i, IngestError)]


def test_each_bad_input_is_named_once_and_the_good_are_read(tmp_path: Path) -> None:
    bad, good = write_corpus(tmp_path / "corpus")
    arts, errs = split(list(iter_articles([str(tmp_path / "corpus")])))
    later = {p for p, problem in bad.items() if "beyond belief" in problem or "duplicate" in problem}  # resolve, runner
    assert sorted(e.path for e in errs) == sorted(set(bad) - later)  # each one line, nothing else
    for e in errs:
        assert re.search(bad[e.path], e.problem), str(e)
        assert "\n" not in str(e)
    assert good <= set(arts)
    assert arts["future"].published is None  # its only date is in the future: undated
    assert arts["j-good"].published == dt.date(2021, 6, 9) and arts["j-good"].outlet == "Wire"
    assert arts["j-types"].title == "" and arts["j-types"].url is None and arts["j-types"].outlet is None


def test_english_with_many_foreign_names_is_not_flagged() -> None:
    paths = [*sorted((SHARED / "corpus" / "seeds").glob("*.txt")), *sorted(SAMPLE.glob("*.txt"))]
    assert paths
    arts, errs = split(list(iter_articles([str(p) for p in paths])))
    assert errs == [] and len(arts) == len(paths)


def test_short_texts_are_not_judged_by_language(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text("Abu Ubaida\nAl-Qassam Brigades, Khan Younis, Deir al-Balah.\n")
    arts, errs = split(list(iter_articles([str(f)])))
    assert errs == [] and "short" in arts


def test_a_future_date_gives_way_to_the_next_trusted_one(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD_1)
    items = list(iter_articles([str(f)], meta={"a": {"published": FUTURE.isoformat()}}))
    arts, errs = split(items)
    assert arts["a"].published == dt.date(2021, 6, 8) and arts["a"].published_from == "text"
    assert [e.problem for e in errs] == [f"warning: publication date {FUTURE} (from meta) is in the future; not used"]


@pytest.fixture
def user_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A limits.yaml in a SITREP_DATA_DIRS directory; the cached limits are read afresh around the test."""
    user = tmp_path / "data"
    user.mkdir()
    monkeypatch.setenv("SITREP_DATA_DIRS", str(user))
    limits.cache_clear()
    yield user / "limits.yaml"
    limits.cache_clear()


def test_limits_are_data_a_user_can_change(tmp_path: Path, user_limits: Path) -> None:
    user_limits.write_text("longest_jsonl_line: 100\nlargest_article_file: 200\n")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "short", "text": "Drones struck."}) + "\n" +
                    json.dumps({"id": "long", "text": "Drones struck. " * 20}) + "\n")
    page = tmp_path / "page.txt"
    page.write_text(GOOD_1)
    arts, errs = split(list(iter_articles([str(feed), str(page)])))
    assert list(arts) == ["short"]
    assert [e.path for e in errs] == [f"{feed}:2", str(page)]
    assert "line too long" in errs[0].problem and "largest_article_file in limits.yaml is 200" in errs[1].problem


def test_a_bad_limit_is_one_line(user_limits: Path) -> None:
    user_limits.write_text("largest_event_toll: lots\n")
    with pytest.raises(RuntimeError, match="largest_event_toll must be a whole number above 0, not 'lots'"):
        limits()


def test_a_bad_limit_stops_the_run_with_one_line(tmp_path: Path, user_limits: Path) -> None:
    user_limits.write_text("longest_jsonl_line: -1\n")
    (tmp_path / "a.txt").write_text(GOOD_1)
    proc = subprocess.run([sys.executable, "-m", "sitrep", "run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "sitrep: error: limits.yaml: longest_jsonl_line must be a whole number above 0, not -1"


def test_a_library_failing_on_one_file_costs_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deep(html: str, path: str) -> dict:
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")

    monkeypatch.setattr("sitrep.ingest.sources.read_html", deep)
    (tmp_path / "page.html").write_text("<html><body><p>Drones struck.</p></body></html>")
    (tmp_path / "story.txt").write_text(GOOD_1)
    arts, errs = split(list(iter_articles([str(tmp_path)])))
    assert list(arts) == ["story"]
    assert [str(e) for e in errs] == [f"{tmp_path / 'page.html'}: not read (RecursionError: maximum recursion depth "
                                      "exceeded while parsing); please report it"]


def export(db: Path) -> dict[str, dict]:
    store = Store(db)
    buf = io.StringIO()
    write("jsonl", store, buf)
    store.close()
    return {r["id"]: r for r in map(json.loads, buf.getvalue().splitlines()) if r["kind"] == "event"}


MEASURE = """import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_run_on_the_bad_corpus(tmp_path: Path, sqlite_sample_db: Path) -> None:
    bad, good = write_corpus(tmp_path / "corpus")
    db = tmp_path / "sitrep.db"
    with sqlite3.connect(sqlite_sample_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    before = export(db)
    sample_ids = {s["article_id"] for e in before.values() for s in e["sources"]}

    cmd = [sys.executable, "-m", "sitrep", "run", str(tmp_path / "corpus"), "--db", str(db)]
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, timeout=600)
    rc, rss_kb = map(int, proc.stdout.split())
    lines = proc.stderr.splitlines()

    assert rc == 1
    assert "Traceback" not in proc.stderr
    for where, problem in bad.items():
        named = [ln for ln in lines if ln.startswith(f"sitrep: {where}: ")]
        assert len(named) == 1, (where, named)
        assert re.search(problem, named[0]), named[0]
    assert len(lines) == len(bad) + 1  # and the summary line
    assert rss_kb / 1024 < MAX_RSS_MB

    con = sqlite3.connect(db)
    stored = {row[0] for row in con.execute("SELECT id FROM articles")}
    con.close()
    assert good | sample_ids <= stored
    after = export(db)
    assert {k: v for k, v in after.items() if {s["article_id"] for s in v["sources"]} <= sample_ids} == before
    borno = [e for e in after.values() if {s["article_id"] for s in e["sources"]} == {"borno"}]
    assert borno and all(e["fatalities"] is None for e in borno)
    assert any(ev["field"] == "fatalities" and "10,000,000" in ev["quote"] for e in borno for ev in e["evidence"])


@pytest.mark.parametrize(("entries", "problem"), [
    ("- name: Good Group\n  aliases: [good guys]\n  inter: 2\n- aliases: [nameless]\n  inter: 3\n", "4: actor without a name"),
    ("- name: Bad Group\n  aliases: [a, b\n", "3: not valid YAML: did not find expected ',' or ']'"),
    ("- name: Bad Group\n  inter: 12\n", "1: Bad Group: inter must be an ACLED inter code from 1 to 8, not 12"),
    ("- name: Bad Militia\n  community: Dinka\n", "1: Bad Militia: community must be a list of names"),
    ("- name: Rebels\n  generic: true\n  names_in: [Chad]\n",
     "1: Rebels: names_in must map countries to actor names (Somalia: Al Shabaab)"),
])
def test_a_broken_actor_entry_stops_the_run_with_file_and_line_and_keeps_the_store(
        tmp_path: Path, sqlite_sample_db: Path, entries: str, problem: str) -> None:
    user = tmp_path / "data"
    user.mkdir()
    (user / "actors.yaml").write_text(entries)
    db = tmp_path / "kept.db"
    db.write_bytes(sqlite_sample_db.read_bytes())
    before = export(db)
    (tmp_path / "a.txt").write_text(GOOD_1)
    proc = subprocess.run([sys.executable, "-m", "sitrep", "run", str(tmp_path / "a.txt"), "--db", str(db)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "SITREP_DATA_DIRS": str(user)})
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"sitrep: error: {user / 'actors.yaml'}:{problem}"
    assert export(db) == before


def test_the_cached_language_model_is_py3langids_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The uncompressed copy the run reads (start-up) decides exactly as the packaged model does."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from sitrep.ingest import language

    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        cached = language._identifier()
        assert list(tmp_path.glob("langid-*.npz"))
        packaged = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        for text in (GOOD_1, GOOD_2, FRENCH, "Der Konvoi wurde am Montag nahe der Stadt angegriffen."):
            assert cached.classify(text) == packaged.classify(text)
    finally:
        language._identifier.cache_clear()


@pytest.mark.parametrize("damage", ["a directory", "a damaged copy"])
def test_an_unusable_language_model_copy_costs_time_not_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """Where the cached copy cannot be written or read, the packaged model decides; a damaged copy goes."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from sitrep.ingest import language

    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    copy = language._copy_path(MODEL_DIR / MODEL_FILE)
    if damage == "a directory":
        copy.mkdir(parents=True)
    else:
        copy.write_bytes(b"not a zip file")
    language._identifier.cache_clear()
    try:
        assert language.foreign_language(FRENCH) is not None and language.foreign_language(GOOD_1) is None
        assert copy.is_dir() if damage == "a directory" else not copy.exists()
    finally:
        language._identifier.cache_clear()


def test_a_sea_without_points_for_its_shores_is_refused_naming_the_file_and_sea(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "data"
    user.mkdir()
    (user / "coasts.yaml").write_text("Caspian Sea: [Iran, Azerbaijan]\n")
    monkeypatch.setenv("SITREP_DATA_DIRS", str(user))
    shores.cache_clear()
    try:
        with pytest.raises(DataError, match=r"^coasts.yaml: Caspian Sea: expected each shore country"):
            shores()
    finally:
        shores.cache_clear()
