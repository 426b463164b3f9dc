"""Actor names -> canonical actors from the shipped, user-extensible dictionary (data/actors.yaml).

A mention is matched by its longest alias inside the span ("the pro-Iran group Kataib Hezbollah" finds
Kataib Hezbollah); names not in the dictionary are kept verbatim, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from sitrep.data import actor_entries, read_csv
from sitrep.models import Actor

CASE_SENSITIVE_MAX = 5
NOT_ACTORS = {"it", "they", "them", "he", "she", "we", "who", "which", "that", "officials", "official",
              "sources", "group", "statement", "spokesman", "spokesperson"}


SPONSOR = re.compile(
    r"\b(pro|anti)[- ](\w+)|\b(\w+)-(backed|aligned|linked|allied|affiliated|sponsored|supported|funded)\b", re.I)
QUANTITY = re.compile(r"^(?:(?:at least|more than|over|nearly|almost|around|about|some|up to|as many as|all|another|"
                      r"other|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|"
                      r"several|many)\s+)+", re.I)
LINKED_TO = re.compile(r"^(.*\w)-(?:linked|affiliated|allied|aligned)\b", re.I)
MEMBERS_OF = re.compile(r"^(?:members|fighters|elements|units|men)\s+of\s+(?:the\s+)?(.+)$", re.I)
UNNAMED_PEOPLE = {"people", "persons", "individuals", "others", "other people", "bystanders"}
GENERIC_HEADS = {
"people", "persons", "patrols", "members", "others", "individuals", "targets", "sites", "men"}


def _norm(text: str) -> str:
    """Lower-case words; a sponsor named inside a description ("pro-Iran group", "Iran-backed militia")
    is glued to its word so that it does not read as the actor itself."""
    text = re.sub(r"'s\b", "", text.replace("’", "'").replace("‘", "'"))

    text = SPONSOR.sub(lambda m: (m.group(1) + m.group(2)) if m.group(1) else (m.group(3) + m.group(4)), text)
    return " " + re.sub(r"[^a-z0-9']+", " ", text.lower()).replace("'", "").strip() + " "


@dataclass(frozen=True)
class ActorDictionary:
    by_alias: dict[str, Actor]  # normalised alias -> actor (case-insensitive)
    exact: dict[str, Actor]  # short capitalised aliases ("US", "IS"): case-sensitive
    demonyms: dict[str, str]  # "israeli" -> "Israel"
    by_country: dict[str, str]  # a state's forces unnamed ("Police Forces") -> how ACLED names them by state
    states: dict[tuple[str, str], Actor]  # (unnamed forces, country) -> the dictionary's entry for them
    country_named: frozenset[str]  # actors ACLED names with the event's country after them (country_in_name)
    names_in: dict[str, dict[str, str]]  # a word that names another group in each country -> country -> its name

    def force_kind(self, actor: Actor) -> str | None:
        """"Military Forces" or "Police Forces" for those forces, named or not; None for other actors."""
        return _force_kind(actor.name, self.by_country)

    def in_country(self, actor: Actor, country: str | None) -> Actor:
        """Unnamed state forces named for the country they act in, as ACLED names them; a word that names
        another group in each country ("khawarij") as the group it names there."""
        named = self.names_in.get(actor.name, {}).get(country or "")
        if named is not None:
            return self.resolve(named) or actor
        template = self.by_country.get(actor.name)
        if template is None or not country:
            return actor
        return self.states.get((actor.name, country)) or Actor(template.format(country=country), actor.inter,
                                                                country, known=True)

    @cached_property
    def _widths(self) -> list[int]:
        """How many space-separated fields the aliases have: a normalised alias occurs in a normalised
        span exactly where it equals a run of the span's fields, so finding the aliases in a span is a
        dict look-up per run of those widths instead of a scan of every alias."""
        return sorted({len(alias[1:-1].split(" ")) for alias in self.by_alias if alias.strip()})

    @cached_property
    def _order(self) -> dict[str, int]:
        return {alias: i for i, alias in enumerate(self.by_alias)}

    @cached_property
    def _blank(self) -> list[str]:
        """Aliases with no letter or digit left: only a substring test finds them."""
        return [alias for alias in self.by_alias if not alias.strip()]

    def _longest_alias(self, norm: str) -> tuple[int, Actor, str] | None:
        """The longest alias of a named actor in the span, else of a description ("an M23 rebel" is M23);
        the first listed among equally long ones."""
        found = [alias for alias in self._blank if alias in norm]
        fields = norm[1:-1].split(" ")
        for width in self._widths:
            for i in range(len(fields) - width + 1):
                run = " " + " ".join(fields[i : i + width]) + " "
                if run in self.by_alias:
                    found.append(run)
        if not found:
            return None
        alias = min(found, key=lambda a: (self.by_alias[a].generic, -len(a), self._order[a]))
        return len(alias), self.by_alias[alias], alias.strip()

    def _linked_group(self, span: str) -> Actor | None:
        """The armed group a description ties its men to ("al-Qaeda-linked militants"); not a state, whose
        proxies ("Iran-aligned militias") are not its forces."""
        linked = LINKED_TO.search(span)
        words = _norm(linked.group(1)) if linked else ""
        best = self._longest_alias(words) if words else None
        if best is None or not words.endswith(f" {best[2]} "):  # the name right before "-linked"
            return None
        return best[1] if not best[1].generic and best[1].inter in ARMED_GROUPS else None

    def _longer_name(self, span: str, alias: str) -> bool:
        """A named group's alias of several words that a capitalised name runs into ("West Papua National
        Liberation Army" is not Colombia's National Liberation Army); not a country's adjective or a title."""
        if len(alias.split()) < 2 or self.by_alias[_norm(alias)].generic:
            return False
        at = span.lower().find(alias.lower())
        words = span[:at].split() if at > 0 else []
        word = words[-1] if words else ""
        return word[:1].isupper() and word.isalpha() and word.lower() not in self.demonyms \
            and word.lower() not in ("the", "a", "an") and self._longest_alias(_norm(word)) is None

    def _country_opens(self, span: str, alias: str) -> bool:
        """A country's name (an alias of its forces) that opens a longer capitalised name naming no actor of
        the dictionary ("Pakistan Peoples Party", "Kenya Kwanza"): a party's, union's or alliance's."""
        if alias not in self.countries:
            return False
        at = span.lower().find(alias)
        rest = span[at + len(alias) :].split() if at >= 0 else []
        return bool(rest) and rest[0][:1].isupper() and self._longest_alias(_norm(" ".join(rest))) is None

    @cached_property
    def countries(self) -> frozenset[str]:
        return frozenset(country.lower() for country in self.demonyms.values())

    def resolve(self, text: str | None) -> Actor | None:
        return self.explain(text)[0]

    def explain(self, text: str | None) -> tuple[Actor | None, str]:
        """The actor a mention names, and why (what ``sitrep actors lookup`` shows)."""
        if not text or not text.strip():
            return None, "no words"
        span = text.strip()
        if span.lower() in NOT_ACTORS:
            return None, "a pronoun or a word for speakers, not an actor"
        owner, apostrophe, owned = span.replace("’", "'").rpartition("'s ")
        if apostrophe and owner.strip():  # "Al Qaeda's Sahel branch JNIM", "Russia's Wagner Group": the one owned
            named, why = self.explain(owned)
            if named is not None and named.known and not named.generic:
                return named, f"{why}, named as {owner.strip()}'s"
        best = self._longest_alias(_norm(span))
        if best and self._longer_name(span, best[2]):
            return None, f"alias {best[2]!r} ends a longer name, another group's"
        if best and self._country_opens(span, best[2]):
            return Actor(name=span, inter=None, country=None, known=False), \
                f"alias {best[2]!r} is a country's name opening another body's: kept as written"
        for alias, actor in self.exact.items():
            if alias in span and re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", span) and (
                    best is None or (best[1].generic, -best[0]) > (actor.generic, -len(alias) - 2)):
                best = (len(alias) + 2, actor, alias)
        first, conj, _ = span.partition(" and ")
        if best and conj and " and " not in best[2].lower() and first.strip():
            named, why = self.explain(first)  # "Soldiers and Russian fighters": the first named acts first
            if named is not None and named.known:
                return named, f"{why}, the first of those named together"
        if best is None or best[1].generic:
            group = self._linked_group(span)
            if group is not None:  # "Islamic State-linked insurgents": of that movement, as ACLED codes them
                return group, f"linked to {group.name}: one of its fighters"
        if best:
            before = re.sub(r"^(the|a|an)\s+", "", span[: span.lower().find(best[2].lower())].strip(), flags=re.I)
            owner = self.demonyms.get(QUANTITY.sub("", before).strip().lower())
            if owner is not None and best[1].name in self.by_country:  # "Chadian air force": that state's forces
                return self.in_country(best[1], owner), f"alias {best[2]!r} of a demonym of {owner}: its forces"
            return best[1], f"alias {best[2]!r} in actors.yaml"
        country = self.demonyms.get(span.lower())
        if country is not None:  # "Israeli" alone, as in "an Israeli airstrike": that state's forces
            state = self.resolve(country) if country.lower() != span.lower() else None  # "Myanmar" is its own
            if state is not None and state.known:
                return state, f"a demonym of {country} (demonyms.csv): that state's forces"
            forces = self.in_country(Actor(MILITARY, 1, None, known=True, generic=True), country)
            return forces, f"a demonym of {country} (demonyms.csv): its military, named by_country"
        sponsor = SPONSOR.search(span)
        if sponsor and not span.lower().startswith("anti"):  # "a pro-Iran commander": one of that side's militants
            backer = sponsor.group(2) or sponsor.group(3)
            proxy = self.by_alias.get(_norm(f"{backer}-backed militants"))
            if proxy is not None:
                return proxy, f"backed by {backer}: that sponsor's militants"
        cleaned = re.sub(r"^(the|a|an)\s+", "", span, flags=re.I)
        head = QUANTITY.sub("", cleaned).strip()
        counted = head != cleaned
        if head.lower() in UNNAMED_PEOPLE or (counted and head.rstrip("s").lower() in self.demonyms):
            # "at least 51 people", "more than 90 Palestinians": victims with no affiliation, as ACLED codes them
            return self.resolve("civilians"), "people with no affiliation: civilians, as ACLED codes them"
        if len(head.split()) <= 2 and head.lower().split()[-1:] and head.lower().split()[-1] in GENERIC_HEADS:
            return None, "a count of people with no identity to record"  # "two patrols", "others"
        member = MEMBERS_OF.match(cleaned)
        if member is not None and member.group(1)[:1].isupper():  # "members of the X Guards": the X Guards
            return Actor(name=member.group(1), inter=None, country=None, known=False), \
                "members of a body the dictionary lacks: that body, kept as written"
        return Actor(name=cleaned, inter=None, country=None, known=False), "not in the dictionary: kept as written"


