import datetime as dt

import pytest
from test_extract import run_text

from sitrep.resolve.dates import resolve_time

D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "anchor", "earliest", "latest", "precision"),
    [
        ("on Tuesday", D(2024, 8, 1), None, D(2024, 7, 30), D(2024, 7, 30), "day"),
        # a weekday equal to the publication day is that day, not a week before
        ("Wednesday", D(2023, 12, 6), None, D(2023, 12, 6), D(2023, 12, 6), "day"),
        ("yesterday", D(2023, 12, 5), None, D(2023, 12, 4), D(2023, 12, 4), "day"),
        ("last week", D(2024, 8, 1), None, D(2024, 7, 22), D(2024, 7, 28), "week"),
        # "last Saturday" on a Thursday: last week's Saturday, the only one there can be
        ("last Saturday", D(2024, 8, 1), None, D(2024, 7, 27), D(2024, 7, 27), "day"),
        # "last Tuesday" on a Thursday: two days ago or nine, as readers differ
        ("last Tuesday", D(2024, 8, 1), None, D(2024, 7, 23), D(2024, 7, 30), "week"),
        ("in February", D(2024, 7, 31), None, D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("on December 3", D(2023, 12, 5), None, D(2023, 12, 3), D(2023, 12, 3), "day"),
        ("the morning of November 23", D(2023, 12, 5), None, D(2023, 11, 23), D(2023, 11, 23), "day"),
        # narrative anchors: counted from the date the story established, not from publication
        ("a day earlier", D(2023, 12, 5), D(2023, 11, 21), D(2023, 11, 20), D(2023, 11, 20), "day"),
        ("the next day", D(2023, 12, 5), D(2023, 11, 22), D(2023, 11, 23), D(2023, 11, 23), "day"),
        # a period's start counted from publication: the year or month so far
        ("the start of the year", D(2024, 8, 1), None, D(2024, 1, 1), D(2024, 8, 1), "year"),
        ("the beginning of this month", D(2024, 8, 20), None, D(2024, 8, 1), D(2024, 8, 20), "month"),
        # a month-day after the publication date belongs to the previous year
        ("Oct. 7", D(2024, 8, 1), None, D(2023, 10, 7), D(2023, 10, 7), "day"),
        ("in July", D(2024, 7, 31), None, D(2024, 7, 1), D(2024, 7, 31), "month"),
        ("March 3, 2024", None, None, D(2024, 3, 3), D(2024, 3, 3), "day"),
        # a weekday written beside its calendar date glosses it: the date, not the weekday's last occurrence
        ("Friday, Aug. 2, 2024", D(2024, 8, 14), None, D(2024, 8, 2), D(2024, 8, 2), "day"),
        ("on Tuesday 6 August", D(2024, 8, 14), None, D(2024, 8, 6), D(2024, 8, 6), "day"),
        # the weekend last begun: on a Tuesday the Saturday and Sunday before; said at a weekend, "last weekend"
        # is the one before it
        ("over the weekend", D(2024, 8, 6), None, D(2024, 8, 3), D(2024, 8, 4), "week"),
        ("last weekend", D(2024, 8, 4), None, D(2024, 7, 27), D(2024, 7, 28), "week"),
    ],
)
def test_resolve_time(text, published, anchor, earliest, latest, precision) -> None:
    got = resolve_time(text, published, anchor)
    assert got is not None
    assert (got.earliest, got.latest, got.precision) == (earliest, latest, precision)
    assert got.earliest <= got.date <= got.latest


def test_no_publication_date_gives_no_guess() -> None:
    got = resolve_time("December 3", None)
    assert got is not None and got.precision == "unknown" and got.date is None
    assert resolve_time("yesterday", None) is None


def test_vague_expressions_name_no_time() -> None:
    assert resolve_time("recent weeks", D(2023, 12, 5)) is None


def test_days_later_counts_from_the_time_the_story_last_told_at_its_precision() -> None:
    published = dt.date(2025, 3, 12)
    february = resolve_time("last month", published)
    assert february is not None and february.earliest == dt.date(2025, 2, 1)
    later = resolve_time("Days later", published, None, february)
    assert later is not None and (later.earliest, later.latest) == (dt.date(2025, 2, 1), dt.date(2025, 3, 7))
    after_a_day = resolve_time("a few days later", published, dt.date(2025, 3, 1))
    assert after_a_day is not None and (after_a_day.earliest, after_a_day.latest, after_a_day.precision) == (
        dt.date(2025, 3, 1), dt.date(2025, 3, 8), "week")
    before = resolve_time("weeks earlier", published, dt.date(2025, 3, 1))
    assert before is not None and before.latest == dt.date(2025, 3, 1) and before.earliest < dt.date(2025, 2, 1)


