"""All six ACLED event types from plain sentences written for these tests (published Thursday 7 March
2024), and tallies of kinds the seeds never showed. What is no event: test_extract.test_not_events."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract import run_text

from sitrep.extract import extract
from sitrep.models import Article
from sitrep.nlp import process


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Riot police fired tear gas to disperse hundreds of teachers protesting over unpaid salaries in Nairobi on "
     "Tuesday and detained a dozen of them.", "Protest with intervention"),
    ("Thousands of farmers marched through the centre of Lima on Monday to demand lower fertiliser prices.",
     "Peaceful protest"),
    ("Protesters torched a police station and hurled stones at officers in Kisumu on Tuesday.", "Violent demonstration"),
    ("Soldiers opened fire on protesters in Mandalay on Sunday, killing seven of them.",
     "Excessive force against protesters"),
    ("Police arrested three suspected militants in Peshawar on Tuesday.", "Arrests"),
    ("Police arrested two editors in Lusaka on March 4.", "Arrests"),  # a month's name is no march
    ("Government troops recaptured the town of Gao from rebels on Monday.", "Government regains territory"),
    ("Twin car bombings rocked a market in Mogadishu on Saturday, killing at least 12 people.",
     "Remote explosive/landmine/IED"),
    ("A mob lynched two men accused of theft in the village of Kasese on Monday.", "Mob violence"),
    ("A van laden with explosives blew up at a checkpoint in Kismayo on Monday, killing five soldiers.",
     "Remote explosive/landmine/IED"),
    ("Gunmen forcibly detained 12 aid workers in Kidal on Monday.", "Abduction/forced disappearance"),
    ("Rebels exchanged gunfire with police at a roadblock outside Mopti on Thursday.", "Armed clash"),
    ("Riot police fired on demonstrators outside the parliament in Dhaka on Sunday.",
     "Excessive force against protesters"),
    # people killed where others were taken: the attack, with the abduction in its notes
    ("Gunmen raided a church in Kaduna on Sunday, killing four worshippers and abducting 20 others.", "Attack"),
    ("Gunmen abducted 20 worshippers from a church in Kaduna on Sunday.", "Abduction/forced disappearance"),
    # stun grenades are crowd control, not a grenade attack
    ("Police fired stun grenades at hundreds of students marching in Dhaka on Monday.", "Protest with intervention"),
    # what fighters only tried to do is not what happened
    ("Soldiers fought off an attempt by jihadists to overrun their camp near Djibo on Sunday.", "Armed clash"),
    # the weapons a side had as support did not make the act
    ("Rebel fighters attacked an army base near Kutum on Sunday under cover of drones, killing six soldiers.",
     "Armed clash"),
    # grenades thrown in a gun attack are part of it; a grenade alone makes the act
    ("Insurgents opened fire with rifles and hand grenades on a police post in Garissa on Monday, killing two "
     "officers.", "Armed clash"),
    ("Gunmen sprayed a bus stop in Kaduna with gunfire and threw a grenade on Monday, killing three commuters.", "Attack"),
    ("A man threw a grenade at a police post in Garissa on Monday, wounding two officers.", "Grenade"),
    # demonstrators who break in and set things alight riot
    ("Protesters broke into part of the city council compound in Lusaka on Tuesday and set a section of it ablaze, "
     "as police fired tear gas at crowds outside.", "Violent demonstration"),
])
def test_the_kind_of_event(text: str, sub_event_type: str) -> None:
    events, _ = run_text(text)
    assert sub_event_type in {e.sub_event_type for e in events}, [(e.sub_event_type, e.place) for e in events]


def test_a_truce_or_accord_signed_is_an_agreement() -> None:
    """'signed an accord' is an act of its own, typed by its verb: an agreement."""
    events, _ = run_text("Meanwhile, in the eastern city of Cucuta, the government and a guerrilla splinter group on "
                         "Sunday signed an accord to set up a zone where about 200 fighters will begin to disarm.")
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [("Agreement", "Cucuta")]


def test_the_support_a_side_had_does_not_type_its_act() -> None:
    """'advanced ..., backed by artillery and drones, and were repelled after hours of fighting': a ground
    battle, not a drone strike."""
    events, _ = run_text("Rebel fighters advanced on army positions near Kalehe before dawn on Monday, backed by "
                         "artillery and drones, and were repelled after six hours of fighting.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "Air defences shot down three drones over Odesa on Thursday, the regional governor said.",
    "Israeli jets downed a drone launched from Lebanon over the town of Metula on Sunday.",
])
def test_an_act_that_is_itself_the_interception_is_disrupted_weapons_use(text: str) -> None:
    """The drone names what was stopped, not a strike: the interception is the event."""
    events, _ = run_text(text)
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_people_named_by_what_was_done_to_them_do_not_type_the_act() -> None:
    """'to free those kidnapped': the raid is no abduction; the kidnapping was told before, or elsewhere."""
    events, _ = run_text("Troops stormed a camp near Kidal on Tuesday to free those kidnapped.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_month_in_the_dateline_is_no_march() -> None:
    events, _ = run_text("BAMAKO, March 4, 2024 - Jihadists attacked an army camp near Boni on Sunday, killing three soldiers.")
    assert events and not {e.event_type for e in events} & {"Protests", "Riots"}, [e.sub_event_type for e in events]


def test_crowds_are_named_by_country_and_the_force_comes_second_unless_its_violence_is_the_event() -> None:
    dispersed, _ = run_text("Police fired tear gas to disperse protesters in Nairobi on Tuesday.")
    assert dispersed[0].actor1 is not None and dispersed[0].actor1.name == "Protesters (Kenya)"
    shot, _ = run_text("Soldiers opened fire on protesters in Mandalay on Sunday, killing seven of them.")
    assert shot[0].actor2 is not None and shot[0].actor2.name == "Protesters (Myanmar)"


def test_two_kinds_of_act_in_one_sentence_are_two_events() -> None:
    events, _ = run_text("Police in Abuja fired tear gas on Tuesday to scatter people protesting against prices and "
                         "detained several of them, while in Lagos a crowd of demonstrators marched across the city.")
    assert {e.sub_event_type for e in events} == {"Protest with intervention", "Peaceful protest"}


@pytest.mark.parametrize(("text", "quantity"), [
    ("In 2023, the insurgents killed nearly 300 people in more than 400 attacks across the province.", 300),
    ("The war has displaced some 9 million people, the UN says.", 9_000_000),
    ("The raid on the school was the fourth such attack since January.", 4),
    ("Police recorded 53 homicides in the state last week.", 53),
])
def test_tallies(text: str, quantity: int) -> None:
    _, claims = run_text(text)
    assert quantity in {c.quantity for c in claims}


def test_one_acts_toll_is_no_tally() -> None:
    _, claims = run_text("Officials said there were 25 deaths as a result of the mutiny at the prison on Thursday.")
    assert claims == []


def test_a_year_of_a_tally_is_its_period() -> None:
    _, claims = run_text("The group carried out 504 attacks in 2023, compared to 116 in 2022.")
    by_quantity = {c.quantity: c for c in claims}
    assert by_quantity[504].date_from == dt.date(2023, 1, 1) and by_quantity[504].date_to == dt.date(2023, 12, 31)
    assert by_quantity[116].date_from == dt.date(2022, 1, 1)


def test_an_act_the_classifier_types_is_coded_though_no_cue_word_names_its_kind() -> None:
    """'raided ... killing two farmers': no weapon or kind of violence is named, but the sentence
    classifier reads an attack on civilians, so the event is codable at country level."""
    events, _ = run_text("Gunmen raided a Somali village on Friday, killing two farmers.")
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [("Attack", "Somalia")]


def test_words_of_background_the_sentence_does_not_report_do_not_type_its_event() -> None:
    """'where clashes have gone on for weeks' is no clash on Monday: the air strike keeps its kind."""
    events, _ = run_text("An Israeli air strike on Monday hit a clinic sheltering families in Khan Younis, where "
                         "clashes have gone on for weeks.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_monday_s_attack_in_a_sentence_of_background_is_not_a_clash() -> None:
    events, _ = run_text("Israeli jets bombed a mosque in Deir al-Balah on Monday, killing nine people. Monday's "
                         "raid was the third this month on a mosque in central Gaza, where battles have gone on since "
                         "the spring.")
    assert "Armed clash" not in {e.sub_event_type for e in events}


def test_arrests_after_a_strike_are_an_event_of_their_own() -> None:
    events, _ = run_text("A US airstrike killed an Islamic State commander in Ramadi on Thursday. Officials said they "
                         "detained four of his aides in a later sweep in Ramadi.")
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Arrests"]


@pytest.mark.parametrize("text", [
    "A union organiser from Lusaka has been held in police custody since February 27, her family said on Tuesday.",
    "The Lusaka union organiser has been detained by police since February 27, her family said on Tuesday.",
])
def test_one_held_since_a_day_was_arrested_that_day(text: str) -> None:
    """Held from a day on: taken that day, an arrest dated to it (not a period that began then), and
    "February" is no protest march."""
    events, _ = run_text(text)
    assert [(e.sub_event_type, e.when.date) for e in events] == [("Arrests", dt.date(2024, 2, 27))]


def test_who_is_held_since_a_day_is_the_arrest_s_target() -> None:
    events, _ = run_text("Diallo Kouyate, an editor from Bamako, has been in custody since February 27, his paper said "
                         "on Tuesday.")
    assert [(e.sub_event_type, e.actor2 is not None) for e in events] == [("Arrests", True)]


def test_a_person_named_with_the_kind_of_people_they_are_is_coded_as_those_people() -> None:
    """ACLED codes a person by who they are: "X, a journalist" held is one of the civilians."""
    events, _ = run_text("Musa Bello, a journalist with a radio station in Kano, was detained by police in Kano on "
                         "Monday, his employer said.")
    assert [(e.sub_event_type, e.actor2 and e.actor2.name) for e in events] == [("Arrests", "Civilians")]


def test_those_back_in_custody_are_held_not_newly_arrested() -> None:
    events, _ = run_text("Eleven of the inmates who broke out of the jail in Gulu on Sunday are back in custody, the "
                         "prisons service said.")
    assert "Arrests" not in {e.sub_event_type for e in events}


def test_a_past_act_the_sentence_measures_by_neither_dates_nor_types_it() -> None:
    """'the worst ... since the 2016 bombing': the bombing of 2016 is a point of reference; the shooting
    is Tuesday's, and a shooting of villagers."""
    events, _ = run_text("Gunmen opened fire on villagers at a market near Kaduna on Tuesday, killing 14 of them, the "
                         "worst assault on the town since the market bombing in 2016.")
    assert [(e.sub_event_type, e.when.date) for e in events] == [("Attack", dt.date(2024, 3, 5))]


