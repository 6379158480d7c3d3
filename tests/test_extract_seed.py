"""The reference article, exactly (issue 3, point 6): every direct quotation with its speaker,
the scare quote kept apart, the ten people with titles and affiliations, organisations with
their acronyms, places, the event and its date."""

from __future__ import annotations

import pytest

import convert
from conftest import SEED_NAME

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared):
    return convert.parse((shared / "seed" / SEED_NAME).read_bytes(), SEED_NAME)


def _by_id(article):
    return {e.id: e for e in article.entities}


def test_direct_quotations_and_speakers(seed):
    a = seed.value
    ents = _by_id(a)
    got = [(q.text[:40], ents[q.speaker].name if q.speaker else None, q.cue) for q in a.direct_quotes]
    assert got == [
        ("We need justice for those who were kille", "Imran Khan", "asserted"),
        ("We call on the protesters to protest pea", "Matthew Miller", "said"),
        ("The Pakistani authorities need to act in", "David Lammy", "stated"),
        ("The Secretary-General continues to close", "Farhan Haq", "said"),
        ("We call for a prompt, thorough, impartia", "Bab Ram Pant", "stated"),
        ("The Pakistani government should uphold t", "Patricia Gossman", "remarked"),
        ("Pakistan’s protests have no winners. The", "Michael Kugelman", "said"),
        ("You can’t keep crushing public sentiment", "Michael Kugelman", "added"),
        ("HRCP demands that the government and the", "Human Rights Commission of Pakistan", "said"),
        ("Release Imran Khan!", "Richard Grenell", "tweeted"),
    ]
    texts = [q.text for q in a.direct_quotes]
    assert texts[0].endswith("but an outcry for the truth")  # the comma before the closing mark is dropped
    assert texts[8].endswith("between different political parties")
    # speaker phrases as written
    assert [q.speaker_text for q in a.direct_quotes][3] == "Farhan Haq"
    assert [q.speaker_text for q in a.direct_quotes][7] == "he"
    assert [q.speaker_text for q in a.direct_quotes][8] == "the commission"


def test_scare_quote_is_not_speech(seed):
    a = seed.value
    scare = [q for q in a.quotes if q.kind == "scare"]
    assert [(q.text, q.speaker, q.paragraph) for q in scare] == [("massacre", None, "p4")]
    assert all(q.text != "massacre" for q in a.direct_quotes)


def test_quote_spans_point_at_the_source(seed, shared):
    src = (shared / "seed" / SEED_NAME).read_text(encoding="utf-8")
    for q in seed.value.quotes:
        piece = src[q.span.start:q.span.end]
        assert piece[0] in "\"“" and piece[-1] in "\"”", piece
        assert q.text.rstrip(",") in piece
        lines = src.splitlines()
        assert lines[q.span.line - 1][q.span.col - 1] == piece[0]
    for q in seed.value.direct_quotes:
        assert src[q.speaker_span.start:q.speaker_span.end] == q.speaker_text


def test_people_titles_affiliations(seed):
    a = seed.value
    ents = _by_id(a)
    people = {e.name: (e.titles, tuple(ents[x].name for x in e.affiliations)) for e in a.entities_of("person")}
    assert people == {
        "Imran Khan": (("former Prime Minister",), ("Pakistan Tehreek-e-Insaf",)),
        "Shehbaz Sharif": (("Prime Minister",), ()),
        "Matthew Miller": (("State Department spokesperson",), ("State Department",)),
        "David Lammy": (("Foreign Secretary",), ()),
        "António Guterres": (("UN Secretary-General",), ("United Nations",)),
        "Farhan Haq": (("deputy spokesperson",), ("United Nations",)),
        "Bab Ram Pant": (("Deputy Regional Director for South Asia",), ("Amnesty International",)),
        "Patricia Gossman": ((), ("Human Rights Watch",)),
        "Michael Kugelman": (("Director of the South Asia Institute",), ("South Asia Institute", "Wilson Center")),
        "Richard Grenell": (("former U.S. Director of National Intelligence",), ()),
    }
    khan = next(e for e in a.entities if e.name == "Imran Khan")
    assert "Khan" in khan.aliases and len(khan.mentions) >= 8  # surname mentions merged


def test_organisations_and_acronyms(seed):
    orgs = {e.name: e.acronym for e in seed.value.entities_of("organization")}
    assert orgs["Pakistan Tehreek-e-Insaf"] == "PTI"
    assert orgs["Human Rights Commission of Pakistan"] == "HRCP"
    assert orgs["United Nations"] == "UN"
    for name in ("State Department", "U.S. Embassy", "Amnesty International", "Human Rights Watch",
                 "Wilson Center", "United Nations Working Group on Arbitrary Detention"):
        assert name in orgs
    assert "UN" not in orgs and "PTI" not in orgs  # acronyms are the same entity, not new ones


def test_places_event_dates(seed):
    a = seed.value
    ents = _by_id(a)
    places = {e.name for e in a.entities_of("place")}
    assert {"Pakistan", "Islamabad", "United States", "United Kingdom", "South Asia"} <= places
    (event,) = a.entities_of("event")
    assert (event.name, event.date, ents[event.location].name) == ("Islamabad massacre", "2024-11-26", "Islamabad")
    assert [(d.text, d.kind, d.value) for d in a.dates] == [
        ("November 26, 2024", "absolute", "2024-11-26"),
        ("August 2023", "partial", "2023-08"),
        ("November 26", "partial", "--11-26"),
    ]


def test_spans_are_exact_on_every_corpus_article(shared):
    """Hard-wrapped, CRLF and one-sentence-a-line articles: every quotation span starts at its
    opening mark (or the quoted text) and every mention span slices the source to the name as
    written."""
    from conftest import corpus_articles

    from convert.model import rebuild_source

    checked = 0
    for path in corpus_articles():
        r = convert.parse(path.read_bytes(), str(path))
        src = rebuild_source(r.value)  # the decoded text the spans point into
        for q in r.value.quotes:
            piece = src[q.span.start:q.span.end]
            assert piece and (piece[0] in "\"“”„'`" or q.text.startswith(piece.strip()[:8])), (path.name, piece[:40])
            for part in q.parts:
                words = " ".join(src[part.start:part.end].split()).rstrip(",")
                assert words in " ".join(q.text.split()), (path.parent.name, q.text[:40])
        for e in r.value.entities:
            forms = {e.name, *e.aliases, e.acronym or ""}
            for m in e.mentions:
                written = " ".join(src[m.start:m.end].split())
                assert written in forms or e.type == "event", (path.parent.name, e.name, written)
        checked += 1
    assert checked >= 80
