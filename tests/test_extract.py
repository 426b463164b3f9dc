"""Extraction on sentences written for the test: events, and what must not become one."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import extract
from sitrep.link import link_article
from sitrep.models import Article
from sitrep.nlp import process
from sitrep.resolve import resolve


def run_text(text: str, published: dt.date = dt.date(2024, 3, 7)):
    article = Article("t", "", text, published, "cli", None, None, "t.txt", "h")
    resolved = resolve(extract(next(process([article]))))
    return link_article(resolved), resolved.claims


def test_air_strike_with_slots() -> None:
    events, _ = run_text("Israeli warplanes struck a house in Rafah on Tuesday, killing at least six people "
                         "and wounding 11 others, health officials said.")
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Israel"
    assert ev.place is not None and ev.place.country == "Palestine"
    assert ev.when.date == dt.date(2024, 3, 5)
    assert (ev.fatalities, ev.injuries) == (6, 11)
    fields = {e.field for e in ev.evidence}
    assert {"date", "location", "fatalities", "injuries", "actor1"} <= fields
    for e in ev.evidence:  # every value points at the words it came from
        assert e.quote in e.sentence_text


def test_shelling_by_rocket() -> None:
    events, _ = run_text("Russian forces fired rockets at Kharkiv on Monday, killing two civilians.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].place is not None and events[0].place.name == "Kharkiv"


@pytest.mark.parametrize(
    "text",
    [
        "No attacks were recorded against the base from March 1 to March 4.",
        "Officials did not confirm any drone launch from the area.",
        "The fighters were preparing to launch a drone at the convoy.",
        "The group has carried out dozens of attacks on troops in the region.",
        "Rocket and drone attacks on bases have become common in recent weeks.",
        "More than 150 people have been killed on the Lebanese side, most of them fighters.",
        "Fighting has raged around the city since May 10.",
        "The foreign minister condemned the attack and called for restraint on both sides.",
        "The army is preparing an offensive to retake the city before the rains, officials said.",
        "Fighting has raged in the region for more than a year.",
        "The journalist remains in custody pending his trial next month.",
        "In Lagos, youths often block roads to protest against power cuts.",  # the purpose of a habit
        # what has been done over a while, in the perfect, to people no figure counts
        "Police in the province have detained hundreds of suspects and seized weapons caches in the hills.",
        "In Zamfara, bandits have abducted farmers and burned granaries along the main roads.",
        "The foreign ministry handed the envoy a formal protest on Thursday.",  # a government's note
        "The commission documents bombardment across the region, its chair told reporters on Monday.",  # a topic
        "The observatory, which tracks shelling in Idlib province, said on Monday that its staff were safe.",
    ],
)
def test_not_events(text: str) -> None:
    events, _ = run_text(text)
    assert events == [], [(e.sub_event_type, e.evidence[0].quote) for e in events]


def test_an_act_with_no_side_no_place_and_no_toll_is_not_coded() -> None:
    """"had fled fighting", in a story of two provinces, says neither who fought nor where: no event."""
    events, _ = run_text("Gunmen killed three farmers near Kachia in Kaduna state on Monday, police said. Soldiers "
                         "arrested two suspects in Gusau in Zamfara state on Wednesday. Aid workers said families "
                         "who reached a camp on Tuesday had fled fighting.")
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Attack", "Kachia"), ("Arrests", "Gusau")]


def test_tally_is_a_claim_not_an_event() -> None:
    events, claims = run_text("The Pentagon has counted at least 60 attacks on its forces in Iraq and Syria "
                              "since October 17.", published=dt.date(2023, 11, 20))
    assert events == []
    assert len(claims) == 1
    c = claims[0]
    assert (c.quantity, c.bound, c.date_from, c.date_to) == (60, "at_least", dt.date(2023, 10, 17),
                                                            dt.date(2023, 11, 20))
    assert set(c.where) == {"Iraq", "Syria"}


def test_story_told_in_two_sentences_is_one_event() -> None:
    events, _ = run_text("A drone struck a market in Kharkiv on Saturday. The strike killed three people, "
                         "the governor said.")
    assert len(events) == 1
    assert events[0].fatalities == 3


def test_two_places_two_events() -> None:
    events, _ = run_text("On Sunday, Russian missiles hit Kharkiv. On Monday, Russian missiles hit Odesa.")
    assert sorted(e.place.name for e in events if e.place) == ["Kharkiv", "Odesa"]


def test_a_later_claim_of_responsibility_names_the_attacker() -> None:
    events, _ = run_text("A car bomb exploded outside a hotel in Mogadishu on Friday, killing nine people. "
                         "Police said the area was sealed off. Al-Shabaab later claimed responsibility.")
    (ev,) = [e for e in events if e.place and e.place.name == "Mogadishu"]
    assert ev.claimed_by is not None and ev.claimed_by.name == "Al Shabaab"
    assert ev.actor1 is not None and ev.actor1.name == "Al Shabaab"
    assert any(e.field == "claimed_by" for e in ev.evidence)


def test_taking_credit_for_an_attack_is_a_claim_of_it() -> None:
    events, _ = run_text("A bomb struck an army truck on a road near Gao on Monday, wounding three soldiers. "
                         "The Islamic State Sahel Province took credit for the attack.")
    assert [e.claimed_by.name if e.claimed_by else None for e in events] == ["Islamic State Sahel Province"]


def test_the_act_a_claim_tells_again_is_the_act_told_before_wherever_the_claimant_spoke() -> None:
    events, _ = run_text("Militants ambushed a police convoy near Garissa, Kenya, on Monday, killing four officers. "
                         "Al Shabaab claimed the attack on a radio station it runs in Somalia, saying its fighters had "
                         "destroyed two vehicles.")
    assert [(e.place.country if e.place else None, e.claimed_by.name if e.claimed_by else None) for e in events] == [
        ("Kenya", "Al Shabaab")]


def test_an_act_claimed_in_the_passive_is_the_claimants_even_where_the_doers_were_described() -> None:
    events, _ = run_text("Gunmen shot dead five road workers near Bulo Burde, Somalia, on Saturday. The killings were "
                         "claimed by al-Shabaab on one of its websites.")
    assert [(e.actor1.name if e.actor1 else None, e.claimed_by.name if e.claimed_by else None) for e in events] == [
        ("Al Shabaab", "Al Shabaab")]


def test_those_a_later_sentence_blames_did_the_act_but_claimed_nothing() -> None:
    events, _ = run_text("Mortar rounds fell on a camp for displaced people outside Kaga Bandoro on Sunday, killing "
                         "three children. Aid workers blamed the UPC, which has not commented.", dt.date(2025, 6, 3))
    (ev,) = events
    assert ev.actor1 is not None and ev.actor1.name == "Coalition of Patriots for Change"  # the UPC is of it
    assert ev.claimed_by is None
    assert [e.quote for e in ev.evidence if e.field == "actor1"] == ["UPC"]


def test_blame_cast_on_a_country_or_on_no_one_names_no_doer() -> None:
    for blame in ("Officials blamed neighbouring Rwanda.", "Officials did not blame anyone."):
        events, _ = run_text("A landmine blew up a minibus on the road out of Uvira on Monday, killing four traders. "
                             + blame, dt.date(2025, 6, 3))
        assert [e.actor1 for e in events] == [None], blame


def test_an_act_a_relative_clause_blames_on_someone_was_theirs_though_the_sentence_dates_another() -> None:
    """'Two days after a drone strike ..., which residents blamed on the Malian army': the strike's doer,
    though the sentence tells the clashes that came after it."""
    events, _ = run_text("The clashes broke out two days after a drone strike on a market in Kidal, which residents "
                         "blamed on the Malian army. The strike on Sunday killed four traders, local officials said.",
                         dt.date(2025, 3, 12))
    assert [(e.sub_event_type, e.actor1 and e.actor1.name, e.fatalities) for e in events] == [
        ("Air/drone strike", "Military Forces of Mali", 4)]


def test_blame_does_not_replace_the_doer_the_story_named() -> None:
    events, _ = run_text("Soldiers shelled a village near Bambari in the Central African Republic on Friday, killing "
                         "two farmers. Residents also blamed a local militia.", dt.date(2025, 6, 3))
    assert [e.actor1.name if e.actor1 else None for e in events] == [
        "Military Forces of the Central African Republic"]


def test_a_similar_act_is_a_new_event_of_the_kind_told_before() -> None:
    """'after a similar attack on a tanker on Friday': another event, by the same means and author; the
    country the ship was tied to is no place of either."""
    events, _ = run_text("Houthi rebels fired missiles at a cargo ship in the Red Sea on Monday, setting it ablaze. The "
                         "rebels said the vessel was targeted over its ties to Israel. It was the second ship hit in a "
                         "week, after a similar attack on a tanker on Friday.", dt.date(2024, 5, 9))
    assert [(e.when.date, e.sub_event_type, e.actor1 and e.actor1.name, e.place and e.place.name) for e in events] == [
        (dt.date(2024, 5, 6), "Shelling/artillery/missile attack", "Ansar Allah", "Red Sea"),
        (dt.date(2024, 5, 3), "Shelling/artillery/missile attack", "Ansar Allah", "Red Sea")]


def _mentions(text: str) -> list:
    article = Article("t", "", text, dt.date(2024, 5, 9), "cli", None, None, "t.txt", "h")
    return extract(next(process([article]))).mentions


def test_a_time_told_of_the_next_verb_of_one_subject_dates_the_act() -> None:
    """'had been detained and sentenced ... in 2015': the year dates the detention too."""
    mentions = _mentions("Kamara, in his 40s, had been detained and sentenced to six years in prison in 2015 for the "
                         "murder of two guards.")
    assert [m.trigger.text for m in mentions] == ["detained"] and "2015" in [t.text for t in mentions[0].times]


@pytest.mark.parametrize("text", [
    "The gang leader was also charged with robbing trucks, raping and kidnapping motorists on the highway.",
    "The rights group said it was important to end prolonged pretrial detention so the prisons can focus on "
    "detaining dangerous convicts.",  # what is to be ended; under a modal
    "Before the riot, 2,000 inmates were in detention there.",  # a state
])
def test_what_is_charged_wished_or_a_state_is_no_event(text: str) -> None:
    found = [m.trigger.text for m in _mentions(text)]
    assert not {"raping", "kidnapping", "detention", "detaining"} & set(found), found


def test_the_model_s_wrong_lemma_is_corrected_from_data() -> None:
    """The model reads 'raped' as a form of 'rap' (lemmas.yaml corrects it): the act is a trigger."""
    assert [(m.trigger.text, m.sub_event_type) for m in _mentions("Gunmen raped two women and then set fire to "
                                                                  "their house.")][:1] == [("raped", "Sexual violence")]


def test_property_set_on_fire_is_an_event_and_in_a_story_of_demonstrations_a_riot() -> None:
    events, _ = run_text("A government warehouse in Multan was set on fire on Tuesday.", dt.date(2024, 5, 9))
    assert [(e.sub_event_type, e.place and e.place.name) for e in events] == [("Looting/property destruction", "Multan")]
    events, _ = run_text("Thousands of opposition supporters marched in Lahore on Tuesday. In Multan, the city's tax "
                         "office was torched.", dt.date(2024, 5, 9))
    assert [(e.sub_event_type, e.actor1 and e.actor1.name) for e in events] == [
        ("Peaceful protest", "Protesters (Pakistan)"), ("Violent demonstration", "Rioters (Pakistan)")]


def test_a_similar_attack_on_a_named_ship_has_the_target_of_the_attack_it_is_likened_to() -> None:
    events, _ = run_text("Houthi rebels fired missiles at a cargo ship in the Red Sea on Monday, setting it ablaze. It was "
                         "the second ship hit in a week, after a similar attack on the Sea Star on Friday.",
                         dt.date(2024, 5, 9))
    assert [(e.actor1 and e.actor1.name, e.actor2 and e.actor2.name) for e in events] == [
        ("Ansar Allah", "Civilians"), ("Ansar Allah", "Civilians")]


def test_what_follows_a_statement_date_happened_on_or_before_it() -> None:
    """'the army announced on Tuesday': the next sentence's act is not dated Tuesday, so it stays the
    Sunday strike it tells more of."""
    events, _ = run_text("Government aircraft bombed a rebel camp near Kidal on Sunday night, the army announced on "
                         "Tuesday. The pilots also struck the camp's fuel depot, killing 14 fighters, the statement said.")
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2024, 3, 3), 14)]


def test_a_day_beside_what_preceded_the_act_still_dates_the_act() -> None:
    """'seized ... on Monday after heavy fighting': Monday is not measured from the fighting."""
    events, _ = run_text("Rebels seized the town of Bunia on Monday after heavy fighting, residents said.")
    assert [e.when.date for e in events] == [dt.date(2024, 3, 4)]


def test_what_an_armed_party_holds_names_the_target() -> None:
    """'struck Houthi positions', 'bombed a Boko Haram camp': the holder is actor2; not of a refugee camp."""
    events, _ = run_text("US warplanes struck Houthi positions near Hodeidah on Monday. On Tuesday, Nigerian air force "
                         "jets bombed a Boko Haram camp near Maiduguri. On Wednesday, Israeli jets bombed a Palestinian "
                         "refugee camp in Gaza.")
    assert [e.actor2.name if e.actor2 else None for e in events] == ["Ansar Allah", "Boko Haram", None]


def test_a_count_of_what_a_party_holds_names_the_target() -> None:
    """'bombed dozens of PKK hideouts': the count is of the group's holdings; the group is actor2."""
    events, _ = run_text("Turkish warplanes bombed dozens of PKK hideouts in northern Iraq on Sunday. Israeli jets hit "
                         "scores of Hezbollah sites in southern Lebanon on Monday.")
    assert [e.actor2.name if e.actor2 else None for e in events] == ["Kurdistan Workers' Party", "Hezbollah"]


