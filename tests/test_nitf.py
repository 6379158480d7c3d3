"""Standalone NITF 3.6: the official XSD on every fixture and corpus article, goldens, the round
trip, and NITF from elsewhere."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import FIXTURES, check_golden, corpus_articles, fixture_articles
from lxml import etree
from test_newsml_helpers import no_headline_article, rich_article
from test_newsml_reader import BILLION_LAUGHS, XXE, carried, unmarked_mentions

import convert
from convert.errors import InputError
from convert.namespaces import NITF
from convert.readers.nitf import read
from convert.schema import validate_model

NS = {"f": NITF}

#: What standalone NITF cannot carry back, beyond what NewsML-G2 cannot (test_newsml_reader.NOT_CARRIED).
NITF_NOT_CARRIED = {
    "quotes[].speaker_text when a speaker entity is known": "q/@quote-source holds one name: the speaker's "
                                                            "(NC560 says so when the words as written differ)",
    "an exact quotation text that is not its quoted words": "NITF has no partMeta/description (NC560)",
}


def _nitf_schema(shared):
    return etree.XMLSchema(etree.parse(str(shared / "standards" / "nitf" / "nitf-3-6.xsd")))


def _articles():
    arts = [convert.parse(p.read_bytes(), source=p.name).value for p in fixture_articles()]
    return arts + [rich_article(), no_headline_article()]


def test_every_fixture_and_corpus_article_is_valid_nitf(shared):
    schema = _nitf_schema(shared)
    paths = fixture_articles() + corpus_articles()
    arts = [convert.parse(p.read_bytes(), source=str(p)).value for p in paths] + [rich_article(), no_headline_article()]
    invalid = []
    for art in arts:
        doc = etree.fromstring(convert.write(art, "nitf").value)
        if not schema.validate(doc.getroottree()):
            invalid.append((art.source.name, [str(e) for e in schema.error_log][:3]))
    assert invalid == [], invalid
    assert len(arts) == len(paths) + 2 > 80


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.name)
def test_golden_nitf(path, update_goldens):
    art = convert.parse(path.read_bytes(), source=path.name).value
    check_golden(FIXTURES / (path.name[:-4] + ".nitf.xml"), convert.write(art, "nitf").value, update_goldens)


def test_document_structure():
    art = rich_article()
    root = etree.fromstring(convert.write(art, "nitf").value)
    assert root.tag == f"{{{NITF}}}nitf" and root.get("baselang") == "en"
    assert root.find("f:head/f:title", NS).get("type") == "main"
    assert root.find("f:head/f:docdata/f:doc-id", NS).get("id-string") == art.id
    assert root.find("f:head/f:docdata/f:date.issue", NS).get("norm") == "20250303"
    ic = root.find("f:head/f:docdata/f:identified-content", NS)
    whitfield = ic.find("f:person[@id='e1']", NS)
    assert whitfield.text == "Laura Whitfield"
    assert [f.text for f in whitfield.findall("f:function", NS)] == ["Sen.", "chair of the Environment and Public Works Committee"]
    assert ic.find("f:event[@id='e8']", NS).get("start-date") == "2025-03-10"
    assert ic.find("f:org[@id='e5']/f:alt-code", NS).get("value") == "CBO"
    assert root.findtext("f:body/f:body.head/f:distributor", namespaces=NS) == "AP"
    assert root.find(".//f:q[@id='q3.2']", NS).get("quote-source") == "Thomas Reed"
    inline = root.find(".//f:body.content//f:location[@id='e7.1']", NS)
    assert (inline.get("code-source"), inline.get("location-code")) == (art.id, "e7")


def test_derived_title_is_flagged():
    art = no_headline_article()
    root = etree.fromstring(convert.write(art, "nitf").value)
    assert root.find("f:head/f:title", NS).get("type") == "alternate"
    assert root.find("f:head/f:docdata/f:ed-msg", NS).get("msg-type") == f"derived-title:{art.title.method}"
    assert root.find(".//f:hedline", NS) is None


def _nitf_carried(a: convert.Article, unmarked=frozenset()) -> dict:
    c = carried(a, unmarked)
    c["quotes"] = [q[:7] + ((a.entity(q[6]).name if q[6] else q[7]),) for q in c["quotes"]]
    return c


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.source.name)
def test_round_trip_keeps_everything_nitf_carries(article):
    data = convert.write(article, "nitf").value
    back = read(data, "doc.nitf.xml")
    assert [m for m in back.messages if m.severity != "info"] == []
    assert _nitf_carried(back.value) == _nitf_carried(article, unmarked_mentions(article))
    assert validate_model(json.loads(convert.to_json(back.value))) == []
    assert convert.write(back.value, "nitf").value == data


def test_losses_are_reported():
    result = convert.write(rich_article(), "nitf")
    assert any(m.code == "NC560" and "q1" in m.text for m in result.messages)
    art = rich_article()
    ents = list(art.entities)
    ents[3] = replace(ents[3], date="2020")
    assert any(m.code == "NC560" and "e4" in m.text for m in convert.write(replace(art, entities=tuple(ents)), "nitf").messages)


def test_reads_nitf_from_elsewhere():
    doc = b"""<?xml version="1.0"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
 <head><title>Storm hits coast</title></head>
 <body>
  <body.head><hedline><hl1>Storm hits coast</hl1></hedline><byline>By A. Writer</byline></body.head>
  <body.content>
   <p>Heavy rain hit <location>Cornwall</location> on <chron norm="2024-01-02">Tuesday</chron>,
      said <person>Jo Bloggs</person> of the <org>Met Office</org>.</p>
   <p><q quote-source="Jo Bloggs">"Stay indoors,"</q> <person>Bloggs</person> said.</p>
   <table/>
  </body.content>
 </body>
