"""Actors named as ACLED names them, from sentences written for these tests (see test_extract.run_text):
unnamed state forces by their state, descriptions by the name the story gave before, and only people
and organisations in the actor slots."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract import run_text


def names(text: str) -> list[tuple[str | None, str | None]]:
    events, _ = run_text(text)
    return [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events]


def test_police_are_the_police_forces_of_the_country_and_the_crowd_comes_first() -> None:
    assert names("Police in Bamako fired tear gas at hundreds of traders protesting against new taxes on "
                 "Tuesday.") == [("Protesters (Mali)", "Police Forces of Mali")]


def test_a_wire_dateline_is_not_the_subject() -> None:
    assert names("NAIROBI, Kenya: Police in Nairobi opened fire on protesters on Monday, killing two of them.") == [
        ("Police Forces of Kenya", "Protesters (Kenya)")]


def test_soldiers_are_the_forces_the_story_named_before() -> None:
    assert names("Ukrainian troops pushed into the village of Robotyne on Monday. On Tuesday the soldiers "
                 "shelled Russian positions near the village, killing four.") == [
        ("Military Forces of Ukraine", "Military Forces of Russia")]  # whose positions were shelled: the target


@pytest.mark.parametrize(("text", "doers"), [
    ("Al-Shabaab fighters seized the town of Adan Yabaal in Somalia on Monday. On Wednesday the militants ambushed a "
     "convoy near the town, killing six soldiers.", ["Al Shabaab", "Al Shabaab"]),
    # gunmen the story calls unidentified are not the group it named before
    ("Al Shabaab fighters attacked an army base near Jowhar in Somalia on Monday, killing three soldiers. On "
     "Wednesday, unidentified gunmen shot dead a trader in Jowhar.", ["Al Shabaab", "Unidentified Armed Group (Somalia)"]),
    # a community's armed men are not the rebels the story named before
    ("SPLA-IO fighters attacked an army barracks in Nasir, South Sudan, on Monday, killing six soldiers. On Tuesday, "
     "armed youth raided a cattle camp near Bor, killing two herders.",
     ["Sudan People's Liberation Movement/Army-In Opposition", "Unidentified Communal Militia (South Sudan)"]),
])
def test_militants_are_the_group_the_story_named_before(text: str, doers: list[str]) -> None:
    assert [a1 for a1, _ in names(text)] == doers


def test_a_group_at_home_elsewhere_is_not_who_the_militants_are() -> None:
    """Hamas, named in an Iraq story's background, did not fire the rockets the 'militants' fired in Iraq."""
    found = names("The Israel-Hamas war has inflamed the region, and Hamas fighters attacked Israeli positions "
                  "in Gaza on Sunday. In Iraq, militants fired rockets at a base near Erbil on Monday.")
    assert ("Unidentified Armed Group (Iraq)", None) in found


def test_a_name_the_parser_split_stays_whole() -> None:
    assert names("In May, al-Shabab fighters attacked a police station in Kismayo, killing three officers.")[0][0] \
        == "Al Shabaab"


def test_places_and_sites_are_never_actors() -> None:
    for text in ("Gunmen attacked the Nigerian town of Gusau on Friday, killing nine people.",
                 "Fighters stormed the main hospital in El Fasher on Saturday and looted it.",
                 "Gunmen attacked Goma on Friday, killing nine people.",
                 "Rebels attacked Kibumba in North Kivu province on Sunday, killing five people."):  # not in the gazetteer
        for pair in names(text):
            assert not {"Gusau", "Goma", "Kibumba", "the main hospital", "main hospital"} & set(pair), (text, pair)


def test_a_group_that_claims_an_attack_is_who_the_militants_are_afterwards() -> None:
    found = names("Militants attacked a police post in Turbat in Pakistan's Balochistan province on Tuesday, killing "
                  "two officers. The Balochistan Liberation Army claimed responsibility for the attack. On Thursday "
                  "the militants ambushed an army convoy near Turbat, killing four soldiers.")
    assert [a1 for a1, _ in found] == ["Balochistan Liberation Army", "Balochistan Liberation Army"]


def test_violence_against_civilians_whose_victims_are_not_described_is_against_civilians() -> None:
    """ACLED's definition of the type (taxonomy.yaml, default_target): 'kidnapped 20' names no victims."""
    assert names("Gunmen kidnapped 20 on Monday near Kaduna in northern Nigeria, police said.") == [
        ("Unidentified Armed Group (Nigeria)", "Civilians")]


