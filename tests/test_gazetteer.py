from sitrep.resolve.gazetteer import gazetteer
from sitrep.resolve.placekey import place_key
from sitrep.resolve.places import resolve_place


def test_transliteration_variants_share_a_key() -> None:
    assert place_key("Musayib") == place_key("Al-Musayyib")
    assert place_key("Khan Younis") == place_key("Khan Yunis")


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
