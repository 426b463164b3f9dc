"""HTML pages: main text, title, date and URL through trafilatura."""

from __future__ import annotations

from typing import Any

from sitrep.ingest.errors import IngestError


def read_html(html: str, path: str) -> dict[str, Any]:
    import trafilatura  # slow to import: only when a page is read

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = result.as_dict() if result is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise IngestError(path, "HTML page with no main text")
    title = (doc.get("title") or "").strip()
    body = doc["text"].strip()
    text = f"{title}\n\n{body}" if title else body
    return {"title": title, "text": text, "published": doc.get("date"), "url": doc.get("url"),
            "outlet": doc.get("sitename")}


def fragment_text(html: str) -> str:
    """The words of an HTML fragment (a feed entry's body). It is the article's body already, too short
    for main-text detection, so all of it is kept, on one line: trafilatura's full extractor breaks lines
    around inline tags in short fragments, and a line break ends a sentence downstream."""
    import trafilatura

    return str(trafilatura.html2txt(f"<html><body>{html}</body></html>"))
