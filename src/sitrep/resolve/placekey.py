"""One spelling key for place names, so transliteration variants meet: "Musayib", "Al-Musayyib" and
"al Musayyib" share a key, as do "Khan Younis" and "Khan Yunis"."""

from __future__ import annotations

import re
import unicodedata

ARTICLE = re.compile(r"^(?:al|el|as|ad|an|ar|ash|at|az|the)[\s\-‐'’]+", re.I)
SUFFIX = re.compile(r"\s+(?:governorate|province|oblast|region|state|district|prefecture|county|"
                    r"municipality|raion|department|division|city|town|village|desert|local government area|lga)$", re.I)
# The same words before the name, as GeoNames writes many subdivisions: "Caza de Tyr", "Municipio de Cúcuta",
# "Shahrestan-e Zahedan", "Kabupaten Nduga".
PREFIX = re.compile(r"^(?:caza (?:de la|de|du)|(?:municipio|departamento|provincia|distrito|partido)(?: del?)?|"
                    r"(?:district|municipality|province|governorate) of|shahrestan-e|kabupaten|amphoe|huyen|markaz|"
                    r"barangay|brgy\.?|district|village|tehsil)\s+",  # "District Bijapur", "village Murdanda" (South Asia)
                    re.I)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def place_key(name: str, strip_suffix: bool = False, fused: bool = False) -> str:
    """``fused``: the key of the name written with its article joined on ("El Wak" as "Elwak"), which the
    plain key cannot meet since it drops only an article standing apart."""
    s = fold(name).lower().strip()
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("ʿ", "").replace("ʾ", "")
    if strip_suffix:
        s = PREFIX.sub("", SUFFIX.sub("", s))
    if not fused:
        s = ARTICLE.sub("", s)
    s = re.sub(r"[^a-z0-9]+", "", s)
    s = s.replace("ou", "u").replace("ee", "i").replace("oo", "u").replace("kh", "k").replace("q", "k")
    return re.sub(r"(.)\1+", r"\1", s)


def keys(name: str, strip_suffix: bool = False) -> set[str]:
    """The keys a gazetteer name is filed under: its key, and with a leading article (not "the") its fused
    key too."""
    found = {place_key(name, strip_suffix)}
    if ARTICLE.match(fold(name).strip()) and not fold(name).lower().startswith("the"):
        found.add(place_key(name, strip_suffix, fused=True))
    return found