def test_the_strike_in_a_later_sentence_is_the_act_told_before_not_an_air_strike() -> None:
    events, _ = run_text("Gunmen opened fire on villagers at a market near Kaduna on Tuesday, killing 14 of them. "
                         "Nine more were wounded in the strike, officials said.")
    assert [e.sub_event_type for e in events] == ["Attack"]


@pytest.mark.parametrize("text, expected", [
    ("Thousands of opposition supporters protested in Lahore on Tuesday against the arrest of their leader.",
     ("Peaceful protest", "Protesters (Pakistan)")),
    ("Students rallied in Nairobi on Monday over the killing of a classmate.", ("Peaceful protest", "Protesters (Kenya)")),
    ("Police fired tear gas at students who rallied in Nairobi on Monday over the killing of a classmate.",
     ("Protest with intervention", "Protesters (Kenya)")),
])
def test_what_a_crowd_protests_is_not_what_happened_to_it(text: str, expected: tuple[str, str]) -> None:
    """An arrest or killing the crowd protests against is its cause, not an intervention or excessive force;
    the people who demonstrate are the crowd, first actor beside the force that met them."""
    events, _ = run_text(text, dt.date(2024, 5, 9))
    assert [(e.sub_event_type, e.actor1 and e.actor1.name) for e in events] == [expected]


