"""Hand-built articles for the JSON-LD and ninjs tests: the seed text parsed by the text reader, with
quotations, speakers, people (titles, affiliations), organisations (acronyms), places and events
added by hand, because the extraction passes are written in parallel (issue 3).

Every span is computed from the source text, so the articles are as consistent as real ones.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from conftest import FIXTURES, SEED_NAME

from convert import parse
from convert.model import Article, Entity, Quote, rebuild_source
from convert.textpos import LineIndex

# (id, type, name, aliases, titles, affiliations, acronym, date, location)
SEED_ENTITIES = [
    ("e1", "person", "Imran Khan", ("Khan",), ("former Prime Minister",), ("e2",), None, None, None),
    ("e2", "organization", "Pakistan Tehreek-e-Insaf", (), (), (), "PTI", None, None),
    ("e3", "place", "Islamabad", (), (), (), None, None, None),
    ("e4", "place", "Pakistan", (), (), (), None, None, None),
    ("e5", "event", "Islamabad massacre", (), (), (), None, "2024-11-26", "e3"),
    ("e6", "person", "Matthew Miller", ("Miller",), ("State Department spokesperson",), ("e7",), None, None, None),
    ("e7", "organization", "State Department", (), (), (), None, None, None),
    ("e8", "person", "Bab Ram Pant", ("Pant",), ("Deputy Regional Director for South Asia",), ("e9",),
     None, None, None),
    ("e9", "organization", "Amnesty International", (), (), (), None, None, None),
    ("e10", "organization", "Human Rights Commission of Pakistan", ("the commission",), (), (), "HRCP", None, None),
    ("e11", "person", "Michael Kugelman", ("Kugelman",), ("Director of the South Asia Institute",), ("e12",),
     None, None, None),
    ("e12", "organization", "Wilson Center", (), (), (), None, None, None),
    ("e13", "person", "David Lammy", ("Lammy",), ("Foreign Secretary",), (), None, None, None),
    ("e14", "place", "United Kingdom", ("U.K.",), (), (), None, None, None),
    ("e15", "event", "Russia-Ukraine peace talks", (), (), (), None, None, None),
]
# (quote id, start of the quoted text, kind, speaker, speaker_text, cue)
SEED_QUOTES = [
    ("q1", "We need justice for those who were killed.", "direct", "e1", "Khan", "asserted"),
    ("q2", "massacre", "scare", None, None, None),
    ("q3", "We call on the protesters", "direct", "e6", "Miller", "said"),
    ("q4", "The Pakistani authorities need to act", "direct", "e13", "Lammy", "stated"),
    ("q5", "We call for a prompt", "direct", "e8", "Pant", "stated"),
    ("q6", "Pakistan’s protests have no winners.", "direct", "e11", "Kugelman", "said"),
    ("q7", "HRCP demands that", "direct", "e10", "the commission", "said"),
    ("q8", "Release Imran Khan!", "direct", None, "Grenell", "tweeted"),
]


def _quote_text(text: str, start: int) -> tuple[int, int]:
    """[start, end) of the quotation that begins at `start` (up to the closing mark)."""
    end = start
    while text[end] not in '"”':
        end += 1
    return start, end


def enrich(article: Article, entities, quotes) -> Article:
    text = rebuild_source(article)
    index = LineIndex(text)
    ents = []
    for eid, etype, name, aliases, titles, affs, acronym, date, location in entities:
        mentions = []
        for form in (name, *aliases, *((acronym,) if acronym else ())):
            k = text.find(form)
            while k >= 0:
                mentions.append(index.span(k, k + len(form)))
                k = text.find(form, k + len(form))
        mentions.sort(key=lambda s: s.start)
        ents.append(Entity(eid, etype, name, aliases, titles, affs, acronym, date, location, tuple(mentions)))
    qs = []
    for qid, probe, kind, speaker, speaker_text, cue in quotes:
        k = max(text.find('"' + probe), text.find("“" + probe))
        assert k >= 0, probe
        start, end = _quote_text(text, k + 1)
        para = next(p for p in article.paragraphs if p.span.start <= start < p.span.end)
        span = index.span(start, end)
        sspan = None
        if speaker_text:
            j = text.find(speaker_text, end)
            sspan = index.span(j, j + len(speaker_text)) if j >= 0 else None
        qs.append(Quote(qid, text[start:end], kind, para.id, span, (span,), speaker, speaker_text, sspan, cue))
    return dataclasses.replace(article, entities=tuple(ents), quotes=tuple(qs))


@cache
def rich_seed() -> Article:
    """The seed article with hand-made extraction results."""
    parsed = parse((FIXTURES / SEED_NAME).read_bytes(), SEED_NAME).value
    return enrich(parsed, SEED_ENTITIES, SEED_QUOTES)


@cache
def rich_reuters() -> Article:
    """A wire story with a dateline (place, partial date, agency) and an agency entity."""
    parsed = parse((FIXTURES / "reuters_london_caps.txt").read_bytes(), "reuters_london_caps.txt").value
    ents = [
        ("e1", "organization", "Thames Harbour Authority", (), (), (), "THA", None, None),
        ("e2", "place", "Tilbury", (), (), (), None, None, None),
        ("e3", "person", "Margaret Ellison", ("Ellison",), ("chief executive",), ("e1",), None, None, None),
        ("e4", "organization", "Port Workers Union", ("the union",), (), (), None, None, None),
        ("e5", "person", "David Okafor", ("Okafor",), ("general secretary",), ("e4",), None, None, None),
        ("e6", "place", "London", (), (), (), None, None, None),
        ("e7", "organization", "Reuters", (), (), (), None, None, None),
        ("e8", "event", "construction of the container terminal", (), (), (), None, "2025-09", "e2"),
    ]
    quotes = [
        ("q1", "This terminal will bring", "direct", "e3", "Margaret Ellison", "said"),
        ("q2", "We are not against progress", "direct", "e5", "Okafor", "said"),
    ]
    return enrich(parsed, ents, quotes)


__all__ = ["rich_seed", "rich_reuters", "enrich", "SEED_ENTITIES", "SEED_QUOTES"]
