"""Hand-built Articles for the DOCX tests (the extraction is written in parallel, so the tests do
not rely on what the reader currently finds): the reference article with its quotations,
speakers, people (titles, affiliations), organisations (acronyms), places, an event and dates,
every span computed from the source text; and a small hard-wrapped article with an interrupted
quotation, so quote spans must be mapped through `raw`."""

from __future__ import annotations

import re
from dataclasses import replace

import convert
from convert.model import Article, DateMention, Entity, Quote, rebuild_source
from convert.textpos import LineIndex

from conftest import FIXTURES, SEED_NAME

OPEN_CLOSE = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]")


def _mentions(text: str, index: LineIndex, *names: str):
    spans = []
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            spans.append(index.span(m.start(), m.end()))
    return tuple(sorted(set(spans), key=lambda s: s.start))


def _quote_in(article: Article, text: str, index: LineIndex, pid: str, qid: str, n: int = 0, kind: str = "direct",
              speaker=None, speaker_text=None, cue=None) -> Quote:
    """The n-th quotation of paragraph `pid` (span = the text inside the marks, trailing comma
    left out of `text`)."""
    par = next(p for p in article.paragraphs if p.id == pid)
    raw = par.raw if par.raw is not None else par.text
    m = list(OPEN_CLOSE.finditer(raw))[n]
    start, end = par.span.start + m.start(1), par.span.start + m.end(1)
    inner = text[start:end]
    quoted = " ".join(inner.split()).rstrip(",")
    sp_span = None
    if speaker_text:
        k = text.find(speaker_text, end, par.span.end)
        if k < 0:
            k = text.rfind(speaker_text, par.span.start, start)
        sp_span = index.span(k, k + len(speaker_text))
    return Quote(qid, quoted, kind, pid, index.span(start, end), speaker=speaker, speaker_text=speaker_text,
                 speaker_span=sp_span, cue=cue)


def seed_article() -> Article:
    """The reference article as the current reader gives it."""
    return convert.read_file(FIXTURES / SEED_NAME).value