@pytest.mark.parametrize("text", [
    "Police detained 25 opposition activists in Lusaka on Tuesday ahead of a rally.",
    "Police detained 25 opposition activists in Lusaka on Tuesday before a planned march.",
])
def test_arrests_before_a_demonstration_that_has_not_happened_are_arrests(text: str) -> None:
    assert [e.sub_event_type for e in run_text(text)[0]] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "Thousands of students rallied in Sylhet on Wednesday.",
    "Thousands of students rallied in Sylhet on Wednesday, demanding justice for a classmate killed by police.",
])
def test_a_crowd_counted_in_hundreds_that_demonstrated_is_a_peaceful_protest(text: str) -> None:
    """The parser reads "protested" after "Hundreds of X" as a participle; demonstrating takes no object, so it
    is the sentence's verb. What the crowd demands, a killing included, is its cause, not the event's kind."""
    assert [e.sub_event_type for e in run_text(text)[0]] == ["Peaceful protest"]


def test_a_cue_the_tokenizer_splits_at_its_hyphen_still_counts() -> None:
    """"sit-in" is three tokens to the tokenizer; arrests at one are a protest with intervention."""
    events, _ = run_text("Police broke up a sit-in by nurses in Peshawar on Monday, arresting 14.")
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_a_suicide_car_bomber_is_a_suicide_bombing_not_an_aircraft() -> None:
    """"bomber" alone is an aircraft; "a suicide car bomber" drove the bomb."""
    events, _ = run_text("A suicide car bomber hit a police checkpoint in Baidoa on Sunday, killing three officers.")
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_an_attack_on_a_named_day_that_killed_people_it_counts_is_coded_however_vaguely_told() -> None:
    """No weapon, no town, no group by name: the day and the dead make it one event, an attack on the people
    who died in it."""
    events, _ = run_text("Seven people died in a suspected rebel attack on a mosque in western Niger on Friday.")
    assert [(e.sub_event_type, e.actor2.name if e.actor2 else None, e.fatalities) for e in events] == [
        ("Attack", "Civilians", 7)]