def test_an_act_told_outright_stands_whatever_the_clauses_around_it() -> None:
    """The sentence's main verb, with its doer and its day, reports an event even where a clause of cause
    ('retaliating for weeks of attacks ...') makes the classifier read the sentence as background."""
    events, _ = run_text("Russia pounded the port of Odesa early on Sunday, retaliating for weeks of attacks by the "
                         "Ukrainian military on its refineries in the Black Sea region.")
    assert [(e.actor1.name if e.actor1 else None, e.place.name if e.place else None, e.when.date) for e in events] == [
        ("Military Forces of Russia", "Odesa", dt.date(2024, 3, 3))]


def test_a_vehicle_that_set_off_a_hidden_charge_was_its_target() -> None:
    """'ran over a landmine', 'stepped on a mine': an explosion; the subject is what it struck, not who set it."""
    events, _ = run_text("An army truck ran over a landmine near Kidal on Monday, killing three soldiers. Two boys "
                         "stepped on a mine in a field outside Kharkiv on Tuesday.")
    assert [(e.sub_event_type, e.actor1, e.actor2.name if e.actor2 else None, e.when.date) for e in events] == [
        ("Remote explosive/landmine/IED", None, "Military Forces of Mali", dt.date(2024, 3, 4)),
        ("Remote explosive/landmine/IED", None, "Civilians", dt.date(2024, 3, 5))]