def test_a_later_event_in_a_story_dated_by_month_keeps_that_month() -> None:
    events, _ = run_text("Last month, gunmen ambushed a police patrol in Turbat and killed six officers. Days later, "
                         "a landmine blast killed four shepherds in the same area.", dt.date(2025, 3, 12))
    bombs = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert bombs and all(e.when.earliest == dt.date(2025, 2, 1) and e.when.latest == dt.date(2025, 3, 7) for e in bombs)


def test_today_in_a_quote_is_the_speakers_day_not_a_new_event() -> None:
    events, _ = run_text("A US airstrike killed an Islamic State commander in Anbar on Thursday, officials said. The "
                         "minister welcomed the news on television. “Today a wanted terrorist chief in Anbar was "
                         "killed.”", dt.date(2025, 3, 14))
    assert len(events) == 1 and events[0].when.date == dt.date(2025, 3, 13)


def test_a_time_told_of_the_clause_an_act_is_part_of_dates_it() -> None:
    """'violence that began on March 3 in the north, where soldiers clashed': March 3 is the setting of the
    clash, not the January of another clause."""
    events, _ = run_text("The governor was removed in January, but calm was broken by violence that began on March 3 "
                         "in the north, where soldiers clashed with tribal fighters.")
    assert [e.when.date for e in events] == [dt.date(2024, 3, 3)], [e.when for e in events]


def test_a_date_inside_a_point_of_reference_does_not_move_the_story() -> None:
    """'since the start of the war following the assault of Oct. 7': that date is background; a later
    clause with no time of its own still happened on the story's day."""
    events, _ = run_text("Syrian jets bombed a militia camp on Tuesday, killing four men. Among the dead was a fighter "
                         "of a faction that has raided army posts since the start of the war following the rebel "
                         "assault on Aleppo on Oct. 7. A fifth man was wounded in the bombing.", dt.date(2024, 5, 9))
    bombing = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert bombing.when.date == dt.date(2024, 5, 7)
    assert 2 in {x.sentence for x in bombing.evidence}, [(e.when, e.sub_event_type) for e in events]


def test_weekends_as_a_habit_name_no_time() -> None:
    assert resolve_time("on weekend evenings", D(2024, 8, 6)) is None


@pytest.mark.parametrize(("text", "published", "earliest", "latest"), [
    # "overnight", which the model tags as no time: the night before publication
    ("Drones hit a fuel depot near Kherson overnight, officials said.", D(2025, 6, 10), D(2025, 6, 9), D(2025, 6, 10)),
    # counted from the day the statement names, not from publication two days later
    ("Drones hit a fuel depot near Kherson overnight, the governor said on Sunday.", D(2025, 6, 10),
     D(2025, 6, 7), D(2025, 6, 8)),
    # a day of the week likewise (the same day counted from either)
    ("Gunmen shot dead a trader in Kano on Friday, police said on Sunday.", D(2025, 6, 10), D(2025, 6, 6), D(2025, 6, 6)),
])
def test_a_sentences_words_of_time_count_from_the_day_its_statement_names(
        text: str, published: dt.date, earliest: dt.date, latest: dt.date) -> None:
    events, _ = run_text(text, published)
    assert [(e.when.earliest, e.when.latest, e.when.precision) for e in events] == [(earliest, latest, "day")]


def test_the_day_of_an_act_told_before_its_source_is_the_acts_day() -> None:
    """"strikes killed 27 in X on Saturday, officials said": the parser may hang the clause on the strikes;
    Saturday is still the day of the killing, not of the saying."""
    events, _ = run_text("Artillery shells killed at least 14 people across Kharkiv on Saturday, officials said.",
                         dt.date(2025, 5, 11))
    assert [(e.when.date, e.when.precision) for e in events] == [(dt.date(2025, 5, 10), "day")]


def test_a_day_earlier_counts_from_the_act_told_not_from_when_it_was_told() -> None:
    events, _ = run_text("Gunmen ambushed a police patrol near Gao on Wednesday, killing four officers, officials said on "
                         "Thursday. A day earlier, a roadside bomb wounded two soldiers near Ansongo.", dt.date(2025, 5, 9))
    assert sorted((e.sub_event_type, e.when.date) for e in events) == [
        ("Armed clash", dt.date(2025, 5, 7)), ("Remote explosive/landmine/IED", dt.date(2025, 5, 6))]


