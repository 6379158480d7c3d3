"""The JSON-LD writer: shape, honesty, determinism, goldens, its own checks and the CLI."""

from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

import convert
from convert.checks.jsonld import check
from convert.cli import main
from convert.model import Dateline
from convert.options import WriteOptions
from convert.writers.jsonld import write

from conftest import FIXTURES, SEED_NAME, check_golden, fixture_articles
from test_jsonld_samples import rich_reuters, rich_seed


def doc_of(article, options=WriteOptions()):
    result = write(article, options)
    return json.loads(result.value), result


def nodes(doc):
    return {n["@id"]: n for n in doc["@graph"]}


def test_one_graph_with_schema_org_context_and_absolute_ids():
    doc, _ = doc_of(rich_seed())
    assert set(doc) == {"@context", "@graph"}
    assert doc["@context"] == "https://schema.org"
    ids = [n["@id"] for n in doc["@graph"]]
    assert len(ids) == len(set(ids))
    base = rich_seed().id
    assert all(i.startswith(base + "#") for i in ids)
    assert doc["@graph"][0]["@id"] == base + "#article"


def test_article_node_carries_the_model():
    a = rich_seed()
    doc, _ = doc_of(a)
    art = doc["@graph"][0]
    assert art["@type"] == "NewsArticle"
    assert art["identifier"] == {"@type": "PropertyValue", "propertyID": "guid", "value": a.id}
    assert art["wordCount"] == a.word_count and isinstance(art["wordCount"], int)
    assert art["inLanguage"] == "en"
    assert art["articleBody"] == a.body_text
    graph = nodes(doc)
    source = graph[art["isBasedOn"]["@id"]]
    assert source["@type"] == "CreativeWork"
    assert source["encodingFormat"] == "text/plain"
    assert source["identifier"] == {"@type": "PropertyValue", "propertyID": "sha256", "value": a.source.sha256}
    assert source["name"] == SEED_NAME


def test_derived_title_is_not_passed_off_as_headline():
    a = rich_seed()
    assert a.title.derived
    doc, _ = doc_of(a)
    art = doc["@graph"][0]
    assert "headline" not in art
    assert art["name"] == a.title.text


def test_real_headline_is_the_headline():
    a = rich_reuters()
    doc, _ = doc_of(a)
    art = doc["@graph"][0]
    assert art["headline"] == "HARBOUR AUTHORITY APPROVES NEW CONTAINER TERMINAL"
    assert "name" not in art


def test_people_organisations_places_and_events():
    doc, _ = doc_of(rich_seed())
    graph = nodes(doc)
    art = doc["@graph"][0]
    base = rich_seed().id + "#"
    khan = graph[base + "person-e1"]
    assert khan == {"@id": base + "person-e1", "@type": "Person", "name": "Imran Khan", "alternateName": "Khan",
                    "jobTitle": "former Prime Minister", "affiliation": {"@id": base + "organization-e2"}}
    assert graph[base + "organization-e10"]["alternateName"] == ["HRCP", "the commission"]
    assert graph[base + "organization-e2"]["alternateName"] == "PTI"
    event = graph[base + "event-e5"]
    assert event["startDate"] == "2024-11-26" and event["location"] == {"@id": base + "place-e3"}
    assert art["about"] == [{"@id": base + "event-e5"}, {"@id": base + "event-e15"}]
    mentioned = [r["@id"] for r in art["mentions"]]
    assert base + "person-e8" in mentioned and base + "place-e4" in mentioned
    assert not any("event" in m for m in mentioned)
    assert [r["@id"] for r in art["contentLocation"]] == [base + "place-e3", base + "place-e4", base + "place-e14"]


def test_one_quotation_per_direct_quote_and_none_for_scare_quotes():
    a = rich_seed()
    doc, result = doc_of(a)
    quotes = [n for n in doc["@graph"] if n["@type"] == "Quotation"]
    assert [q["text"] for q in quotes] == [q.text for q in a.direct_quotes]
    assert "massacre," not in [q["text"] for q in quotes]
    base = a.id + "#"
    by_id = {q["@id"]: q for q in quotes}
    assert by_id[base + "quote-q1"]["creator"] == {"@id": base + "person-e1"}
    assert by_id[base + "quote-q7"]["creator"] == {"@id": base + "organization-e10"}  # the commission speaks
    assert "creator" not in by_id[base + "quote-q8"]  # no speaker entity: no guess
    assert all(q["isPartOf"] == {"@id": base + "article"} for q in quotes)
    assert [m.code for m in result.messages] == ["NC627"]