def _force_kind(name: str, by_country: dict[str, str]) -> str | None:
    if name in by_country:
        return name
    return next((kind for kind, template in by_country.items() if name.startswith(template.split("{")[0])), None)


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    by_alias: dict[str, Actor] = {}
    exact: dict[str, Actor] = {}
    rows = actor_entries()
    by_country = {row["name"]: row["by_country"] for row in rows if row.get("by_country")}
    states: dict[tuple[str, str], Actor] = {}
    for row in rows:
        actor = Actor(name=row["name"], inter=row.get("inter"), country=row.get("country"), known=True,
                      generic=bool(row.get("generic")), side=row.get("side") or row.get("parent_side"))
        kind = _force_kind(row["name"], by_country)
        if kind is not None and actor.country:
            states.setdefault((kind, actor.country), actor)
        for alias in {row["name"], *map(str, row.get("aliases", []))}:
            alias = str(alias).strip()
            if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= CASE_SENSITIVE_MAX and " " not in alias:
                exact[alias] = actor
            else:
                by_alias.setdefault(_norm(alias), actor)
    demonyms = {r["demonym"].lower(): r["country"] for r in read_csv("demonyms.csv")}
    country_named = frozenset(row["name"] for row in rows if row.get("country_in_name"))
    names_in = {row["name"]: row["names_in"] for row in rows if row.get("names_in")}
    return ActorDictionary(by_alias, exact, demonyms, by_country, states, country_named, names_in)


