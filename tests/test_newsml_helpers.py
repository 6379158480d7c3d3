"""Hand-built articles for the NewsML-G2 / NITF tests (the extraction is written in parallel, so the
writers are tested with models that already have quotations with speakers, people with titles and
affiliations, organisations with acronyms, places, an event with a date and location, and dates).

Imported by the other tests/test_newsml*.py and tests/test_nitf*.py files; holds a few sanity tests
of its own so the samples stay consistent with the model's schema."""

from __future__ import annotations

import json
from dataclasses import replace

import convert
from convert.model import DateMention, Entity, Quote
from convert.textpos import LineIndex

RICH_TEXT = """Senate panel delays vote on water bill

WASHINGTON, March 3, 2025 (AP) — A Senate committee on Thursday delayed a vote on a bill to replace lead water pipes, days before the Clean Water Summit in Flint on March 10, 2025.

Sen. Laura Whitfield, chair of the Environment and Public Works Committee, said the delay would be short.

“We will vote on this bill before the recess,” Whitfield said. “Families in every state are waiting for clean water & they should not wait <much> longer.”

Her Republican colleague, Sen. Thomas Reed of Ohio, said the bill’s price tag worried him. “I support the goal,” Reed said, “but I cannot support a bill that nobody has priced.”

The Congressional Budget Office (CBO) called the plan a "moonshot" and is expected to publish its estimate on January 15, 2025.
"""

NO_HEADLINE_TEXT = """The ongoing unrest in Flint has reached a boiling point, with residents protesting at City Hall on Monday over the state of the town's pipes.

"We need clean water now," said Ana Morales, a resident.
"""


def _nth(text: str, needle: str, n: int = 1, after: int = 0) -> tuple[int, int]:
    at = after - 1
    for _ in range(n):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def rich_article(text: str = RICH_TEXT, name: str = "rich.txt") -> convert.Article:
    """RICH_TEXT parsed by the text reader, then given hand-made extraction results."""
    base = convert.parse(text, source=name).value
    idx = LineIndex(text)

    def sp(needle, n=1, after=0):
        return idx.span(*_nth(text, needle, n, after))

    p3 = text.index("“We will")
    p4 = text.index("Her Republican")
    entities = (
        Entity("e1", "person", "Laura Whitfield", aliases=("Whitfield",),
               titles=("Sen.", "chair of the Environment and Public Works Committee"), affiliations=("e2",),
               mentions=(sp("Laura Whitfield"), sp("Whitfield", 2))),
        Entity("e2", "organization", "Environment and Public Works Committee",
               mentions=(sp("Environment and Public Works Committee"),)),
        Entity("e3", "person", "Thomas Reed", aliases=("Reed",), titles=("Sen.",),
               mentions=(sp("Thomas Reed"), sp("Reed", 2))),
        Entity("e4", "place", "Ohio", mentions=(sp("Ohio"),)),
        Entity("e5", "organization", "Congressional Budget Office", acronym="CBO",
               mentions=(sp("Congressional Budget Office"), sp("CBO"))),
        Entity("e6", "place", "Washington", aliases=("WASHINGTON",), mentions=(sp("WASHINGTON"),)),
        Entity("e7", "place", "Flint", mentions=(sp("Flint"),)),
        Entity("e8", "event", "Clean Water Summit", date="2025-03-10", location="e7",
               mentions=(sp("Clean Water Summit"),)),
        Entity("e9", "organization", "Senate", mentions=(sp("Senate"),)),
    )
    quotes = (
        Quote("q1", "We will vote on this bill before the recess", "direct", "p3",
              sp("“We will vote on this bill before the recess,”"), speaker="e1", speaker_text="Whitfield",
              speaker_span=sp("Whitfield", 2), cue="said"),
        Quote("q2", "Families in every state are waiting for clean water & they should not wait <much> longer.",
              "direct", "p3", sp("“Families in every state are waiting for clean water & they should not wait "
                                 "<much> longer.”"), speaker="e1", speaker_text="Whitfield", cue="said"),
        Quote("q3", "I support the goal, but I cannot support a bill that nobody has priced.", "direct", "p4",
              idx.span(text.index("“I support"), text.index("priced.”") + 8),
              parts=(sp("I support the goal,"), sp("but I cannot support a bill that nobody has priced.")),
              speaker="e3", speaker_text="Reed", speaker_span=sp("Reed", 2), cue="said"),
        Quote("q4", "moonshot", "scare", "p5", sp('"moonshot"')),
    )
    assert p3 < p4
    dates = (
        DateMention("d1", "March 3, 2025", "absolute", sp("March 3, 2025"), "2025-03-03"),
        DateMention("d2", "March 10, 2025", "absolute", sp("March 10, 2025"), "2025-03-10"),
        DateMention("d3", "Thursday", "relative", sp("Thursday"), None),
        DateMention("d4", "January 15, 2025", "absolute", sp("January 15, 2025"), "2025-01-15"),
    )
    return replace(base, entities=entities, quotes=quotes, dates=dates)


def no_headline_article() -> convert.Article:
    text = NO_HEADLINE_TEXT
    base = convert.parse(text, source="noheadline.txt").value
    idx = LineIndex(text)
    s = text.index('"We need')
    e = text.index('now,"') + 5
    ent = (Entity("e1", "person", "Ana Morales", titles=("a resident",),
                  mentions=(idx.span(*_nth(text, "Ana Morales")),)),
           Entity("e2", "place", "Flint", mentions=(idx.span(*_nth(text, "Flint")),)),
           Entity("e3", "place", "City Hall", mentions=(idx.span(*_nth(text, "City Hall")),)))
    quotes = (Quote("q1", "We need clean water now", "direct", "p2", idx.span(s, e), speaker="e1",
                    speaker_text="Ana Morales", cue="said"),)
    return replace(base, entities=ent, quotes=quotes)


def test_samples_are_valid_models():
    from convert.schema import validate_model

    for art in (rich_article(), no_headline_article()):
        assert validate_model(json.loads(convert.to_json(art))) == []
        assert art.title.derived == (art.headline is None)


def test_rich_sample_spans_point_at_their_text():
    art = rich_article()
    for ent in art.entities:
        for m in ent.mentions:
            assert RICH_TEXT[m.start:m.end] in (ent.name, *ent.aliases, ent.acronym)
    assert art.dateline is not None and art.dateline.place == "WASHINGTON"
    assert [p.id for p in art.paragraphs] == ["p1", "p2", "p3", "p4", "p5"]
