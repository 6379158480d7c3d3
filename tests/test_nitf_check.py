"""convert.checks.nitf: the package's own structural checks of a standalone NITF 3.6 document
(NC561, NC570-NC579, with the hardened parser's NC510/NC511), the official schema offline with
`xsd=`, and `newsconv validate` dispatching to it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import etree

import convert
from convert.checks.nitf import check
from convert.cli import main
from convert.namespaces import NITF
from convert.validation import validate_bytes

from conftest import FIXTURES, SHARED, fixture_articles
from test_newsml_helpers import no_headline_article, rich_article

F = f"{{{NITF}}}"
NITF_XSD = SHARED / "standards" / "nitf" / "nitf-3-6.xsd"
G2_XSD = SHARED / "standards" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"


def codes(msgs) -> list[str]:
    return [m.code for m in msgs]


def good() -> bytes:
    return convert.write(rich_article(), "nitf").value


def mutate(fn) -> bytes:
    """The rich article's NITF, changed by `fn(root)`, re-serialised with its line breaks."""
    root = etree.fromstring(good())
    fn(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8")


def _docs():
    out = [(p.name, (FIXTURES / (p.name[:-4] + ".nitf.xml")).read_bytes()) for p in fixture_articles()]
    return out + [("rich", good()), ("no_headline", convert.write(no_headline_article(), "nitf").value)]


@pytest.mark.parametrize("name,data", _docs(), ids=lambda x: x if isinstance(x, str) else "")
def test_what_the_writer_produces_passes_with_no_message(name, data):
    assert check(data, name) == []


def test_what_the_writer_produces_passes_the_official_schema(shared):
    for name, data in _docs():
        assert check(data, name, xsd=NITF_XSD) == [], name
        # `newsconv validate --xsd` gives one schema for all files: the NewsML-G2 one finds NITF's
        assert check(data, name, xsd=G2_XSD) == [], name


def _set(path: str, attr: str, value: str):
    def fn(root):
        root.find(path.replace("f:", F)).set(attr, value)
    return fn


def _body_first(root):
    root.append(root.find(F + "head"))


def _no_body(root):
    root.remove(root.find(F + "body"))


def _no_title(root):
    head = root.find(F + "head")
    head.remove(head.find(F + "title"))


def _no_content(root):
    body = root.find(F + "body")
    body.remove(body.find(F + "body.content"))


def _end_before_content(root):
    body = root.find(F + "body")
    body.insert(1, etree.SubElement(body, F + "body.end"))


def _bad_link(root):
    person = next(root.iter(F + "p")).getparent().find(f".//{F}person")
    person.set("value", "e99")


def _bad_location_link(root):
    loc = root.find(f"{F}body/{F}body.content//{F}location")
    loc.set("location-code", "e42")


def _external_link(root):
    person = root.find(f"{F}body/{F}body.content//{F}person")
    person.set("idsrc", "http://cv.example.org/people/")
    person.set("value", "jdoe")


CASES = [
    ("wrong root", lambda r: None, b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', ["NC561"], 1),
    ("no namespace", None, b"<nitf>\n<body><body.content/></body></nitf>", ["NC570"], 1),
    ("other namespace", None, b'<nitf xmlns="http://iptc.org/std/NITF/2003-03-25/"><body/></nitf>', ["NC570"], 1),
    ("body before head", _body_first, None, ["NC571"], None),
    ("body.end before body.content", _end_before_content, None, ["NC571"], None),
    ("no body", _no_body, None, ["NC572"], None),
    ("no title", _no_title, None, ["NC573"], None),
    ("no body.content", _no_content, None, ["NC573"], None),
    ("duplicate id", _set("f:body/f:body.content/f:p", "id", "e1"), None, ["NC574"], None),
    ("unresolved link", _bad_link, None, ["NC575"], None),
    ("unresolved location link", _bad_location_link, None, ["NC575"], None),
    ("bad date.issue", _set("f:head/f:docdata/f:date.issue", "norm", "yesterday"), None, ["NC576"], None),
    ("bad id", _set("f:body/f:body.content/f:p", "id", "3 p"), None, ["NC579"], None),
    ("not well-formed", None, b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n<body>', ["NC510"], 2),
    ("doctype", None, b'<!DOCTYPE nitf [<!ENTITY x "y">]>\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>',
     ["NC511"], 1),
]


@pytest.mark.parametrize("label,fn,data,expected,line", CASES, ids=[c[0] for c in CASES])
def test_broken_documents_give_their_code(label, fn, data, expected, line):
    data = data if data is not None else mutate(fn)
    found = check(data, "x.nitf.xml")
    assert codes(found) == expected, [m.render() for m in found]
    (msg,) = found
    assert msg.file == "x.nitf.xml" and msg.line is not None
    if line is not None:
        assert msg.line == line
    else:  # the line of the element at fault, in the re-serialised document
        assert 1 <= msg.line <= data.count(b"\n") + 1
    severity = "warning" if expected[0] in ("NC573", "NC576") else "error"
    assert msg.severity == severity


def test_links_into_other_vocabularies_are_not_checked():
    assert check(mutate(_external_link), "x") == []


def test_messages_point_at_the_element_at_fault():
    data = mutate(_bad_link)
    (msg,) = check(data, "x")
    line = data.decode().splitlines()[msg.line - 1]
    assert 'value="e99"' in line and "NC575" == msg.code and "'e99'" in msg.text


def test_every_problem_is_reported_not_only_the_first():
    def several(root):
        _no_title(root)
        _bad_link(root)
        _set("f:head/f:docdata/f:date.issue", "norm", "soon")(root)
    assert sorted(codes(check(mutate(several), "x"))) == ["NC573", "NC575", "NC576"]


def test_schema_errors_and_an_unloadable_schema(shared, tmp_path):
    bad = mutate(lambda r: etree.SubElement(r.find(f"{F}body/{F}body.content/{F}p"), F + "bogus"))
    assert check(bad, "x") == []  # the own checks do not know every element...
    found = check(bad, "x", xsd=NITF_XSD)  # ...the official schema does
    assert codes(found) == ["NC577"] and "bogus" in found[0].text and found[0].line
    missing = check(good(), "x", xsd=tmp_path / "nope.xsd")
    assert codes(missing) == ["NC578"] and missing[0].severity == "error"
    lonely = tmp_path / "other.xsd"  # neither NITF's schema nor one with nitf-3-6.xsd near it
    lonely.write_text('<schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"/>')
    (note,) = check(good(), "x", xsd=lonely)
    assert note.code == "NC578" and note.severity == "info"  # `validate --xsd` with a NewsML-G2-only folder


def test_norm_accepts_the_iso_forms_nitf_uses():
    for norm in ("20241126", "20241126T093000-0500", "20241126T093000Z", "2024-11-26", "2024-11",
                 "2024", "--11-26", "2024-11-26T09:30:00+05:30"):
        assert check(mutate(_set("f:head/f:docdata/f:date.issue", "norm", norm)), "x") == [], norm
    for norm in ("26/11/2024", "2024-1-2", "Nov 26", "202411"):
        assert codes(check(mutate(_set("f:head/f:docdata/f:date.issue", "norm", norm)), "x")) == ["NC576"], norm


def test_validate_command_uses_the_check(tmp_path):
    ok = tmp_path / "ok.nitf.xml"
    ok.write_bytes(good())
    bad = tmp_path / "bad.nitf.xml"
    bad.write_bytes(mutate(_bad_link))
    runner = CliRunner()
    r = runner.invoke(main, ["validate", str(ok)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["validate", str(ok), str(bad)])
    assert r.exit_code == 1
    assert re.search(rf"{re.escape(str(bad))}:\d+: NC575 error", r.output), r.output
    assert str(ok) + ":" not in r.output
    report = validate_bytes(good(), "mem.nitf.xml")
    assert report.format == "nitf" and report.messages == ()


def test_validate_command_passes_the_schema(shared, tmp_path):
    bad = tmp_path / "bad.nitf.xml"
    bad.write_bytes(mutate(lambda r: etree.SubElement(r.find(f"{F}body/{F}body.content/{F}p"), F + "bogus")))
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(bad)]).exit_code == 0
    for xsd in (NITF_XSD, G2_XSD):
        r = runner.invoke(main, ["validate", "--xsd", str(xsd), str(bad)])
        assert r.exit_code == 1 and "NC577 error" in r.output and "bogus" in r.output, r.output