def test_coming_under_fire_is_an_act() -> None:
    """'came under fire' tells an attack the way 'opened fire' does."""
    events, _ = run_text("A fuel convoy escorted by soldiers came under fire near Gao on Sunday afternoon.")
    assert [(e.event_type, e.place.name if e.place else None, e.when.date) for e in events] == [
        ("Battles", "Gao", dt.date(2024, 3, 3))]


def test_bombs_dropped_from_the_air_are_a_strike_by_whoever_flew_them() -> None:
    """'dropped barrel bombs' is an act, dated by the words hung on 'dropped'; 'an aircraft operated by X'
    is X's. Prices that dropped are none."""
    events, _ = run_text("On 1 March, a helicopter operated by the Sudanese Armed Forces dropped barrel bombs on a "
                         "market in Kabkabiya, killing nine people. Fuel prices dropped sharply on Monday.")
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.when.date, e.fatalities) for e in events] == [
        ("Air/drone strike", "Military Forces of Sudan", dt.date(2024, 3, 1), 9)]


def test_a_count_over_a_period_is_no_toll_of_the_act_its_sentence_names() -> None:
    """'at least 40 civilian deaths since January 1, most of them in artillery bombardment': the 40 are the
    tally's, not the toll of the bombardment told the day before."""
    events, claims = run_text("Shelling hit the market in Kherson on Tuesday, killing two people. The regional "
                              "administration has documented at least 40 civilian deaths in Kherson since January 1, "
                              "most of them in artillery bombardment.")
    assert 40 in [c.quantity for c in claims]
    assert [e.fatalities for e in events] == [2]


