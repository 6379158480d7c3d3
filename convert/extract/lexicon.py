"""The word lists the extraction passes use, loaded once: cue verbs, titles, organisation words,
place words and extra place names (convert/data/*.txt), plus the user's own additions.

Why data files and not code: a newsroom adds its own cue verbs ("opined"), titles ("Chief Whip")
and organisation names without forking the package. Point the environment variable
`NEWSCONV_WORDS` at a TOML file (several files: separate them with the OS path separator):

    cue_verbs = ["opine", "harrumph"]
    titles = ["chief whip"]
    organizations = ["Acme Widgets"]
    org_words = ["Consortium"]
    places = ["Upper Snodsbury"]

or pass `extra=` to `lexicon()` / `convert.extract.extract()`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

ENV_VAR = "NEWSCONV_WORDS"
_FUNCTION_WORDS = {"and", "of", "for", "the", "to", "at", "in", "on", "a", "an"}
USER_KEYS = ("cue_verbs", "titles", "title_modifiers", "organizations", "org_words", "places", "place_words")


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: frozenset[str]            # every surface form, lower case: said, says, told, ...
    titles: frozenset[str]          # lower case, may hold several words
    title_words: frozenset[str]     # each single word of any title (for quick tests)
    title_stems: frozenset[str]     # title words without a plural s
    title_modifiers: frozenset[str]
    org_words: frozenset[str]       # as written (capitalised)
    org_nouns: frozenset[str]       # the same in lower case ("the Justice ministry")
    organizations: frozenset[str]   # known organisation names
    places: frozenset[str]          # extra place names (regions, nations of the UK, ...)
    place_words: frozenset[str]
    not_names: frozenset[str]
    # first word of a title -> the word counts of the titles it opens, longest first ("prime" ->
    # (2,) for "prime minister"): a run is tested only against titles that can start with its word
    title_lengths: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)


def _lines(name: str) -> list[str]:
    text = resources.files("convert.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _inflect(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if re.search(r"[^aeiou]y$", base):
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def _cue_forms(lines: list[str]) -> set[str]:
    out: set[str] = set()
    for ln in lines:
        parts = ln.lower().split()
        out.update(parts if len(parts) > 1 else _inflect(parts[0]))
    return out


def _read_user(path: str) -> dict[str, list[str]]:
    import tomllib

    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    data = data.get("tool", {}).get("newsconv", data) if "tool" in data else data
    data = data.get("words", data)
    bad = [k for k in data if k not in USER_KEYS]
    if bad:
        raise ValueError(f"{path}: unknown word list(s) {', '.join(bad)}; use {', '.join(USER_KEYS)}")
    return {k: [str(x) for x in v] for k, v in data.items()}


@cache
def _build(extra: tuple[str, ...]) -> Lexicon:
    user: dict[str, list[str]] = {k: [] for k in USER_KEYS}
    for path in extra:
        for k, v in _read_user(path).items():
            user[k].extend(v)
    titles = {t.lower() for t in _lines("titles.txt") + user["titles"]}
    not_names: set[str] = set()
    for ln in _lines("not_names.txt"):
        not_names.update(ln.split())
    return Lexicon(
        cues=frozenset(_cue_forms(_lines("cue_verbs.txt")) | _cue_forms(user["cue_verbs"])),
        titles=frozenset(titles),
        title_words=frozenset(w for t in titles for w in t.split() if w not in _FUNCTION_WORDS),
        title_stems=frozenset(w.rstrip("s") for t in titles for w in t.split() if w not in _FUNCTION_WORDS),
        title_modifiers=frozenset(w.lower() for w in _lines("title_modifiers.txt") + user["title_modifiers"]),
        org_words=frozenset(_lines("org_words.txt") + user["org_words"]),
        org_nouns=frozenset(w.lower().rstrip(".") for w in _lines("org_words.txt") + user["org_words"]),
        organizations=frozenset(_lines("organizations.txt") + user["organizations"]),
        places=frozenset(_lines("places.txt") + user["places"]),
        place_words=frozenset(_lines("place_words.txt") + user["place_words"]),
        not_names=frozenset(not_names),
        title_lengths=_title_lengths(titles),
    )


def _title_lengths(titles: set[str]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for t in titles:
        words = t.split()
        if words:
            lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}


def lexicon(extra: str | os.PathLike | None = None) -> Lexicon:
    """The word lists, with the user's files from `extra` and $NEWSCONV_WORDS added (cached)."""
    words = os.environ.get(ENV_VAR, "")
    if not words and extra is None:
        return _build(())  # what the lines below give for no paths, without building them
    paths = [p for p in words.split(os.pathsep) if p]
    if extra is not None:
        paths.append(os.fspath(extra))
    return _build(tuple(str(Path(p)) for p in paths))


__all__ = ["Lexicon", "lexicon", "ENV_VAR"]