def test_a_datelines_date_is_the_day_filed_not_the_acts() -> None:
    """'MOGADISHU, March 6 (Wire) — ... attacked ... on Sunday': the act was on Sunday."""
    events, _ = run_text("MOGADISHU, March 6 (East Africa Wire) — Al-Shabaab fighters attacked an army base near "
                         "Kismayo on Sunday, killing four soldiers, officials said.")
    assert [e.when.date for e in events] == [dt.date(2024, 3, 3)]
    events, _ = run_text("Quito, Oct 9 (EFE).- At least four soldiers were killed over the weekend in an ambush near "
                         "the northern border, the army said Wednesday.", dt.date(2024, 10, 9))  # Spanish agencies' style
    assert [(e.when.earliest, e.when.latest) for e in events] == [(dt.date(2024, 10, 5), dt.date(2024, 10, 6))]


def test_the_year_of_what_a_crowd_commemorates_does_not_date_the_act() -> None:
    """'on Tuesday as crowds marked the first anniversary of the 2023 protests': Tuesday, not 2023 (a year
    is what an anniversary refers to, and names no day)."""
    events, _ = run_text("Police shot dead two demonstrators in Kisumu on Tuesday as crowds marked the first "
                         "anniversary of the 2023 protests against tax rises.")
    assert [(e.when.date, e.when.precision) for e in events] == [(dt.date(2024, 3, 5), "day")]


def test_a_when_clause_is_dated_by_the_time_it_hangs_on() -> None:
    """'protests almost every summer since 2019, when rioters burned the council': the burning was in 2019
    (background, coded by no one), not in the week of publication."""
    events, _ = run_text("The south has seen protests over water shortages almost every summer since 2019, when "
                         "rioters in Basra burned the provincial council building.")
    assert [e.when.date for e in events if e.when.date is not None and e.when.date.year == 2024] == []


def test_an_age_is_no_time() -> None:
    """'a 15-year-old', 'aged 12': a victim's age, which the model tags as a date; not the bounds of a period
    that would make the act a tally."""
    from test_extract import run_text

    events, claims = run_text("On 3 May 2025, gunmen killed six villagers, including a 15-year-old boy, in Kaya, "
                              "Burkina Faso.", published=dt.date(2025, 5, 9))
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2025, 5, 3), 6)] and claims == []


@pytest.mark.parametrize(("text", "published", "date"), [
    ("on 03.02.2025", dt.date(2025, 2, 10), dt.date(2025, 2, 3)),  # day first, as press notes write it
    ("on 01.07.2025", dt.date(2025, 3, 1), dt.date(2025, 1, 7)),  # only month first is not after publication
    ("on 02/14/2025", dt.date(2025, 2, 20), dt.date(2025, 2, 14)),  # only month first is a date
    ("on 04.03.2025", dt.date(2025, 3, 20), dt.date(2025, 3, 4)),
    ("on 04.03.2025", dt.date(2025, 3, 2), dt.date(2025, 3, 4)),  # neither reading is past: day first
])
def test_a_date_in_figures_is_read_day_first_unless_only_the_other_reading_is_a_past_date(
        text: str, published: dt.date, date: dt.date) -> None:
    found = resolve_time(text, published)
    assert found is not None and (found.date, found.precision) == (date, "day")


def test_a_press_notes_date_in_figures_dates_its_act() -> None:
    events, _ = run_text("On 11.03.2025 at about 0630 hours, a patrol of the district police was ambushed by armed "
                         "cadres near Kutru village in Bijapur district, Chhattisgarh. Two constables were killed.",
                         dt.date(2025, 3, 13))
    assert [e.when.date for e in events] == [dt.date(2025, 3, 11)]


def test_a_time_inside_what_was_said_before_its_speaker_dates_the_act() -> None:
    """'... struck the station at about 5:30 am on Wednesday, damaging it, the police said': the parser hangs
    the time on "said", but it tells when the drones struck."""
    events, _ = run_text("Two drones struck the roof of the police station in Suarez, in northern Cauca, at about 5:30 am "
                         "on Wednesday, damaging the building but causing no injuries, the Cauca police command said.",
                         dt.date(2026, 3, 12))
    assert [(e.when.earliest.isoformat(), e.when.precision) for e in events if e.when.earliest] == [("2026-03-11", "day")]


def test_an_act_reported_on_a_day_happened_that_day() -> None:
    """'On 28 May, clashes were reported near X': the passive's subject is the act; no one spoke that day."""
    events, _ = run_text("On 12 March, heavy clashes were reported between soldiers and rebels near Bunia, in the "
                         "Democratic Republic of Congo.", dt.date(2025, 3, 14))
    assert [(e.when.date, e.when.precision) for e in events] == [(dt.date(2025, 3, 12), "day")]