def test_another_weapon_joins_an_event_told_only_at_country_level_nowhere() -> None:
    """Drones launched 'at Ukraine' overnight and artillery that shelled a named town the day before are two
    acts: the shelling names its town, but the drones' event was told only by its country."""
    events, _ = run_text("Russia launched 40 attack drones at Ukraine overnight, the air force said on Thursday. In "
                         "neighbouring Sumy region, Russian artillery shelled the town of Okhtyrka on Wednesday, "
                         "killing a man and wounding two women.")
    shelled = [e for e in events if e.place is not None and e.place.name == "Okhtyrka"]
    assert [(e.sub_event_type, e.actor2.name if e.actor2 else None) for e in shelled] == [
        ("Shelling/artillery/missile attack", "Civilians")]


def test_a_headlines_semicolon_parts_two_stories() -> None:
    """'Five killed in strike on Rafah home; settlers burn cars near Nablus': two stories, whose toll is the
    strike's alone; in a sentence that ends with a full stop, a semicolon parts nothing."""
    from sitrep.nlp import build_pipeline

    nlp = build_pipeline()
    doc = nlp("Five killed in strike on Rafah home; settlers burn cars near Nablus\n\nThe army said it struck a "
              "militant; medics said all five were civilians.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Five killed in strike on Rafah home;", "settlers burn cars near Nablus"]
    assert "The army said it struck a militant; medics said all five were civilians." in [s.text.strip() for s in doc.sents]


def test_a_paragraphs_first_word_is_no_sentence_of_its_own() -> None:
    """The parser may cut 'Forty | people were killed ...' at a paragraph's start: the toll would be lost."""
    from sitrep.nlp import build_pipeline

    doc = build_pipeline()("Raid\n\nForty people were killed and 20 others are missing after gunmen of the Lakurawa "
                           "group raided the village on Sunday, officials have told The Daily.")
    assert [s.text.strip()[:20] for s in doc.sents] == ["Raid", "Forty people were ki"]


