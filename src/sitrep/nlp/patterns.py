"""Entity-ruler patterns built from the knowledge files: actor aliases (ACTOR) and named places (FAC,
GPE). Short all-capital aliases ("US", "PMF", "IS") match case-sensitively so that "us" and "is" do not."""

from __future__ import annotations

from typing import Any

from sitrep.data import actor_entries, countries_as_written, read_csv, row_names

CASE_SENSITIVE_MAX = 5


def _pattern(label: str, text: str, ent_id: str) -> dict[str, Any]:
    """A token pattern where the words say how the tokenizer splits them (letters only, between spaces):
    the ruler adds those at once, where a phrase pattern is tokenized at every start (half a second for
    the thousands of names). Others ("al-Shabaab", "U.S.") stay phrases."""
    text = text.strip()
    if text.isupper() and len(text.replace(".", "")) <= CASE_SENSITIVE_MAX and " " not in text:
        return {"label": label, "pattern": [{"ORTH": text}], "id": ent_id}
    words = text.split()
    if all(w.isascii() and w.isalpha() for w in words):
        return {"label": label, "pattern": [{"LOWER": w.lower()} for w in words], "id": ent_id}
    return {"label": label, "pattern": text, "id": ent_id}


def actor_patterns(skip: set[str]) -> list[dict[str, Any]]:
    """Every actor alias, except bare place names (``skip``): "Israel" stays a place for the NER, and the
    actor resolver still reads it as an actor where it is the one who acts."""
    out = []
    for actor in actor_entries():
        for alias in {actor["name"], *map(str, actor.get("aliases", []))}:
            if alias.casefold() not in skip and len(alias) > 1:
                out.append(_pattern("ACTOR", alias, actor["name"]))
    return out


def place_patterns() -> tuple[list[dict[str, Any]], set[str]]:
    """Facilities (FAC) and curated place spellings (GPE); also the set of names that are places."""
    out, names = [], set()
    for row in read_csv("facilities.csv"):
        for alias in row_names(row):
            out.append(_pattern("FAC", alias, row["name"]))
    for row in read_csv("place_aliases.csv"):
        label = "LOC" if row.get("kind") in ("region", "sea") else "GPE"
        out.append(_pattern(label, row["alias"], row["name"]))
        names.add(row["alias"].casefold())
    return out, names


def country_patterns() -> list[dict[str, Any]]:
    """Countries by their names as written, capitalised (GeoNames' and ACLED's): always places (GPE). The
    small model reads "Cameroon's restive North-West" as an organisation, which left the story without its
    country and its regions to another country's namesakes."""
    names = countries_as_written() | {row["acled"] for row in read_csv("country_names.csv")}
    out: list[dict[str, Any]] = []
    for name in sorted(names):
        words = name.split()
        if all(w.isascii() and w.isalpha() for w in words):
            out.append({"label": "GPE", "pattern": [{"ORTH": w} for w in words], "id": name})
    return out