def test_set_ablaze_with_ablaze_read_as_a_particle_is_destruction() -> None:
    events, _ = run_text("Armed men set ablaze a clinic in Kumba, in Cameroon's Southwest region, on Tuesday.")
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("The train came under a bomb and gun attack on Tuesday.", "Remote explosive/landmine/IED"),
    ("The army bombed the hills on Tuesday.", "Air/drone strike"),
])
def test_a_bomb_is_planted_but_a_side_that_bombed_struck_from_the_air(text: str, sub_event_type: str) -> None:
    """The trigger word's own type (triggers.yaml fallback), before the sentence classifier weighs in."""
    article = Article("t", "", text, dt.date(2024, 3, 7), "cli", None, None, "t.txt", "h")
    mentions = extract(next(process([article]))).mentions
    assert [m.sub_event_type for m in mentions] == [sub_event_type]


def test_a_stoppage_of_work_is_no_strike_from_the_air() -> None:
    """'a general strike', 'the transport workers' strike', 'went on strike': stoppages, not air strikes;
    and 'the strike' told later in such a story is the stoppage again."""
    events, _ = run_text("A general strike shut shops and schools across Dhaka on Sunday. Bus drivers went on strike "
                         "in Chittagong on Monday. Organisers said the strike would go on until Wednesday.")
    assert events == []
    events, _ = run_text("An Israeli strike killed five people in Gaza City on Monday.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_police_action_at_a_march_is_that_protest_not_another_event() -> None:
    """'In Bogota, thousands marched ... Police fired tear gas when some tried to break through': one protest,
    with intervention, not a peaceful protest and a second event."""
    events, _ = run_text("In Bogota, thousands of students marched towards Congress on Thursday. Police fired tear gas "
                         "when some of them tried to push through the barriers.")
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Protest with intervention", "Bogota")]


def test_a_clash_read_by_the_classifier_on_civilians_alone_is_an_attack() -> None:
    """'Soldiers killed 12 villagers near Djibo, Burkina Faso': the classifier reads a clash, but villagers
    are no armed side; ACLED codes an attack on civilians."""
    events, _ = run_text("Soldiers killed 12 villagers near Djibo, Burkina Faso, on Monday.", published=dt.date(2025, 3, 12))
    assert [(e.event_type, e.sub_event_type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Violence against civilians", "Attack", "Civilians")]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Several hundred nurses staged a sit-in outside the health ministry in Lagos on Monday.", "Peaceful protest"),
    ("Police lathi-charged farmers blocking the highway near Ambala on Monday.", "Protest with intervention"),
])
def test_a_hyphenated_trigger_is_one_word(text: str, sub_event_type: str) -> None:
    """The tokenizer splits "sit-in" and "lathi-charged"; the NLP stage joins them for the lexicon."""
    events, _ = run_text(text)
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_fighters_who_give_themselves_up_change_their_groups_activity() -> None:
    events, _ = run_text("Nine cadres of the CPI (Maoist) surrendered to the police in Dantewada on Thursday, handing "
                         "over two rifles.")
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Change to group/activity", "Communist Party of India (Maoist)")]
    assert run_text("The army called on the rebels to surrender their weapons by Friday.")[0] == []