def test_an_armed_group_battles_the_state_military_when_the_text_names_no_other_side() -> None:
    """taxonomy.yaml's default_target for Battles, only when the first actor is an armed group."""
    assert names("Al-Shabaab fighters clashed near Afgoye in Somalia on Monday, leaving nine dead.") == [
        ("Al Shabaab", "Military Forces of Somalia")]
    assert names("Somali troops fought near Afgoye in Somalia on Monday, leaving nine dead.") == [
        ("Military Forces of Somalia", None)]


def test_an_attack_on_an_armed_side_is_a_battle() -> None:
    """taxonomy.yaml's armed_target: violence against civilians is done to civilians; gunmen who kill police
    officers fight the state, and the same gunmen killing villagers attack civilians."""
    from test_extract import run_text

    events, _ = run_text("Militants shot dead two soldiers in Kaduna on Tuesday.")
    assert [(e.sub_event_type, e.actor2 and e.actor2.name) for e in events] == [
        ("Armed clash", "Military Forces of Nigeria")]
    events, _ = run_text("Militants shot dead two villagers in Kaduna on Tuesday.")
    assert [(e.sub_event_type, e.actor2 and e.actor2.name) for e in events] == [("Attack", "Civilians")]


def test_a_name_with_its_acronym_in_brackets_names_the_fighters() -> None:
    """'Ta'ang National Liberation Army (TNLA) fighters': the bracketed acronym does not cut the name off."""
    assert names("Ta'ang National Liberation Army (TNLA) fighters seized an army base near Mogok in Myanmar on "
                 "Sunday.")[0][0] == "Ta'ang National Liberation Army"


def test_a_states_strike_that_killed_people_it_does_not_describe_was_on_civilians() -> None:
    """taxonomy.yaml's default_target for remote violence: a state's forces, and someone killed or hurt."""
    assert names("A Russian missile strike on the centre of Zaporizhzhia on Thursday killed at least 11, "
                 "officials said.") == [("Military Forces of Russia", "Civilians")]
    assert names("A Russian missile strike hit the centre of Zaporizhzhia on Thursday, damaging a power "
                 "plant.") == [("Military Forces of Russia", None)]
    assert names("Al-Shabaab fighters fired mortars at the airport in Mogadishu on Monday, killing two.") == [
        ("Al Shabaab", None)]


@pytest.mark.parametrize("text", [
    "In May 2022, 40 villagers were killed in a massacre attributed to Boko Haram in Borno State.",
    "On Friday a bombing at a market in Mogadishu was blamed on al-Shabaab; nine people were killed.",
    "Officials accused Boko Haram of abducting 30 students from a school in Kaduna on Monday.",
])
def test_who_the_text_holds_responsible_is_the_first_actor(text: str) -> None:
    found = names(text)
    assert found and found[0][0] in ("Boko Haram", "Al Shabaab"), found


def test_by_after_the_acts_noun_names_who_did_it_where_the_parser_hung_it_on_the_verb() -> None:
    """'died in Tuesday's bombing by ...': "by" belongs to the bombing, not to dying."""
    found = names("Five people died in Tuesday's bombing by militants of al-Shabaab in Mogadishu.")
    assert found and found[0][0] == "Al Shabaab", found


def test_a_dictionary_name_the_parser_split_at_a_preposition_stays_whole() -> None:
    found = names("Last week 12 soldiers were killed in an ambush attributed to the Group for the Support of Islam "
                  "and Muslims near Djibo.")
    assert found and found[0][0] == "Jama'at Nusrat al-Islam wal-Muslimin", found


def test_who_condemned_an_act_did_not_do_it() -> None:
    found = names("On Friday a bombing at a market in Mogadishu was condemned by the United Nations; nine people "
                  "were killed.")
    assert found and all(a1 is None or "United Nations" not in a1 for a1, _ in found), found


@pytest.mark.parametrize(("text", "group"), [
    ("Troops said they had killed IS deputy emir Hamid al-Rawi in Mosul on Monday. Officials said "
     "al-Rawi was killed in an airstrike.", "Islamic State"),
    ("An Israeli strike killed Mohammed Deif, the leader of Hamas's military wing, in Khan Younis on Saturday.",
     "Hamas"),
])
def test_a_person_is_coded_as_the_group_the_title_beside_the_name_ties_them_to(text: str, group: str) -> None:
    found = names(text)
    assert found and all(a2 == group for _, a2 in found), found


