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
# `\b[Tt]he ...` written `[Tt](?<!\w[Tt])he`: a pattern that opens with a character class lets re skip
# ahead to the next T/t instead of trying every position
_EVENT = re.compile(r"[Tt](?<!\w[Tt])he ((?:[A-Z][\w\-’']*\s){1,3})(" + "|".join(EVENT_NOUNS) + r")\b")
_WHEN = re.compile(r"\s+(?:on|in|of)\s+$")


def find_events(paragraphs: list[str], ents: Entities, dates: list[tuple[int, int, int, str | None]]) -> None:
    places = {e.name: e for e in ents.items if e.type == "place"}
    for pi, text in enumerate(paragraphs):
        for m in _EVENT.finditer(text):
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