</nitf>"""
    res = read(doc, "storm.nitf.xml")
    art = res.value
    assert art.title == convert.model.Title("Storm hits coast", False, "headline")
    assert [(e.type, e.name) for e in art.entities] == [("place", "Cornwall"), ("person", "Jo Bloggs"),
                                                        ("organization", "Met Office"), ("person", "Bloggs")]
    assert art.paragraphs[0].text.startswith("Heavy rain hit Cornwall on Tuesday, said Jo Bloggs")
    (quote,) = art.quotes
    # the comma before the reporting clause is not part of the words quoted (convert/quotetext.py)
    assert (quote.text, quote.speaker, quote.paragraph) == ("Stay indoors", "e2", "p2")
    assert art.dates[0].value == "2024-01-02"
    skipped = [m.text for m in res.messages if m.code == "NC562"]
    assert skipped and "byline" in skipped[0] and "table" in skipped[0]
    assert validate_model(json.loads(convert.to_json(art))) == []


def test_hardened_and_typed_errors():
    for bad in (BILLION_LAUGHS, XXE):
        with pytest.raises(InputError) as exc:
            read(bad, "evil.nitf.xml")
        assert exc.value.messages[0].code == "NC511"
    with pytest.raises(InputError) as exc:
        read(b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "x.nitf.xml")
    assert exc.value.messages[0].code == "NC561"


def test_cli_reads_nitf_by_suffix(tmp_path):
    from click.testing import CliRunner

    from convert.cli import main

    out = tmp_path / "a.nitf.xml"
    src = fixture_articles()[2]
    runner = CliRunner()
    assert runner.invoke(main, ["convert", str(src), "-t", "nitf", "-o", str(out)]).exit_code == 0
    r = runner.invoke(main, ["convert", str(out), "-t", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["id"] == convert.parse(src.read_bytes(), source=src.name).value.id


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=400))
def test_any_article_round_trips_through_nitf(text):
    try:
        art = convert.parse(text, source="h.txt").value
    except InputError:
        return
    back = read(convert.write(art, "nitf").value, "h.xml").value
    assert _nitf_carried(back) == _nitf_carried(art, unmarked_mentions(art))