def test_a_strike_told_without_its_author_in_a_story_of_one_authors_strikes_is_theirs() -> None:
    events, _ = run_text("Russian missiles hit a power plant in Kharkiv on Monday, killing two workers. On Wednesday "
                         "a strike on a market in Sumy killed five people.")
    assert len(events) == 2 and all(e.actor1 is not None and e.actor1.name == "Military Forces of Russia"
                                    for e in events), [e.actor1 for e in events]
    assert any(e.field == "actor1" and "Russian" in e.quote for e in events[1].evidence)


def test_no_author_is_lent_where_the_story_names_two_sides() -> None:
    found = names("Russian missiles hit a power plant in Kharkiv on Monday. Ukrainian drones struck a refinery in "
                  "Belgorod on Tuesday. On Wednesday a strike on a market in Sumy killed five people.")
    assert found and found[-1][0] is None, found


@pytest.mark.parametrize("text", [
    "Last week Nigerian troops conducted airstrikes on camps of the militants near Lake Chad.",
    "In October, Turkish jets carried out a wave of strikes against Kurdish fighters in northern Syria.",
    "Nigerian troops have conducted raids on two militant hideouts near Lake Chad, the army said.",
])
def test_plural_acts_an_agent_performed_are_an_event_with_that_agent(text: str) -> None:
    found = names(text)
    assert len(found) == 1 and found[0][0] in ("Military Forces of Nigeria", "Military Forces of Turkey"), found


def test_dozens_of_acts_an_agent_performed_are_a_count_not_an_event() -> None:
    assert names("Over two decades the group carried out dozens of car bombings against markets in the capital.") == []
    assert names("Turkish jets have carried out strikes on Kurdish fighters in Iraq since 2019.") == []


def test_the_side_one_clashed_with_is_the_second_actor() -> None:
    found = names("On Monday Somali soldiers clashed with Al-Shabaab fighters near the town of Jowhar, leaving "
                  "six dead.")
    assert found == [("Military Forces of Somalia", "Al Shabaab")], found


def test_an_aside_inside_the_phrase_does_not_name_the_actor() -> None:
    """'IS members, including three women': the arrested are IS members; the aside does not make them
    civilians."""
    found = names("Officials said they arrested nine more IS members, including three women, in a raid in Mosul "
                  "on Sunday.")
    assert [a2 for _, a2 in found] == ["Islamic State"], found


def test_security_workers_killed_are_the_states_forces() -> None:
    found = names("A roadside bomb struck a truck near Bannu in Pakistan on Friday, killing two security workers.")
    assert found and found[0][1] == "Military Forces of Pakistan", found


@pytest.mark.parametrize("text", [
    "Fighters loyal to Jama'at Nusrat al-Islam wal Muslimin attacked an army post near Djibo on Sunday.",
    "Gunmen affiliated with the outlawed Jama'at Nusrat al-Islam wal Muslimin stormed an army post near Djibo "
    "on Sunday.",
])
def test_fighters_tied_to_a_named_group_are_that_group(text: str) -> None:
    """However the parser hangs "loyal" or "affiliated", the fighters it ties to a named group are the group."""
    events, _ = run_text(text)
    assert [e.actor1.name for e in events if e.actor1] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


@pytest.mark.parametrize(("text", "sides"), [
    ("Government troops and Tuareg rebels clashed near Kidal on Sunday.", ("Military Forces of Mali", "Azawad Liberation Front")),
    ("Soldiers and al-Shabaab fighters exchanged fire near Baidoa on Monday.", ("Military Forces of Somalia", "Al Shabaab")),
    # the sides a clash was "between", also where the parser joined them into one phrase
    ("Clashes between the army and Fulani militiamen near Mopti killed six people on Sunday.",
     ("Military Forces of Mali", "Fulani Ethnic Militia (Mali)")),
    ("Heavy fighting erupted between the army and the Rapid Support Forces in Omdurman on Saturday.",
     ("Military Forces of Sudan", "Rapid Support Forces")),
    # the other side of the fight the victims fell in
    ("A policeman was killed in a gunfight with bandits in Zamfara state on Monday.",
     ("Armed Bandits", "Police Forces of Nigeria")),
    # whose fire killed or wounded the victims
    ("Three teenagers were killed by Indian gunfire near Kupwara on Tuesday.", ("Military Forces of India", "Civilians")),
    ("Four farmers were wounded by Russian shelling near Nikopol on Monday.", ("Military Forces of Russia", "Civilians")),
])
def test_the_two_sides_are_read_from_the_words_that_name_them_together(text: str, sides: tuple[str, str]) -> None:
    """Who acted and who suffered, from two sides named together, a clash "between" them, the owner of the fire."""
    assert names(text) == [sides]


