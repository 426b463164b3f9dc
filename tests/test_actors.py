import datetime as dt

import pytest
from test_extract import run_text

from sitrep.resolve.actors import defined_acronyms, resolve_actor


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("American forces", "Military Forces of the United States"),
        ("US Central Command (CENTCOM)", "Military Forces of the United States"),
        ("CJTF-OIR", "Military Forces of the United States"),
        ("The Hashed al-Shaabi", "Popular Mobilization Forces"),
        ("Hashd ash-Shabi", "Popular Mobilization Forces"),
        ("PMF", "Popular Mobilization Forces"),
        ("the Houthis", "Ansar Allah"),
        ("Government aircraft", "Military Forces"),  # a state's forces named without their state
        ("the air force", "Military Forces"),
        ("the Chadian air force", "Military Forces of Chad"),  # a demonym before a generic force: that state's
        ("two Togolese soldiers", "Military Forces of Togo"),  # as ACLED names it, dictionary entry or not
        ("an M23 rebel commander", "M23"),  # a named group's alias wins over a longer description ("rebel commander")
        ("the rebel", "Unidentified Armed Group"),
        ("YBS fighters", "Sinjar Resistance Units"),  # entries of the third batch of the dictionary (2026-12-06)
        ("the Los Lobos gang", "Los Lobos"),
        ("Twirwaneho militiamen", "Twirwaneho"),
    ],
)
def test_aliases_map_to_one_canonical_actor(text: str, name: str) -> None:
    actor = resolve_actor(text)
    assert actor is not None and actor.known and actor.name == name


def test_us_is_case_sensitive() -> None:
    actor = resolve_actor("told us")
    assert actor is not None and not actor.known


def test_unknown_actor_is_kept_verbatim() -> None:
    actor = resolve_actor("the Brigade of the Northern Hills")
    assert actor is not None and not actor.known and actor.name == "Brigade of the Northern Hills"


def test_external_state_force_has_inter_code() -> None:
    actor = resolve_actor("US forces")
    assert actor is not None and actor.inter == 8


def test_lookup_says_how_a_name_resolves_and_why() -> None:
    import json

    from typer.testing import CliRunner

    from sitrep.cli import app

    for name, actor, why in [
        ("Hashed al-Shaabi", "Popular Mobilization Forces", "alias 'hashed al shaabi' in actors.yaml"),
        ("Ivorian", "Military Forces of Ivory Coast", "a demonym of Ivory Coast (demonyms.csv): its military, named "
                                                      "by_country"),
        ("at least five people", "Civilians", "people with no affiliation: civilians, as ACLED codes them"),
        ("they", None, "a pronoun or a word for speakers, not an actor"),
        ("the Zorblat Brotherhood", "Zorblat Brotherhood", "not in the dictionary: kept as written"),
    ]:
        result = CliRunner().invoke(app, ["actors", "lookup", name])
        shown = json.loads(result.stdout)
        assert result.exit_code == 0 and shown["why"] == why, name
        assert (shown["actor"] or {}).get("name") == actor, name
    shown = json.loads(CliRunner().invoke(app, ["actors", "lookup", "khawarij"]).stdout)
    assert shown["names_in"]["Somalia"] == "Al Shabaab"  # what the word names where the event is


def test_names_matched_word_by_word_are_split_by_the_tokenizer_the_same_way() -> None:
    """The entity ruler's token patterns (names of letters and spaces, added without tokenizing them) match
    exactly what phrase patterns of the same names would: the tokenizer splits each name at its spaces."""
    from sitrep.data import country_names
    from sitrep.nlp.patterns import actor_patterns, place_patterns
    from sitrep.nlp.pipeline import build_pipeline

    places, names = place_patterns()
    patterns = places + actor_patterns(skip=names | country_names())
    words = [[t["LOWER"] for t in p["pattern"]] for p in patterns if isinstance(p["pattern"], list)
             and "LOWER" in p["pattern"][0]]
    assert len(words) > 1000
    tokenizer = build_pipeline().tokenizer
    split = {tuple(t.lower_ for t in doc) for doc in tokenizer.pipe(" ".join(w) for w in words)}
    assert split == {tuple(w) for w in words}


