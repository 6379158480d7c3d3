"""NewsML-G2 conformance: the official IPTC schema on every fixture and corpus article (via
../shared/tools/check_newsml.py, one run for all files), the package's own structural checks, and
the --xsd option."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import corpus_articles, fixture_articles
from test_newsml_helpers import no_headline_article, rich_article

import convert
from convert.checks.newsml import check
from convert.namespaces import CATALOG_41_ALIASES

GOOD = None


def _good() -> bytes:
    global GOOD
    if GOOD is None:
        GOOD = convert.write(rich_article(), "newsml").value
    return GOOD


def test_every_fixture_and_corpus_article_is_valid_newsml_g2(shared, tmp_path):
    inputs = fixture_articles() + corpus_articles()
    assert len(corpus_articles()) > 0
    files = []
    for k, path in enumerate(inputs):
        art = convert.parse(path.read_bytes(), source=str(path)).value
        data = convert.write(art, "newsml").value
        assert check(data, path.name) == [], path
        out = tmp_path / f"{k:03d}.newsml.xml"
        out.write_bytes(data)
        files.append(str(out))
    options = convert.WriteOptions(created="2025-03-04T09:30:00+01:00", provider="Example Wire",
                                   copyright_holder="Example Wire Ltd")
    for k, art in enumerate((rich_article(), no_headline_article())):
        for j, opts in enumerate((convert.WriteOptions(), options)):
            out = tmp_path / f"rich{k}-{j}.newsml.xml"
            out.write_bytes(convert.write(art, "newsml", opts).value)
            files.append(str(out))
    proc = subprocess.run([sys.executable, str(shared / "tools" / "check_newsml.py"), "--root", "newsItem", *files],
                          capture_output=True, text=True)
    last = proc.stdout.strip().splitlines()[-1]
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr
    assert last == f"{len(files)} files, {len(files)} valid"


def test_own_checks_pass_good_output():
    assert check(_good(), "good.xml") == []


def _codes(data: bytes) -> list[str]:
    return [m.code for m in check(data, "bad.xml")]


def test_own_checks_catch_what_receivers_reject():
    good = _good()
    # element order in itemMeta and contentMeta
    swapped = good.replace(b'<pubStatus qcode="stat:usable"/>', b"").replace(
        b"<itemClass", b'<pubStatus qcode="stat:usable"/><itemClass', 1)
    assert "NC520" in _codes(swapped)
    moved = re.sub(rb"<contentCreated>[^<]*</contentCreated>", b"", good).replace(
        b"<headline>", b"<contentCreated>2025-03-03</contentCreated><headline>", 1)
    assert "NC520" in _codes(moved)
    # a qcode whose scheme the catalog does not declare
    assert "NC521" in _codes(good.replace(b'qcode="cpnat:person"', b'qcode="cptype:person"', 1))
    # NITF outside its namespace
    assert "NC522" in _codes(good.replace(b' xmlns="http://iptc.org/std/NITF/2006-10-18/"', b"", 1))
    # an idref that resolves to nothing
    assert "NC523" in _codes(good.replace(b'idrefs="e1.1', b'idrefs="nowhere e1.1', 1))
    # required parts
    assert "NC524" in _codes(good.replace(b' conformance="power"', b"", 1))
    assert "NC524" in _codes(re.sub(rb"<versionCreated>[^<]*</versionCreated>", b"", good))
    # and XML attacks are refused here too
    assert _codes(b'<!DOCTYPE x [<!ENTITY a "b">]><newsItem/>') == ["NC511"]


def test_catalog_alias_list_matches_the_iptc_catalog(shared):
    text = (shared / "standards" / "newsml-g2" / "catalog" / "catalog.IPTC-G2-Standards_41.xml").read_text("utf-8")
    assert set(re.findall(r'<scheme alias="([^"]+)"', text)) == CATALOG_41_ALIASES


def test_xsd_option_validates_against_the_official_schema(shared):
    xsd = shared / "standards" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
    assert check(_good(), "good.xml", xsd=xsd) == []
    # an NITF error is found too (the NITF 3.6 schema is picked up from ../nitf/)
    bad = _good().replace(b'<q id="q1"', b'<q bogus="1" id="q1"', 1)
    msgs = check(bad, "bad.xml", xsd=xsd)
    assert [m.code for m in msgs] == ["NC525"] and "bogus" in msgs[0].text and msgs[0].line
    missing = check(_good(), "good.xml", xsd=shared / "nope.xsd")
    assert [m.code for m in missing] == ["NC526"]


@pytest.mark.parametrize("name", ["LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_2_NewsML-G2_Text_Document.xml",
                                  "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"])
def test_own_checks_accept_iptc_examples(shared, name):
    data = (shared / "standards" / "newsml-g2" / "examples" / name).read_bytes()
    assert check(data, name) == []