def test_the_dead_a_crowd_carries_pictures_of_do_not_make_its_protest_lethal() -> None:
    """"waving portraits of fighters killed in earlier attacks": the participle says who they were."""
    events, _ = run_text("Several hundred people gathered in central Kobani on Sunday to protest against the shelling, "
                         "carrying photographs of fighters killed in earlier attacks.")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_an_armed_groups_raid_on_a_village_is_an_attack_not_a_mob() -> None:
    """ACLED's mob violence is rioters'; settlers or militiamen who raid a village attack its people."""
    events, _ = run_text("Israeli settlers attacked the village of Sinjil in the West Bank on Friday, beating residents "
                         "and setting fire to two cars.")
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [("Attack", "Settlers (Israel)")]


def test_a_gold_mine_is_no_landmine() -> None:
    """"killed four miners at an unlicensed gold mine": an attack; "stepped on a mine": a landmine."""
    events, _ = run_text("Rebels killed four miners at an unlicensed gold mine in Yahukimo regency on Tuesday, the "
                         "Indonesian military said.", dt.date(2026, 5, 14))
    assert [e.sub_event_type for e in events] == ["Attack"]
    events, _ = run_text("Two children were killed when they stepped on a mine near Kharkiv on Tuesday.", dt.date(2026, 5, 14))
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_an_explosive_laden_drone_is_a_drone_strike_and_an_explosive_laden_car_a_car_bomb() -> None:
    for text, sub in (("Two explosive-laden drones struck the roof of the police station in Suarez on Wednesday.",
                       "Air/drone strike"),
                      ("An explosive-laden car blew up outside the police station in Suarez on Wednesday.",
                       "Remote explosive/landmine/IED"),
                      ("A drone packed with explosives was dropped on the police station in Suarez on Wednesday.",
                       "Air/drone strike"),
                      ("A car packed with explosives blew up outside the police station in Suarez on Wednesday.",
                       "Remote explosive/landmine/IED")):
        events, _ = run_text(text, dt.date(2026, 3, 11))
        assert [e.sub_event_type for e in events] == [sub], text