MILITARY = "Military Forces"  # the actors.yaml entry of a state's unnamed military: what a bare demonym names
POLICE = "Police Forces"
ARMED_GROUPS = {2, 3, 4}  # ACLED inter codes of rebels, political and identity militias
IDENTITY_MILITIA = 4
IDENTITY = "identity militia"  # the kind of armed group a community's armed men name back to


class StoryActors:
    """Names what a story describes by the name it gave before: "soldiers" and "police" for the state
    it last named forces of that kind for ("Israeli troops ... the soldiers"), "militants" and "the
    gunmen" for the armed group it last named ("al-Shabaab ... the militants"), where their sides agree.
    State forces it cannot name stay unnamed here; the event's country names them once its reports are
    linked (link._with_country)."""

    def __init__(self) -> None:
        self.last: dict[str, Actor] = {}

    def name(self, actor: Actor | None, country: str | None, other: Actor | None = None) -> Actor | None:
        """``country``: where the act happened, which an armed group with a home elsewhere did not do
        (Hamas named in an Iraq story's background); ``other``: the act's other party, which the actor
        is not ("Russian troops ... killing two soldiers")."""
        if actor is None:
            return None
        if country and actor.name in actor_dictionary().names_in:  # "Islamic State" in Mozambique: its branch there
            actor = actor_dictionary().in_country(actor, country)
        kind = actor_dictionary().force_kind(actor) or ("armed group" if actor.inter in ARMED_GROUPS else None)
        if kind is None or not actor.known:
            return actor
        if not actor.generic:
            self.last[kind] = actor
            if actor.inter == IDENTITY_MILITIA:
                self.last[IDENTITY] = actor
            return actor
        # "armed youth", "a communal militia": a community's armed men, not the rebels the story named
        named = self.last.get(IDENTITY if actor.inter == IDENTITY_MILITIA else kind)
        if named is None or named == other or (actor.side and named.side != actor.side):
            return actor
        if kind == "armed group" and named.country and country \
                and actor_dictionary().in_country(named, country).country != country:  # IS's branch there is
            return actor
        return named