def test_the_weapon_an_act_was_told_with_is_the_same_act() -> None:
    """'An air strike ... killed five ... The missile struck at 9 p.m.': the missile is the strike's, not a
    second, missile attack; and the hospital whose medics told it is not where it struck."""
    events, _ = run_text("An Israeli air strike on a tent in Khan Younis killed five people on Tuesday, medics at Nasser "
                         "Hospital said. The missile struck at about 9 p.m., leaving a crater in the sand.")
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Air/drone strike", "Khan Yunis")]


def test_an_act_told_as_what_preceded_a_date_is_dated_on_or_before_it() -> None:
    """'mediators left in September 2023 after an assault on an outpost': the assault is the event, in or
    shortly before September 2023, not in the week of publication."""
    events, _ = run_text("Mediators left the capital in September 2023 after an assault on an army outpost killed "
                         "three soldiers.")
    assert [(e.when.earliest, e.when.latest, e.fatalities) for e in events] == [
        (dt.date(2023, 8, 26), dt.date(2023, 9, 30), 3)]


def test_what_an_act_was_a_bid_to_do_is_not_done() -> None:
    """'in a bid to kill a Hamas commander': no killing of the commander, and Hamas is not the target (the
    dozens killed, whom the text does not describe, are civilians: taxonomy.yaml's default_target)."""
    events, _ = run_text("Dozens were killed as Israeli jets bombed a camp in a bid to kill a Hamas commander.")
    assert [(e.sub_event_type, e.actor2 and e.actor2.name) for e in events] == [("Air/drone strike", "Civilians")]


def test_down_alone_is_no_interception() -> None:
    """'broke down', 'cracked down': no weapon was brought down ('shot down', 'brought down', 'downed' are)."""
    events, _ = run_text("Talks between the two sides broke down in September 2023 after an attack on a border base "
                         "killed three soldiers.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_an_interception_told_with_its_particle_after_the_object_is_one() -> None:
    """'shot all of them down': the particle comes after the object and is parsed as an adverb."""
    article = Article("t", "", "On Tuesday evening, nine drones were launched toward shipping lanes in the Gulf of Aden. "
                      "Jets from a carrier and two destroyers shot all of them down, and no damage was reported.",
                      dt.date(2024, 3, 7), "cli", None, None, "t.txt", "h")
    mentions = extract(next(process([article]))).mentions
    assert [m.sub_event_type for m in mentions if m.trigger.text == "shot"] == ["Disrupted weapons use"]


def test_what_an_act_answers_is_a_point_of_reference_not_an_act_told() -> None:
    """'a response to the killing of ...', 'in retaliation for ...': what came before, told elsewhere."""
    events, _ = run_text("The militia fired 40 rockets at an army base in northern Israel on Sunday, calling it a "
                         "response to the killing of one of its commanders in Tyre.")
    assert [e.place.name for e in events if e.place] == ["northern Israel"]


def test_each_sides_account_of_a_battle_is_one_event_unless_it_gives_another_day() -> None:
    """"X attacked the base ... the army said it killed 25 militants": one clash, told from both sides."""
    told = "Al-Shabaab fighters attacked an army base in Beledweyne on Sunday, sparking hours of fighting with government troops."
    events, _ = run_text(told + " The army said it killed 25 militants.", dt.date(2025, 6, 9))
    assert [(e.sub_event_type, e.actor1.name, e.actor2.name, e.fatalities) for e in events if e.actor1 and e.actor2] == [
        ("Armed clash", "Al Shabaab", "Military Forces of Somalia", 25)]
    events, _ = run_text(told + " On Tuesday, the army killed 25 militants near Beledweyne.", dt.date(2025, 6, 11))
    assert len(events) == 2


def test_civilians_killed_in_a_battles_fighting_are_its_toll() -> None:
    events, _ = run_text("Rebels captured the town of Uvira on Saturday after heavy fighting with government troops. At least "
                         "nine civilians were killed in the fighting, a local official said.", dt.date(2025, 4, 13))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Non-state actor overtakes territory", 9)]


def test_taking_control_of_a_town_is_taking_territory() -> None:
    """'took control of', 'gained control of': as 'seized control of'."""
    events, _ = run_text("Al-Shabaab fighters took control of the town of Bulo Burte on Monday after government troops "
                         "withdrew, residents said.")
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.when.date) for e in events] == [
        ("Non-state actor overtakes territory", "Al Shabaab", dt.date(2024, 3, 4))]


