"""A publication date written in the text itself: a date line ("September, Thursday 19, 2024") or a
dateline ("KYIV, March 3, 2024 —") among the first lines. Only full dates with a year count."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

YEAR = re.compile(r"\b(19|20)\d{2}\b")
DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40},\s+(?P<date>[^—–-]{6,40}?\b(?:19|20)\d{2})\b")
MAX_DATE_LINE = 48
LINES_TO_SCAN = 4
SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


def date_in_text(text: str) -> dt.date | None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:LINES_TO_SCAN]
    for line in lines:
        m = DATELINE.match(line)
        candidates = [m.group("date")] if m else []
        if len(line) <= MAX_DATE_LINE and YEAR.search(line):
            candidates.append(line)
        for candidate in candidates:
            parsed = dateparser.parse(candidate, languages=["en"], settings=SETTINGS)  # type: ignore[arg-type]
            if parsed:
                return parsed.date()
    return None
