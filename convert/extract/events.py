"""Events: `the Islamabad massacre on November 26, 2024` -> an event named "Islamabad massacre",
located at the place Islamabad and dated 2024-11-26.

The rule: `the <Place> <event noun>` (a place the entity pass found, then a word from the list
below), optionally followed by `on/in <date>`. Only a named place makes a named event; "the
protests" alone is not one.
"""

from __future__ import annotations

import re

from .entities import Entities, Mention

EVENT_NOUNS = (
    "massacre", "attack", "attacks", "bombing", "bombings", "shooting", "earthquake", "protest",
    "protests", "riot", "riots", "clashes", "election", "elections", "summit", "crackdown", "coup",
    "uprising", "siege", "raid", "floods", "flood", "hurricane", "explosion", "blast", "killings",
    "crash", "tsunami", "talks", "conference", "referendum", "ceasefire", "invasion", "war",
    "marathon", "games", "strike", "fire", "stampede", "collapse", "disaster",
)
#: the rule as one pattern (the reference form; tests/test_extract_events_fast.py checks _EVENT_SCAN against it)
_EVENT = re.compile(r"[Tt](?<!\w[Tt])he ((?:[A-Z][\w\-’']*\s){1,3})(" + "|".join(EVENT_NOUNS) + r")\b")
# the same matches found from the literal "he ": a pattern that opens with a literal string lets re
# skip ahead with a plain character loop to the next "he " instead of testing every character
# against a class (about 2.5x fewer instructions on the reference article); the look-behind keeps
# `\b[Tt]`. Groups 1, 2 and the end are those of _EVENT; only the match's start is one later.
_EVENT_SCAN = re.compile(r"he (?<=(?<!\w)[Tt]he )((?:[A-Z][\w\-’']*\s){1,3})(" + "|".join(EVENT_NOUNS) + r")\b")
_WHEN = re.compile(r"\s+(?:on|in|of)\s+$")


def find_events(paragraphs: list[str], ents: Entities, dates: list[tuple[int, int, int, str | None]]) -> None:
    places = {e.name: e for e in ents.items if e.type == "place"}
    if not places:
        return
    for pi, text in enumerate(paragraphs):
        # an event names a place the text writes out: a paragraph that holds no place name has
        # none, and the pattern (the costly part) is not run on it
        if not any(name in text for name in places):
            continue
        for m in _EVENT_SCAN.finditer(text):
            where = m.group(1).strip()
            if where.endswith(("'s", "’s")):
                where = where[:-2]
            place = places.get(where)
            if place is None:
                continue
            name = f"{where} {m.group(2)}"
            start = m.start(1)
            ev = ents.add("event", name, Mention(pi, start, m.end(), text[start:m.end()]))
            ev.location = place.key
            for dp, ds, de, value in dates:
                if dp == pi and ds >= m.end() and _WHEN.fullmatch(" " + text[m.end():ds]) and value and len(value) >= 7:
                    ev.date = value
                    break


__all__ = ["find_events", "EVENT_NOUNS"]
