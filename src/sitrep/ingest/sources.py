"""Walk the paths a user gives and turn each file (or JSON line) into an Article."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.ingest.decode import decode, unwrap
from sitrep.ingest.errors import IngestError
from sitrep.ingest.feeds import FeedEntry, fetch, is_url, read_feed
from sitrep.ingest.html import read_html
from sitrep.ingest.meta import text_or_none
from sitrep.ingest.textdate import date_in_text
from sitrep.models import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom"}
NAMED_FEED_SUFFIXES = FEED_SUFFIXES | {".xml"}  # .xml files below a directory are seldom feeds; named ones are
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def iter_files(paths: list[str]) -> Iterator[Path | IngestError]:
    """Files named, and files with a known suffix below directories named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:  # a symlink loop
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUFFIXES:
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield IngestError(raw, "no such file or directory")


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _article(
    article_id: str,
    title: str,
    text: str,
    path: str,
    meta: dict[str, Any],
    published: dt.date | None,
    own: dict[str, Any],
) -> Article:
    """Publication date by trust: the metadata side file, the command line, the page's own metadata,
    a date line in the text; else unknown (never today)."""
    date, source = None, None
    for candidate, origin in (
        (parse_date(meta.get("published")), "meta"),
        (published, "cli"),
        (parse_date(own.get("published")), "page"),
    ):
        if candidate:
            date, source = candidate, origin
            break
    if date is None and (found := date_in_text(text)):
        date, source = found, "text"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        id=article_id,
        title=(meta.get("title") or title or "").strip(),
        text=text,
        published=date,
        published_from=source,
        url=meta.get("url") or own.get("url"),
        outlet=meta.get("outlet") or own.get("outlet"),
        path=path,
        content_hash=digest,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read ({exc.strerror or exc})") from None


def _text_title(text: str) -> tuple[str, str]:
    """Title on the first non-empty line, body after it; the article text keeps both."""
    for line in text.splitlines():
        if line.strip():
            return line.strip(), text
    return "", text


def iter_articles(
    paths: list[str],
    meta: dict[str, dict[str, Any]] | None = None,
    published: dt.date | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from files, directories and feed URLs; problems come back as IngestError items, never raised."""
    meta = meta or {}
    for raw in paths:
        if is_url(raw):
            try:
                yield from _feed(read_feed(fetch(raw), raw), meta, published)
            except IngestError as err:
                yield err
        else:
            yield from _files(raw, meta, published)


def _files(raw: str, meta: dict[str, dict[str, Any]], published: dt.date | None) -> Iterator[Article | IngestError]:
    for item in iter_files([raw]):
        if isinstance(item, IngestError):
            yield item
            continue
        path, suffix = item, item.suffix.lower()
        try:
            data = _read_bytes(path)
            if suffix in JSONL_SUFFIXES:
                yield from _jsonl(path, data, meta, published)
                continue
            if suffix in NAMED_FEED_SUFFIXES:
                yield from _feed(read_feed(data, str(path)), meta, published)
                continue
            text, note = decode(data, str(path))
            if note:
                yield IngestError(str(path), f"warning: {note}")
            if suffix in HTML_SUFFIXES:
                own = read_html(text, str(path))
                yield _article(path.stem, own["title"], own["text"], str(path), meta.get(path.stem, {}), published, own)
            else:
                title, body = _text_title(unwrap(text))
                yield _article(path.stem, title, body, str(path), meta.get(path.stem, {}), published, {})
        except IngestError as err:
            yield err


def _jsonl(path: Path, data: bytes, meta: dict[str, dict[str, Any]], published: dt.date | None
           ) -> Iterator[Article | IngestError]:
    text, _ = decode(data, str(path))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, "not a JSON object")
            continue
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            yield IngestError(where, "a \\u escape for half a surrogate pair, which is not text")
            continue
        art_id, body = obj.get("id") or obj.get("article_id"), obj.get("text")
        if not isinstance(art_id, str | int) or not str(art_id).strip():
            yield IngestError(where, "missing 'id'")
            continue
        if not isinstance(body, str) or not body.strip():
            yield IngestError(where, "missing or empty 'text'")
            continue
        own = {"published": obj.get("published"), "url": text_or_none(obj.get("url")), "outlet": text_or_none(obj.get("source"))}
        title = obj.get("title") if isinstance(obj.get("title"), str) else ""
        yield _article(str(art_id), title, body, where, meta.get(str(art_id), {}), published, own)


def _feed(entries: Iterator[FeedEntry | IngestError], meta: dict[str, dict[str, Any]], published: dt.date | None
          ) -> Iterator[Article | IngestError]:
    for e in entries:
        if isinstance(e, IngestError):
            yield e
            continue
        own = {"published": e.published, "url": e.url, "outlet": e.outlet}
        yield _article(e.id, e.title, e.text, e.where, meta.get(e.id, {}), published, own)