def test_raiders_who_invaded_a_village_did_what_the_sentence_tells() -> None:
    """'... were killed when bandits invaded Gidan Dawa': the invaders are the doers of the killing."""
    events, _ = run_text("Seven villagers were killed when bandits invaded Gidan Dawa in Zamfara State on Sunday night, "
                         "residents said.", dt.date(2025, 11, 17))
    assert [(e.sub_event_type, e.actor1 and e.actor1.name, e.fatalities) for e in events] == [
        ("Attack", "Armed Bandits", 7)]


def test_a_crowd_that_gathers_to_make_a_demand_protests_and_mourners_do_not() -> None:
    """'Relatives of detained men gathered outside the district office to demand their release': a protest,
    not the detentions that it is about."""
    events, _ = run_text("On Friday, dozens of relatives of detained men gathered outside the district office in Kasese "
                         "to demand their release.", dt.date(2025, 11, 17))
    assert [(e.sub_event_type, e.place and e.place.name) for e in events] == [("Peaceful protest", "Kasese")]
    events, _ = run_text("On Friday, several hundred mourners gathered in Kasese for the funeral of the chief.",
                         dt.date(2025, 11, 17))
    assert events == []


def test_a_human_chain_is_a_peaceful_protest() -> None:
    events, _ = run_text("In Rangpur, several hundred nurses formed a human chain in front of the press club on Monday, "
                         "while in Bogura nurses held a rally outside the hospital.", dt.date(2026, 3, 3))
    assert sorted((e.sub_event_type, e.place.name) for e in events if e.place) == [
        ("Peaceful protest", "Bogra"), ("Peaceful protest", "Rangpur")]


def test_a_crowd_that_dispersed_of_itself_met_no_intervention() -> None:
    """'The marchers dispersed peacefully' says the crowd left; 'police dispersed the marchers' that it was made to."""
    events, _ = run_text("In Mombasa, about 500 dock workers marched to the port authority on Monday. The march ended "
                         "with a rally outside its gates and dispersed without incident.", dt.date(2026, 6, 10))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    events, _ = run_text("In Mombasa, about 500 dock workers marched to the port authority on Monday. The march was "
                         "dispersed by police outside its gates.", dt.date(2026, 6, 10))
    assert [(e.sub_event_type, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Protest with intervention", "Police Forces of Kenya")]


def test_a_government_that_summons_an_envoy_to_protest_holds_no_demonstration() -> None:
    events, _ = run_text("Lebanon's foreign ministry summoned the Cypriot ambassador on Monday to protest the seizure of "
                         "a fishing boat.", dt.date(2026, 6, 10))
    assert [e.event_type for e in events] == []


def test_who_marches_is_the_crowd_even_members_of_a_force() -> None:
    """ACLED's first actor of a protest is always the protesters (a movement or force whose members marched is at
    most associated), and a peaceful protest has no second actor: the force that marched did not meet it."""
    events, _ = run_text("Several hundred members of the Taliban protested outside the Pakistani embassy in Kabul on "
                         "Sunday.", dt.date(2026, 6, 10))
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2) for e in events] == [
        ("Peaceful protest", "Protesters (Afghanistan)", None)]


def test_a_raid_told_again_after_a_protest_is_no_part_of_the_protest() -> None:
    """'The Garissa raid' points back to the raid of the first paragraph, not to the march told last."""
    events, _ = run_text("Gunmen killed four police officers in a raid on a police post in Garissa on Monday night.\n\n"
                         "On Wednesday, some 300 traders marched to the county offices in Garissa to demand better "
                         "security.\n\nThe Garissa raid was the deadliest attack on the police in the county this year.",
                         dt.date(2026, 6, 11))
    protests = [e for e in events if e.event_type == "Protests"]
    assert [(e.sub_event_type, e.actor2) for e in protests] == [("Peaceful protest", None)]


def test_people_described_as_protesting_who_clash_are_rioters() -> None:
    """'Youths protesting against fuel prices clashed with police': no armed clash, a violent demonstration."""
    events, _ = run_text("In Lome, youths protesting against fuel prices clashed with police on Tuesday, burning tyres.",
                         dt.date(2026, 4, 20))
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Violent demonstration", "Rioters (Togo)")]


