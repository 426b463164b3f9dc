"""RSS and Atom feeds, from a local file or an http(s) URL, parsed by feedparser: one entry per article.
Entry bodies are HTML fragments (or plain text); they go through trafilatura like whole pages."""

from __future__ import annotations

import datetime as dt
import email.utils
import urllib.error
import urllib.request
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.data import read_yaml
from sitrep.ingest.errors import IngestError
from sitrep.ingest.html import fragment_text

HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    text: str
    published: dt.date | None
    url: str | None
    outlet: str | None
    where: str  # the feed and the entry's place in it, for messages


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str) -> bytes:
    """The feed document at ``url``; IngestError for an answer that is not one (no retries here: the
    watcher's back-off decides when to try again)."""
    cfg = read_yaml("watch.yaml")
    request = urllib.request.Request(url, headers={"User-Agent": cfg["user_agent"]})
    try:
        with urllib.request.urlopen(request, timeout=cfg["fetch_timeout_seconds"]) as answer:
            data: bytes = answer.read(cfg["max_feed_bytes"] + 1)
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"cannot fetch feed (HTTP {exc.code} {exc.reason})") from None
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch feed ({exc.reason})") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise IngestError(url, f"cannot fetch feed ({exc.__class__.__name__}: {exc})") from None
    if len(data) > cfg["max_feed_bytes"]:
        raise IngestError(url, f"feed larger than {cfg['max_feed_bytes']} bytes (max_feed_bytes in watch.yaml)")
    return data


def read_feed(data: bytes, source: str) -> Iterator[FeedEntry | IngestError]:
    """The entries of one feed document; a document that is no feed is one IngestError."""
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(exc, feedparser.CharacterEncodingOverride):
        exc = None  # a wrongly declared encoding, read all the same
    if not parsed.entries and (exc or not parsed.get("version")):
        yield IngestError(source, "not an RSS or Atom feed" + (f" ({_why(exc)})" if exc else ""))
        return
    if exc:
        yield IngestError(source, f"warning: malformed feed, read what could be recovered ({_why(exc)})")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}, entry {n}"
        key = (entry.get("id") or entry.get("link") or "").strip()
        title = (entry.get("title") or "").strip()
        body = _body(entry)
        if not key:
            yield IngestError(where, "entry with neither an id nor a link")
        elif not (title or body):
            yield IngestError(where, "entry with no title and no text")
        else:
            text = f"{title}\n\n{body}" if title and body else title or body
            yield FeedEntry(key, title, text, _date(entry), entry.get("link"), outlet, where)


def _why(exc: BaseException) -> str:
    """feedparser's complaint, with the line for XML errors (which otherwise name a '<unknown>' file)."""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"line {exc.getLineNumber()}: {exc.getMessage()}"
    return str(exc)


def _body(entry: Any) -> str:
    """The fullest text an entry carries: its content, else its summary."""
    for detail in [*(entry.get("content") or []), entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            value = detail["value"]
            return (fragment_text(value) if detail.get("type") in HTML_TYPES else value).strip()
    return ""


def _date(entry: Any) -> dt.date | None:
    """The day the entry was published (or, lacking that, last updated) where it was written: the date in
    its own time zone, which relative dates in the text count from; feedparser's UTC time otherwise."""
    for key in ("published", "updated"):
        raw = (entry.get(key) or "").strip()
        for parse in (dt.datetime.fromisoformat, email.utils.parsedate_to_datetime):
            try:
                return parse(raw).date()
            except (ValueError, TypeError, IndexError):
                continue
        if stamp := entry.get(f"{key}_parsed"):
            return dt.date(*stamp[:3])
    return None