@lru_cache(maxsize=1)
def _force_words() -> dict[str, re.Pattern[str]]:
    """The words of each state force's generic entry (actors.yaml), as one pattern each."""
    out = {}
    for row in actor_entries():
        if row["name"] in (POLICE, MILITARY):
            words = sorted({row["name"], *map(str, row.get("aliases", []))}, key=len, reverse=True)
            out[row["name"]] = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    return out


def force_named_in(text: str) -> str:
    """The state force a sentence names, for members it does not say the force of ("Militants stormed a
    police station, killing two officers"): the police, unless it names the military and not them."""
    words = _force_words()
    return MILITARY if words[MILITARY].search(text) and not words[POLICE].search(text) else POLICE


def resolve_actor(text: str | None) -> Actor | None:
    return actor_dictionary().resolve(text)


ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
LONG_FORM_WORDS = 3  # a spelled-out name has at most this many words more than its acronym has letters


def defined_acronyms(text: str) -> dict[str, Actor]:
    """The acronyms a story spells out that the dictionary does not know ("the Somali National Army (SNA)"):
    the actor the words before the bracket name, where their letters spell the acronym, as later mentions of
    it ("the SNA said") mean that actor."""
    out: dict[str, Actor] = {}
    for found in ACRONYM.finditer(text):
        acronym = found.group(1)
        known = resolve_actor(acronym)
        if acronym in out or (known is not None and known.known):
            continue
        line = text[max(0, found.start() - 200, text.rfind("\n", 0, found.start()) + 1) : found.start()]
        words = line.split()[-(len(acronym) + LONG_FORM_WORDS) :]
        spelled = next((words[-n:] for n in range(1, len(words) + 1) if _spells(acronym, words[-n:])), None)
        actor = resolve_actor(" ".join(spelled)) if spelled else None
        if actor is not None and actor.known:
            out[acronym] = actor
    return out


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the letters of ``acronym`` occur in order in ``words``, its first at a word's start (the test of
    Schwartz and Hearst's abbreviation finder): "Somali National Army" spells SNA, "Operation Hadin Kai" OPHK."""
    long = " ".join(words).lower()
    i = len(long) - 1
    for j, letter in reversed(list(enumerate(acronym.lower()))):
        while i >= 0 and (long[i] != letter or (j == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True