def test_sides_named_together_who_fought_a_third_are_one_side() -> None:
    (pair,) = names("Soldiers and allied militiamen clashed with al-Shabaab fighters near Baidoa on Monday.")
    assert pair[1] == "Al Shabaab"


def test_the_fighters_whose_sites_were_struck_are_the_target_not_their_peoples_state() -> None:
    """"Kurdish militant positions": the militants (an armed group), not the state that "Kurdish" alone names."""
    (pair,) = names("Turkish jets struck Kurdish militant positions near Duhok on Thursday.")
    assert pair[1] is not None and pair[1].startswith("Unidentified Armed Group")


def test_fighting_on_a_named_night_is_one_event_with_its_toll() -> None:
    """A bare gerund is generic ("fighting has displaced thousands") unless dated: "on Monday night" makes it one."""
    events, _ = run_text("Fighting between rival militias in Zawiya on Monday night left 12 people dead.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 12)]


@pytest.mark.parametrize(("text", "actor1"), [
    ("The Nigerian army said on Friday it had killed 14 insurgents near Bama.", "Military Forces of Nigeria"),
    ("Hezbollah said it fired dozens of rockets at an army base near Safed on Tuesday.", "Hezbollah"),
])
def test_who_says_it_did_the_act_is_the_first_actor(text: str, actor1: str) -> None:
    assert [a1 for a1, _ in names(text)] == [actor1]


def test_who_reports_an_act_after_telling_it_is_not_its_actor() -> None:
    (pair,) = names("They shot dead two guards at a checkpoint near Tillaberi on Monday, police said.")
    assert pair[0] is None or "Police" not in pair[0]


def test_the_troops_a_force_says_are_its_own_are_that_force() -> None:
    """Not the forces of the country where it happened, whose name the event would otherwise lend them."""
    (pair,) = names("The Rwandan army said its soldiers had killed three militiamen near Goma on Sunday.")
    assert pair[0] == "Military Forces of Rwanda"


def test_who_died_in_the_first_clause_are_victims_not_the_actor_of_the_next() -> None:
    (pair,) = names("Three policemen died and two were wounded when their truck hit a mine near Menaka on Friday.")
    assert pair == (None, "Police Forces of Mali")


@pytest.mark.parametrize(("text", "actor1"), [
    ("Boko Haram insurgents abducted at least 30 women fetching water near Dikwa on Saturday.", "Boko Haram"),
    # a participle with an object: the parser hung "killed" on "camp"
    ("Israeli airstrikes on the Nuseirat refugee camp killed at least 27 people overnight, Gaza's civil defence agency said.",
     "Military Forces of Israel"),
])
def test_the_sentences_verb_the_parser_hung_on_a_noun_still_has_its_subject_as_actor(text: str, actor1: str) -> None:
    assert [a1 for a1, _ in names(text)] == [actor1]


@pytest.mark.parametrize(("text", "force"), [
    ("Gunmen stormed a police post in Kano on Friday, killing three officers.", "Police Forces of Nigeria"),
    ("Three officers were shot dead by gunmen in Kano on Friday.", "Police Forces of Nigeria"),
    ("Gunmen stormed an army barracks near Kano on Friday, killing three officers.", "Military Forces of Nigeria"),
])
def test_officers_are_of_the_force_the_sentence_names_else_the_police(text: str, force: str) -> None:
    assert [a2 for _, a2 in names(text)] == [force]


def test_whose_weapon_names_the_attacker_of_a_weapon_strike() -> None:
    """'a Ukrainian drone strike': the adjective belongs to the weapon the strike is named by."""
    assert names("A Ukrainian missile strike on a depot in the Kursk region killed 12 Russian soldiers on Monday.")[0][0] == \
        "Military Forces of Ukraine"


def test_a_group_named_as_anothers_branch_is_itself() -> None:
    """'Al Qaeda's Sahel branch JNIM' and 'Al Qaeda's Sahel affiliate, JNIM,' are JNIM, which ACLED codes
    apart from its parent; the possessor only says whose branch it is."""
    from sitrep.resolve.actors import resolve_actor

    jnim = resolve_actor("JNIM")
    assert jnim is not None and jnim.known
    assert resolve_actor("Al Qaeda's Sahel branch JNIM") == jnim
    assert resolve_actor("Russia's Wagner Group") == resolve_actor("Wagner Group")
    assert resolve_actor("Israel's army") == resolve_actor("Israeli army")  # a generic owned: the owner's forces
    events, _ = run_text("Gunmen attacked an army post in Djibo, Burkina Faso, on Sunday, killing six soldiers. "
                         "Al Qaeda's Sahel affiliate, JNIM, claimed the attack.", published=dt.date(2024, 10, 14))
    assert [(e.actor1, e.claimed_by) for e in events] == [(jnim, jnim)]  # the name given in apposition


def test_people_killed_at_their_work_are_civilians() -> None:
    """'killed five Fulani herders', 'two fishermen': civilians at their trade, the act's target, whatever
    else the story tells of its armed sides."""
    from sitrep.extract import extract
    from sitrep.models import Article
    from sitrep.nlp import process
    from sitrep.resolve import resolve

    for victims in ("five Fulani herders", "two fishermen", "three traders"):
        text = f"On 2 August, fighters of a local militia killed {victims} outside Zemio."
        article = Article("t", "", text, dt.date(2025, 8, 14), "cli", None, None, "t.txt", "h")
        mentions = resolve(extract(next(process([article])))).mentions
        assert [m.actor2.name if m.actor2 else None for m in mentions] == ["Civilians"], victims


def test_of_two_named_together_the_first_is_the_actor() -> None:
    """'Soldiers and foreign fighters', 'Hamas and Islamic Jihad': the first named, as ACLED puts the
    first-named side first, not whichever name is longer; a name with 'and' in it stays whole."""
    from sitrep.resolve.actors import resolve_actor

    assert resolve_actor("Soldiers and Russian fighters") == resolve_actor("soldiers")
    assert resolve_actor("Hamas and Islamic Jihad") == resolve_actor("Hamas")
    assert resolve_actor("Islamic State of Iraq and the Levant") == resolve_actor("Islamic State")


def test_a_junta_is_the_forces_of_the_country_it_rules() -> None:
    """Mali, Burkina Faso, Niger and Guinea have juntas too: 'junta troops' in Burkina Faso are its forces,
    not Myanmar's; in Myanmar they are still Myanmar's."""
    events, _ = run_text("Junta troops killed 12 villagers in northern Burkina Faso on Monday.",
                         published=dt.date(2025, 3, 12))
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Military Forces of Burkina Faso"]
    events, _ = run_text("Junta troops shelled three villages in Myanmar's Sagaing region on Monday, killing four "
                         "people.", published=dt.date(2025, 3, 12))
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Military Forces of Myanmar"]


@pytest.mark.parametrize(("text", "actor1"), [
    ("Armed Murle youths raided a cattle camp near Pibor on Sunday, killing six herders.",
     "Murle Ethnic Militia (South Sudan)"),
    ("Suspected Fulani militiamen attacked the village of Ogossagou in Mali on Sunday, killing nine people.",
     "Fulani Ethnic Militia (Mali)"),
    ("Clan militias fought over a water point near Galkayo in Somalia on Sunday, killing four fighters.",
     "Unidentified Clan Militia (Somalia)"),
])
def test_a_communitys_armed_men_are_its_militia_named_with_the_country_of_the_event(text: str, actor1: str) -> None:
    assert [a1 for a1, _ in names(text)] == [actor1]


def test_an_unnamed_gang_is_named_with_the_country_of_the_event() -> None:
    assert names("Gang members shot dead four bus drivers in Port-au-Prince, Haiti, on Tuesday.") == [
        ("Unidentified Gang (Haiti)", "Civilians")]


def test_herders_killed_are_victims_not_their_communitys_militia() -> None:
    assert names("Gunmen killed five Fulani herders at a cattle camp near Zemio in the Central African Republic "
                 "on Sunday.") == [("Unidentified Armed Group (Central African Republic)", "Civilians")]


def test_a_crowd_counted_in_dozens_is_who_acted() -> None:
    """"Dozens of settlers attacked": the subject is the count; the actors are what it counts."""
    assert [a1 for a1, _ in names("Dozens of Israeli settlers raided the village of Turmus Ayya in the West Bank on "
                                  "Friday, setting fire to three homes.")] == ["Settlers (Israel)"]


def test_khawarij_is_the_group_the_government_of_the_country_calls_so() -> None:
    """Somalia's government calls al-Shabaab 'khawarij', Pakistan's military the TTP (actors.yaml names_in)."""
    assert names("The army killed 12 khawarij in an operation near Jowhar, Somalia, on Sunday.") == [
        ("Military Forces of Somalia", "Al Shabaab")]
    assert names("Security forces killed nine khawarij in a raid in Bannu district, Pakistan, on Sunday.") == [
        ("Military Forces of Pakistan", "Tehrik-i-Taliban Pakistan")]


def test_a_victim_named_as_a_person_is_a_civilian_or_of_the_force_their_rank_names() -> None:
    assert names("Gunmen shot dead community leader Maria Lopez outside her home in Teorama, Colombia, on "
                 "Wednesday.") == [("Unidentified Armed Group (Colombia)", "Civilians")]
    assert names("Militants shot dead Constable Ahmed Khan at a checkpoint near Bannu, Pakistan, on Monday.")[0][1] \
        == "Police Forces of Pakistan"


def test_a_named_victim_the_story_makes_a_leader_of_an_armed_body_is_no_civilian() -> None:
    (event,) = run_text("Jean Moliere, the feared leader of the Grand Ravine gang, was shot dead by police at a "
                        "checkpoint in Gonaives, Haiti, on Friday.")[0]
    assert event.actor2 is not None and event.actor2.name != "Civilians"


def test_a_group_described_before_its_name_is_the_named_group() -> None:
    """'The Islamist militant group Al-Shabaab said its fighters ...': the name in apposition, not the
    description ('militant group'), is who acted."""
    events, _ = run_text("The Islamist militant group Al-Shabaab said its fighters overran an army base in Bulo Marer "
                         "on Friday.", dt.date(2025, 10, 14))
    assert [(e.actor1 and e.actor1.name, e.place and e.place.country) for e in events] == [("Al Shabaab", "Somalia")]


def test_a_person_no_group_is_known_for_is_no_actor() -> None:
    """'Sub-Inspector Gul Zaman embraced martyrdom and two constables were injured': a victim the parse made the
    subject; ACLED codes groups, never a person's name as it stands."""
    events, _ = run_text("On Monday an improvised explosive device exploded near a police van in Tank district. "
                         "Sub-Inspector Gul Zaman embraced martyrdom and two constables were injured.", dt.date(2025, 6, 3))
    assert [(e.sub_event_type, e.actor1, e.injuries) for e in events] == [("Remote explosive/landmine/IED", None, 2)]


def test_the_last_of_a_chain_of_verbs_has_the_first_ones_subject() -> None:
    """'Militants blocked a highway ..., searched the passengers and shot dead five men': the militants shot."""
    events, _ = run_text("Separatist militants blocked a highway in Balochistan province on Monday, searched the passengers "
                         "and shot dead five men, police said.", dt.date(2025, 10, 14))
    assert [(e.actor1 and e.actor1.name, e.fatalities) for e in events] == [("Unidentified Armed Group (Pakistan)", 5)]


def test_a_village_the_story_described_is_no_party_when_it_names_an_attack() -> None:
    """"Maraban, a farming community ..." and later "the Maraban attack": the village did not attack."""
    events, _ = run_text("Residents of Maraban, a farming community in Kajuru Local Government Area of Kaduna State, said "
                         "gunmen abducted 30 worshippers from a church on Sunday night.\n\nThe state government said in a "
                         "statement that it condemned the Maraban attack.", dt.date(2026, 2, 17))
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Unidentified Armed Group (Nigeria)"]


def test_civilians_attacked_or_abducted_by_no_one_named_were_by_an_unidentified_armed_group() -> None:
    """ACLED's generic perpetrator, named for the country (taxonomy.yaml default_doer)."""
    events, _ = run_text("Three farmers were shot dead in their fields near Tsafe, Nigeria, on Monday evening, police said.",
                         dt.date(2025, 5, 14))
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Attack", "Unidentified Armed Group (Nigeria)")]


def test_al_qaeda_named_where_an_affiliate_fights_is_that_affiliate() -> None:
    """"fighters linked to al-Qaeda" in Burkina Faso: ACLED codes al-Qaeda's Sahel branch (actors.yaml names_in)."""
    assert names("Fighters linked to al-Qaeda ambushed an army convoy near Djibo, Burkina Faso, on Sunday, killing seven "
                 "soldiers.") == [("Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Burkina Faso")]


def test_people_named_by_their_faith_or_journey_are_civilians() -> None:
    """"killed seven Christians", "ambushed a bus of pilgrims": no armed side, civilians (triggers.yaml civilian)."""
    assert names("Gunmen killed seven Christians in a village near Bokkos, Nigeria, on Sunday.") == [
        ("Unidentified Armed Group (Nigeria)", "Civilians")]


def test_party_supporters_who_fight_are_their_party() -> None:
    """actors.yaml's political parties (inter 3): "Awami League supporters" and "BNP activists" as ACLED
    names the party wings that clash."""
    assert names("Awami League supporters attacked BNP activists with sticks in Feni, Bangladesh, on "
                 "Sunday.") == [("Awami League", "Bangladesh Nationalist Party")]


def test_party_supporters_who_march_are_protesters() -> None:
    """A party in actors.yaml does not take a peaceful march from its crowd: ACLED codes protesters."""
    assert names("Hundreds of United National Movement supporters rallied peacefully outside parliament in "
                 "Tbilisi, Georgia, on Sunday.") == [("Protesters (Georgia)", None)]


def test_men_linked_to_an_armed_group_are_that_group_in_its_branch_there() -> None:
    """"IS-linked" fighters are the Islamic State's branch where they fight; a state's proxies are not its forces."""
    assert names("Islamic State-linked militants ambushed a bus near Diffa, Niger, on Saturday, killing six "
                 "passengers.") == [("Islamic State Sahel Province", "Civilians")]
    assert names("Al Qaeda-affiliated fighters raided a market in Djibo, Burkina Faso, on Friday, killing nine "
                 "traders.")[0][0] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert names("Iran-aligned militiamen fired rockets at a base near Erbil, Iraq, on Monday.")[0][0] \
        != "Military Forces of Iran"


def test_a_description_tied_to_a_group_in_an_aside_is_that_group_from_then_on() -> None:
    text = ("The rebels, who are allied with the Islamic State, have grown bolder this year. On Thursday the "
            "rebels stormed an army post in Monguno, Borno state, killing four soldiers.")
    assert names(text) == [("Islamic State West Africa Province", "Military Forces of Nigeria")]


def test_a_battle_told_untyped_then_by_the_losses_of_each_side_is_one_battle() -> None:
    text = ("TTP militants attacked a police post in Tank district, Pakistan, on Sunday night. Two policemen were "
            "martyred and three TTP fighters were killed in the exchange of fire, police said.")
    assert names(text) == [("Tehrik-i-Taliban Pakistan", "Police Forces of Pakistan")]


def test_the_actor_after_a_wire_dateline_acts_and_the_dateline_does_not() -> None:
    assert names("GAROWE, Somalia (Wire) — Al-Shabaab militants stormed a police station in Bosaso on Sunday, "
                 "killing three officers.")[0][0] == "Al Shabaab"


def test_whose_forces_a_name_before_them_says() -> None:
    assert names("The rebels said that Houthi naval forces had fired two missiles at a tanker in the Red Sea on "
                 "Tuesday.")[0][0] == "Ansar Allah"


def test_a_jet_of_the_military_is_the_militarys() -> None:
    assert names("A military fighter jet bombed a market in Kawlin, Myanmar, on Friday, killing seven people.")[0][0] \
        == "Military Forces of Myanmar"


def test_members_of_a_body_the_dictionary_lacks_are_that_body() -> None:
    assert names("Members of the Katsina Community Watch clashed with cattle thieves near Danmusa, Nigeria, on "
                 "Tuesday, leaving four dead.")[0][0] == "Katsina Community Watch"