def test_dateline_place_date_and_agency():
    a = rich_reuters()
    doc, result = doc_of(a, WriteOptions(provider="Example Wire", copyright_holder="Example Wire"))
    art = doc["@graph"][0]
    graph = nodes(doc)
    base = a.id + "#"
    assert art["dateline"] == "LONDON, March 3 (Reuters)"
    assert "datePublished" not in art  # the dateline has no year
    assert [m.code for m in result.messages] == ["NC622"]
    assert art["locationCreated"] == {"@id": base + "place-e6"}  # the London entity, not a second node
    assert art["author"] == {"@id": base + "organization-e7"}
    assert graph[base + "organization-e7"]["url"] == "https://www.reuters.com/"
    assert art["publisher"] == art["copyrightHolder"] == {"@id": base + "publisher"}
    assert graph[base + "publisher"] == {"@id": base + "publisher", "@type": "Organization", "name": "Example Wire"}
    event = graph[base + "event-e8"]
    assert event["startDate"] == "2025-09"


def test_full_dateline_date_is_date_published_and_created_is_the_fallback():
    a = rich_reuters()
    dated = dataclasses.replace(a, dateline=dataclasses.replace(a.dateline, date="2024-03-03", date_partial=False))
    doc, result = doc_of(dated, WriteOptions(created="2030-01-01T00:00:00Z"))
    assert doc["@graph"][0]["datePublished"] == "2024-03-03"
    doc, result = doc_of(a, WriteOptions(created="2024-03-03T09:30:00+00:00"))
    assert doc["@graph"][0]["datePublished"] == "2024-03-03T09:30:00+00:00"
    doc, result = doc_of(a, WriteOptions(created="yesterday"))
    assert "datePublished" not in doc["@graph"][0]
    assert "NC621" in [m.code for m in result.messages]


def test_dateline_place_without_entity_gets_its_own_node():
    a = dataclasses.replace(rich_reuters(), entities=())
    doc, _ = doc_of(a)
    graph = nodes(doc)
    place = graph[doc["@graph"][0]["locationCreated"]["@id"]]
    assert place["@type"] == "Place" and place["name"] == "London"
    agency = graph[doc["@graph"][0]["author"]["@id"]]
    assert agency == {"@id": a.id + "#agency", "@type": "Organization", "name": "Reuters",
                      "url": "https://www.reuters.com/"}


def test_base_iri_option():
    doc, result = doc_of(rich_seed(), WriteOptions(base_iri="https://news.example.com/2024/pakistan#x"))
    assert doc["@graph"][0]["@id"] == "https://news.example.com/2024/pakistan#article"
    assert not result.messages or all(m.code != "NC620" for m in result.messages)
    doc, result = doc_of(rich_seed(), WriteOptions(base_iri="not an iri"))
    assert doc["@graph"][0]["@id"] == rich_seed().id + "#article"
    assert "NC620" in [m.code for m in result.messages]


def test_what_a_type_cannot_carry_is_reported():
    a = rich_seed()
    ents = list(a.entities)
    ents[2] = dataclasses.replace(ents[2], titles=("capital",), date="2024-01-01")  # a place with a title
    ents[4] = dataclasses.replace(ents[4], date="--11-26")  # an event without a year
    doc, result = doc_of(dataclasses.replace(a, entities=tuple(ents)))
    codes = sorted(m.code for m in result.messages)
    assert codes == ["NC623", "NC625", "NC625", "NC627"]
    graph = nodes(doc)
    assert "startDate" not in graph[a.id + "#event-e5"]
    assert "jobTitle" not in graph[a.id + "#place-e3"]


def test_output_is_deterministic_and_json_serialised():
    a = rich_seed()
    first = write(a, WriteOptions()).value
    assert first == write(a, WriteOptions()).value
    text = first.decode("utf-8")
    assert text.endswith("}\n")
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n" == text
    compact = write(a, WriteOptions(indent=None)).value
    assert json.loads(compact) == json.loads(first) and b"\n  " not in compact


