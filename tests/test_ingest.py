"""Ingest: formats, publication dates, and one clear line per bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, iter_articles, read_meta
from sitrep.models import Article


def articles(paths, **kw) -> tuple[list[Article], list[IngestError]]:
    items = list(iter_articles([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_txt_title_and_date_line(tmp_path: Path) -> None:
    f = tmp_path / "a1.txt"
    f.write_text("September, Thursday 19, 2024\n\nHeadline here\nBody text.\n")
    (art,), errs = articles([f])
    assert errs == []
    assert art.id == "a1" and art.published == dt.date(2024, 9, 19) and art.published_from == "text"


def test_dateline(tmp_path: Path) -> None:
    f = tmp_path / "a2.txt"
    f.write_text("Headline\n\nKYIV, March 3, 2024 — Missiles struck the city.\n")
    (art,), _ = articles([f])
    assert art.published == dt.date(2024, 3, 3)


def test_meta_wins_and_unknown_stays_unknown(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Title\nNothing dated here.\n")
    (tmp_path / "y.txt").write_text("Title\nNothing dated here either.\n")
    meta = tmp_path / "meta.jsonl"
    meta.write_text(json.dumps({"article_id": "x", "published": "2023-12-06", "outlet": "Wire"}) + "\n")
    arts, _ = articles([tmp_path], meta=read_meta(str(meta)))
    by_id = {a.id: a for a in arts}
    assert by_id["x"].published == dt.date(2023, 12, 6) and by_id["x"].outlet == "Wire"
    assert by_id["y"].published is None  # never today's date


def test_meta_csv(tmp_path: Path) -> None:
    meta = tmp_path / "m.csv"
    meta.write_text("article_id,published,url\nx,2024-01-02,http://example.org/x\n")
    assert read_meta(str(meta))["x"]["published"] == "2024-01-02"


def test_jsonl_with_broken_lines(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "j1", "title": "T", "text": "Body one.", "published": "2024-05-01", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "j2"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "j3", "text": "Body three."}),
    ]))
    arts, errs = articles([f])
    assert [a.id for a in arts] == ["j1", "j3"]
    assert arts[0].published == dt.date(2024, 5, 1) and arts[0].outlet == "Wire"
    assert [e.path for e in errs] == [f"{f}:2", f"{f}:3", f"{f}:4"]


def test_html_page(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("""<html><head><title>Strike on base</title>
    <meta property="article:published_time" content="2024-02-03T10:00:00Z"></head>
    <body><article><h1>Strike on base</h1><p>Drones struck a base near the border on Friday, officials said,
    in an attack that wounded two soldiers. The base had been hit before.</p>
    <p>The ministry said the drones were launched from across the border and that an investigation was
    under way into how the attack was carried out.</p></article></body></html>""")
    (art,), _errs = articles([f])
    assert "Drones struck a base" in art.text
    assert art.published == dt.date(2024, 2, 3)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("zipped.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary"),
    ],
)
def test_bad_files_get_one_line(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    (tmp_path / "good.txt").write_text("Title\nA good article.\n")
    arts, errs = articles([tmp_path])
    assert [a.id for a in arts] == ["good"]
    assert len(errs) == 1 and str(f) in str(errs[0]) and problem in str(errs[0])
    assert "\n" not in str(errs[0])


def test_latin1_text_is_read_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Title\nThe café in Zürich was struck; officials said the attack was déjà vu.\n".encode("cp1252"))
    (art,), errs = articles([f])
    assert "café" in art.text
    assert len(errs) == 1 and errs[0].problem.startswith("warning:")


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _, errs = articles([missing])
    assert errs and "no such file" in str(errs[0])
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    _, errs = articles([locked])
    assert "permission denied" in str(errs[0])


def test_content_hash_is_stable(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Title\nBody.\n")
    (a1,), _ = articles([f])
    (a2,), _ = articles([f])
    assert a1.content_hash == a2.content_hash


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    f = tmp_path / "wrapped.txt"
    f.write_text("A headline\n\nThe first line of a paragraph that an editor wrapped at\nseventy columns goes on here.\n")
    (art,), _ = articles([f])
    assert "wrapped at seventy columns" in art.text and art.text.startswith("A headline\n\n")
