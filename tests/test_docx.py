"""The DOCX report, read back with python-docx: styles, heading order, tables and cells, core
properties, every paragraph and quotation of the model; goldens of the canonicalised XML parts;
determinism; text Word cannot hold; a 500-paragraph article; the output check; the CLI."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import convert
from convert.checks.docx import check
from convert.cli import main
from convert.options import WriteOptions
from convert.writers.docx import DERIVED_NOTE, SECTIONS, write

from conftest import FIXTURES, SEED_NAME, check_golden, fixture_articles
from test_docx_samples import enriched_seed, seed_article, wrapped_article

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOLDEN_PARTS = ("word/document.xml", "docProps/core.xml")
#: The only styles a report may use.
ALLOWED_STYLES = {"Heading 1", "Heading 2", "Subtitle", "Story Paragraph", "Report Note", "Normal",
                  "Paragraph Number", "Quotation", "Strong", "Default Paragraph Font", "Table Grid"}


def canonical_parts(data: bytes) -> str:
    """The golden form of a report: word/document.xml and docProps/core.xml, each parsed,
    indented and written as canonical XML (C14N 2.0) inside one <docx-parts> wrapper."""
    root = etree.Element("docx-parts")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in GOLDEN_PARTS:
            holder = etree.SubElement(root, "part", name=name)
            holder.append(etree.fromstring(zf.read(name), etree.XMLParser(remove_blank_text=True)))
    etree.indent(root, space="  ")
    return etree.tostring(root, method="c14n2").decode("utf-8") + "\n"


def report(article, options: WriteOptions = WriteOptions()):
    result = write(article, options)
    return result, docx.Document(io.BytesIO(result.value))


def table_after(doc, heading: str):
    """The table that follows the Heading 2 `heading` (None when a note stands there instead)."""
    seen = False
    n_tables = 0
    for el in doc.element.body.iterchildren():
        tag = etree.QName(el).localname
        if tag == "p":
            style = el.find(f"{{{W}}}pPr/{{{W}}}pStyle")
            if style is not None and style.get(f"{{{W}}}val") == "Heading2":
                if seen:
                    return None
                seen = "".join(t.text or "" for t in el.iter(f"{{{W}}}t")) == heading
        elif tag == "tbl":
            if seen:
                return doc.tables[n_tables]
            n_tables += 1
    return None


def rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def story(doc) -> list:
    return [p for p in doc.paragraphs if p.style.name == "Story Paragraph"]


# --- structure, read back with python-docx -----------------------------------------------------
def test_enriched_seed_report_reads_back():
    art = enriched_seed()
    result, doc = report(art)
    assert result.ok
    # named styles only, and nothing but a style reference as formatting
    used = {p.style.name for p in doc.paragraphs} | {r.style.name for p in doc.paragraphs for r in p.runs}
    used |= {t.style.name for t in doc.tables}
    assert used <= ALLOWED_STYLES, used - ALLOWED_STYLES
    body = doc.element.body
    for ppr in body.iter(f"{{{W}}}pPr"):
        assert [etree.QName(c).localname for c in ppr] == ["pStyle"]
    for rpr in body.iter(f"{{{W}}}rPr"):
        assert [etree.QName(c).localname for c in rpr] == ["rStyle"]
    # headings: one Heading 1 (the title), then the sections in order, never skipping a level
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads[0] == ("Heading 1", art.title.text)
    assert [h for h in heads[1:]] == [("Heading 2", s) for s in SECTIONS]
    subtitle = [p.text for p in doc.paragraphs if p.style.name == "Subtitle"]
    assert subtitle == [DERIVED_NOTE]
    # metadata table
    meta = dict(rows(doc.tables[0])[1:])
    assert meta["Date"] == "2024-11-26"
    assert meta["Language"] == "en"
    assert meta["Word count"] == str(art.word_count) == "854"
    assert meta["Source file"] == SEED_NAME
    assert meta["Source SHA-256"] == art.source.sha256
    assert meta["Identifier"] == art.id
    assert meta["Dateline"] == "none" and meta["Place"] == "not given in the text"
    assert meta["Headline"].startswith("none: title derived from the lead")
    # every paragraph of the model, numbered, in order
    pars = story(doc)
    assert [p.text for p in pars] == [f"{i}\t{p.text}" for i, p in enumerate(art.paragraphs, 1)]
    # every direct quotation is visible in its paragraph, in the Quotation character style
    for q in art.direct_quotes:
        par = pars[int(q.paragraph[1:]) - 1]
        shown = "".join(r.text for r in par.runs if r.style.name == "Quotation")
        assert q.text in shown, (q.id, shown)
    scare = "".join(r.text for r in pars[3].runs if r.style.name == "Quotation")
    assert scare == "", "a scare quote is not speech"
    # the Quotations table: speaker, role, quotation, paragraph
    qrows = rows(table_after(doc, "Quotations"))
    assert qrows[0] == ["Speaker", "Role", "Quotation", "Para."]
    assert len(qrows) - 1 == len(art.direct_quotes) == 10
    by_text = {r[2]: r for r in qrows[1:]}
    for q in art.direct_quotes:
        assert by_text[q.text][3] == q.paragraph[1:]
    pant = by_text[art.quotes[5].text]
    assert pant[:2] == ["Bab Ram Pant", "Deputy Regional Director for South Asia, Amnesty International"]
    assert by_text[art.quotes[8].text][0] == "Michael Kugelman (\u201che\u201d)"
    assert by_text[art.quotes[9].text][0].startswith("Human Rights Commission of Pakistan")
    notes = [p.text for p in doc.paragraphs if p.style.name == "Report Note"]
    assert any("\u201cmassacre\u201d (para. 4)" in n for n in notes)
    # People, Organisations, Places, Events, Dates
    people = {r[0]: r for r in rows(table_after(doc, "People"))[1:]}
    assert people["Bab Ram Pant"][1:3] == ["Deputy Regional Director for South Asia", "Amnesty International"]
    assert people["Michael Kugelman"][3] == "Kugelman"
    assert people["Imran Khan"][4].startswith("2, 3, 6")
    orgs = {r[0]: r for r in rows(table_after(doc, "Organisations"))[1:]}
    assert orgs["Human Rights Commission of Pakistan"][1] == "HRCP"
    assert orgs["Pakistan Tehreek-e-Insaf"][1:3] == ["PTI", ""]  # the acronym is not repeated as an alias
    places = [r[0] for r in rows(table_after(doc, "Places"))[1:]]
    assert places == ["Pakistan", "Islamabad", "United States", "United Kingdom"]
    assert rows(table_after(doc, "Events"))[1][:3] == ["Islamabad massacre", "2024-11-26", "Islamabad"]
    assert rows(table_after(doc, "Dates"))[2] == ["August 2023", "2023-08", "partial", "3"]
    prov = [p.text for p in doc.paragraphs][-1]
    assert f"newsconv {convert.__version__}" in prov and "model version 1.0" in prov
    # core properties from the article
    cp = doc.core_properties
    assert cp.title == art.title.text
    assert cp.subject == "Pakistan; Islamabad; United States; United Kingdom; Islamabad massacre"
    assert cp.keywords.startswith("Imran Khan; Shehbaz Sharif;") and len(cp.keywords) <= 255
    assert cp.language == "en" and cp.identifier == art.id
    assert cp.created == cp.modified == dt.datetime(2024, 11, 26, tzinfo=dt.timezone.utc)
    assert cp.author == "newsconv" and cp.last_modified_by == f"newsconv {convert.__version__}"
    assert cp.revision == 1 and cp.category == "News article report"
    assert [m.code for m in result.messages] == ["NC706"]  # the keywords were cut to 255 characters
    with zipfile.ZipFile(io.BytesIO(result.value)) as zf:
        core = zf.read("docProps/core.xml")
        assert b"python-docx" not in core and b"2013" not in core
        assert b'w:lang w:val="en"' in zf.read("word/styles.xml")


def test_reader_seed_report_shows_every_paragraph_and_quotation():
    """Whatever the reader finds (the extraction is merged later), all of it is in the report."""
    art = seed_article()
    result, doc = report(art)
    assert check(result.value, "seed.docx") == []
    assert [p.text for p in story(doc)] == [f"{i}\t{p.text}" for i, p in enumerate(art.paragraphs, 1)]
    quotations = table_after(doc, "Quotations")
    shown = {r[2] for r in rows(quotations)[1:]} if quotations is not None else set()
    assert {q.text for q in art.direct_quotes} == shown
    if art.date is None:
        assert "NC705" in [m.code for m in result.messages]


def test_hard_wrapped_interrupted_quotation_is_mapped_through_raw():
    art = wrapped_article()
    result, doc = report(art)
    assert result.messages == ()
    par = story(doc)[1]
    styled = [(r.style.name, r.text) for r in par.runs]
    assert styled == [
        ("Paragraph Number", "2\t"),
        ("Quotation", "\"We waited a long time,\""),
        ("Default Paragraph Font", " chief executive Robert Tanaka said, "),
        ("Quotation", "\"but the elevators give us the reach we need in Saskatchewan.\""),
    ]
    assert rows(table_after(doc, "Quotations"))[1] == [
        "Robert Tanaka", "chief executive, Maple Leaf Grain Co", art.quotes[0].text, "2"]
    assert rows(table_after(doc, "Organisations"))[1] == ["Maple Leaf Grain Co", "MLG", "Maple Leaf Grain", "1"]
    assert doc.core_properties.created == dt.datetime(2024, 3, 26, tzinfo=dt.timezone.utc)


def test_offsets_text_to_raw_alignment():
    from convert.writers.docx import _ParMap

    art = wrapped_article()
    par = art.paragraphs[1]
    pm = _ParMap(par)
    src = convert.model.rebuild_source(art)
    # every character of the text maps onto the same character of the source (spaces onto breaks)
    for i, c in enumerate(par.text):
        s = src[par.span.start + pm.m[i]]
        assert s == c or (c == " " and s.isspace()), (i, c, s)
    # the line:col of "Saskatchewan" in the text is its place in the source
    k = par.text.index("Saskatchewan")
    line, col = pm.position(k)
    assert src.splitlines()[line - 1][col - 1:].startswith("Saskatchewan")


# --- determinism and dates ------------------------------------------------------------------------
def test_same_input_same_bytes_and_pinned_zip_entries():
    art = enriched_seed()
    a, b = write(art, WriteOptions()).value, write(art, WriteOptions()).value
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert zf.testzip() is None
        names = [i.filename for i in zf.infolist()]
        assert names == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                         "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                         "word/settings.xml", "word/fontTable.xml", "word/webSettings.xml", "word/theme/theme1.xml"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"newsconv" in zf.read("docProps/app.xml")


def test_created_comes_from_the_option_when_the_article_has_no_date():
    # the seed has no dateline, and its article date (Article.date) is the first full date in the
    # text (2024-11-26); without its dates it has none at all
    assert seed_article().date == "2024-11-26"
    art = replace(seed_article(), dates=())
    assert art.date is None
    res, doc = report(art, WriteOptions(created="2024-11-27T09:30:00+05:00"))
    assert doc.core_properties.created == dt.datetime(2024, 11, 27, 4, 30, tzinfo=dt.timezone.utc)
    assert "NC705" not in [m.code for m in res.messages]
    res, doc = report(art, WriteOptions(created="yesterday"))
    # (the seed's 28 names also make the keywords property too long for DOCX: NC706 for keywords)
    assert [(m.code, m.path) for m in res.messages] == [("NC706", "docProps/core.xml:keywords"), ("NC704", None),
                                                        ("NC705", None)]
    assert doc.core_properties.created is None
    with zipfile.ZipFile(io.BytesIO(res.value)) as zf:
        assert b"created" not in zf.read("docProps/core.xml")
    # the article's own date wins over the option
    _, doc = report(enriched_seed(), WriteOptions(created="2030-01-01"))
    assert doc.core_properties.created == dt.datetime(2024, 11, 26, tzinfo=dt.timezone.utc)


# --- text Word cannot hold; long articles ------------------------------------------------------
def test_control_characters_removed_with_located_warnings():
    art = enriched_seed()
    p2 = art.paragraphs[1]
    bad_text = p2.text[:10] + "\x07" + p2.text[10:20] + "\ufffe" + p2.text[20:]
    paragraphs = (art.paragraphs[0], replace(p2, text=bad_text), *art.paragraphs[2:])
    e0 = art.entities[0]
    entities = (replace(e0, titles=("former\x00 Prime Minister",)), *art.entities[1:])
    art = replace(art, paragraphs=paragraphs, entities=entities,
                  source=replace(art.source, name="bad\x1bname.txt"))
    result, doc = report(art)
    found = {(m.code, m.path, m.line, m.col) for m in result.messages if m.code == "NC701"}
    assert ("NC701", "paragraphs[1].text", p2.span.line, p2.span.col + 10) in found
    assert any(path == "entities[0].titles[0]" for _, path, _, _ in found)
    assert any(path == "source.name" for _, path, _, _ in found)
    para_msgs = [m for m in result.messages if m.path == "paragraphs[1].text"]
    assert len(para_msgs) == 1 and para_msgs[0].text.startswith("2 character(s)") and "U+0007" in para_msgs[0].text
    assert story(doc)[1].text == "2\t" + p2.text
    assert dict(rows(doc.tables[0])[1:])["Source file"] == "badname.txt"
    assert check(result.value, "bad.docx") == []


def test_500_paragraph_article_gives_a_valid_report():
    text = "A LONG DAY\n\n" + "\n\n".join(
        f"Paragraph {i} says \"line {i} is here,\" the clerk said\x0c again." for i in range(1, 501))
    art = convert.parse(text, "long.txt").value
    assert len(art.paragraphs) == 500
    result, doc = report(art)
    assert check(result.value, "long.docx") == []
    pars = story(doc)
    assert len(pars) == 500 and pars[-1].text == "500\tParagraph 500 says \"line 500 is here,\" the clerk said again."
    assert sum(m.code == "NC701" for m in result.messages) == 500


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\x00\x01\x0b\x85\ufffe\n\n\t\""),
               min_size=1, max_size=400))
def test_any_text_gives_a_report_that_opens(text):
    try:
        art = convert.parse(text, "any.txt").value
    except convert.InputError:
        return
    result = write(art, WriteOptions())
    assert check(result.value, "any.docx") == []
    doc = docx.Document(io.BytesIO(result.value))
    assert len(story(doc)) == len(art.paragraphs)


# --- goldens: canonical XML of the parts, never zip bytes -------------------------------------------
@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_golden_parts_fixtures(path, update_goldens):
    art = convert.read_file(path).value
    data = write(art, WriteOptions()).value
    check_golden(path.with_name(path.stem + ".docx.xml"), canonical_parts(data), update_goldens)


@pytest.mark.parametrize("name,build", [("docx_enriched_seed", enriched_seed), ("docx_wrapped_quote", wrapped_article)])
def test_golden_parts_hand_built(name, build, update_goldens):
    data = write(build(), WriteOptions()).value
    check_golden(FIXTURES / f"{name}.docx.xml", canonical_parts(data), update_goldens)


# --- the output check ---------------------------------------------------------------------------------
def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for k, v in entries.items():
            zf.writestr(k, v)
    return buf.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_check_reports_each_kind_of_problem():
    good = write(enriched_seed(), WriteOptions()).value
    assert check(good, "good.docx") == []
    assert [m.code for m in check(b"PK\x03\x04 broken", "x.docx")] == ["NC710"]
    parts = _parts(good)
    assert [m.code for m in check(_zip({**parts, "word/big.xml": b"<a/>" + b" " * (60 << 20)}), "b.docx")] == ["NC711"]
    assert [m.code for m in check(_zip({f"f{i}.xml": b"<a/>" for i in range(1001)}), "n.docx")] == ["NC711"]
    missing = {k: v for k, v in parts.items() if k != "docProps/core.xml"}
    assert [m.code for m in check(_zip(missing), "m.docx")] == ["NC712"]
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="%s">&a;</w:document>' % W.encode()
    msgs = check(_zip({**parts, "word/document.xml": evil}), "e.docx")
    assert [m.code for m in msgs] == ["NC713"] and "DOCTYPE" in msgs[0].text
    broken = _zip({**parts, "word/document.xml": parts["word/document.xml"][:-20]})
    assert [m.code for m in check(broken, "t.docx")] == ["NC713"]
    undefined = parts["word/document.xml"].replace(b'w:val="Quotation"', b'w:val="Shouting"')
    msgs = check(_zip({**parts, "word/document.xml": undefined}), "s.docx")
    assert [(m.code, "Shouting" in m.text) for m in msgs] == [("NC714", True)]
    skipped = parts["word/document.xml"].replace(b'w:val="Heading2"', b'w:val="Heading1"', 1)
    assert [m.code for m in check(_zip({**parts, "word/document.xml": skipped}), "h.docx")] == ["NC716"]
    plain = io.BytesIO()
    docx.Document().save(plain)
    codes = [m.code for m in check(plain.getvalue(), "plain.docx")]
    assert "NC716" in codes and codes.count("NC715") >= 4  # empty title/identifier/language, template defaults


# --- CLI and API --------------------------------------------------------------------------------------
def test_cli_writes_docx_to_a_file_and_to_stdout(tmp_path):
    out = tmp_path / "seed.docx"
    res = CliRunner().invoke(main, ["convert", str(FIXTURES / SEED_NAME), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert check(out.read_bytes(), str(out)) == []
    assert docx.Document(str(out)).paragraphs[0].style.name == "Heading 1"
    res = CliRunner().invoke(main, ["convert", str(FIXTURES / SEED_NAME), "-t", "docx", "-o", "-",
                                    "--created", "2024-11-27"])
    assert res.exit_code == 0
    assert res.stdout_bytes[:2] == b"PK"
    assert docx.Document(io.BytesIO(res.stdout_bytes)).core_properties.created.year == 2024


def test_api_convert_to_docx():
    result = convert.convert((FIXTURES / SEED_NAME).read_bytes(), to="docx", source=SEED_NAME)
    assert result.value[:2] == b"PK" and check(result.value) == []
    assert re.search(r"NC201", " ".join(m.code for m in result.messages))


# --- dateline, sign-off, and a model that refers to what it does not hold -----------------------
def test_dateline_agency_signoff_and_dangling_references():
    from convert.model import Entity, Quote

    art = convert.read_file(FIXTURES / "reuters_london_caps.txt").value
    head = art.headline.span
    p1 = art.paragraphs[0]
    quotes = (
        # a quotation the model places in the headline: not in the body, listed in the table only
        Quote("q1", art.headline.text[:10], "direct", "p9", head, speaker="e404", speaker_text="a source"),
        # no speaker named
        Quote("q2", p1.text[:12], "direct", p1.id, replace(p1.span, end=p1.span.start + 12)),
    )
    entities = (Entity("e1", "person", "Jane Doe", titles=("reporter",), affiliations=("e9",)),)
    result, doc = report(replace(art, quotes=quotes, entities=entities, dates=()))
    codes = [(m.code, m.path) for m in result.messages]
    assert ("NC702", "quotes[0]") in codes
    assert ("NC703", "quotes[0].speaker") in codes and ("NC703", "quotes[0].paragraph") in codes
    assert ("NC703", "entities[0].affiliations[0]") in codes
    meta = dict(rows(doc.tables[0])[1:])
    assert meta["Dateline"] == "LONDON, March 3 (Reuters)" and meta["Place"] == "LONDON"
    assert meta["Agency"] == "Reuters"
    assert meta["Date"] == "--03-03 (the text gives month and day only)"
    assert meta["Sign-off"] == art.signoff.text
    qrows = rows(table_after(doc, "Quotations"))[1:]
    assert qrows[0][0] == "e404" and qrows[0][3] == "?"  # shown as written, paragraph unknown
    assert qrows[1][0] == "not named in the text" and qrows[1][3] == "1"
    shown = "".join(r.text for r in story(doc)[0].runs if r.style.name == "Quotation")
    assert shown == p1.text[:12]
    assert rows(table_after(doc, "People"))[1][:3] == ["Jane Doe", "reporter", "e9"]
    assert table_after(doc, "Dates") is None
    assert check(result.value, "reuters.docx") == []