def enriched_seed() -> Article:
    """The reference article with hand-made extraction results."""
    base = seed_article()
    text = rebuild_source(base)
    ix = LineIndex(text)

    def ent(eid, type_, name, *aliases, titles=(), affiliations=(), acronym=None, date=None, location=None,
            extra=()):
        return Entity(eid, type_, name, tuple(aliases), tuple(titles), tuple(affiliations), acronym, date, location,
                      _mentions(text, ix, name, *aliases, *extra))

    entities = (
        ent("e1", "person", "Imran Khan", "Khan", titles=("former Prime Minister",), affiliations=("e11",)),
        ent("e2", "person", "Shehbaz Sharif", titles=("Prime Minister",)),
        ent("e3", "person", "Matthew Miller", "Miller", titles=("State Department spokesperson",),
            affiliations=("e17",)),
        ent("e4", "person", "David Lammy", "Lammy", titles=("Foreign Secretary",)),
        ent("e5", "person", "António Guterres", titles=("Secretary-General",), affiliations=("e12",)),
        ent("e6", "person", "Farhan Haq", titles=("deputy spokesperson",), affiliations=("e12",)),
        ent("e7", "person", "Bab Ram Pant", "Pant", titles=("Deputy Regional Director for South Asia",),
            affiliations=("e13",)),
        ent("e8", "person", "Patricia Gossman", "Gossman", affiliations=("e14",)),
        ent("e9", "person", "Michael Kugelman", "Kugelman", titles=("Director of the South Asia Institute",),
            affiliations=("e15",)),
        ent("e10", "person", "Richard Grenell", "Grenell", titles=("former U.S. Director of National Intelligence",)),
        ent("e11", "organization", "Pakistan Tehreek-e-Insaf", "PTI", acronym="PTI"),
        ent("e12", "organization", "United Nations", "UN", acronym="UN"),
        ent("e13", "organization", "Amnesty International"),
        ent("e14", "organization", "Human Rights Watch"),
        ent("e15", "organization", "Wilson Center"),
        ent("e16", "organization", "Human Rights Commission of Pakistan", "HRCP", acronym="HRCP"),
        ent("e17", "organization", "State Department"),
        ent("e18", "place", "Pakistan"),
        ent("e19", "place", "Islamabad"),
        ent("e20", "place", "United States"),
        ent("e21", "place", "United Kingdom"),
        ent("e22", "event", "Islamabad massacre", date="2024-11-26", location="e19"),
    )
    q = lambda pid, qid, **kw: _quote_in(base, text, ix, pid, qid, **kw)  # noqa: E731
    quotes = (
        q("p4", "q1", kind="scare"),
        q("p6", "q2", speaker="e1", speaker_text="Khan", cue="asserted"),
        q("p8", "q3", speaker="e3", speaker_text="Miller", cue="said"),
        q("p11", "q4", speaker="e4", speaker_text="Lammy", cue="stated"),
        q("p14", "q5", speaker="e6", speaker_text="Farhan Haq", cue="said"),
        q("p17", "q6", speaker="e7", speaker_text="Pant", cue="stated"),
        q("p19", "q7", speaker="e8", speaker_text="Gossman", cue="remarked"),
        q("p22", "q8", speaker="e9", speaker_text="Kugelman", cue="said"),
        q("p23", "q9", speaker="e9", speaker_text="he", cue="added"),
        q("p25", "q10", speaker="e16", speaker_text="the commission", cue="said"),
        q("p26", "q11", speaker="e10", speaker_text="Grenell", cue="tweeted"),
    )
    dates = []
    for i, (written, kind, value) in enumerate((("November 26, 2024", "absolute", "2024-11-26"),
                                                 ("August 2023", "partial", "2023-08"),
                                                 ("On November 26", "partial", "--11-26"))):
        k = text.find(written)
        dates.append(DateMention(f"d{i + 1}", written, kind, ix.span(k, k + len(written)), value))
    return replace(base, quotes=quotes, entities=entities, dates=tuple(dates))


WRAPPED = (
    "PRAIRIE DEAL CLEARS REVIEW\n\n"
    "    TORONTO, March 26, 2024 - Maple Leaf Grain Co said the\n"
    "Canadian Grain Commission approved its purchase of Prairie Elevator.\n"
    "    \"We waited a long time,\" chief executive Robert Tanaka said,\n"
    "\"but the elevators give us the reach we need in\n"
    "Saskatchewan.\"\n"
    "    The deal closes in June, the company said.\n"
)


def wrapped_article() -> Article:
    """A hard-wrapped article (paragraph text differs from its source slice) with an interrupted
    quotation whose second part runs over two source lines."""
    base = convert.parse(WRAPPED, "wrapped.txt").value
    text = rebuild_source(base)
    ix = LineIndex(text)
    par = next(p for p in base.paragraphs if "Tanaka" in p.text)
    assert par.raw is not None, "the fixture must be read as hard-wrapped"
    marks = [m for m in OPEN_CLOSE.finditer(text, par.span.start, par.span.end)]
    parts = tuple(ix.span(m.start(1), m.end(1)) for m in marks)
    k = text.find("Robert Tanaka")
    people = (
        Entity("e1", "person", "Robert Tanaka", (), ("chief executive",), ("e2",), None, None, None,
               (ix.span(k, k + 13),)),
        Entity("e2", "organization", "Maple Leaf Grain Co", ("Maple Leaf Grain",), (), (), "MLG", None, None,
               _mentions(text, ix, "Maple Leaf Grain Co")),
        Entity("e3", "place", "Saskatchewan", (), (), (), None, None, None, _mentions(text, ix, "Saskatchewan")),
    )
    quote = Quote("q1", "We waited a long time, but the elevators give us the reach we need in Saskatchewan.",
                  "direct", par.id, ix.span(parts[0].start, parts[-1].end), parts, "e1", "Robert Tanaka",
                  ix.span(k, k + 13), "said")
    return replace(base, quotes=(quote,), entities=people)
