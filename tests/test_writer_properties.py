"""Every writer, on every valid model hypothesis can think of, gives output that passes its checks.

For each article - made by the text reader from generated text, or built directly with quotations,
speakers, entities of every type, events, dates and hostile characters (tests/test_writer_strategies.py)
- and for every writer in `convert.writers.available()`:
- the writer returns bytes without raising;
- NewsML-G2 passes `convert.checks.newsml.check` with no error, and the official NewsML-G2 2.35
  schema (with NITF 3.6 for the body) where ../shared is present;
- NITF passes `convert.checks.nitf.check` with no error or warning, and the official nitf-3-6.xsd;
- JSON-LD passes `convert.checks.jsonld.check` with no error;
- ninjs (3.1, and 2.2 with `ninjs_version="2.2"`) validates against the official JSON Schema with
  jsonschema's format checker;
- DOCX passes `convert.checks.docx.check` with no error;
- model JSON round-trips (`from_json(to_json(a)) == a`) and validates against the packaged schema;
- characters XML 1.0 (or Word) cannot hold are removed with a warning (NC504, NC701), never silently.

Example counts (CI): 150 rich models and 100 parsed texts, each through all six writers (and ninjs
2.2), about 30-40 s on one core; `bench/prop_writers_long.py` runs the same properties with many more
examples (`--examples N`). Hypothesis shrinks any failure to a small model and prints it.
"""

from __future__ import annotations

import json
from functools import cache

from hypothesis import HealthCheck, given, settings

from convert.checks import docx as docx_check
from convert.checks import jsonld as jsonld_check
from convert.checks import newsml as newsml_check
from convert.checks import nitf as nitf_check
from convert.model import Article
from convert.modeljson import from_json
from convert.options import WriteOptions
from convert.schema import validate_model
from convert.writers import available, write
from convert.writers.nitf_body import _BAD_XML

from conftest import SHARED
from test_writer_strategies import parsed_articles, rich_articles, write_options

RICH_EXAMPLES = 150
PARSED_EXAMPLES = 100

G2_XSD = SHARED / "standards" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
NITF_XSD = SHARED / "standards" / "nitf" / "nitf-3-6.xsd"
NINJS = SHARED / "standards" / "ninjs"
#: the official schemas are used where ../shared is present (a user's clone has none)
HAVE_SHARED = G2_XSD.is_file() and NITF_XSD.is_file() and NINJS.is_dir()


