"""Property-based tests (hypothesis) of the resolvers: any publication date, any phrase."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.data import limits
from sitrep.link.merge import MERGE_THRESHOLD, similarity
from sitrep.models import Actor, DateInterval, Event, Place
from sitrep.resolve.dates import _calendar_date, _dateparser, resolve_time
from sitrep.resolve.gazetteer import KIND_RANK, gazetteer
from sitrep.resolve.numbers import parse_count, plausible

WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
PHRASES = st.one_of(
    st.sampled_from(["yesterday", "today", "last week", "this week", "last month", "earlier this month",
                     "last night", "overnight", "a day earlier", "the next day", "the day before", "two days ago",
                     "recent weeks", "last year"]),
    st.sampled_from(WEEKDAYS).map(lambda d: f"on {d}"),
    st.sampled_from(WEEKDAYS).map(lambda d: f"last {d}"),
    st.sampled_from(MONTHS).map(lambda m: f"in {m}"),
    st.tuples(st.sampled_from(MONTHS), st.integers(1, 31)).map(lambda t: f"on {t[0]} {t[1]}"),
    st.tuples(st.integers(1, 28), st.sampled_from(MONTHS)).map(lambda t: f"the morning of {t[1]} {t[0]}"),
)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@given(PHRASES, DATES, st.one_of(st.none(), DATES))
@settings(max_examples=400, deadline=None)
def test_intervals_are_ordered_and_never_after_publication(phrase: str, published: dt.date, anchor) -> None:
    if anchor is not None and anchor > published:
        anchor = published  # the story's own dates come before its publication
    got = resolve_time(phrase, published, anchor)
    if got is None or got.precision == "unknown":
        return
    assert got.earliest is not None and got.latest is not None and got.date is not None
    assert got.earliest <= got.date <= got.latest
    assert got.precision in ("day", "week", "month", "year")
    if "next day" not in phrase and "later" not in phrase:
        assert got.latest <= published, (phrase, published, got)


@given(PHRASES)
@settings(max_examples=200, deadline=None)
def test_without_publication_date_nothing_is_guessed(phrase: str) -> None:
    """None of these phrases names a year: with no publication date they fix no calendar day."""
    got = resolve_time(phrase, None, None)
    assert got is None or got.precision == "unknown"



@given(st.text(max_size=40), st.sampled_from(["largest_event_toll", "largest_tally"]))
@settings(max_examples=300, deadline=None)
def test_counts_are_non_negative_and_believed_only_within_the_limits(text: str, limit: str) -> None:
    n = parse_count(text)
    assert n is None or n >= 0
    believed = plausible(n, limit)
    assert believed is None or believed == n <= limits()[limit]


PLACE = Place("Ain al-Asad Air Base", "Iraq", "IRQ", "Al Anbar", 33.79, 42.44, 1, "facility")
ACTORS = [None, Actor("Military Forces of the United States", 8, "United States", True),
          Actor("Iran-backed militants", 3, None, True, generic=True, side="Iran-axis")]


@given(st.integers(0, 5), st.integers(0, 5), st.sampled_from(ACTORS), st.sampled_from(ACTORS))
def test_similarity_is_symmetric(d1: int, d2: int, a: Actor | None, b: Actor | None) -> None:
    day1, day2 = dt.date(2024, 1, 1) + dt.timedelta(d1), dt.date(2024, 1, 1) + dt.timedelta(d2)
    e1 = Event("a", "Explosions/Remote violence", "Air/drone strike", None, a, None, None, PLACE,
               DateInterval(day1, day1, day1, "day"), None, None, ["x"])
    e2 = Event("b", "Explosions/Remote violence", "Air/drone strike", None, b, None, None, PLACE,
               DateInterval(day2, day2, day2, "day"), None, None, ["y"])
    assert similarity(e1, e2) == similarity(e2, e1)
    s = similarity(e1, e2)
    if abs(d1 - d2) > 1:
        assert s is None or s < MERGE_THRESHOLD


MONTH_WORDS = [m.lower() for m in MONTHS] + [m.lower() for m in calendar.month_abbr[1:]] + ["sept"]
PLAIN_FORMS = ["{m} {d} {y}", "{m}. {d}, {y}", "{d} {m} {y}", "{d}th {m}, {y}", "{m} {d}st {y}"]


@given(st.sampled_from(PLAIN_FORMS), st.sampled_from(MONTH_WORDS), st.integers(1, 31), st.integers(1990, 2035))
@settings(max_examples=150, deadline=None)
def test_plain_dates_read_directly_as_dateparser_reads_them(form: str, month: str, day: int, year: int) -> None:
    text = form.format(m=month, d=day, y=year)
    try:
        direct = _calendar_date(text)
    except ValueError:  # no such day: dateparser finds none either
        direct = None
    assert direct == _dateparser(text)


COUNTRY_WEIGHTS = st.dictionaries(st.sampled_from(["Iraq", "Syria", "Yemen", "Ukraine", "Sudan", "Lebanon"]),
                                  st.floats(0.1, 5.0), max_size=3)


@given(st.one_of(st.text(max_size=40), st.sampled_from(["Baghdad", "Irbil", "Ain al-Asad", "Kharkiv", "Tower 22",
                                                        "al-Fashir", "Sanaa", "Gaza"])),
       COUNTRY_WEIGHTS, st.sampled_from([None, "admin1", "admin2"]))
@settings(max_examples=300, deadline=None)
def test_gazetteer_answers_any_name_with_a_real_place_or_nothing(name: str, context: dict[str, float],
                                                                 admin: str | None) -> None:
    entry = gazetteer().lookup(name, context, admin=admin)
    if entry is None:
        return
    assert entry.name and entry.kind in KIND_RANK
    if entry.kind != "sea":
        assert entry.country
    if entry.latitude is not None:
        assert entry.longitude is not None and -90 <= entry.latitude <= 90 and -180 <= entry.longitude <= 180
    if context and any(e.country in context for e in gazetteer().candidates(name)):
        assert entry.country in context or entry.kind == "sea"  # the article's countries come first
