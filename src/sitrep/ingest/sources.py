"""Walk the paths a user gives and turn each file (or JSON line) into an Article."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.data import limits
from sitrep.ingest.decode import decode, refuse_binary, unwrap
from sitrep.ingest.errors import IngestError
from sitrep.ingest.feeds import FeedEntry, fetch, is_url, read_feed
from sitrep.ingest.files import HTML_SUFFIXES, JSONL_SUFFIXES, NAMED_FEED_SUFFIXES, bounded_lines, iter_files, open_regular
from sitrep.ingest.html import read_html
from sitrep.ingest.language import foreign_language
from sitrep.ingest.meta import text_or_none
from sitrep.ingest.textdate import date_in_text
from sitrep.models import Article

TIMEZONE_SLACK = dt.timedelta(days=1)  # a page dated east of here may be a day ahead of this clock


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
) -> Iterator[Article | IngestError]:
    """The article, after a warning for each publication date it does not trust. Raises IngestError for a
    text too long for the NLP stage or in a language it does not read."""
    lim = limits()
    if len(text) > lim["longest_article_text"]:
        raise IngestError(path, f"text too long ({len(text):,} characters; longest_article_text in limits.yaml "
                                f"is {lim['longest_article_text']:,}); skipped")
    if foreign := foreign_language(text):
        raise IngestError(path, f"not English (detected {foreign[0]}, p={foreign[1]:.2f}); skipped")
    date, source = None, None
    for candidate, origin in _dates(text, meta, published, own):
        if candidate > dt.date.today() + TIMEZONE_SLACK:
            yield IngestError(path, f"warning: publication date {candidate} (from {origin}) is in the future; not used")
            continue
        date, source = candidate, origin
        break
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    yield Article(
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


def _dates(text: str, meta: dict[str, Any], published: dt.date | None, own: dict[str, Any]
           ) -> Iterator[tuple[dt.date, str]]:
    """Publication dates by trust: the metadata side file, the command line, the page's own metadata, a
    date line in the text (read only when the others fail); none of them: unknown, never today."""
    for candidate, origin in ((parse_date(meta.get("published")), "meta"), (published, "cli"),
                              (parse_date(own.get("published")), "page")):
        if candidate:
            yield candidate, origin
    if found := date_in_text(text):
        yield found, "text"


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
    largest = limits()["largest_article_file"]  # read first: a bad limits.yaml stops the run, not each file
    for raw in paths:
        if is_url(raw):
            try:
                yield from _feed(read_feed(fetch(raw), raw), meta, published)
            except IngestError as err:
                yield err
        else:
            yield from _files(raw, meta, published, largest)


def _files(raw: str, meta: dict[str, dict[str, Any]], published: dt.date | None, largest: int
           ) -> Iterator[Article | IngestError]:
    for item in iter_files([raw]):
        if isinstance(item, IngestError):
            yield item
            continue
        path, suffix = item, item.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                with open_regular(path) as fh:
                    yield from _jsonl(path, fh, meta, published)
                continue
            with open_regular(path, largest) as fh:
                data = _read(fh, path)
            if suffix in NAMED_FEED_SUFFIXES:
                yield from _feed(read_feed(data, str(path)), meta, published)
                continue
            text, note = decode(data, str(path))
            if note:
                yield IngestError(str(path), f"warning: {note}")
            if suffix in HTML_SUFFIXES:
                own = read_html(text, str(path))
                yield from _article(path.stem, own["title"], own["text"], str(path), meta.get(path.stem, {}), published, own)
            else:
                title, body = _text_title(unwrap(text))
                yield from _article(path.stem, title, body, str(path), meta.get(path.stem, {}), published, {})
        except IngestError as err:
            yield err
        except Exception as exc:  # a library's bug met on one file must not cost the others, nor show a traceback
            detail = " ".join(f"{exc.__class__.__name__}: {exc}".split())[:200]
            yield IngestError(str(path), f"not read ({detail}); please report it")


def _feed(entries: Iterator[FeedEntry | IngestError], meta: dict[str, dict[str, Any]], published: dt.date | None
          ) -> Iterator[Article | IngestError]:
    for e in entries:
        if isinstance(e, IngestError):
            yield e
            continue
        own = {"published": e.published, "url": e.url, "outlet": e.outlet}
        try:
            yield from _article(e.id, e.title, e.text, e.where, meta.get(e.id, {}), published, own)
        except IngestError as err:
            yield err


def _read(fh: BinaryIO, path: Path) -> bytes:
    try:
        return fh.read()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read ({exc.strerror or exc})") from None


def _jsonl(path: Path, fh: BinaryIO, meta: dict[str, dict[str, Any]], published: dt.date | None
           ) -> Iterator[Article | IngestError]:
    """One article a line, read a line at a time: a file of any size, lines of at most longest_jsonl_line."""
    limit = limits()["longest_jsonl_line"]
    head = fh.read(4)
    fh.seek(0)
    refuse_binary(head, str(path))
    lines: io.TextIOWrapper | BinaryIO = fh
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        lines = io.TextIOWrapper(fh, encoding="utf-16")
    warned, found = False, False
    try:
        for n, raw in bounded_lines(lines, limit):
            where = f"{path}:{n}"
            found = found or raw is None or bool(raw.strip())
            if raw is None:
                yield IngestError(where, f"line too long (over {limit:,} bytes; longest_jsonl_line in limits.yaml)")
                continue
            if not raw.strip():
                continue
            try:
                line, note = (raw, None) if isinstance(raw, str) else decode(raw, where)
            except IngestError as err:
                yield err
                continue
            if note and not warned:
                warned = True
                yield IngestError(where, f"warning: {note} (and so for later lines)")
            yield from _json_article(where, line, meta, published)
    except UnicodeDecodeError as exc:
        yield IngestError(str(path), f"invalid UTF-16 ({exc.reason}); the rest of the file is not read")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read ({exc.strerror or exc})")
    if not found:
        yield IngestError(str(path), "empty file")


def _json_article(where: str, line: str, meta: dict[str, dict[str, Any]], published: dt.date | None
                  ) -> Iterator[Article | IngestError]:
    try:
        obj = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"not valid JSON ({exc.msg})")
        return
    except RecursionError:
        yield IngestError(where, "not valid JSON (nested too deeply)")
        return
    if not isinstance(obj, dict):
        yield IngestError(where, "not a JSON object")
        return
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        yield IngestError(where, "a \\u escape for half a surrogate pair, which is not text")
        return
    art_id, body = obj.get("id") or obj.get("article_id"), obj.get("text")
    if art_id is None or (isinstance(art_id, str) and not art_id.strip()):
        yield IngestError(where, "missing 'id'")
        return
    if not isinstance(art_id, str | int) or isinstance(art_id, bool):
        yield IngestError(where, f"'id' is not a string or a number ({type(art_id).__name__})")
        return
    if body is None or (isinstance(body, str) and not body.strip()):
        yield IngestError(where, "missing or empty 'text'")
        return
    if not isinstance(body, str):
        yield IngestError(where, f"'text' is not a string ({type(body).__name__})")
        return
    own = {"published": obj.get("published"), "url": text_or_none(obj.get("url")), "outlet": text_or_none(obj.get("source"))}
    try:
        yield from _article(str(art_id), text_or_none(obj.get("title")) or "", body, where, meta.get(str(art_id), {}),
                            published, own)
    except IngestError as err:
        yield err

