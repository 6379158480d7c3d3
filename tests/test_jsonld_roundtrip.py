"""model -> JSON-LD -> model keeps everything JSON-LD carries.

The comparison is over the whole model JSON, minus the fields listed in NOT_CARRIED (each with the
reason JSON-LD cannot carry it): anything not listed must come back exactly, so a field added to
the model later fails here until the writer carries it or the list says why not.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import PurePath

import pytest

import convert
from convert.errors import InputError
from convert.modeljson import to_dict
from convert.options import WriteOptions
from convert.readers.jsonld import _ACRONYM, read
from convert.writers.jsonld import write

from roundtrip_helpers import without
from conftest import corpus_articles, fixture_articles
from test_jsonld_samples import rich_reuters, rich_seed

#: model field (dotted path, `[]` for every item of a list) -> why JSON-LD does not carry it
NOT_CARRIED = {
    "source.byte_length": "schema.org's CreativeWork has no byte size; the source is named by file name and sha256",
    "source.encoding": "no schema.org property for the source's character encoding",
    "source.bom": "no schema.org property for a byte-order mark",
    "source.line_ending": "no schema.org property for line endings",
    "layout": "the source's paragraph layout is not part of the story; the reader rebuilds blank-line text",
    "prefix": "leading blank lines of the source file are not part of the story",
    "signoff": "a sign-off is not part of the story; only the agency one names comes back (as the author)",
    "dates": "schema.org has no property for the dates a text mentions (events keep theirs as startDate)",
    "headline.span": "JSON-LD carries no source positions (the reader points spans into the rebuilt text)",
    "headline.raw": "source slices (hard-wrapped lines) are not carried; articleBody holds normalised text",
    "headline.sep": "separators between blocks are not carried",
    "dateline.span": "no source positions",
    "dateline.raw": "source slices are not carried",
    "dateline.sep": "the dash after the dateline is not carried (`dateline` holds the text without it)",
    "paragraphs[].span": "no source positions",
    "paragraphs[].raw": "source slices are not carried",
    "paragraphs[].sep": "separators between paragraphs are not carried",
    "quotes[].span": "no source positions",
    "quotes[].parts": "Quotation.text is one string; the pieces of an interrupted quotation are not kept apart",
    "quotes[].speaker_text": "Quotation.creator points at the speaker's node; the words naming them are not kept",
    "quotes[].speaker_span": "no source positions",
    "quotes[].cue": "schema.org has no property for the speech verb (`said`, `told reporters`)",
    "entities[].mentions": "no source positions (mentions says which entities, not where)",
}
# carried, with a caveat that the tests below show:
#  - scare quotes are not Quotations (they are not speech), so only direct quotes come back;
#  - acronym and aliases share alternateName: the acronym comes back when it is first and written in
#    capitals; an alias written like an acronym on an entity without one comes back as its acronym;
#  - an event date without a year (`--11-26`) is not a schema.org Date and does not come back;
#  - source.name comes back without its folder (output must not depend on where the file was);
#  - quotes[].paragraph is found again by the quotation's text in the paragraphs (compared when the
#    text occurs in exactly one paragraph).


def carried(article) -> dict:
    d = without(article, NOT_CARRIED)
    d["quotes"] = [q for q in d["quotes"] if q["kind"] == "direct" and q["text"].strip()]
    for q in d["quotes"]:  # the paragraph is found again by the text: only when that is unambiguous
        if sum(q["text"] in p["text"] for p in d["paragraphs"]) != 1:
            del q["paragraph"]
    if d["source"]["name"]:
        d["source"]["name"] = PurePath(d["source"]["name"]).name
    # what the writer reports as left out (NC623-NC626) does not come back
    types = {e["id"]: e["type"] for e in d["entities"]}
    for e in d["entities"]:
        if e["date"] and (e["date"].startswith("--") or e["type"] != "event"):
            e["date"] = None
        if e["type"] != "person":
            e["titles"], e["affiliations"] = [], []
        e["affiliations"] = [a for a in e["affiliations"] if types.get(a) == "organization"]
        if e["type"] != "event" or types.get(e["location"]) != "place":
            e["location"] = None
        # acronym and aliases share alternateName: the first one, when written like an acronym,
        # comes back as the acronym
        alt = [e["acronym"]] if e["acronym"] else []
        alt += [a for a in e["aliases"] if a not in alt]
        e["acronym"] = alt.pop(0) if alt and _ACRONYM.match(alt[0]) else None
        e["aliases"] = alt
    for q in d["quotes"]:
        if types.get(q["speaker"]) not in ("person", "organization"):
            q["speaker"] = None
    return d


def round_trip(article, options=WriteOptions()):
    return read(write(article, options).value, "x.jsonld")


def _cases():
    out = [("rich_seed", rich_seed()), ("rich_reuters", rich_reuters())]
    out += [(p.stem, convert.parse(p.read_bytes(), p.name).value) for p in fixture_articles()]
    return out


@pytest.mark.parametrize("name,article", _cases(), ids=lambda x: x if isinstance(x, str) else "")
def test_round_trip_keeps_what_jsonld_carries(name, article):
    result = round_trip(article)
    assert carried(result.value) == carried(article)
    assert [m.code for m in result.messages] == ["NC641"]


def test_round_trip_of_corpus_articles(shared):
    for path in corpus_articles():
        article = convert.parse(path.read_bytes(), path.name).value
        back = round_trip(article).value
        assert carried(back) == carried(article), path.parent.name


def test_read_back_model_is_valid_and_self_consistent():
    from convert.model import rebuild_source
    from convert.schema import validate_model

    back = round_trip(rich_reuters()).value
    assert validate_model(to_dict(back)) == []
    text = rebuild_source(back)
    assert text.startswith("HARBOUR AUTHORITY APPROVES NEW CONTAINER TERMINAL\n\nLONDON, March 3 (Reuters) - ")
    for block in (back.headline, back.dateline, *back.paragraphs):
        assert text[block.span.start:block.span.end] == block.text
    for q in back.quotes:
        assert text[q.span.start:q.span.end] == q.text
    # the rebuilt text reads like the source: the text reader finds the same dateline in it
    again = convert.parse(text).value
    assert (again.dateline.place, again.dateline.date, again.dateline.agency) == ("LONDON", "--03-03", "Reuters")


def test_scare_quotes_and_alias_caveats_are_real():
    back = round_trip(rich_seed()).value
    assert [q.id for q in back.quotes] == [q.id for q in rich_seed().direct_quotes]
    uk = next(e for e in back.entities if e.name == "United Kingdom")
    assert (uk.acronym, uk.aliases) == ("U.K.", ())
    hrcp = next(e for e in back.entities if e.name == "Human Rights Commission of Pakistan")
    assert (hrcp.acronym, hrcp.aliases) == ("HRCP", ("the commission",))


def test_read_through_the_api_guesses_the_format(tmp_path):
    path = tmp_path / "story.jsonld"
    path.write_bytes(write(rich_reuters(), WriteOptions()).value)
    assert convert.read_file(path).value.id == rich_reuters().id
    # and by content, without the suffix
    assert convert.read(path.read_bytes(), None).value.headline.text == rich_reuters().headline.text


def test_reader_accepts_other_publishers_newsarticle():
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Lyon approves tram line",
        "dateline": "LYON, March 3, 2026",
        "articleBody": "The council voted 41 to 12.\n\n\"It will take cars off the road,\" Moreau said.",
        "inLanguage": "en-GB",
        "mentions": [{"@type": "Person", "name": "Anne Moreau", "jobTitle": "deputy mayor",
                      "affiliation": {"@type": "GovernmentOrganization", "name": "Lyon City Council"}}],
    }
    back = read(json.dumps(doc).encode(), "other.jsonld").value
    assert back.language == "en-GB" and back.title.text == "Lyon approves tram line"
    assert (back.dateline.place, back.dateline.date) == ("LYON", "2026-03-03")
    assert [(e.id, e.type, e.name, e.titles, e.affiliations) for e in back.entities] == [
        ("e1", "person", "Anne Moreau", ("deputy mayor",), ("e2",)), ("e2", "organization", "Lyon City Council", (), ())]
    assert back.id.startswith("urn:newsconv:") and len(back.paragraphs) == 2


@pytest.mark.parametrize("data,detail", [
    (b"{not json", "not valid JSON"),
    (b'"a string"', "not a JSON object"),
    (b'{"@context": "https://schema.org", "@graph": [{"@type": "Person", "name": "x"}]}', "no NewsArticle"),
])
def test_reader_refuses_what_it_cannot_read(data, detail):
    with pytest.raises(InputError) as exc:
        read(data, "bad.jsonld")
    assert exc.value.messages[0].code == "NC640" and detail in exc.value.messages[0].text


# --------------------------------------------------------------------------------------------
# properties: any text the reader accepts, any entities the model allows

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convert.checks.jsonld import check  # noqa: E402
from convert.model import Entity  # noqa: E402

_word = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=12)
_sentence = st.lists(_word, min_size=1, max_size=12).map(" ".join)
_texts = st.lists(_sentence, min_size=1, max_size=6).map("\n\n".join)
_name = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_any_text_round_trips_and_passes_own_checks(text):
    article = convert.parse(text).value
    data = write(article, WriteOptions()).value
    assert check(data) == []
    assert carried(read(data, "x.jsonld").value) == carried(article)


@st.composite
def _entities(draw):
    """Any entities the model schema allows, including what schema.org types cannot hold (titles
    on a place, an event date without a year, an affiliation to a place): the writer reports those
    and `carried` leaves them out."""
    n = draw(st.integers(1, 8))
    types = draw(st.lists(st.sampled_from(["person", "organization", "place", "event"]), min_size=n, max_size=n))
    ids = [f"e{i + 1}" for i in range(n)]
    out = []
    for eid, etype in zip(ids, types):
        aliases = tuple(draw(st.lists(_name | st.from_regex(r"[A-Z]{2,4}", fullmatch=True), max_size=2, unique=True)))
        acronym = draw(st.none() | st.from_regex(r"[A-Z]{2,5}", fullmatch=True) | _name)
        titles = tuple(draw(st.lists(_name, max_size=2)))
        affs = tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))
        date = draw(st.none() | st.from_regex(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|1\d|2[0-8]))?)?", fullmatch=True)
                    | st.just("--11-26"))
        loc = draw(st.none() | st.sampled_from(ids))
        out.append(Entity(eid, etype, draw(_name), aliases, titles, affs, acronym, date, loc))
    return tuple(out)


@settings(max_examples=60, deadline=None)
@given(_entities())
def test_any_entities_round_trip_and_pass_own_checks(entities):
    article = dataclasses.replace(rich_reuters(), entities=entities, quotes=())
    data = write(article, WriteOptions()).value
    assert check(data) == []
    assert carried(read(data, "x.jsonld").value) == carried(article)


@pytest.mark.parametrize("name,article", _cases(), ids=lambda x: x if isinstance(x, str) else "")
def test_writing_what_was_read_gives_the_same_bytes(name, article):
    first = write(article, WriteOptions()).value
    assert write(read(first, "x.jsonld").value, WriteOptions()).value == first


def test_agency_signoff_comes_back():
    path = next(p for p in fixture_articles() if p.stem == "wire_toronto_hardwrapped")
    back = round_trip(convert.parse(path.read_bytes(), path.name).value).value
    assert back.signoff.text == "Reuter" and back.dateline.agency is None
