"""Tallies written for the test: quantity, bound, period, where and target."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import extract
from sitrep.models import Article
from sitrep.nlp import process
from sitrep.resolve import resolve

PUB = dt.date(2024, 3, 20)
D = dt.date


def resolved(text: str):
    return resolve(extract(next(process([Article("c", "", text, PUB, "cli", None, None, "c.txt", "h")]))))


def claims(text: str):
    return resolved(text).claims


@pytest.mark.parametrize(
    ("text", "quantity", "bound", "date_from", "date_to", "where"),
    [
        ("Officials have counted more than 150 attacks on US forces in Iraq and Syria since October 17.",
         150, "at_least", D(2023, 10, 17), PUB, {"Iraq", "Syria"}),
        ("From March 2 to 9, there were five separate attacks on the convoy route in Syria.",
         5, "exact", D(2024, 3, 2), D(2024, 3, 9), {"Syria"}),
        ("No attacks were recorded in Yemen from March 10 to March 14.",
         0, "exact", D(2024, 3, 10), D(2024, 3, 14), {"Yemen"}),
        ("Militants have targeted the base about 20 times since February 1, officials said.",
         20, "approx", D(2024, 2, 1), PUB, set()),
        ("Since March 2022, gunmen have carried out about 40 attacks on border posts in Chad.",
         40, "approx", D(2022, 3, 1), PUB, {"Chad"}),
        ("Gangs carried out 30 attacks across the state between Friday and Sunday, police said.",
         30, "exact", D(2024, 3, 15), D(2024, 3, 17), set()),
        ("The army carried out more than 60 raids in February alone, a spokesman said.",
         60, "at_least", D(2024, 2, 1), D(2024, 2, 29), set()),
        # crowds counted over a period, and what a side did to many over one
        ("Observers say more than 300 demonstrations have been held across Kenya since January 1.",
         300, "at_least", D(2024, 1, 1), PUB, {"Kenya"}),
        ("Since February 1, troops have eliminated more than 250 insurgents in Borno, Nigeria, the army said.",
         250, "at_least", D(2024, 2, 1), PUB, {"Nigeria"}),
        # the count on the first of two nouns joined ("air and drone strikes"); a toll between two months
        ("Monitors said they had recorded more than 120 Israeli air and artillery strikes in the district since "
         "January 1.", 120, "at_least", D(2024, 1, 1), PUB, set()),
        ("At least 800 people were killed in political violence in Niger between January and February, the monitor said.",
         800, "at_least", D(2024, 1, 1), D(2024, 2, 29), {"Niger"}),
    ],
)
def test_tally(text, quantity, bound, date_from, date_to, where) -> None:
    (c,) = claims(text)
    assert (c.quantity, c.bound, c.date_from, c.date_to) == (quantity, bound, date_from, date_to)
    assert set(c.where) == where


def test_what_a_side_attacked_over_a_period_is_a_tally() -> None:
    """"have attacked at least 40 villages since November": a count over time, no event (unlike "attacked two
    villages on Monday")."""
    (c,) = claims("Militias have attacked at least 40 villages in Ituri province since November 2023.")
    assert (c.quantity, c.bound, c.date_from, c.date_to) == (40, "at_least", D(2023, 11, 1), PUB)
    assert c.what == "villages attacked"  # what a reader of the tally table sees, without the count again
    assert [x.what for x in claims("Troops have killed more than 90 armed bandits since January.")] == ["armed bandits killed"]
    assert claims("Militiamen attacked two villages in Ituri province on Monday, killing nine people.") == []


def test_consecutive_tallies_share_a_period() -> None:
    found = claims("Militias have attacked US troops at least 70 times since October 17. "
                   "There have been 30 attacks in Iraq and another 40 in Syria.")
    assert [(c.quantity, c.date_from, tuple(c.where)) for c in found] == [
        (70, D(2023, 10, 17), ()), (30, D(2023, 10, 17), ("Iraq",)), (40, D(2023, 10, 17), ("Syria",))]


def test_a_tally_that_points_back_counts_over_the_period_of_the_one_before() -> None:
    """"These raids", "45 of the cases": the acts counted before, and so their period and place."""
    found = claims("Since January, gunmen have carried out 40 attacks on villages in Mali. These raids have left "
                   "at least 25 deaths.")
    assert [(c.quantity, c.date_from, tuple(c.where)) for c in found] == [
        (40, D(2024, 1, 1), ("Mali",)), (25, D(2024, 1, 1), ("Mali",))]
    part = claims("Police recorded 300 kidnappings last year. In 45 of the cases, the victims were children.")
    assert [(c.quantity, c.date_from, c.date_to) for c in part] == [
        (300, D(2023, 1, 1), D(2023, 12, 31)), (45, D(2023, 1, 1), D(2023, 12, 31))]


def test_a_past_act_reported_in_the_perfect_infinitive_is_no_toll_to_date() -> None:
    """'reported to have killed 12 last week': one act, reported; not a count over a period."""
    assert claims("Last week, troops were reported to have killed 12 militants near Gao after their convoy was "
                  "ambushed.") == []
    (c,) = claims("Troops have killed 40 militants across the region in the past week, the army said.")
    assert c.quantity == 40


@pytest.mark.parametrize("text", [
    "Attackers have killed five people at a market in Maiduguri, police say.",  # one site, with "a"
    "Three policemen have been killed in an ambush in Zamfara, the police said.",  # one act, with "an"
    # the period belongs to a relative clause of the war, not to the killing
    "Six fighters were killed on Sunday in clashes between two armed groups near Beni, in a war that has gripped "
    "the province for a decade.",
])
def test_a_toll_of_one_act_is_no_toll_to_date(text: str) -> None:
    found = resolved(text)
    assert found.claims == []
    assert [m.fatalities for m in found.mentions if m.fatalities is not None]


def test_target_is_resolved() -> None:
    (c,) = claims("There were at least 12 attacks on US troops in Iraq last month.")
    assert c.target == "Military Forces of the United States"


def test_a_single_attack_is_not_a_tally() -> None:
    assert claims("One attack on the base was recorded on Monday.") == []


def test_a_toll_to_date_is_a_claim() -> None:
    (c,) = claims("More than 3,000 people have been killed in Sudan since April 15, the ministry said.")
    assert (c.quantity, c.bound, c.counted, c.date_from, c.where) == (3000, "at_least", "kill", D(2023, 4, 15), ["Sudan"])


def test_the_second_count_of_a_toll_to_date_is_a_claim_too() -> None:
    """'have been killed and 300 others wounded ... during the four months of the truce': two tallies."""
    found = claims("At least 120 people have been killed and 300 others wounded in government air raids during the "
                   "four months of the truce, officials said.")
    assert sorted((c.quantity, c.bound) for c in found) == [(120, "at_least"), (300, "exact")]


def test_the_toll_of_one_event_is_no_claim() -> None:
    assert claims("Two soldiers were killed and five others wounded in the blast in Kabul on Monday.") == []


@pytest.mark.parametrize(("text", "dead"), [
    # the year frames a superlative: the six killed are the attack's toll, and the attack stays an event
    ("Gunmen killed six traders at a market in Kano on Monday, police said, in one of the deadliest attacks in the "
     "city this year.", 6),
    # the same, however the parser hangs "since" on the verbs
    ("A bomber drove a car into a police post near Bannu on Sunday, killing four officers, the police said, in the "
     "worst attack on the force in the district since the start of the year.", 4),
    # a period that describes a thing is not the time over which the dead were counted
    ("Gunmen killed five villagers near Mopti in Mali on Sunday, an attack that prompted a months-long curfew in the "
     "area.", 5),
])
def test_a_period_the_dead_were_not_counted_over_makes_no_tally(text: str, dead: int) -> None:
    found = resolved(text)
    assert found.claims == []
    assert [m.fatalities for m in found.mentions if m.fatalities] == [dead]


def test_a_tally_that_names_no_place_counts_in_the_country_the_story_is_about() -> None:
    found = claims("Gunmen killed four farmers near Maiduguri in Nigeria on Sunday. "
                   "Insurgents have carried out more than 200 attacks this year, the army said.")
    assert [(c.quantity, c.where) for c in found] == [(200, ["Nigeria"])]
    found = claims("Drones struck depots in Iraq and Syria on Sunday. "
                   "Insurgents have carried out more than 200 attacks this year, the army said.")
    assert [(c.quantity, c.where) for c in found] == [(200, [])]  # two countries: neither


def test_a_toll_over_the_last_months_is_a_tally_not_an_event() -> None:
    """'In the last 12 months, 900 militants have been killed': the period is no day of a month ("last 12"
    is not "March 12"), so the count is a tally over it and no event's toll."""
    found = resolved("In the last 12 months, 900 militants have been killed in the region, the army said.")
    (c,) = found.claims
    assert c.quantity == 900 and c.date_from is not None and c.date_from.year == 2023
    assert [m.fatalities for m in found.mentions] == []


def test_people_who_are_displaced_are_a_tally() -> None:
    """'remain displaced', 'displaced people', 'families displaced from X': counts of the displaced, whatever the
    verb; the bound is read before the number's first word ('more than two million')."""
    found = claims("Nearly 900,000 people remain displaced across Tigray, the agency said. More than two million "
                   "families displaced from the east now shelter in camps. About 4,000 displaced villagers have reached "
                   "Diffa since Monday.")
    assert [(c.quantity, c.bound, c.counted) for c in found] == [
        (900000, "approx", "displace"), (2000000, "at_least", "displace"), (4000, "approx", "displace")]


def test_a_tally_told_again_is_one_tally() -> None:
    """A subheading and the text below it give the same count: one tally."""
    found = claims("Fighting in Ituri: 1,200 people have been displaced, aid groups say\n\nAid groups say some 1,200 "
                   "people have been displaced by the fighting in Ituri.")
    assert [c.quantity for c in found] == [1200]


def test_a_toll_tally_says_who_and_spans_the_years_it_names() -> None:
    """The tally table reads "people killed", "residents fled" (not the day a statement was made, nor where they
    fled); a period between two months of different years runs from the first to the end of the second."""
    (c,) = claims("At least 1,500 people were killed in attacks in Ituri province, Congo, between January 2022 and "
                  "December 2023, the UN said on Tuesday.")
    assert (c.what, c.date_from, c.date_to) == ("people killed", D(2022, 1, 1), D(2023, 12, 31))
    (c,) = claims("More than 2,000 residents have fled the area on foot since January, officials said.")
    assert c.what == "residents fled"