def test_convert_api_writes_jsonld():
    result = convert.convert((FIXTURES / "ap_washington_quotes.txt").read_bytes(), to="jsonld")
    assert json.loads(result.value)["@graph"][0]["dateline"] == "WASHINGTON (AP)"


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_golden(path, update_goldens):
    parsed = convert.parse(path.read_bytes(), path.name)
    check_golden(path.with_suffix(".jsonld"), write(parsed.value, WriteOptions()).value, update_goldens)


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_own_checks_pass_every_fixture(path):
    parsed = convert.parse(path.read_bytes(), path.name)
    assert check(write(parsed.value, WriteOptions()).value, path.name) == []


def test_own_checks_pass_rich_articles():
    assert check(write(rich_seed(), WriteOptions()).value) == []
    assert check(write(rich_reuters(), WriteOptions(provider="X", copyright_holder="Y")).value) == []


@pytest.mark.parametrize("doc,codes", [
    (b'{"@context": "https://schema.org", "@graph": [', ["NC601"]),
    (b'[]', ["NC602"]),
    (b'{"@context": "https://example.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle"}]}', ["NC602"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "a", "@type": "NewsArticle"}]}', ["NC603"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle"},'
     b' {"@id": "urn:x#a", "@type": "Person", "name": "A"}]}', ["NC604"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "jobTitle": "editor"}]}', ["NC605"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "wordCount": "854", "datePublished": "yesterday"}]}', ["NC606", "NC606"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "mentions": [{"@id": "urn:x#nobody"}]}]}', ["NC607"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "locationCreated": {"@id": "urn:x#p"}}, {"@id": "urn:x#p", "@type": "Person", "name": "P"}]}', ["NC606"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "headlin": "x"}]}', ["NC608"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "Person", "name": "x"}]}',
     ["NC609"]),
    (b'{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}', ["NC610"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "NewsArticle",'
     b' "publisher": "Example News", "isBasedOn": "AFP wire copy"}]}', ["NC606", "NC611"]),
    (b'{"@context": "https://schema.org", "@graph": [{"@id": "urn:x#a", "@type": "Article",'
     b' "isBasedOn": "https://example.com/wire.txt", "about": {"@type": "CityCouncilMeeting", "name": "x"}}]}',
     ["NC608"]),
])
def test_own_checks_find_problems(doc, codes):
    assert sorted(m.code for m in check(doc, "bad.jsonld")) == codes


def test_cli_convert_to_jsonld(tmp_path):
    out = tmp_path / "out.jsonld"
    result = CliRunner().invoke(main, ["convert", str(FIXTURES / "reuters_london_caps.txt"), "-t", "jsonld",
                                       "-o", str(out), "--base-iri", "https://example.com/story"])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_bytes())
    assert doc["@graph"][0]["@id"] == "https://example.com/story#article"
    # and the output suffix alone picks the format
    out2 = tmp_path / "again.jsonld"
    result = CliRunner().invoke(main, ["convert", str(FIXTURES / "reuters_london_caps.txt"), "-o", str(out2)])
    assert result.exit_code == 0, result.output
    assert json.loads(out2.read_bytes())["@context"] == "https://schema.org"


def test_dateline_without_place_or_agency():
    a = rich_reuters()
    bare = Dateline("March 3", a.dateline.span, None, "--03-03", True, None)
    doc, _ = doc_of(dataclasses.replace(a, dateline=bare))
    art = doc["@graph"][0]
    assert art["dateline"] == "March 3" and "locationCreated" not in art and "author" not in art


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convert.writers.jsonld import dumps  # noqa: E402

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json, st.sampled_from([None, 0, 1, 2, 4]))
def test_dumps_gives_json_dumps_bytes(value, indent):
    assert dumps(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_dumps_gives_json_dumps_bytes_for_real_documents():
    from convert.writers.jsonld import build

    for article in (rich_seed(), rich_reuters()):
        doc, _ = build(article, WriteOptions())
        assert dumps(doc, 2) == json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)


def test_empty_quotation_is_not_a_quotation():
    a = rich_seed()
    empty = dataclasses.replace(a.quotes[0], id="q99", text="")
    doc, result = doc_of(dataclasses.replace(a, quotes=(*a.quotes, empty)))
    assert not any(n["@id"].endswith("#quote-q99") for n in doc["@graph"])
    assert sorted(m.text for m in result.messages if m.code == "NC627") == [
        "1 quoted stretch(es) not written as Quotation: empty quotation marks quote nothing",
        "1 quoted stretch(es) not written as Quotation: scare quotes are not speech"]