def test_overnight_with_a_named_day_is_that_night_not_the_last_one() -> None:
    """'overnight Saturday' or 'overnight into Sunday' in a Thursday paper: Saturday into Sunday; 'overnight'
    alone is the night before publication."""
    thursday = dt.date(2025, 5, 29)
    saturday_night = (dt.date(2025, 5, 24), dt.date(2025, 5, 25))
    for text in ("overnight Saturday", "overnight into Sunday"):
        t = resolve_time(text, thursday)
        assert t is not None and (t.earliest, t.latest) == saturday_night, text
    t = resolve_time("overnight", thursday)
    assert t is not None and (t.earliest, t.latest) == (dt.date(2025, 5, 28), thursday)


def test_the_day_of_something_yet_to_come_does_not_move_the_story() -> None:
    """'They are to be charged on Friday': the story is still on Wednesday when it goes on 'the same day'."""
    events, _ = run_text("On Wednesday, police arrested three men in Garissa, Kenya. They are to be charged on Friday. "
                         "The same day, gunmen attacked a police post in Dadaab, killing two officers.")
    assert sorted(e.when.date.isoformat() for e in events if e.when.date) == ["2024-03-06", "2024-03-06"]


def test_a_time_inside_the_clause_an_act_came_before_dates_that_act() -> None:
    """'agreed to a truce late on Wednesday after clashes that began on Monday night': the clashes were on
    Monday; Wednesday only bounds them."""
    events, _ = run_text("Rival militias in Zawiya, Libya, agreed to a truce late on Wednesday after clashes that began "
                         "on Monday night killed four people.")
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2024, 3, 4), 4)]


@pytest.mark.parametrize("part", ["morning", "night", "evening"])
def test_a_part_of_a_day_told_with_its_date_is_that_date(part: str) -> None:
    """'On the morning of 11 June': the date after "of" dates the act, not a morning somewhere in the week."""
    events, _ = run_text(f"Mortar rounds fell near a water point in the camp on the {part} of 11 June, killing three "
                         "people.", dt.date(2025, 6, 12))
    assert [(e.when.earliest, e.when.precision) for e in events] == [(dt.date(2025, 6, 11), "day")]


def test_an_act_the_story_dates_another_from_is_an_event_that_many_days_before() -> None:
    """'The bombing came three days after gunmen shot dead two elders': the shooting is an act of its own, three
    days before the bombing, not a part of it."""
    events, _ = run_text("A car bomb killed nine people at a market in Baidoa on Saturday. The bombing came three days "
                         "after gunmen shot dead two clan elders outside a mosque in the town.", dt.date(2026, 5, 18))
    assert sorted((e.when.date.isoformat(), e.fatalities) for e in events) == [("2026-05-13", 2), ("2026-05-16", 9)]


def test_a_time_of_the_toll_in_an_acts_sentence_does_not_move_the_story_off_its_day() -> None:
    """"Shells hit the bus station on Saturday, killing nine, said a nurse, who added that two of the injured had
    died overnight": overnight dates the deaths, not what the story tells next; the wounded counted in the next
    sentence are the shelling's."""
    events, _ = run_text("Shells hit the bus station in Kadugli, Sudan, on Saturday, killing nine people, according to a nurse "
                         "who said two of the injured had died overnight. Dozens more were hurt.", dt.date(2026, 4, 8))
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2026, 4, 4), 9)]


def test_a_statement_told_of_the_acts_object_does_not_date_the_act() -> None:
    """"Also on Thursday, police arrested a presenter from a station which had reported on Tuesday that ...": Thursday
    counts from publication, not from the day the station spoke."""
    events, _ = run_text("Also on Thursday, police in Bamako arrested a presenter from the radio station Kledu FM, "
                         "which had reported on Tuesday that the army had lost a base, his lawyer said.", dt.date(2026, 4, 10))
    assert [(e.sub_event_type, e.when.date) for e in events] == [("Arrests", dt.date(2026, 4, 9))]


def test_an_act_with_a_day_of_its_own_is_not_counted_from_the_act_it_came_after() -> None:
    """"Troops retook the town on 9 May, three days after clashes on its edge": 9 May, not three days after
    whatever day the story was at."""
    events, _ = run_text("Soldiers fought militants near Belet Weyne on Friday. Government forces retook the village of "
                         "Buqda on 9 May, three days after heavy clashes on its outskirts.", dt.date(2026, 5, 12))
    assert (dt.date(2026, 5, 9)) in {e.when.date for e in events}


def test_an_act_that_went_on_into_another_day_is_one_event() -> None:
    """"Fighting continued into Friday": the battle told on Thursday went on, no second battle on Friday."""
    events, _ = run_text("Rebels of the Arakan Army attacked army positions near Sittwe, Myanmar, on Thursday. Fighting "
                         "continued into Friday, residents said.", dt.date(2026, 9, 21))
    assert [(e.sub_event_type, e.when.earliest) for e in events] == [("Armed clash", dt.date(2026, 9, 17))]
