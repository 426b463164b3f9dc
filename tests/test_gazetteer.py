import json
from pathlib import Path

from sitrep.resolve.gazetteer import gazetteer
from sitrep.resolve.placekey import place_key
from sitrep.resolve.places import resolve_place


def test_transliteration_variants_share_a_key() -> None:
    assert place_key("Musayib") == place_key("Al-Musayyib")
    assert place_key("Khan Younis") == place_key("Khan Yunis")


def test_a_name_written_with_its_article_joined_on_is_found() -> None:
    """'Addamazin', 'Alhasakah': the article run into the name, as many local reports write it."""
    for spelling, name in (("Addamazin", "Ad-Damazin"), ("Alhasakah", "Al Hasakah"), ("Al-Hasakah", "Al Hasakah")):
        entry = gazetteer().lookup(spelling)
        assert entry is not None and entry.name == name, spelling


def test_a_country_code_is_one_only_in_capitals() -> None:
    """'Bol' is a town by Lake Chad; 'BOL' is Bolivia's code."""
    town, code = gazetteer().lookup("Bol"), gazetteer().lookup("BOL")
    assert town is not None and (town.name, town.country) == ("Bol", "Chad")
    assert code is not None and code.kind == "country" and code.country == "Bolivia"


def test_alternate_spellings_resolve_to_one_city() -> None:
    for spelling in ("Erbil", "Irbil", "Arbil"):
        entry = gazetteer().lookup(spelling, {"Iraq": 1.0})
        assert entry is not None and entry.name == "Erbil" and entry.country == "Iraq", spelling


def test_country_context_disambiguates() -> None:
    place = resolve_place("Babylon", {"Iraq": 1.0}, "launched a strike in Iraq's Babylon province")
    assert place is not None
    assert (place.country, place.admin1, place.kind) == ("Iraq", "Babil", "admin1")
    assert place.precision == 3


def test_city_has_admin1_and_coordinates() -> None:
    place = resolve_place("Kirkuk", {"Iraq": 1.0}, "near Kirkuk")
    assert place is not None and place.kind == "city" and place.admin1 == "Kirkuk"
    assert place.precision == 2  # "near" a town
    assert abs(place.latitude - 35.47) < 0.1 and abs(place.longitude - 44.39) < 0.1


def test_unknown_place_is_none() -> None:
    assert gazetteer().lookup("Qwxzvbnm") is None


def test_villages_of_a_few_hundred_people_are_known() -> None:
    """GeoNames' cities500: a village of under 1,000 people, found in its country's context."""
    place = resolve_place("Judaydat Yabus", {"Syria": 1.0}, "shelling hit Judaydat Yabus")
    assert place is not None and place.kind == "city" and place.admin1 == "Rif Dimashq"


def test_a_town_carries_its_district() -> None:
    place = resolve_place("Lashio", {"Myanmar": 1.0}, "fighting in Lashio")
    assert place is not None and (place.admin1, place.admin2) == ("Shan", "Lashio")


def test_district_word_prefers_the_district() -> None:
    """'Sibi district' is the second-level subdivision (geo_precision 2), plain 'Sibi' the town."""
    district = resolve_place("Sibi", {"Pakistan": 1.0}, "an attack in Sibi district")
    town = resolve_place("Sibi", {"Pakistan": 1.0}, "an attack in Sibi")
    assert district is not None and (district.kind, district.precision, district.admin1) == ("admin2", 2, "Balochistan")
    assert town is not None and (town.kind, town.precision) == ("city", 1)


def test_a_district_abroad_does_not_place_the_story() -> None:
    """District names are many and local: one abroad never counts without its country in the story."""
    assert resolve_place("Almirante Padilla", {"Colombia": 1.0}, "in the Almirante Padilla district") is None


def test_absurd_names_give_no_place() -> None:
    for name in ("Narnia", "x" * 500, "🔥💥", "", "  "):
        assert resolve_place(name, {"Iraq": 1.0}, f"an attack in {name}") is None