@cache
def ninjs_validator(version: str):
    from jsonschema import Draft202012Validator

    schema = json.loads((NINJS / f"ninjs-schema_{version}.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(msgs, *, warnings: bool = False) -> list[str]:
    bad = ("error", "warning") if warnings else ("error",)
    return [m.render() for m in msgs if m.severity in bad]


def writer_problems(article: Article, options: WriteOptions = WriteOptions()) -> dict[str, list[str]]:
    """{format: [problem, ...]} for every writer whose output fails its checks (empty: all good)."""
    out: dict[str, list[str]] = {}
    bad_chars = any(_BAD_XML.search(p.text) for p in article.paragraphs)
    formats = available()
    assert {"json", "newsml", "nitf", "jsonld", "ninjs", "docx"} <= set(formats)
    for fmt in formats:
        result = write(article, fmt, options)
        data = result.value
        assert isinstance(data, bytes) and data, fmt
        codes = {m.code for m in result.messages}
        problems: list[str] = []
        if fmt == "json":
            problems += [m.render() for m in validate_model(json.loads(data))]
            if not problems and from_json(data) != article:
                problems.append("from_json(to_json(a)) != a")
        elif fmt == "newsml":
            problems += _errors(newsml_check.check(data, "x.newsml.xml", xsd=G2_XSD if HAVE_SHARED else None))
            if bad_chars and "NC504" not in codes:
                problems.append("characters outside XML 1.0 removed without NC504")
        elif fmt == "nitf":
            found = nitf_check.check(data, "x.nitf.xml", xsd=NITF_XSD if HAVE_SHARED else None)
            if not _BAD_XML.sub("", article.title.text).strip():  # a title of characters XML cannot hold
                found = [m for m in found if not (m.code == "NC573" and "title" in m.text)]
            problems += _errors(found, warnings=True)
            if bad_chars and "NC504" not in codes:
                problems.append("characters outside XML 1.0 removed without NC504")
        elif fmt == "jsonld":
            problems += _errors(jsonld_check.check(data, "x.jsonld"))
        elif fmt == "ninjs":
            json.loads(data)
            if HAVE_SHARED:
                for version in ("3.1", "2.2"):
                    doc = json.loads(data if version == "3.1" else write(
                        article, "ninjs", _with(options, ninjs_version="2.2")).value)
                    problems += [f"ninjs {version} {e.json_path}: {e.message}"
                                 for e in ninjs_validator(version).iter_errors(doc)]
        elif fmt == "docx":
            problems += _errors(docx_check.check(data, "x.docx"))
            if bad_chars and "NC701" not in codes:
                problems.append("characters Word cannot hold removed without NC701")
        if problems:
            out[fmt] = problems
    return out


def _with(options: WriteOptions, **changes) -> WriteOptions:
    from dataclasses import replace

    return replace(options, **changes)


@settings(max_examples=RICH_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_articles(), write_options())
def test_every_writer_handles_every_rich_model(article, options):
    assert writer_problems(article, options) == {}


@settings(max_examples=PARSED_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(parsed_articles(), write_options())
def test_every_writer_handles_what_the_reader_makes(article, options):
    if article is None:  # the reader refused the text (its own tests cover that)
        return
    assert writer_problems(article, options) == {}


def test_the_properties_can_fail():
    """The checks above are real: a model the schema refuses fails the model JSON property, a
    dangling speaker reference is coped with (reported by the writers, no crash), and NITF output
    with a broken link fails the NITF check."""
    from dataclasses import replace

    import convert
    from convert.model import Quote, Span

    art = convert.parse("Title\n\nSome text here.\n", source="t.txt").value
    assert writer_problems(art) == {}
    assert "json" in writer_problems(replace(art, language="not a tag"))  # the model schema (and xml:lang)
    dangling = replace(art, quotes=(Quote("q1", "Some", "direct", "p1", Span(7, 11, 3, 1, 3, 5), speaker="e9"),))
    assert writer_problems(dangling) == {}
    data = write(art, "nitf").value.replace(b'<p id="p1">', b'<p id="p1"><person idsrc="%s" value="e9">x</person>'
                                            % art.id.encode())
    assert [m.code for m in nitf_check.check(data, "x")] == ["NC575"]


# ---- what the properties found (kept as plain regression tests) ---------------------------------

def _dated(date: str, agency: str | None = None) -> Article:
    from dataclasses import replace

    import convert

    art = convert.parse("Title\n\nLONDON, March 3, 2024 (Reuters) - Some text here.\n", source="t.txt").value
    assert art.dateline is not None
    return replace(art, dateline=replace(art.dateline, date=date, date_partial=date.startswith("--"),
                                         agency=agency or art.dateline.agency))


def test_a_year_or_month_dateline_date_does_not_crash_docx():
    for date in ("2024", "2024-11"):
        result = write(_dated(date), "docx")  # raised ValueError (fromisoformat) before
        assert "NC705" in {m.code for m in result.messages}
        assert _errors(docx_check.check(result.value, "x.docx")) == []


def test_nitf_date_issue_keeps_a_reduced_date_readable():
    from lxml import etree

    for date, norm in (("2024-11-26", "20241126"), ("2024-11", "2024-11"), ("2024", "2024")):
        root = etree.fromstring(write(_dated(date), "nitf").value)
        assert root.find(f".//{{{nitf_check.NITF}}}date.issue").get("norm") == norm  # was "202411"


def test_newsml_literals_and_names_hold_no_tab_or_line_break():
    from lxml import etree

    data = write(_dated("2024-11-26", agency="Reuters\tWire"), "newsml",
                 WriteOptions(provider="Example\nNews")).value
    root = etree.fromstring(data)
    ns = "{http://iptc.org/std/nar/2006-10-01/}"
    assert root.find(f".//{ns}infoSource").get("literal") == "Reuters Wire"
    assert root.find(f".//{ns}provider").get("literal") == "Example News"
    assert all("\t" not in (n.text or "") and "\n" not in (n.text or "") for n in root.iter(f"{ns}name"))
    if HAVE_SHARED:
        assert _errors(newsml_check.check(data, "x", xsd=G2_XSD)) == []
