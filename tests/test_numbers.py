import pytest

from sitrep.data import limits
from sitrep.extract.casualties import casualties
from sitrep.resolve.numbers import parse_count, plausible


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("at least four", 4),
        ("all five", 5),
        ("one", 1),
        ("18", 18),
        ("More than 90", 90),
        ("around 1,200", 1200),
        ("twenty-one", 21),
        ("several", 3),
        ("dozens", 12),
        ("hundreds", 100),
        ("no casualties", 0),
        ("Five people", 5),
        ("his three bodyguards", 3),  # a part of victims counted in parts: "a commander and his three bodyguards"
        ("", None),
        ("the group", None),
    ],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


def test_absurd_tolls_are_refused_by_the_limit_in_the_data() -> None:
    limit = limits()["largest_event_toll"]
    assert parse_count("10,000,000") == 10_000_000  # the words say it; believing it is another matter
    assert plausible(parse_count("10,000,000"), "largest_event_toll") is None
    assert plausible(limit, "largest_event_toll") == limit
    assert plausible(limit + 1, "largest_event_toll") is None
    assert plausible(None, "largest_event_toll") is None


@pytest.mark.parametrize(
    ("text", "fatal", "hurt"),
    [
        ("In March 2019, 40 people were killed in the raid", "40", None),  # the year before is no count
        ("It was one of the deadliest attacks on the town", None, None),  # "deadliest" is no death
        ("one of the guards was killed and 1,300 were wounded", "one", "1,300"),
        ("two casualties were reported", None, "two"),
        ("three soldiers died and five were wounded", "three", "five"),  # the wounded are not the dead's count
        ("the death toll from Friday's blast has climbed to 27", "27", None),
        ("14:30 Three dead after shelling of market", "Three", None),  # a live blog's clock time is no count
        ("two policemen were martyred and four wounded", "two", "four"),  # South Asian press for soldiers killed
        ("the blackouts have left many families without water", None, None),  # "left" counts the dead only
        ("the blast left at least five people dead", "at least five", None),
    ],
)
def test_casualty_phrases(text: str, fatal: str | None, hurt: str | None) -> None:
    killed, wounded, _ = casualties(text)
    assert (killed and killed.group("n"), wounded and wounded.group("n")) == (fatal, hurt)


@pytest.mark.parametrize(("text", "fatalities", "injuries"), [
    ("A police officer was killed when gunmen opened fire on a checkpoint in Peshawar on Tuesday.", 1, None),
    ("An airstrike killed the group's deputy commander near Deir ez-Zor on Monday.", 1, None),
    ("The rebel commander Joseph Kabila Nzeza was shot dead by soldiers near Beni on Friday.", 1, None),
    ("Gunmen wounded a teacher in an attack on a school in Maiduguri on Monday.", None, 1),
    # victims counted in parts are added up
    ("A soldier and three civilians were killed when a mine exploded near Gao on Sunday.", 4, None),
    ("The blast killed at least two policemen and a child near a market in Kandahar on Monday.", 3, None),
    ("Three soldiers, two policemen and a civilian were wounded in an attack in Bannu on Friday.", None, 6),
    # "shot dead" with "dead" parsed as the victims' adjective
    ("Militants shot dead two soldiers in Kaduna on Tuesday.", 2, None),
    # victims listed after the first by apposition, one part a number "of" people
    ("An airstrike killed a militia commander, his brother and two of his sons in Hasakah on Monday.", 4, None),
    ("A mine killed a schoolgirl near Mopti on Thursday.", 1, None),
    ("A trader was stabbed to death by a crowd in Kisumu on Friday.", 1, None),
    # a lynching kills
    ("A crowd lynched three suspected cattle thieves in Bunia on Friday.", 3, None),
    # a count of the dead is not read as one of the wounded
    ("Shelling hit a market in Kadugli on Monday, leaving 14 people dead and 30 wounded.", 14, 30),
    # victims of a verb the act's noun hangs on: "died in the attack"
    ("Rebels raided a village near Kalehe on Monday. Nine farmers and two guards died in the raid.", 11, None),
])
def test_one_person_killed_or_hurt_counts_one(text: str, fatalities: int | None, injuries: int | None) -> None:
    from test_extract import run_text

    events, _ = run_text(text)
    assert [(e.fatalities, e.injuries) for e in events] == [(fatalities, injuries)]


def test_a_victim_shot_dead_is_named_without_the_dead() -> None:
    from test_extract import run_text

    (event,), _ = run_text("Gunmen shot dead Yusuf Garba, a trader, near Gusau on Saturday, residents said.")
    assert event.actor2 is not None and event.actor2.name == "Civilians"  # a named victim of no group
    assert [e.quote for e in event.evidence if e.field == "actor2"] == ["Yusuf Garba"]
    assert event.fatalities == 1


def test_hiring_someone_to_kill_is_no_killing() -> None:
    from test_extract import run_text

    events, _ = run_text("Investigators say two men paid a hitman to kill an exiled journalist living in Berlin.")
    assert events == []