def test_who_clashed_is_no_one_it_was_done_to() -> None:
    """The parser tags "clashed" as a participle; no one is "clashed", so the subject is a side, and the police after
    "with" the other one."""
    events, _ = run_text("In Lome, youths protesting against fuel prices clashed with police on Tuesday.",
                         dt.date(2026, 4, 20))
    assert [e.actor2.name if e.actor2 else None for e in events] == ["Police Forces of Togo"]


def test_arms_seized_in_a_raid_that_killed_are_part_of_the_raid() -> None:
    """ACLED codes the fight, not a seizure of weapons besides it, as it codes houses burned in a deadly raid."""
    events, _ = run_text("Soldiers killed five militants in a raid on a hideout near Maiduguri on Monday and seized a large "
                         "cache of weapons, the army said.", dt.date(2026, 4, 22))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 5)]


def test_a_weapon_found_after_the_act_does_not_say_how_it_was_done() -> None:
    """"recovered ... a drone kit": troops who killed rebels in a firefight fought them; they flew no drone."""
    events, _ = run_text("Troops killed two rebels in a firefight near Suárez, Colombia, on Sunday and recovered two "
                         "rifles and a drone-modification kit, the army said.", dt.date(2026, 5, 11))
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_people_marched_away_by_gunmen_are_abducted_not_protesting() -> None:
    """"marched worshippers into the bush": a crowd's verb done to people (triggers.yaml led_away)."""
    events, _ = run_text("Gunmen stormed a church in Kajuru, Nigeria, late on Sunday and marched dozens of worshippers "
                         "into the bush.", dt.date(2026, 2, 17))
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
    events, _ = run_text("Thousands of teachers marched through Abuja, Nigeria, on Monday over unpaid salaries.",
                         dt.date(2026, 2, 17))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_retook_is_the_past_tense_of_retake() -> None:
    """The model lemmatizes "retook" as itself and tags it a present tense (lemmas.yaml sets both right)."""
    events, _ = run_text("Somali government forces retook the town of Bulo Burde in Hiran region on 4 March.",
                         dt.date(2026, 3, 7))
    assert [(e.sub_event_type, e.when.date) for e in events] == [("Government regains territory", dt.date(2026, 3, 4))]


@pytest.mark.parametrize("text", [
    "Gunmen struck a cattle market outside Zurmi, Nigeria, on Thursday, killing nine traders.",
    "A truck packed with sacks struck the gate of the barracks in Gao, Mali, on Thursday, killing two guards.",
])
def test_struck_by_gunmen_or_a_vehicle_is_no_air_strike(text: str) -> None:
    """A "strike" by no named weapon is from the air only where a force that flies could have made it
    (triggers.yaml fallback_unless_by)."""
    events, _ = run_text(text, dt.date(2026, 4, 10))
    assert events and all(e.sub_event_type != "Air/drone strike" for e in events)


@pytest.mark.parametrize(("text", "sub"), [
    ("A crowd in Kaduna, Nigeria, beat a suspected thief to death near the motor park on Friday.", "Mob violence"),
    ("Gunmen hacked six herders to death near Bokkos, Nigeria, on Friday.", "Attack"),
])
def test_killed_by_hand_to_death_is_an_act(text: str, sub: str) -> None:
    """"beat ... to death", "hacked to death": a killing, though "beat" alone is no act (triggers.yaml verb_objects)."""
    events, _ = run_text(text, dt.date(2026, 4, 11))
    assert [e.sub_event_type for e in events] == [sub]


def test_looting_in_a_day_of_protests_where_one_was_shot_is_a_riot() -> None:
    events, _ = run_text("Thousands of protesters marched in Lusaka on Monday against rising fuel prices. In Kitwe, "
                         "shops were looted along the main road and one man was shot dead, police said.")
    assert "Violent demonstration" in [e.sub_event_type for e in events if e.place and e.place.name == "Kitwe"]