def test_a_sentence_on_who_did_an_act_does_not_retype_it() -> None:
    """'its fighters had carried out the attack': the classifier's reading of a claim is not the act's kind."""
    events, _ = run_text("Separately, suspected Allied Democratic Forces (ADF) rebels killed 11 people in a raid on a "
                         "village about 10 km south of Eringeti, in Beni territory, late on Sunday, the local administrator "
                         "said. Islamic State said through its Amaq news agency that its fighters had carried out the attack.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 11)]


def test_property_burned_in_a_raid_that_killed_is_the_raid() -> None:
    """Houses set on fire by the gunmen who killed villagers: one attack, not looting or property destruction."""
    events, _ = run_text("Gunmen killed nine villagers near Beni late on Sunday, officials said. They also set fire to a "
                         "clinic before fleeing.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 9)]


def test_a_long_dateline_is_not_the_day_of_the_act() -> None:
    """'BUNIA, Democratic Republic of Congo, June 5 (Wire) -': the story's date, not its act's ('on Tuesday')."""
    events, _ = run_text("BUNIA, Democratic Republic of Congo, March 7 (Lake Wire) - CODECO militiamen attacked a camp "
                         "for displaced people near Djugu on Tuesday, killing 11 people, a local official said.")
    assert [e.when.date for e in events] == [dt.date(2024, 3, 5)]


def test_whose_forces_take_a_place_decides_gaining_or_regaining_it() -> None:
    """ACLED: a state's forces regain territory, anyone else overtakes it, whatever the verb."""
    events, _ = run_text("Somali soldiers took control of the town of Bulo Burte on Monday. On Tuesday, al-Shabaab "
                         "fighters recaptured the town of Mahas.")
    assert [e.sub_event_type for e in events] == ["Government regains territory", "Non-state actor overtakes territory"]


def test_neutralized_rendered_safe_and_a_base_set_up_are_acts() -> None:
    """An army's words: 'neutralized' fighters (a clash), 'rendered safe' a bomb (disrupted weapons use), 'set
    up a base' / 'established a patrol base' (a base established)."""
    events, _ = run_text("Soldiers neutralized four militants during an encounter near Jolo on Monday. On Tuesday, an "
                         "army bomb disposal team rendered safe a roadside bomb near Patikul. On Wednesday the battalion "
                         "established a new patrol base in Indanan. Last week Abu Sayyaf fighters set up a camp in the "
                         "hills outside Talipao.")
    assert [e.sub_event_type for e in events] == [
        "Armed clash", "Disrupted weapons use", "Headquarters or base established", "Headquarters or base established"]


def test_the_day_a_toll_was_counted_by_is_not_the_day_of_the_act() -> None:
    """'By 4 March, the death toll had risen to 23': the day of the count; the raid was told before."""
    events, _ = run_text("On 1 March, gunmen attacked cattle camps near Tonj, killing 11 people. By 4 March, the death "
                         "toll had risen to 23, with 30 people wounded.")
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2024, 3, 1), 23)]


def test_officials_who_attribute_an_act_to_a_side_name_its_actor() -> None:
    """'attributed the strikes to X', 'blamed the attack on X': X is the first actor."""
    events, _ = run_text("On 3 March, aerial bombardments hit the market of a town in Jonglei State, South Sudan, killing "
                         "seven civilians. Local officials attributed the strikes to the South Sudan People's Defence "
                         "Forces.")
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Military Forces of South Sudan"]


def test_a_headline_without_a_day_is_the_event_its_story_dates() -> None:
    """A release of 7 October headlined 'massacre by gang in Liancourt' about a massacre of 27 September: one
    event, on the day the body gives, not a second one in the week of publication."""
    events, _ = run_text("Rights group documents massacre by gang in Liancourt\n\nOn 27 September, members of the "
                         "Gran Grif gang attacked a neighbourhood of Liancourt, killing at least 17 people.",
                         dt.date(2025, 10, 7))
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2025, 9, 27), 17)]


def test_the_period_a_superlative_compares_with_does_not_date_the_act() -> None:
    """'the deadliest blast in the capital this year': the act was on Sunday, not some time this year."""
    events, _ = run_text("A car bomb killed 14 people at a bus station in Mogadishu on Sunday, the deadliest blast in "
                         "the capital this year.")
    assert [(e.when.date, e.fatalities) for e in events] == [(dt.date(2024, 3, 3), 14)]


def test_a_brief_s_headline_is_the_event_its_paragraph_tells() -> None:
    """In a roundup, each brief's own headline line names the event its paragraph dates: one event each."""
    events, _ = run_text("World briefs\n\nNIGER — Army post bombed near Tera\nGunmen killed five soldiers at a "
                         "checkpoint near Tera, in Tillaberi region, on Monday, the army said.\n\nSUDAN — Grenade attack "
                         "in Kassala\nA man threw a grenade into a market in Kassala on Wednesday, wounding nine people, "
                         "police said.")
    assert sorted((e.place.country, e.when.date.isoformat()) for e in events if e.place and e.when.date) == [
        ("Niger", "2024-03-04"), ("Sudan", "2024-03-06")]


