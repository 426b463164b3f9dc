"""Time expressions -> calendar intervals, anchored on the publication date or on the narrative.

Deictic words ("yesterday", "on Tuesday", "last week") count from the publication date; narrative
words ("a day earlier", "the next day") count from the date the story last established. dateparser
parses the absolute forms ("on December 3", "Oct. 7", "in February"); the anchoring is ours, because
dateparser moves a weekday equal to the publication day a week back and knows no narrative anchor.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from functools import lru_cache

import dateparser

from sitrep.models import DateInterval

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
FILLER = re.compile(
    r"\b(?:on|in|at|during|by|early|late|earlier|later|the|morning|afternoon|evening|night|hours|of|mid|"
    r"around|about|dawn|midnight|noon|local time|before dawn|'s|’s)\b", re.I)
SETTINGS = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
UNKNOWN = DateInterval(None, None, None, "unknown")


def day(d: dt.date) -> DateInterval:
    return DateInterval(d, d, d, "day")


def span(lo: dt.date, hi: dt.date, precision: str) -> DateInterval:
    mid = lo + (hi - lo) / 2
    return DateInterval(mid, lo, hi, precision)


def month_interval(year: int, month: int, cap: dt.date | None) -> DateInterval:
    lo = dt.date(year, month, 1)
    hi = dt.date(year, month, calendar.monthrange(year, month)[1])
    if cap and lo <= cap < hi:
        hi = cap
    return span(lo, hi, "month")


def _past_year(month: int, day_of_month: int, published: dt.date) -> int:
    """The year that puts month/day on or before the publication date (news reports the past)."""
    try:
        candidate = dt.date(published.year, month, day_of_month)
    except ValueError:
        return published.year
    return published.year if candidate <= published else published.year - 1


START_OF = re.compile(r"\b(?:start|beginning|outset|turn) of (?:the|this) (year|month)$")
A_FEW = r"(?:(?:a few|a couple of|several|some|few)\s+)?"
VAGUE_LATER = re.compile(rf"\b{A_FEW}(hours|days|weeks)\s+(later|after|earlier|before)\b")
VAGUE_REACH = {"hours": 1, "days": 7, "weeks": 31}  # how far "days later" may reach past the time it counts from
NARRATIVE = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|\d+) days? (?:earlier|before|prior|later|after)|"
                       rf"{A_FEW}(?:days|weeks) (?:earlier|before|later|after)|"
                       r"the day before|the previous day|the preceding day|the eve|the next day|the following day|"
                       r"a day later|the day after)\b", re.I)


def time_kind(text: str) -> str:
    """narrative: counted from another event of the story ("a day earlier"), so by its words a different
    day from it; absolute: a calendar date ("November 22"); deictic: counted from publication ("on Monday")."""
    if NARRATIVE.search(text):
        return "narrative"
    low = text.lower()
    if re.search(r"\d", low) and any(re.search(rf"\b{m}\b", low) for m in MONTHS):
        return "absolute"
    return "deictic"



NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")  # "01.07.2026", "1/7/2026"


def _numeric_date(first: int, second: int, year: int, published: dt.date | None) -> DateInterval | None:
    """A date written in figures, day first as most of the world writes it, month first where only that
    reading is a date or, where both are, only it is not after publication."""
    readings = []
    for d, m in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.append(dt.date(year, m, d))
    if published is not None and any(r <= published for r in readings):
        readings = [r for r in readings if r <= published]
    return day(readings[0]) if readings else None


def _overnight(low: str, published: dt.date, anchor: dt.date | None, since: DateInterval | None) -> DateInterval:
    """The night a text calls overnight: the one it names ("overnight Saturday": Saturday into Sunday;
    "overnight into Sunday": Saturday into Sunday), else the night before publication."""
    rest = " ".join(re.sub(r"\b(?:overnight|into|on|to)\b", " ", low).split())
    named = resolve_time(rest, published, anchor, since) if rest else None
    if named is None or named.precision != "day" or named.earliest is None or named.earliest != named.latest:
        return span(published - dt.timedelta(days=1), published, "day")
    night = named.earliest
    if re.search(r"\b(?:into|to)\b", low):
        return span(night - dt.timedelta(days=1), night, "day")
    return span(night, min(night + dt.timedelta(days=1), max(night, published)), "day")


def resolve_time(text: str | None, published: dt.date | None, anchor: dt.date | None = None,
                 since: DateInterval | None = None) -> DateInterval | None:
    """The interval a time expression denotes, or None when it names no usable time ("recent weeks").
    ``anchor``: the day the story last established; ``since``: the time it last told at any precision
    ("last month"), which "days later" counts from."""
    if not text:
        return None
    low = " ".join(text.lower().replace("’", "'").split())
    narrative = anchor or published
    if (m := NUMERIC_DATE.search(low)) is not None:
        return _numeric_date(*map(int, m.groups()), published)
    if published is not None:
        if re.search(r"\b(today|this morning|this afternoon|this evening|tonight)\b", low):
            return day(published)
        if re.search(r"\bday before yesterday\b", low):
            return day(published - dt.timedelta(days=2))
        if re.search(r"\b(yesterday|last night)\b", low):
            return day(published - dt.timedelta(days=1))
        if re.search(r"\bovernight\b", low):
            return _overnight(low, published, anchor, since)
    if narrative is not None:
        m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|\d+) days? (earlier|before|prior|later|after)\b", low)
        if m:
            n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
            sign = -1 if m.group(2) in ("earlier", "before", "prior") else 1
            return day(narrative + sign * dt.timedelta(days=n))
        if re.search(r"\b(the day before|the previous day|the preceding day|the eve)\b", low):
            return day(narrative - dt.timedelta(days=1))
        if re.search(r"\b(the next day|the following day|a day later|the day after)\b", low):
            return day(narrative + dt.timedelta(days=1))
        m = VAGUE_LATER.search(low)
        if m:  # "days later": after the time the story last told, by up to a week
            base = since or day(narrative)
            assert base.earliest is not None and base.latest is not None
            reach = dt.timedelta(days=VAGUE_REACH[m.group(1)])
            lo, hi = (base.earliest, base.latest + reach) if m.group(2) in ("later", "after") else (
                base.earliest - reach, base.latest)
            width = (hi - lo).days
            return span(lo, hi, "day" if width == 0 else "week" if width <= 7 else "month")
    if published is not None:
        m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|\d+) (day|week|month)s? ago\b", low)
        if m:
            n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
            days = {"day": 1, "week": 7, "month": 30}[m.group(2)] * n
            d = published - dt.timedelta(days=days)
            return day(d) if m.group(2) == "day" else span(d - dt.timedelta(days=3), d + dt.timedelta(days=3), "week")
        monday = published - dt.timedelta(days=published.weekday())
        if re.search(r"\blast week\b", low):
            return span(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week")
        if re.search(r"\b(this week|earlier this week)\b", low):
            return span(monday, published, "week")
        if re.search(r"\b(?:the|this|last|past) weekend\b(?! (?:evening|night|morning|afternoon|day)s?\b)", low):
            # "over the weekend": the Saturday and Sunday last begun (not "on weekend evenings": a habit)
            saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
            if re.search(r"\blast weekend\b", low) and published.weekday() >= 5:
                saturday -= dt.timedelta(days=7)  # said at a weekend, "last weekend" is the one before
            return span(saturday, min(saturday + dt.timedelta(days=1), published), "week")
        if re.search(r"\blast month\b", low):
            prev = published.replace(day=1) - dt.timedelta(days=1)
            return month_interval(prev.year, prev.month, None)
        if re.search(r"\b(this month|earlier this month)\b", low):
            return span(published.replace(day=1), published, "month")
        if re.search(r"\blast year\b", low):
            return span(dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31), "year")
        start = START_OF.search(low)  # "since the start of the year": the year so far
        if re.search(r"\b(this year|so far this year)\b", low) or (start and start.group(1) == "year"):
            return span(dt.date(published.year, 1, 1), published, "year")
        if start and start.group(1) == "month":
            return span(published.replace(day=1), published, "month")
        m = re.search(r"\b(?:last|past|previous) (\d+|two|three|four|five|six|seven|eight|nine|ten) "
                      r"(month|year)s\b", low)
        if m:  # "in the last 12 months": a period reaching back from publication
            n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
            months = n * (12 if m.group(2) == "year" else 1)
            start = _months_back(published, months)
            return span(start, published, "year" if months >= 12 else "month")
        for name, wd in WEEKDAYS.items():  # "Monday, Jan. 27" is the calendar date, its weekday only a gloss
            if re.search(rf"\b{name}\b", low) and time_kind(low) != "absolute":
                delta = (published.weekday() - wd) % 7
                if not re.search(rf"\blast {name}\b", low):
                    return day(published - dt.timedelta(days=delta))
                if delta == 0:
                    return day(published - dt.timedelta(days=7))
                nearest = published - dt.timedelta(days=delta)
                if wd > published.weekday():  # "last Friday" on a Tuesday: only last week's Friday
                    return day(nearest)
                # "last Monday" on a Wednesday: two days ago, or the Monday of last week, as readers
                # differ; both, with the nearer as the date, until another source tells which
                return DateInterval(nearest, nearest - dt.timedelta(days=7), nearest, "week")
    return _absolute(low, published)


def _months_back(date: dt.date, months: int) -> dt.date:
    year, month = divmod(date.year * 12 + date.month - 1 - months, 12)
    return dt.date(year, month + 1, min(date.day, 28))


PLAIN_DATE = re.compile(r"(?:(?P<m1>[a-z]+)\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                        r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<m2>[a-z]+)\.?),? (?P<y>\d{4})")
DATEPARSER_CACHE = 4096


def _calendar_date(text: str) -> dt.date | None:
    """A plain date ("march 3 2024", "3rd march, 2024") is read directly, as dateparser reads it (a day
    that does not exist raises ValueError); anything else goes to dateparser, which costs milliseconds."""
    m = PLAIN_DATE.fullmatch(" ".join(text.split()))
    if m and (m.group("m1") or m.group("m2")) in MONTHS:
        return dt.date(int(m.group("y")), MONTHS[m.group("m1") or m.group("m2")], int(m.group("d1") or m.group("d2")))
    return _dateparser(text)


@lru_cache(maxsize=DATEPARSER_CACHE)
def _dateparser(text: str) -> dt.date | None:
    """Cached: a story and the stories about it repeat their dates."""
    parsed = dateparser.parse(text, languages=["en"], settings=SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _absolute(low: str, published: dt.date | None) -> DateInterval | None:
    year_m = re.search(r"\b(1[89]\d{2}|20\d{2})\b", low)
    month = next((MONTHS[w.rstrip(".")] for w in re.findall(r"[a-z]+\.?", low) if w.rstrip(".") in MONTHS), None)
    dom_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]\d{2}|20\d{2})\b", "", low))
    year = int(year_m.group(1)) if year_m else None
    if month and dom_m:
        dom = int(dom_m.group(1))
        if year is None:
            if published is None:
                return UNKNOWN
            year = _past_year(month, dom, published)
        cleaned = FILLER.sub(" ", low)
        try:
            return day(_calendar_date(f"{cleaned} {year}" if not year_m else cleaned) or dt.date(year, month, dom))
        except ValueError:
            return None
    if month:
        if year is None:
            if published is None:
                return UNKNOWN
            year = published.year if month <= published.month else published.year - 1
        return month_interval(year, month, published)
    if year is not None and re.fullmatch(r"(?:in |during |since |by )?(?:early |late |mid-)?\d{4}", low):
        return span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return None