def test_lookup_explains_every_candidate() -> None:
    """`sitrep gazetteer lookup` shows each place a name can be and why it won or lost."""
    ranked = gazetteer().ranked("Sibi", {"Pakistan": 1.0})
    assert ranked[0][1] == "chosen" and (ranked[0][0].country, ranked[0][0].kind) == ("Pakistan", "city")
    reasons = {(e.country, e.kind): why for e, why in ranked[1:]}
    assert reasons[("Mali", "city")] == "outside the story's countries"
    assert reasons[("Pakistan", "admin2")] == "kind admin2 ranks below city"


def test_lookup_command_lists_candidates_and_fails_in_one_line_on_unknown_names() -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    found = CliRunner().invoke(app, ["gazetteer", "lookup", "Sibi", "--country", "Pakistan", "--json"])
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert found.exit_code == 0 and rows[0]["verdict"] == "chosen" and rows[0]["country"] == "Pakistan"
    missing = CliRunner().invoke(app, ["gazetteer", "lookup", "Narnia"])
    assert missing.exit_code == 1 and missing.stderr.strip() == "sitrep: error: 'Narnia': not in the gazetteer"


def test_a_town_called_a_town_is_the_town() -> None:
    place = resolve_place("Pahalgam town", {"India": 1.0}, "near Pahalgam town")
    assert place is not None and (place.name, place.kind) == ("Pahalgam", "city")


def test_a_story_naming_a_region_is_about_its_country_not_a_small_namesake_abroad() -> None:
    """'Kashmir' votes for the region's country, not for a village of that name in the United States."""
    from sitrep.resolve.places import article_context

    assert set(article_context(["Kashmir"])) == {"India"}


def test_airport_codes_are_not_place_names() -> None:
    """GeoNames lists IATA codes among alternate names: 'GAO' would make Gao in Mali Guantanamo."""
    assert {e.country for e in gazetteer().candidates("Gao")} >= {"Mali"}
    assert "Cuba" not in {e.country for e in gazetteer().candidates("Gao")}


def test_a_sea_is_beside_the_storys_country_not_below_its_provinces() -> None:
    """Egypt and Sudan have provinces named after the Red Sea: in a story about Egypt "the Red Sea" is still
    the sea, unless the wording asks for the province."""
    found = gazetteer().lookup("Red Sea", {"Egypt": 1.0})
    assert found is not None and found.kind == "sea"
    province = gazetteer().lookup("Red Sea", {"Sudan": 1.0}, admin="admin1")
    assert province is not None and (province.kind, province.country) == ("admin1", "Sudan")


def test_a_village_of_unknown_size_counts_only_in_the_storys_country() -> None:
    """GeoNames gives no population for 30,000 villages; one abroad is a namesake, not where the story is."""
    assert resolve_place("Zor Kot", {"Pakistan": 1.0}) is None
    village = resolve_place("Zor Kot", {"Afghanistan": 1.0})
    assert village is not None and (village.country, village.admin1) == ("Afghanistan", "Khost")
    assert resolve_place("Hodeidah", {"Egypt": 1.0}) is not None  # a large town abroad still counts


def test_a_new_compiled_file_replaces_the_versions_it_supersedes(tmp_path: Path) -> None:
    from sitrep.data import replace_in_cache

    old, other = tmp_path / "gazetteer-old.sqlite", tmp_path / "langid-old.npz"
    old.write_text("old")
    other.write_text("another family")
    tmp = tmp_path / "gazetteer-new.123.tmp"
    tmp.write_text("new")
    replace_in_cache(tmp, tmp_path / "gazetteer-new.sqlite", "gazetteer-*.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-new.sqlite", "langid-old.npz"]


def test_a_state_outranks_a_small_town_that_has_its_name_only_as_another_name() -> None:
    """'Sinaloa' is the Mexican state, not Sinaloa de Leyva (5,000 people) nor a village of that name;
    a town that is the name's main bearer keeps it ('Kidal', 'Tillaberi', 'Jableh': the towns, not their
    regions)."""
    sinaloa = gazetteer().lookup("Sinaloa", {"Mexico": 1.0})
    assert sinaloa is not None and (sinaloa.name, sinaloa.kind) == ("Sinaloa", "admin1")
    # a district named after its seat: the town, under any spelling ("Jableh", GeoNames' Jablah)
    for town, country in (("Kidal", "Mali"), ("Tillaberi", "Niger"), ("Jableh", "Syria")):
        entry = gazetteer().lookup(town, {country: 1.0})
        assert entry is not None and entry.kind == "city", town


