"""NewsML-G2 writer: structure, ids that resolve, times, escaping, determinism, goldens."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import FIXTURES, check_golden, fixture_articles
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_newsml_helpers import no_headline_article, rich_article

import convert
from convert.checks.newsml import check
from convert.namespaces import NAR, NITF, ROLE_DERIVED_HEADLINE, ROLE_TITLE
from convert.options import WriteOptions
from convert.writers.newsml import FALLBACK_CREATED

NS = {"n": NAR, "f": NITF}


def _write(article, **opts):
    result = convert.write(article, "newsml", WriteOptions(**opts))
    return etree.fromstring(result.value), result


def test_item_header_and_item_meta_in_schema_order():
    root, result = _write(rich_article(), created="2025-03-04T10:00:00Z", provider="Example Wire")
    assert root.tag == f"{{{NAR}}}newsItem"
    assert root.get("guid") == rich_article().id
    assert (root.get("version"), root.get("standard"), root.get("standardversion"), root.get("conformance")) == (
        "1", "NewsML-G2", "2.35", "power")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.find("n:catalogRef", NS).get("href").endswith("catalog.IPTC-G2-Standards_41.xml")
    meta = [etree.QName(c).localname for c in root.find("n:itemMeta", NS)]
    assert meta == ["itemClass", "provider", "versionCreated", "firstCreated", "pubStatus", "generator"]
    assert root.findtext("n:itemMeta/n:versionCreated", namespaces=NS) == "2025-03-04T10:00:00Z"
    assert root.find("n:itemMeta/n:provider", NS).get("literal") == "Example Wire"
    gen = root.find("n:itemMeta/n:generator", NS)
    assert gen.text == "newsconv" and gen.get("versioninfo") == convert.__version__
    assert check(result.value, "rich.xml") == []


def test_rights_info_when_known():
    root, result = _write(rich_article(), copyright_holder="Example Wire Ltd")
    assert [etree.QName(c).localname for c in root][:3] == ["catalogRef", "rightsInfo", "itemMeta"]
    assert root.findtext("n:rightsInfo/n:copyrightHolder/n:name", namespaces=NS) == "Example Wire Ltd"
    assert check(result.value, "r.xml") == []
    assert _write(rich_article())[0].find("n:rightsInfo", NS) is None


def test_content_meta_admin_before_descriptive_with_subjects_per_entity():
    art = rich_article()
    root, _ = _write(art)
    cm = [etree.QName(c).localname for c in root.find("n:contentMeta", NS)]
    assert cm[:4] == ["contentCreated", "located", "infoSource", "language"]
    assert cm[4:] == ["subject"] * len(art.entities) + ["headline", "dateline"]
    assert root.findtext("n:contentMeta/n:contentCreated", namespaces=NS) == "2025-03-03"
    located = root.find("n:contentMeta/n:located", NS)
    assert located.get("uri") == f"{art.id}#e6" and located.findtext("n:name", namespaces=NS) == "WASHINGTON"
    types = {s.findtext("n:name", namespaces=NS): s.get("type") for s in root.iterfind("n:contentMeta/n:subject", NS)}
    assert types["Laura Whitfield"] == "cpnat:person"
    assert types["Congressional Budget Office"] == "cpnat:organisation"
    assert types["Ohio"] == "cpnat:geoArea"
    assert types["Clean Water Summit"] == "cpnat:event"


def test_assert_carries_titles_affiliations_acronyms_and_event_details():
    art = rich_article()
    root, _ = _write(art)
    asserts = {a.get("uri").split("#")[1]: a for a in root.iterfind("n:assert", NS)}
    e1 = asserts["e1"]
    assert [n.text for n in e1.iterfind("n:note", NS) if n.get("roleuri") == ROLE_TITLE] == [
        "Sen.", "chair of the Environment and Public Works Committee"]
    assert e1.find("n:personDetails/n:affiliation", NS).get("uri") == f"{art.id}#e2"
    assert asserts["e5"].find("n:name[@role='nrol:short']", NS).text == "CBO"
    assert asserts["e8"].findtext("n:eventDetails/n:dates/n:start", namespaces=NS) == "2025-03-10"
    assert asserts["e8"].find("n:eventDetails/n:location", NS).get("uri") == f"{art.id}#e7"


def test_body_is_nitf_in_its_namespace_with_quotes_and_inline_names():
    root, _ = _write(rich_article())
    ix = root.find("n:contentSet/n:inlineXML", NS)
    assert ix.get("contenttype") == "application/nitf+xml"
    nitf = ix[0]
    assert nitf.tag == f"{{{NITF}}}nitf"
    q1 = nitf.find(".//f:q[@id='q1']", NS)
    assert q1.get("quote-source") == "Laura Whitfield"
    assert "".join(q1.itertext()) == "“We will vote on this bill before the recess,”"
    assert [q.get("id") for q in nitf.iterfind(".//f:q", NS)] == ["q1", "q2", "q3", "q3.2", "q4"]
    assert nitf.find(".//f:q[@id='q4']", NS).get("class") == "scare"
    assert nitf.find(".//f:q[@id='q4']", NS).get("quote-source") is None
    assert nitf.find(".//f:person[@id='e1.1']", NS).text == "Laura Whitfield"
    assert nitf.find(".//f:org[@id='e5.2']", NS).text == "CBO"
    assert nitf.find(".//f:hl1/f:org", NS).text == "Senate"
    assert nitf.find(".//f:dateline/f:location", NS).text == "WASHINGTON"
    assert nitf.find(".//f:dateline/f:story.date", NS).get("norm") == "2025-03-03"
    assert nitf.find(".//f:chron[@id='d2']", NS).get("norm") == "2025-03-10"


def test_every_idref_resolves_and_quotes_link_to_speakers():
    art = rich_article()
    root, _ = _write(art)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    refs = [t for el in root.iterfind("n:inlineRef", NS) for t in el.get("idrefs").split()]
    refs += [t for el in root.iterfind("n:partMeta", NS) for t in el.get("contentrefs").split()]
    assert refs and set(refs) <= ids
    pm = root.find("n:partMeta[@contentrefs='q3 q3.2']", NS)
    assert pm.find("n:creator", NS).get("uri") == f"{art.id}#e3"
    assert pm.findtext("n:by", namespaces=NS) == "Reed"


def test_text_is_escaped():
    root, result = _write(rich_article())
    assert b"clean water &amp; they should not wait &lt;much&gt; longer" in result.value
    assert "& they should not wait <much> longer" in "".join(root.find(".//f:q[@id='q2']", NS).itertext())


def test_characters_outside_xml_are_removed_with_their_place():
    text = "Headline\n\nFirst para\x01graph here.\n\nSecond \x0bone.\n"
    art = convert.parse(text, source="ctl.txt").value
    result = convert.write(art, "newsml")
    root = etree.fromstring(result.value)  # well-formed
    assert "First paragraph here." in "".join(root.find(".//f:p", NS).itertext())
    bad = [(m.line, m.col) for m in result.messages if m.code == "NC504"]
    assert bad == [(3, 11), (5, 8)]


def test_derived_title_is_marked_never_passed_off_as_the_headline():
    art = no_headline_article()
    assert art.title.derived
    root, result = _write(art)
    hl = root.find("n:contentMeta/n:headline", NS)
    assert hl.text == art.title.text
    assert hl.get("roleuri") == f"{ROLE_DERIVED_HEADLINE}:{art.title.method}"
    assert "derived from the lead" in root.findtext("n:itemMeta/n:edNote", namespaces=NS)
    assert root.find(".//f:hedline", NS) is None  # no NITF headline for a derived title
    assert any(m.code == "NC505" for m in result.messages)


def test_times_come_from_options_then_article_then_documented_fallback():
    art = rich_article()
    assert _write(art, created="2024-05-06")[0].findtext("n:itemMeta/n:versionCreated", namespaces=NS) == \
        "2024-05-06T00:00:00Z"
    root, result = _write(art)
    assert root.findtext("n:itemMeta/n:firstCreated", namespaces=NS) == "2025-03-03T00:00:00Z"
    assert [m.code for m in result.messages if m.code.startswith("NC50")] == ["NC501"]
    undated = no_headline_article()
    root, result = _write(undated)
    assert root.findtext("n:itemMeta/n:versionCreated", namespaces=NS) == FALLBACK_CREATED
    assert "NC502" in [m.code for m in result.messages]
    root, result = _write(art, created="yesterday")
    assert "NC503" in [m.code for m in result.messages]
    assert root.findtext("n:itemMeta/n:versionCreated", namespaces=NS) == "2025-03-03T00:00:00Z"


def test_output_is_deterministic():
    a = convert.write(rich_article(), "newsml").value
    b = convert.write(rich_article(), "newsml").value
    assert a == b and a.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem ')


def test_what_cannot_be_carried_is_reported():
    art = rich_article()
    ents = list(art.entities)
    ents[3] = replace(ents[3], date="2020-01-01")           # a place with a date
    ents[7] = replace(ents[7], date=None)                     # an event with a location but no date
    _, result = _write(replace(art, entities=tuple(ents)))
    lost = [m.text for m in result.messages if m.code == "NC507"]
    assert any("e4 (Ohio)" in t and "date" in t for t in lost)
    assert any("e8 (Clean Water Summit)" in t and "location" in t for t in lost)


def test_overlapping_mentions_are_reported_not_crashed():
    art = rich_article()
    ents = list(art.entities)
    idx = convert.textpos.LineIndex(convert.model.rebuild_source(art))
    at = convert.model.rebuild_source(art).index("Budget Office")
    ents.append(convert.Entity("e10", "organization", "Budget Office",
                               mentions=(idx.span(at, at + len("Budget Office")),)))
    root, result = _write(replace(art, entities=tuple(ents)))
    assert [m for m in result.messages if m.code == "NC506"]
    assert root.find(".//f:org[@id='e10.1']", NS) is None
    assert check(etree.tostring(root), "x") == []


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.name)
def test_golden_newsml(path, update_goldens):
    art = convert.parse(path.read_bytes(), source=path.name).value
    result = convert.write(art, "newsml")
    assert check(result.value, path.name) == []
    check_golden(FIXTURES / (path.name[:-4] + ".newsml.xml"), result.value, update_goldens)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_any_text_gives_well_formed_checked_newsml(text):
    try:
        art = convert.parse(text, source="h.txt").value
    except convert.InputError:
        return
    data = convert.write(art, "newsml").value
    etree.fromstring(data)
    assert check(data, "h.xml") == []


def test_mentions_in_hard_wrapped_paragraphs_land_on_the_right_words():
    """A name broken across a CRLF line break in the source is marked up on the rejoined words."""
    path = FIXTURES / "wire_toronto_hardwrapped.txt"
    text = convert.decode.decode(path.read_bytes(), path.name).text
    art = convert.parse(path.read_bytes(), source=path.name).value
    idx = convert.textpos.LineIndex(text)
    at = text.index("Maple\r\nLeaf Grain")
    end = at + len("Maple\r\nLeaf Grain")
    org = text.index("Canadian Grain Commission")
    ents = (convert.Entity("e1", "organization", "Maple Leaf Grain", mentions=(idx.span(at, end),)),
            convert.Entity("e2", "organization", "Canadian Grain Commission",
                           mentions=(idx.span(org, org + len("Canadian Grain Commission")),)))
    root, result = _write(replace(art, entities=ents))
    assert root.find(".//f:org[@id='e1.1']", NS).text == "Maple Leaf Grain"
    assert root.find(".//f:org[@id='e2.1']", NS).text == "Canadian Grain Commission"
    assert not [m for m in result.messages if m.code == "NC506"]
    back = convert.read(convert.write(replace(art, entities=ents), "newsml").value, "x.newsml.xml").value
    assert [(e.name, len(e.mentions)) for e in back.entities] == [("Maple Leaf Grain", 1), ("Canadian Grain Commission", 1)]