def test_what_attackers_looted_or_seized_is_part_of_their_attack() -> None:
    """'The attackers also looted shops ...', '... seized weapons': ACLED codes the attack, not looting or a
    seizure besides; fighting that 'went on until the early hours of Sunday' began when the attack did."""
    events, _ = run_text("Militants attacked an army post in the town of Djibo late on Saturday, killing 15 soldiers, "
                         "security sources said. Fighting went on until the early hours of Sunday. Residents said the "
                         "attackers also looted shops and set fire to the town hall before withdrawing. JNIM claimed "
                         "the attack, saying its fighters had seized weapons and two vehicles.")
    assert [(e.event_type, e.when.date, e.fatalities) for e in events] == [("Battles", dt.date(2024, 3, 2), 15)]


def test_acts_summed_up_over_recent_days_are_no_event_of_their_own() -> None:
    """A release's lead sums up in the present perfect what it then tells act by act: only the acts count."""
    events, _ = run_text("Government forces have killed civilians in air strikes, raped women and detained opposition "
                         "officials in Upper Nile state in recent days, the monitor said. On 2 March, an army aircraft "
                         "bombed the market in Malakal, killing 11 civilians.")
    assert [(e.sub_event_type, e.when.date) for e in events] == [("Air/drone strike", dt.date(2024, 3, 2))]


def test_arrests_told_of_a_demonstration_are_its_dispersal() -> None:
    """'Police detained 35 people', told after a march with no day or place of its own: a protest with
    intervention, not an arrest event besides."""
    events, _ = run_text("Thousands of students marched through central Dakar on Tuesday to protest against fuel "
                         "prices. Police detained 35 people, a rights group said.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Protests", "Protest with intervention")]


def test_capturing_ground_is_taking_territory() -> None:
    """'captured a hilltop outpost', 'seized the village of X': ground taken, by whom decides which of ACLED's two
    types; not what else is captured."""
    events, _ = run_text("Arakan Army fighters captured a hilltop outpost outside Kyaukphyu on Sunday. On Monday, "
                         "Myanmar troops seized the village of Kan Htaung Gyi, residents said.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory", "Government regains territory"]


def test_a_time_before_the_speaker_dates_the_act_not_the_statement() -> None:
    """"... on Saturday night, the army said on Sunday": the parser hangs both times on "said"."""
    events, _ = run_text("Four soldiers were killed when insurgents attacked a military camp on the edge of Monguno, in "
                         "Borno state, on Saturday night, the army said on Sunday.", dt.date(2024, 3, 12))
    assert [(e.when.date, e.when.precision) for e in events] == [(dt.date(2024, 3, 9), "day")]


def test_a_second_attack_is_not_the_attack_told_before() -> None:
    """"A second attack the same night" near a town of the province told before is another event."""
    events, _ = run_text("Jihadist fighters attacked an army base in Soum province in northern Burkina Faso on Sunday "
                         "night, killing five soldiers. "
                         "A second attack the same night on a checkpoint near Arbinda was repelled, the army said.",
                         dt.date(2024, 3, 12))
    assert sorted(e.place.name for e in events if e.place) == ["Aribinda", "Soum"]  # GeoNames' spelling


def test_a_question_tells_no_act() -> None:
    """An explainer's heads ask ("Who attacked the convoy near Gao on Sunday?"): a question says no act happened."""
    events, _ = run_text("What we know about the Gao convoy\n\nWho attacked the army convoy near Gao, Mali, on Sunday?\n\n"
                         "Officials have not said.", dt.date(2026, 3, 12))
    assert events == []


@pytest.mark.parametrize("text", [
    # a claim the speaker calls false tells no act
    "The ministry said rebel media had falsely claimed that insurgents killed twenty soldiers and seized the garrison.",
])
def test_words_of_violence_that_tell_no_act(text: str) -> None:
    events, _ = run_text(text)
    assert events == [], [(e.sub_event_type, e.evidence[0].quote) for e in events]


def test_a_date_that_opens_a_name_is_no_time() -> None:
    """'The 14th October Brigade' names a unit; its fighting was not on 14 October."""
    events, _ = run_text("Soldiers of the 14th October Brigade fought militants near Jowhar, Somalia, after dawn "
                         "on Tuesday.", dt.date(2026, 2, 19))
    assert [e.when.date for e in events] == [dt.date(2026, 2, 17)]
    events, _ = run_text("Heavy fighting raged in the area of the 14th October Brigade near Jowhar, Somalia.",
                         dt.date(2026, 2, 19))
    assert all(e.when.date != dt.date(2025, 10, 14) for e in events)


