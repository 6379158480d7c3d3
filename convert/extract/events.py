"""Events: `the Islamabad massacre on November 26, 2024` -> an event named "Islamabad massacre",
located at the place Islamabad and dated 2024-11-26.

The rule: `the <Place> <event noun>` (a place the entity pass found, then a word from the list
below), optionally followed by `on/in <date>`. Only a named place makes a named event; "the
protests" alone is not one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .entities import Entities, Mention
from .spans import joined

EVENT_NOUNS = (
    "massacre", "attack", "attacks", "bombing", "bombings", "shooting", "earthquake", "protest",
    "protests", "riot", "riots", "clashes", "election", "elections", "summit", "crackdown", "coup",
    "uprising", "siege", "raid", "floods", "flood", "hurricane", "explosion", "blast", "killings",
    "crash", "tsunami", "talks", "conference", "referendum", "ceasefire", "invasion", "war",
    "marathon", "games", "strike", "fire", "stampede", "collapse", "disaster",
)
#: the rule as one pattern (the reference form; tests/test_extract_small_passes_fast.py checks _EVENT_SCAN against it)
_EVENT = re.compile(r"[Tt](?<!\w[Tt])he ((?:[A-Z][\w\-’']*\s){1,3})(" + "|".join(EVENT_NOUNS) + r")\b")
# the same matches found from the literal "he ": a pattern that opens with a literal string lets re
# skip ahead with a plain character loop to the next "he " instead of testing every character
# against a class (about 2.5x fewer instructions on the reference article). Most "he " are not
# followed by a capital ("the protests", "she said"), so the capital is tested first and the
# look-behind that keeps `\b[Tt]` comes after it, where it is checked on the few candidates left
# (it then looks back over the capital as well: `[Tt]he [A-Z]`). `(?:X){1,3}` is written
# `X(?:X){0,2}`, the same greedy tries in the same order, to put the capital first.
# Groups 1, 2 and the end are those of _EVENT; only the match's start is one later.
_WORD = r"[\w\-’']*\s"
_EVENT_SCAN = re.compile(rf"he ([A-Z](?<=(?<!\w)[Tt]he [A-Z]){_WORD}(?:[A-Z]{_WORD}){{0,2}})("
                         + "|".join(EVENT_NOUNS) + r")\b")
_WHEN = re.compile(r"\s+(?:on|in|of)\s+$")
#: what joins the paragraphs into one text for the scan: no part of the rule matches it (not a
#: letter, not a space), so no match runs from one paragraph into the next, and it is no word
#: character, so `\b` and the look-behind see it as they see the start or end of a paragraph
_JOIN = "\x00"


def find_events(paragraphs: list[str], ents: Entities, dates: list[tuple[int, int, int, str | None]]) -> None:
    places = {e.name: e for e in ents.items if e.type == "place"}
    if not places:
        return
    # one scan of all paragraphs joined (see _JOIN) finds the matches each paragraph's own scan
    # finds, at the paragraph's offset: a finditer per paragraph costs more than the scan of a
    # short text itself. (Only a named place makes an event, but testing every paragraph for every
    # place's name first costs more than the scan: `places.get` below is the test.)
    text_all, starts = joined(paragraphs, _JOIN)  # starts: offset of each paragraph in text_all
    for m in _EVENT_SCAN.finditer(text_all):
        where = m.group(1).strip()
        if where.endswith(("'s", "’s")):
            where = where[:-2]
        place = places.get(where)
        if place is None:
            continue
        pi = bisect_right(starts, m.start()) - 1
        base = starts[pi]
        text = paragraphs[pi]
        start, end = m.start(1) - base, m.end() - base
        name = f"{where} {m.group(2)}"
        ev = ents.add("event", name, Mention(pi, start, end, text[start:end]))
        ev.location = place.key
        for dp, ds, de, value in dates:
            if dp == pi and ds >= end and _WHEN.fullmatch(" " + text[end:ds]) and value and len(value) >= 7:
                ev.date = value
                break


__all__ = ["find_events", "EVENT_NOUNS"]