def test_where_a_march_goes_is_no_actor() -> None:
    """'marched towards the Governor's Lodge': a destination, not a side; the marchers and the police who met
    them are the actors."""
    events, _ = run_text("On Tuesday hundreds of women marched towards the Raj Niwas in Puducherry to demand the "
                         "release of detained activists. Police fired tear gas to stop them.")
    assert [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Protesters (India)", "Police Forces of India")]


def test_a_country_whose_name_is_its_own_demonym_names_its_forces() -> None:
    """"Myanmar troops", "Myanmar" as the one who struck: the name is both the country and its adjective."""
    actor = resolve_actor("Myanmar")
    assert actor is not None and actor.name.startswith("Military Forces of Myanmar")


def test_a_known_alias_that_ends_a_longer_name_is_another_group() -> None:
    """"Caprivi National Liberation Army" is not Colombia's National Liberation Army; "Iraqi Popular
    Mobilization Forces" (a country's adjective first) is still the PMF."""
    assert resolve_actor("the Caprivi National Liberation Army") is None
    iraqi = resolve_actor("Iraqi Popular Mobilization Forces")
    assert iraqi is not None and iraqi.name == "Popular Mobilization Forces"


def test_those_a_headline_says_were_killed_are_the_target() -> None:
    """'Chad: seven soldiers killed as ...' writes the passive without its auxiliary: the soldiers are actor2."""
    events, _ = run_text("Seven soldiers killed in ambush on Lake Chad")
    assert [(e.actor1, e.actor2 and e.actor2.name) for e in events] == [(None, "Military Forces")]


def test_a_policeman_named_by_his_rank_is_the_police() -> None:
    actor = resolve_actor("patrolman Andres Felipe Mosquera")
    assert actor is not None and actor.name == "Police Forces"


def test_civilians_who_march_are_the_protesters_not_their_targets() -> None:
    """'In the capital, several thousand teachers marched': the teachers are the protesters; no one was marched
    against. The sentence opening on "In the capital" places the march in the capital."""
    events, _ = run_text("Teachers protested across Bangladesh on Monday. In the capital, several thousand teachers "
                         "marched towards the Secretariat shortly after noon.", dt.date(2026, 3, 3))
    assert ("Protesters (Bangladesh)", None, "Dhaka") in {
        (e.actor1 and e.actor1.name, e.actor2 and e.actor2.name, e.place and e.place.name) for e in events}


def test_a_country_name_opening_a_party_name_is_not_its_military() -> None:
    """"Zambia" alone names Zambia's forces, but a longer capitalised name opening on it is another body's (a
    party, a union, an alliance); one ending in a force's word is still the force."""
    party = resolve_actor("the Pakistan Muslim Solidarity Front")
    assert party is not None and not party.known
    army = resolve_actor("Pakistan Army")
    assert army is not None and army.name == "Military Forces of Pakistan"


def test_an_acronym_the_story_spells_out_names_the_same_actor() -> None:
    """"the Somali National Army (SNA)" ... "the SNA": the dictionary does not know "SNA" (the Syrian National
    Army uses it too), the story says what it stands for there."""
    assert defined_acronyms("Troops of the Somali National Army (SNA) moved north.") == {
        "SNA": resolve_actor("Somali National Army")}
    assert defined_acronyms("BAIDOA, Somalia (AP) - Fighting resumed.") == {}
    events, _ = run_text("Soldiers of the Somali National Army (SNA) and local militia pushed into Bulo Fulay on "
                         "Sunday. On Monday the SNA ambushed al-Shabaab fighters outside Baidoa, killing six.",
                         dt.date(2026, 2, 10))
    assert ("Military Forces of Somalia", "Al Shabaab") in {
        (e.actor1 and e.actor1.name, e.actor2 and e.actor2.name) for e in events}