def test_where_the_wounded_are_treated_is_not_where_they_were_hurt() -> None:
    """The hospital in another town the wounded were taken to is no second scene of the attack."""
    events, _ = run_text("Militants attacked an army base in Jowhar, Somalia, on Wednesday. Two soldiers were killed and "
                         "four others are receiving treatment at a hospital in Mogadishu.", dt.date(2026, 2, 19))
    assert [e.place.admin1 for e in events if e.place] == ["Shabeellaha Dhexe"]  # Jowhar, not Mogadishu (Banaadir)


def test_a_name_the_model_took_for_a_date_tells_no_time() -> None:
    """The small model tags 'Mahaday' (a Somali district) as a date: no time of the act, so the act keeps the
    sentence's real one."""
    article = Article("t", "", "Al-Shabaab fighters overran a base in Mahaday district on Tuesday.", dt.date(2026, 2, 19),
                      "cli", None, None, "t.txt", "h")
    [mention] = extract(next(process([article]))).mentions
    assert [t.text for t in mention.times] == ["Tuesday"]


def test_a_site_named_by_a_name_no_one_holds_is_not_an_actor() -> None:
    """'the Rhoe site', 'the Kalobeyei camp': a proper name the dictionary does not hold, before a site word, names
    the site; its people, not the name, are who was attacked ('Hezbollah positions' stay Hezbollah's)."""
    events, _ = run_text("Medics condemned the attack on the Rhoe site for displaced people in Djugu territory, Ituri "
                         "province, on Monday night, which killed at least 12 people.", dt.date(2026, 3, 11))
    assert [e.actor2.name if e.actor2 else None for e in events] == ["Civilians"]
    events, _ = run_text("Israeli jets struck Hezbollah positions near Nabatieh, Lebanon, on Monday.", dt.date(2026, 3, 11))
    assert [e.actor2.name if e.actor2 else None for e in events] == ["Hezbollah"]


def test_a_reported_act_takes_the_sides_and_place_the_report_gives() -> None:
    """'Fighting was reported between X and Y near Z': the parser hangs both on "reported"; they are the act's."""
    events, _ = run_text("On Sunday, fierce fighting was reported between government troops and insurgents near "
                         "Kismayo, residents said.", dt.date(2025, 6, 3))
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [("Armed clash", "Kismayo")]
    assert events[0].actor1 is not None and events[0].actor2 is not None


def test_a_force_named_by_its_owner_is_the_owner() -> None:
    """"the group's naval forces": not some state's navy, the group the story named."""
    events, _ = run_text("The Houthis fired a missile at Eilat on Tuesday. On Wednesday, the group's naval forces "
                         "attacked a cargo ship in the Red Sea.", dt.date(2025, 6, 7))
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Ansar Allah", "Ansar Allah"]


def test_acts_joined_to_an_intended_one_are_intended_too() -> None:
    """"with the intention of abducting traders and burning their stalls": neither was done; the storming was."""
    events, _ = run_text("Gunmen stormed the cattle market in Gamboru, Borno state, on Saturday with the intention of "
                         "abducting traders and burning their stalls.", dt.date(2025, 6, 10))
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_who_planted_a_mine_set_it_off() -> None:
    """"A landmine buried by al-Shabaab exploded": the group that laid it is the attacker."""
    events, _ = run_text("A landmine buried by al-Shabaab exploded under a police truck near Afgooye on Monday.",
                         dt.date(2025, 6, 10))
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Remote explosive/landmine/IED", "Al Shabaab")]


def test_a_bomb_found_or_destroyed_in_a_controlled_explosion_was_disrupted() -> None:
    """A bomb found before it went off is no bombing, whatever the words for it; who found it stopped it."""
    for text in ("Soldiers found a roadside bomb near Kismayo on Monday.",
                 "Engineers found a roadside bomb near Kismayo on Monday and destroyed it in a controlled explosion."):
        events, _ = run_text(text, dt.date(2025, 6, 10))
        assert [e.sub_event_type for e in events] == ["Disrupted weapons use"], text
    assert events[0].place is not None and events[0].place.name == "Kismayo"
    events, _ = run_text("Soldiers found a roadside bomb near Kismayo on Monday.", dt.date(2025, 6, 10))
    assert events[0].actor1 is not None and events[0].actor1.name == "Military Forces of Somalia"


def test_whose_weapon_it_was_told_after_the_act_names_the_attacker() -> None:
    events, _ = run_text("Two shepherds were killed near Kani Masi in Duhok province on Monday night when a drone "
                         "struck their car. Villagers said the drone was Turkish.", dt.date(2026, 3, 18))
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Air/drone strike", "Military Forces of Turkey")]


def test_an_act_joined_to_a_purpose_is_a_purpose_too() -> None:
    events, _ = run_text("Gunmen kidnapped six traders near Funtua, Nigeria, on Sunday. The state said soldiers had "
                         "been sent to free the traders and detain the kidnappers.")
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