def test_a_district_named_after_its_seat_is_placed_there_under_its_own_name() -> None:
    """GeoNames links none of Lebanon's towns to their district: the district takes its seat's point, so an
    event coded to it is on the map, and its name loses the "Caza de" GeoNames writes before it."""
    district = resolve_place("Baalbek", {"Lebanon": 1.0}, "shelling in the Baalbek district")
    assert district is not None and (district.kind, district.name, district.precision) == ("admin2", "Baalbek", 2)
    assert abs(district.latitude - 34.01) < 0.05 and abs(district.longitude - 36.21) < 0.05


def test_an_interrupted_build_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    import pytest

    from sitrep.resolve import gazetteer as module

    def interrupted():
        yield "somewhere", module.Entry("Somewhere", "city", None, None, None, 0.0, 0.0, 0)
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        module.build(tmp_path / "gazetteer-test.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_towns_of_one_name_in_one_country_are_all_kept() -> None:
    """GeoNames has several US towns named Springfield and Brooklyn; the build kept only the first it met, so
    a borough of millions lost to a village and the name fell to an unrelated town's alternate name."""
    found = [e for e in gazetteer().candidates("Brooklyn") if e.country == "United States" and e.name == "Brooklyn"]
    assert len({e.admin1 for e in found}) > 3
    best = gazetteer().lookup("Brooklyn", {"United States": 1.0})
    assert best is not None and (best.name, best.admin1) == ("Brooklyn", "New York")


def test_a_town_found_only_by_a_foreign_spelling_yields_to_the_place_of_that_name() -> None:
    """GeoNames lists "Khebi" for Hebi in China and "se gu" for Shibuya in Tokyo; "Kebbi" and "Segou" are the
    Nigerian state and the Malian town, which have that name."""
    for name, country in (("Kebbi", "Nigeria"), ("Segou", "Mali")):
        place = resolve_place(name, {}, f"fighting near {name}")
        assert place is not None and place.country == country, (name, place)


def test_without_the_storys_country_a_name_takes_its_best_known_reading() -> None:
    """A village abroad of the name is passed over for the region many more people live in."""
    place = resolve_place("Plateau", {}, "gunmen raided a village in Plateau state")
    assert place is not None and (place.country, place.kind) == ("Nigeria", "admin1")
    entry = gazetteer().lookup("Plateau", {"Nigeria": 1.0}, admin="admin1")
    assert entry is not None and entry.population > 0  # a region counts the people of its towns


def test_a_village_is_not_a_city_of_a_like_spelling() -> None:
    """GeoNames spells Khouribga, a Moroccan city, also "Kuriga": "Kuriga village" in a Nigerian story is no
    city; the gazetteer lacks the village, so nothing is claimed for it."""
    place = resolve_place("Kuriga", {"Nigeria": 0.5, "Morocco": 0.5}, "abducted pupils from Kuriga village")
    assert place is None or place.country == "Nigeria"


def test_a_philippine_village_is_found_under_its_barangay_title() -> None:
    """'Barangay X', as Philippine reports name a village: the title is no part of the name."""
    entry = gazetteer().lookup("Barangay Kitango")
    assert entry is not None and (entry.name, entry.country) == ("Kitango", "Philippines")


def test_a_town_geonames_lists_without_its_people_is_found_from_the_curated_towns() -> None:
    """cities500 lacks places GeoNames lists with no population (towns.csv holds them, with their sources)."""
    from test_extract import run_text

    events, _ = run_text("Gunmen attacked a cattle camp near Akobo on Sunday, killing seven people.")
    assert [(e.place.name, e.place.country, e.place.admin1) for e in events if e.place] == [
        ("Akobo", "South Sudan", "Jonglei")]


def test_every_curated_town_names_its_source_and_a_subdivision_of_its_country() -> None:
    from sitrep.data import read_csv
    from sitrep.resolve.gazetteer import gazetteer

    subdivisions = set(gazetteer().con.execute("SELECT DISTINCT country, admin1 FROM place WHERE kind = 'admin1'"))
    for row in read_csv("towns.csv"):
        assert row["source"].strip(), row["name"]
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row["name"]
        assert (row["country"], row["admin1"]) in subdivisions, (row["name"], row["admin1"])
